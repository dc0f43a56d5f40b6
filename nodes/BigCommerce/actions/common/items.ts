import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BatchOutcome, BatchRecordFailure, RequestRoute } from '../../transport';
import { batchWrite, concurrencyFor } from '../../transport';

/** What became of one input item: its value, or the failure that goes on its own output item. */
export type ItemOutcome<T> = BatchOutcome<T>;
export type ItemFailure = Extract<ItemOutcome<unknown>, { ok: false }>;

/** Appends a value to its key's list (a group of items by location, channel, owner type...). */
export function pushTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
	const group = groups.get(key);
	if (group) group.push(value);
	else groups.set(key, [value]);
}

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

/** An item's result (an object or a list of objects) as output items paired with it. */
function pushResult(output: INodeExecutionData[], result: IDataObject | IDataObject[], itemIndex: number): void {
	if (Array.isArray(result)) for (const json of result) output.push({ json, pairedItem: { item: itemIndex } });
	else output.push({ json: result, pairedItem: { item: itemIndex } });
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
			pushResult(output, await run(itemIndex), itemIndex);
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
			const value = read(itemIndex);
			// Most reads are synchronous: no promise to wait for per item.
			inputs.push({ ok: true, value: value instanceof Promise ? await value : value });
		} catch (error) {
			inputs.push(itemFailure(context, error, itemIndex));
		}
	}
	return inputs;
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
	/** The endpoint written, for the requests in flight it allows (a few when not named). */
	route?: RequestRoute;
}

/** What identifies a record in the store: records sharing one are written in input order. */
function recordKeys(record: unknown): unknown[] {
	if (typeof record === 'number' || typeof record === 'string') return [`id:${record}`];
	if (!record || typeof record !== 'object') return [];
	const { id, email, sku } = record as IDataObject;
	return [
		id === undefined ? undefined : `id:${String(id)}`,
		typeof email === 'string' ? `email:${email.toLowerCase()}` : undefined,
		typeof sku === 'string' ? `sku:${sku.toLowerCase()}` : undefined,
	];
}

/** One record to write and the input items it answers for (several rows may share one record). */
export interface PlannedWrite<TRecord> {
	itemIndexes: number[];
	record: TRecord;
}

/**
 * The one shape of a batched write, in four steps:
 * 1. read: readEveryItem checks every item's input before anything is sent;
 * 2. plan: a pure function says what happens to each item (create, update, or fail), from the
 *    inputs and look-ups made many keys per request;
 * 3. run: each kind of write goes through `write` (batchWrite) or, for creates of one record per
 *    request, mapConcurrent with `fail` and `settle`; every answer lands on its items here;
 * 4. emit: one output item per input item, in order. An item left without an outcome is a bug
 *    and stops the node, naming the item, instead of being output empty.
 */
export class ItemOutcomes<T> {
	private readonly outcomes = new Map<number, ItemOutcome<T>>();

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly items: INodeExecutionData[],
		inputs: Array<ItemOutcome<unknown>> = [],
	) {
		inputs.forEach((input, itemIndex) => {
			if (!input.ok) this.outcomes.set(itemIndex, input);
		});
	}

	/** Records what became of these items; a failure is output on each of them. */
	settle(itemIndexes: number | number[], outcome: ItemOutcome<T>): void {
		if (typeof itemIndexes === 'number') this.outcomes.set(itemIndexes, outcome);
		else for (const itemIndex of itemIndexes) this.outcomes.set(itemIndex, outcome);
	}

	/** An item's failure: stops the node here without Continue On Fail (see itemFailure). */
	fail(itemIndex: number, error: unknown): ItemFailure {
		const failure = itemFailure(this.context, error, itemIndex);
		this.outcomes.set(itemIndex, failure);
		return failure;
	}

	get(itemIndex: number): ItemOutcome<T> | undefined {
		return this.outcomes.get(itemIndex);
	}

	/**
	 * Writes the planned records in as few requests as the batch limit allows, as many at once as
	 * the endpoint allows, and settles their items with each record's answer, shaped by `toValue`.
	 * Without Continue On Fail no batch is sent after one failed (those already in flight finish),
	 * and the first failure in input order stops the node.
	 */
	async write<TRecord, TResult>(
		plan: Array<PlannedWrite<TRecord>>,
		batched: BatchedSend<TRecord, TResult>,
		toValue: (result: TResult) => T,
	): Promise<void> {
		const answers = await batchWrite(
			plan.map((entry) => entry.record),
			batched.batchSize,
			batched.send,
			{
				isolateFailures: batched.isolateFailures,
				stopAfterFailure: !this.context.continueOnFail(),
				concurrency: concurrencyFor(this.context, batched.route),
				keysOf: recordKeys,
			},
		);
		answers.forEach((answer, position) => {
			const { itemIndexes } = plan[position];
			if (answer.ok) this.settle(itemIndexes, { ok: true, value: toValue(answer.value) });
			else this.settle(itemIndexes, this.fail(itemIndexes[0], answer.error));
		});
	}

	/**
	 * One output item per input item (or several, for a list), each paired with its input. A
	 * failure stops the node, naming its item, or with Continue On Fail yields { error } there.
	 */
	async emit(output: (value: T, itemIndex: number) => IDataObject | IDataObject[]): Promise<INodeExecutionData[]> {
		const missing = this.items.findIndex((_, itemIndex) => !this.outcomes.has(itemIndex));
		if (missing >= 0) {
			throw new NodeOperationError(this.context.getNode(), `Internal error: item ${missing} ended without an outcome`, {
				itemIndex: missing,
				description: 'Nothing was recorded for this item, so it is not known whether it was written. Please report this.',
			});
		}
		// One pass without a promise per item: every outcome is known by now.
		const continueOnFail = this.context.continueOnFail();
		const emitted: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.items.length; itemIndex++) {
			const outcome = this.outcomes.get(itemIndex) as ItemOutcome<T>;
			try {
				if (!outcome.ok) throw outcome.error;
				pushResult(emitted, output(outcome.value, itemIndex), itemIndex);
			} catch (error) {
				const failure = atItem(this.context, error, itemIndex);
				if (!continueOnFail) throw failure;
				emitted.push(errorItem(failure, itemIndex));
			}
		}
		return emitted;
	}
}

export interface BatchedWrite<TRecord, TResult> extends BatchedSend<TRecord, TResult> {
	/** Reads and checks one item's parameters; throws NodeOperationError for bad input. */
	build: (itemIndex: number) => TRecord | Promise<TRecord>;
	/** Shapes one record's result into its output item. */
	output: (result: TResult, itemIndex: number) => IDataObject;
}

/**
 * The batched write of one record per item: groups the input items into as few requests as
 * the API's batch limit allows and still returns one output item per input item, in order,
 * each paired with its input. Every item's input is checked before the first request is sent;
 * a record the store did not save fails on its own item.
 */
export async function executeBatched<TRecord, TResult>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	write: BatchedWrite<TRecord, TResult>,
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, write.build);
	const outcomes = new ItemOutcomes<TResult>(this, items, inputs);
	await outcomes.write(plannedPerItem(inputs), write, (result) => result);
	return await outcomes.emit(write.output);
}

/** One planned write per item whose input is good: the record it read. */
export function plannedPerItem<TRecord>(inputs: Array<ItemOutcome<TRecord>>): Array<PlannedWrite<TRecord>> {
	const plan: Array<PlannedWrite<TRecord>> = [];
	inputs.forEach((input, itemIndex) => {
		if (input.ok) plan.push({ itemIndexes: [itemIndex], record: input.value });
	});
	return plan;
}
