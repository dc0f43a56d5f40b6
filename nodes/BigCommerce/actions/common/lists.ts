import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { paginate, type PaginateOptions } from '../../transport';
import { readReturnAllOrLimit } from './inputs';
import { executePerItem } from './items';

export interface ListRequest extends Omit<PaginateOptions, 'limit' | 'itemIndex'> {
	/** Shapes each record as it arrives, e.g. simplifies it. */
	shape?: (record: IDataObject) => IDataObject;
}

/**
 * Get Many: for each input item reads Return All / Limit, then the item's list request (its
 * filters checked before any request), and outputs every record as its own item, paired with
 * the input item, reading no more pages than Limit needs.
 */
export async function executeList(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	listFor: (itemIndex: number) => ListRequest,
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const { limit } = readReturnAllOrLimit(this, itemIndex);
		const { shape, ...request } = listFor(itemIndex);
		const records: IDataObject[] = [];
		for await (const page of paginate.call(this, { ...request, limit, itemIndex })) {
			for (const record of page) records.push(shape ? shape(record) : record);
		}
		return records;
	});
}

/** The parts of a comma-separated text (or the entries of a list), trimmed, empty ones left out. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}
