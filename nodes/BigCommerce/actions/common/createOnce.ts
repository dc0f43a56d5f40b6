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
	/**
	 * Set when the caller looked the records up just before and none was in the store (an
	 * upsert creates only what its look-up did not find): the look-up before sending is skipped.
	 */
	checkedAbsent?: boolean;
	/** Names a record the store already had, for its item's error, e.g. `product 12 (SKU TOTE-1)`. */
	describe?: (found: TSaved) => string;
}

/** The failure as a node error, its class and words kept. */
export function asNodeError(context: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error));
}

/** A record by its ID and the unique key it was found by, e.g. `record 7 (e-mail ann@example.com)`. */
function describeRecord(found: unknown): string {
	const record = (found ?? {}) as { id?: unknown; email?: unknown; sku?: unknown; name?: unknown };
	const key = record.email
		? `e-mail ${String(record.email)}`
		: record.sku
			? `SKU ${String(record.sku)}`
			: record.name
				? `named ${String(record.name)}`
				: undefined;
	const name = record.id === undefined ? 'a record' : `record ${String(record.id)}`;
	return key ? `${name} (${key})` : name;
}

function alreadyExisted<TSaved>(context: IExecuteFunctions, found: TSaved, describe?: (found: TSaved) => string) {
	const what = describe ? describe(found) : describeRecord(found);
	return new NodeOperationError(context.getNode(), `Not created: ${what} was already in the store`, {
		description:
			'The connection failed after the create was sent. A look-up then found this record, but it was in the store before the create, so it is not one this item created, and nothing was created. Change the SKU, name or e-mail to one the store does not have, or update the existing record.',
	});
}

/**
 * Creates records without ever duplicating one. Transport never repeats a create whose outcome
 * is unknown (see outcomeUnknown); here such a failure, or a record that a 207 answer left
 * unsaved, is followed by a look-up by the records' unique key, and only the records that look-up
 * does not find are sent again, five tries in all. Answers one entry per record, in order:
 * the saved record or its BatchRecordFailure (as batchWrite's `send` does).
 *
 * The records are looked up once before the first send too (unless the caller did so just
 * before): a record found then was already in the store, so finding it again after a lost answer
 * is a conflict on its item, never a record this create saved.
 *
 * A refusal (4xx) saved nothing: while nothing of the records is saved it is thrown, so that
 * batchWrite may halve the batch to find the bad record. When a look-up fails, the records it
 * could not check keep the create's failure, which says that they may have been saved.
 */
export async function createEachOnce<TRecord, TSaved>(
	context: IExecuteFunctions,
	steps: CreateEachOnce<TRecord, TSaved>,
): Promise<Array<TSaved | BatchRecordFailure>> {
	const saved = new Map<number, TSaved>();
	const failures = new Map<number, unknown>();
	let pending = steps.records.map((_, position) => position);
	const recordsOf = (positions: number[]) => positions.map((position) => steps.records[position]);

	// A look-up after a lost answer finds the record by its unique key, which a record that was
	// there before would match too: only what was not there before the first send is ours.
	const existed = new Set<number>();
	if (!steps.checkedAbsent) {
		try {
			const before = await steps.lookup(recordsOf(pending));
			pending.forEach((position, index) => {
				if (before[index] !== undefined) existed.add(position);
			});
		} catch (error) {
			throw asNodeError(context, error);
		}
	}

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
				if (record === undefined) return;
				if (existed.has(position)) failures.set(position, alreadyExisted(context, record, steps.describe));
				else saved.set(position, record);
			});
		} catch {
			break;
		}
		// A record found that was there before is not sent again: the store would refuse it.
		pending = pending.filter((position) => !saved.has(position) && !existed.has(position));
		if (pending.length === 0) break;
	}

	return steps.records.map((_, position) =>
		saved.has(position)
			? (saved.get(position) as TSaved)
			: new BatchRecordFailure(asNodeError(context, failures.get(position))),
	);
}

/**
 * Creates one record (one request) without ever duplicating it: after a failure whose outcome
 * is unknown, `lookup` checks the store by the record's unique key, and the create is sent
 * again only when the record is not there. A record the store had before the create is a
 * conflict, not the record created. Throws the create's failure otherwise.
 */
export async function createOnce<TSaved>(
	context: IExecuteFunctions,
	steps: {
		create: () => Promise<TSaved>;
		lookup: () => Promise<TSaved | undefined>;
		checkedAbsent?: boolean;
		describe?: (found: TSaved) => string;
	},
): Promise<TSaved> {
	const [result] = await createEachOnce(context, {
		records: [null],
		create: async () => [await steps.create()],
		lookup: async () => [await steps.lookup()],
		checkedAbsent: steps.checkedAbsent,
		describe: steps.describe,
	});
	if (result instanceof BatchRecordFailure) throw result.error;
	return result;
}
