import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BatchRecordFailure, outcomeUnknown } from '../../transport';

// As many tries as transport gives a repeatable request, each after the store was checked.
const CREATE_ATTEMPTS = 5;

export interface CreateEachOnce<TRecord, TSaved> {
	records: TRecord[];
	/**
	 * Sends the records not saved yet (one request); answers one entry per record, in order:
	 * the saved record, or a BatchRecordFailure for one the store did not save (207).
	 */
	create: (pending: TRecord[]) => Promise<Array<TSaved | BatchRecordFailure>>;
	/**
	 * Looks the records up by their unique key (SKU, e-mail ...); answers one entry per record,
	 * in order: the stored record, or undefined when the store does not have it.
	 */
	lookup: (pending: TRecord[]) => Promise<Array<TSaved | undefined>>;
}

function asNodeError(context: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error));
}

async function createAll<TRecord, TSaved>(
	context: IExecuteFunctions,
	steps: CreateEachOnce<TRecord, TSaved>,
): Promise<Array<TSaved | BatchRecordFailure>> {
	const saved = new Map<number, TSaved>();
	const failures = new Map<number, unknown>();
	let pending = steps.records.map((_, position) => position);
	const recordsOf = (positions: number[]) => positions.map((position) => steps.records[position]);

	for (let attempt = 1; ; attempt++) {
		try {
			const results = await steps.create(recordsOf(pending));
			pending.forEach((position, index) => {
				const result = results[index];
				if (result instanceof BatchRecordFailure) failures.set(position, result.error);
				else saved.set(position, result);
			});
		} catch (error) {
			for (const position of pending) failures.set(position, error);
			if (!outcomeUnknown(error)) {
				if (saved.size === 0) throw asNodeError(context, error);
				break;
			}
		}
		pending = pending.filter((position) => !saved.has(position));
		if (pending.length === 0 || attempt >= CREATE_ATTEMPTS) break;
		try {
			const found = await steps.lookup(recordsOf(pending));
			pending.forEach((position, index) => {
				const record = found[index];
				if (record !== undefined) saved.set(position, record);
			});
		} catch {
			break;
		}
		pending = pending.filter((position) => !saved.has(position));
		if (pending.length === 0) break;
	}

	return steps.records.map((_, position) =>
		saved.has(position)
			? (saved.get(position) as TSaved)
			: new BatchRecordFailure(asNodeError(context, failures.get(position))),
	);
}

/**
 * Creates records without ever duplicating one. Transport never repeats a create whose outcome
 * is unknown (see outcomeUnknown); here such a failure, or a record that a 207 answer left
 * unsaved, is followed by a look-up by the records' unique key, and only the records that look-up
 * does not find are sent again, five tries in all. Answers one entry per record, in order:
 * the saved record or its BatchRecordFailure (as batchWrite's `send` does).
 *
 * A refusal (4xx) saved nothing: while nothing of the records is saved it is thrown, so that
 * batchWrite may halve the batch to find the bad record. When a look-up fails, the records it
 * could not check keep the create's failure, which says that they may have been saved.
 */
export async function createEachOnce<TRecord, TSaved>(
	context: IExecuteFunctions,
	steps: CreateEachOnce<TRecord, TSaved>,
): Promise<Array<TSaved | BatchRecordFailure>> {
	return await createAll(context, steps);
}

/**
 * Creates one record (one request) without ever duplicating it: after a failure whose outcome
 * is unknown, `lookup` checks the store by the record's unique key, and the create is sent
 * again only when the record is not there. Throws the create's failure otherwise.
 */
export async function createOnce<TSaved>(
	context: IExecuteFunctions,
	steps: { create: () => Promise<TSaved>; lookup: () => Promise<TSaved | undefined> },
): Promise<TSaved> {
	const [result] = await createAll(context, {
		records: [null],
		create: async () => [await steps.create()],
		lookup: async () => [await steps.lookup()],
	});
	if (result instanceof BatchRecordFailure) throw result.error;
	return result;
}
