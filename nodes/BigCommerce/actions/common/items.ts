import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BatchOutcome } from '../../transport';
import { batchWrite } from '../../transport';

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

export interface BatchedWrite<TRecord, TResult> {
	/** Reads and checks one item's parameters; throws NodeOperationError for bad input. */
	build: (itemIndex: number) => TRecord | Promise<TRecord>;
	batchSize: number;
	/** Sends one batch; returns one result per record, in order. */
	send: (records: TRecord[]) => Promise<TResult[]>;
	/** Shapes one record's result into its output item. */
	output: (result: TResult, itemIndex: number) => IDataObject;
	isolateFailures?: boolean;
}

/**
 * Groups the input items into as few requests as the API's batch limit allows and still
 * returns one output item per input item, in order, each paired with its input. Every
 * item's input is checked before the first request is sent.
 */
export async function executeBatched<TRecord, TResult>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	write: BatchedWrite<TRecord, TResult>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const failures = new Map<number, NodeApiError | NodeOperationError>();
	const records: TRecord[] = [];
	const recordItems: number[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			records.push(await write.build(itemIndex));
			recordItems.push(itemIndex);
		} catch (error) {
			const failure = atItem(this, error, itemIndex);
			if (!continueOnFail) throw failure;
			failures.set(itemIndex, failure);
		}
	}

	const outcomes: Array<BatchOutcome<TResult>> = await batchWrite(records, write.batchSize, write.send, {
		isolateFailures: write.isolateFailures,
	});

	const results = new Map<number, BatchOutcome<TResult>>();
	outcomes.forEach((outcome, position) => results.set(recordItems[position], outcome));

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const failed = failures.get(itemIndex);
		if (failed) {
			output.push(errorItem(failed, itemIndex));
			continue;
		}
		const outcome = results.get(itemIndex);
		if (!outcome) continue;
		if (outcome.ok) {
			output.push({ json: write.output(outcome.value, itemIndex), pairedItem: { item: itemIndex } });
			continue;
		}
		const failure = atItem(this, outcome.error, itemIndex);
		if (!continueOnFail) throw failure;
		output.push(errorItem(failure, itemIndex));
	}
	return output;
}
