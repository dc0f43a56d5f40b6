import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { atItem } from '../common/items';

// One first try plus at most two more, each only after the store was checked.
const MAX_CREATE_ATTEMPTS = 3;

/**
 * Whether a failed write may still have been saved: the connection dropped after the request
 * was sent (no status), or BigCommerce answered 5xx part-way. A 4xx or 429 was refused outright.
 */
export function mayHaveBeenSaved(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (error.httpCode === null || error.httpCode === undefined || error.httpCode === '') return true;
	return Number(error.httpCode) >= 500;
}

/**
 * Creates a record without ever duplicating it. Transport never repeats a POST whose outcome is
 * unknown; here such a failure is followed by a look-up by the record's unique key (SKU or name),
 * and the create is sent again only when that look-up shows it was not saved.
 */
export async function createOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	steps: {
		create: () => Promise<IDataObject>;
		findExisting: () => Promise<IDataObject | undefined>;
	},
): Promise<IDataObject> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await steps.create();
		} catch (error) {
			if (!mayHaveBeenSaved(error) || attempt >= MAX_CREATE_ATTEMPTS) throw atItem(this, error, itemIndex);
			const existing = await steps.findExisting();
			if (existing) return existing;
		}
	}
}
