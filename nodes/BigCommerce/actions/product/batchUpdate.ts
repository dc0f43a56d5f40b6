import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BatchRecordFailure, bigCommerceRequest } from '../../transport';
import { executeBatched } from '../common/items';
import { readId } from '../common/inputs';

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
 * and answers per record, in order: the saved record, or a BatchRecordFailure with BigCommerce's
 * reason. The same id twice in one batch is sent once, its fields merged in input order. A 207
 * Multi-Status leaves some records unsaved: those are sent once more (a PUT sets absolute
 * values, so repeating it is safe) and fail if still refused.
 */
export async function putBatchById(
	this: IExecuteFunctions,
	path: string,
	records: IDataObject[],
): Promise<Array<IDataObject | BatchRecordFailure>> {
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
		if (savedRecord) return savedRecord;
		const reason = problemTitle(errors, id);
		const message = `BigCommerce did not save record ${id}${reason ? `: ${reason}` : ''}`;
		const description = `The rest of the batch was saved. Run this item again. (PUT ${path})`;
		return new BatchRecordFailure(
			new NodeApiError(this.getNode(), { message, description } as JsonObject, {
				message,
				description,
				httpCode: '207',
			}),
		);
	});
}

export interface UpdateById {
	/** The ID parameter, e.g. productId, and its name in messages, e.g. Product ID. */
	idParameter: string;
	idName: string;
	/** The batch PUT endpoint, e.g. /v3/catalog/products, and its limit per request. */
	path: string;
	batchSize: number;
	/** The checked request body of one item's Update Fields. */
	toBody: (context: IExecuteFunctions, fields: IDataObject, itemIndex: number) => IDataObject;
	/** The simplified output of a saved record. */
	simplify: (record: IDataObject) => IDataObject;
}

/**
 * Updates catalog records by ID in batches across the input items (every item checked first),
 * one output item per input item, in order.
 */
export async function executeUpdateById(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	update: UpdateById,
): Promise<INodeExecutionData[]> {
	const run = executeBatched<IDataObject, IDataObject>;
	return await run.call(this, items, {
		batchSize: update.batchSize,
		isolateFailures: true,
		build: (itemIndex: number) => {
			const id = readId(this, update.idParameter, itemIndex, update.idName);
			const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const body = update.toBody(this, updateFields, itemIndex);
			if (!Object.keys(body).length) {
				throw new NodeOperationError(this.getNode(), 'Add at least one field to update', {
					itemIndex,
					description: 'Choose the fields to change under Update Fields.',
				});
			}
			return { id, ...body } as IDataObject;
		},
		send: async (records: IDataObject[]) => await putBatchById.call(this, update.path, records),
		output: (record: IDataObject, itemIndex: number) => {
			const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
			return simplify ? update.simplify(record) : record;
		},
	});
}
