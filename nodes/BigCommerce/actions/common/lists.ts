import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { paginate, type PaginateOptions } from '../../transport';
import { readReturnAllOrLimit, toId } from './inputs';
import { executePerItem } from './items';
import { itemParameter } from './parameters';

export interface ListRequest extends Omit<PaginateOptions, 'limit' | 'itemIndex'> {
	/** Shapes each record as it arrives, e.g. simplifies it, splits it into rows or adds to it. */
	shape?: (record: IDataObject) => IDataObject | IDataObject[] | Promise<IDataObject | IDataObject[]>;
}

/**
 * Get Many: for each input item reads Return All / Limit, then the item's list request (its
 * filters checked before any request), and outputs every record as its own item, paired with
 * the input item, reading no more pages than Limit needs.
 */
export async function executeList(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	listFor: (itemIndex: number) => ListRequest | Promise<ListRequest>,
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const { limit } = readReturnAllOrLimit(this, itemIndex);
		const { shape, ...request } = await listFor(itemIndex);
		const records: IDataObject[] = [];
		for await (const page of paginate.call(this, { ...request, limit, itemIndex })) {
			for (const record of page) {
				const shaped = shape ? await shape(record) : record;
				if (Array.isArray(shaped)) records.push(...shaped);
				else records.push(shaped);
			}
		}
		return records;
	});
}

/** The execute of a Get Many: `listFor` reads one item's parameters into its list request. */
export function listOperation(
	listFor: (context: IExecuteFunctions, itemIndex: number) => ListRequest | Promise<ListRequest>,
): (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]> {
	return async function (this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeList.call(this, items, (itemIndex) => listFor(this, itemIndex));
	};
}

/** Shapes records with `toSimple` when the operation's Simplify parameter is on. */
export function simplifiedBy(
	context: IExecuteFunctions,
	itemIndex: number,
	toSimple: ListRequest['shape'] & {},
): ListRequest['shape'] {
	return itemParameter(context, 'simplify', itemIndex, true) ? toSimple : undefined;
}

/** The entries of a list as given, or the parts of a comma-separated text, trimmed, empty ones left out. */
export function listOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** The parts of a comma-separated text (or the entries of a list), trimmed, empty ones left out. */
export function toList(value: unknown): string[] {
	return listOf(value)
		.map((part) => String(part).trim())
		.filter((part) => part !== '');
}

/** Each entry checked as a BigCommerce ID, naming the field otherwise. */
export function toIds(context: IExecuteFunctions, entries: unknown[], displayName: string, itemIndex: number): number[] {
	return entries.map((entry) => toId(context, entry, displayName, itemIndex));
}

/** Puts the values into the query as one comma-separated `key` (e.g. `id:in`), when there are any. */
export function putList(qs: IDataObject, key: string, values: unknown[]): void {
	if (values.length) qs[key] = values.join(',');
}
