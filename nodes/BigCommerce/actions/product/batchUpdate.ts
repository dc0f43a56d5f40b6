import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { atItem } from '../common/items';

/** One record's answer inside a batch: the saved record, or why it was not saved. */
export type RecordAnswer = { record: IDataObject } | { failure: NodeApiError };

interface BatchAnswer {
	data?: IDataObject[];
	errors?: unknown;
}

function problemTitle(errors: unknown, id: number): string | undefined {
	const problems = Array.isArray(errors) ? (errors as IDataObject[]) : errors ? [errors as IDataObject] : [];
	const mentions = problems.find((problem) => JSON.stringify(problem.errors ?? {}).includes(String(id)));
	const problem = mentions ?? problems[0];
	return problem ? String(problem.title ?? problem.message ?? '') || undefined : undefined;
}

/**
 * Sends one batch PUT of records that each carry an `id` (products 10, variants 50 per request)
 * and answers per record, in order. The same id twice in one batch is sent once, its fields
 * merged in input order. A 207 Multi-Status leaves some records unsaved: those are sent once
 * more (a PUT sets absolute values, so repeating it is safe) and, if still refused, answered
 * with BigCommerce's reason.
 */
export async function putBatchById(
	this: IExecuteFunctions,
	path: string,
	records: IDataObject[],
): Promise<RecordAnswer[]> {
	const merged = new Map<number, IDataObject>();
	for (const record of records) {
		const id = Number(record.id);
		merged.set(id, { ...merged.get(id), ...record });
	}

	const saved = new Map<number, IDataObject>();
	let pending = [...merged.values()];
	let errors: unknown;
	for (let round = 0; round < 2 && pending.length; round++) {
		const response = await bigCommerceRequest.call(this, { method: 'PUT', path, body: pending });
		const answer = (response.body ?? {}) as BatchAnswer;
		for (const record of answer.data ?? []) saved.set(Number(record.id), record);
		errors = answer.errors;
		pending = pending.filter((record) => !saved.has(Number(record.id)));
		// Only a Multi-Status answer says that the missing records may be sent again.
		if (response.statusCode !== 207) break;
	}

	return records.map((record) => {
		const id = Number(record.id);
		const savedRecord = saved.get(id);
		if (savedRecord) return { record: savedRecord };
		const reason = problemTitle(errors, id);
		const message = `BigCommerce did not save record ${id}${reason ? `: ${reason}` : ''}`;
		const description = `The rest of the batch was saved. Run this item again. (PUT ${path})`;
		return {
			failure: new NodeApiError(this.getNode(), { message, description } as JsonObject, {
				message,
				description,
				httpCode: '207',
			}),
		};
	});
}

/**
 * The output of one record's answer: the shaped record, or (with Continue On Fail) its error
 * on its own item; without Continue On Fail the failure stops the node, naming the item.
 */
export function outputOf(
	context: IExecuteFunctions,
	answer: RecordAnswer,
	itemIndex: number,
	shape: (record: IDataObject) => IDataObject,
): IDataObject {
	if ('record' in answer) return shape(answer.record);
	const failure = atItem(context, answer.failure, itemIndex);
	if (!context.continueOnFail()) throw failure;
	return { error: failure.message, ...(failure.description ? { errorDescription: failure.description } : {}) };
}
