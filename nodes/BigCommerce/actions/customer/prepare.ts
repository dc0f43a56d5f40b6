import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { atItem, executePerItem } from '../common/items';

export type Prepared<T> = { ok: true; value: T } | { ok: false; error: NodeApiError | NodeOperationError };

/**
 * Reads and checks every item's input before the first request. Without Continue On Fail the
 * first bad item stops the node here, so nothing is sent; with it, the bad item is kept aside
 * and reported on its own output item.
 */
export function readEveryItem<T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => T,
): Array<Prepared<T>> {
	const continueOnFail = context.continueOnFail();
	return items.map((_, itemIndex) => {
		try {
			return { ok: true as const, value: read(itemIndex) };
		} catch (error) {
			const failure = atItem(context, error, itemIndex);
			if (!continueOnFail) throw failure;
			return { ok: false as const, error: failure };
		}
	});
}

/**
 * Emits one output item per input item from outcomes worked out beforehand (batched
 * lookups and writes), with pairedItem, and errors on their own item.
 */
export async function emitOutcomes(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	outcome: (itemIndex: number) => Prepared<IDataObject>,
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(context, items, async (itemIndex) => {
		const result = outcome(itemIndex);
		if (!result.ok) throw result.error;
		return result.value;
	});
}

/**
 * Writes the records of the items whose input is good, all together (the writer batches
 * them), and returns one outcome per item: its input problem or its own write's outcome.
 */
export async function writeForItems(
	inputs: Array<Prepared<IDataObject>>,
	write: (records: IDataObject[]) => Promise<Array<Prepared<IDataObject>>>,
): Promise<Array<Prepared<IDataObject>>> {
	const ready: number[] = [];
	inputs.forEach((input, itemIndex) => {
		if (input.ok) ready.push(itemIndex);
	});
	const results = ready.length
		? await write(ready.map((itemIndex) => (inputs[itemIndex] as { value: IDataObject }).value))
		: [];
	const outcomes = [...inputs];
	ready.forEach((itemIndex, position) => {
		outcomes[itemIndex] = results[position];
	});
	return outcomes;
}
