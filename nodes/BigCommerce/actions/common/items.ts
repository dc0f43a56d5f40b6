import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BatchOutcome, BatchRecordFailure } from '../../transport';
import { batchWrite } from '../../transport';

/** What became of one input item: its value, or the failure that goes on its own output item. */
export type ItemOutcome<T> = BatchOutcome<T>;
export type ItemFailure = Extract<ItemOutcome<unknown>, { ok: false }>;

/** Gives an error the index of the item it belongs to, keeping its class and words. */
export function atItem(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...error.context, itemIndex };
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(context.getNode(), message, { itemIndex });
}

/**
 * An item's failure: without Continue On Fail it stops the node here (thrown, naming the item);
 * with it, the failure is returned to be output on the item's own output item later.
 */
export function itemFailure(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): ItemFailure {
	const failure = atItem(context, error, itemIndex);
	if (!context.continueOnFail()) throw failure;
	return { ok: false, error: failure };
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { errorDescription: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/**
 * Runs one item at a time: each result (an object or a list of objects) becomes output items
 * paired with their input. With Continue On Fail a failing item yields { error } and the rest
 * go on; otherwise the first failure stops the node, naming its item.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run(itemIndex);
			const records = Array.isArray(result) ? result : [result];
			for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const failure = atItem(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			output.push(errorItem(failure, itemIndex));
		}
	}
	return output;
}

/**
 * Reads and checks every item's input before the first request is sent. Without Continue On
 * Fail the first bad item stops the node here, so nothing is sent; with it, the bad item's
 * failure is kept for its own output item and the others go on.
 */
export async function readEveryItem<T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => T | Promise<T>,
): Promise<Array<ItemOutcome<T>>> {
	const inputs: Array<ItemOutcome<T>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			inputs.push({ ok: true, value: await read(itemIndex) });
		} catch (error) {
			inputs.push(itemFailure(context, error, itemIndex));
		}
	}
	return inputs;
}

/**
 * Emits one output item per input item (or several, for a list) from outcomes worked out
 * beforehand, e.g. by batched look-ups and writes, each paired with its input. A failed
 * outcome stops the node, naming its item, or with Continue On Fail yields { error } there.
 */
export async function emitOutcomes(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	outcomeOf: (itemIndex: number) => ItemOutcome<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(context, items, async (itemIndex) => {
		const outcome = outcomeOf(itemIndex);
		if (!outcome.ok) throw outcome.error;
		return outcome.value;
	});
}

/**
 * Like executePerItem, but every item's input is read and checked (read) before the first
 * item's request is sent (run): bad input anywhere sends nothing.
 */
export async function executePerItemReadFirst<T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	steps: {
		read: (itemIndex: number) => T | Promise<T>;
		run: (input: T, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
	},
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(context, items, steps.read);
	return await executePerItem.call(context, items, async (itemIndex) => {
		const input = inputs[itemIndex];
		if (!input.ok) throw input.error;
		return await steps.run(input.value, itemIndex);
	});
}

export interface BatchedSend<TRecord, TResult> {
	batchSize: number;
	/**
	 * Sends one batch; returns one result per record, in order: the record's result, or a
	 * BatchRecordFailure for a record the store did not save although the request succeeded.
	 */
	send: (records: TRecord[]) => Promise<Array<TResult | BatchRecordFailure>>;
	/** Halves a batch refused for one bad record until the refusal sits on that record. */
	isolateFailures?: boolean;
}

/**
 * Writes the records of the items whose input is good in as few requests as the batch limit
 * allows, and returns one outcome per item, in order: its input's failure or its record's.
 */
export async function writeItemsInBatches<TRecord, TResult>(
	inputs: Array<ItemOutcome<TRecord>>,
	write: BatchedSend<TRecord, TResult>,
	options: { stopAfterFailure: boolean },
): Promise<Array<ItemOutcome<TResult>>> {
	const records: TRecord[] = [];
	for (const input of inputs) if (input.ok) records.push(input.value);
	const written = await batchWrite(records, write.batchSize, write.send, {
		isolateFailures: write.isolateFailures,
		stopAfterFailure: options.stopAfterFailure,
	});
	let position = 0;
	return inputs.map((input) => (input.ok ? written[position++] : input));
}

export interface BatchedWrite<TRecord, TResult> extends BatchedSend<TRecord, TResult> {
	/** Reads and checks one item's parameters; throws NodeOperationError for bad input. */
	build: (itemIndex: number) => TRecord | Promise<TRecord>;
	/** Shapes one record's result into its output item. */
	output: (result: TResult, itemIndex: number) => IDataObject;
}

/**
 * Groups the input items into as few requests as the API's batch limit allows and still
 * returns one output item per input item, in order, each paired with its input. Every
 * item's input is checked before the first request is sent; a record the store did not save
 * fails on its own item.
 */
export async function executeBatched<TRecord, TResult>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	write: BatchedWrite<TRecord, TResult>,
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, write.build);
	const outcomes = await writeItemsInBatches(inputs, write, { stopAfterFailure: !this.continueOnFail() });
	return await emitOutcomes(this, items, (itemIndex) => {
		const outcome = outcomes[itemIndex];
		return outcome.ok ? { ok: true, value: write.output(outcome.value, itemIndex) } : outcome;
	});
}
