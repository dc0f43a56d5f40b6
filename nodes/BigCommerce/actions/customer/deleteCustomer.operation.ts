import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest, chunkForBatch } from '../../transport';
import { showFor } from '../common/displayOptions';
import { emitOutcomes, itemFailure, readEveryItem, type ItemFailure } from '../common/items';
import { readId } from '../common/inputs';
import { customerIdLocator } from './options';
import { CUSTOMERS_PATH, CUSTOMER_PAGE_SIZE, customerNotFound, findCustomersById } from './requests';

const properties: INodeProperties[] = [customerIdLocator];

export const description = showFor({ show: { resource: ['customer'], operation: ['delete'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readId(this, 'customerId', itemIndex, 'Customer ID'));
	const ids: number[] = [];
	for (const input of inputs) if (input.ok) ids.push(input.value);
	const firstItem = inputs.findIndex((input) => input.ok);

	let existing = new Set<number>();
	let lookupFailure: ItemFailure | undefined;
	const deleteFailures = new Map<number, ItemFailure>();
	if (ids.length) {
		try {
			// DELETE /v3/customers answers 204 whether or not the IDs exist: look them up first so
			// that a wrong ID is reported instead of silently "deleted".
			existing = new Set((await findCustomersById.call(this, ids, [], firstItem)).keys());
		} catch (error) {
			lookupFailure = itemFailure(this, error, firstItem);
		}
		if (!this.continueOnFail()) {
			// The node will stop at an unknown ID anyway: stop before deleting the others.
			const unknown = inputs.findIndex((input) => input.ok && !existing.has(input.value));
			const input = inputs[unknown];
			if (input?.ok) throw customerNotFound(this, input.value, unknown);
		}
		for (const chunk of chunkForBatch([...existing], CUSTOMER_PAGE_SIZE)) {
			try {
				await bigCommerceRequest.call(this, {
					method: 'DELETE',
					path: CUSTOMERS_PATH,
					qs: { 'id:in': chunk.join(',') },
					itemIndex: firstItem,
				});
			} catch (error) {
				const failure = itemFailure(this, error, inputs.findIndex((input) => input.ok && chunk.includes(input.value)));
				for (const id of chunk) deleteFailures.set(id, failure);
			}
		}
	}

	return await emitOutcomes(this, items, (itemIndex) => {
		const input = inputs[itemIndex];
		if (!input.ok) return input;
		const failure = lookupFailure ?? deleteFailures.get(input.value);
		if (failure) return failure;
		if (!existing.has(input.value)) return { ok: false, error: customerNotFound(this, input.value, itemIndex) };
		return { ok: true, value: { deleted: true, id: input.value } };
	});
}
