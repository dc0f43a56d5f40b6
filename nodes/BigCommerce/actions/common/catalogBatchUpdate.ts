import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BatchRecordFailure, bigCommerceRequest, readBigCommerceError } from '../../transport';
import { executeBatched } from './items';
import { readId } from './inputs';
import { itemParameter } from './parameters';

interface BatchAnswer {
	data?: IDataObject[];
	errors?: unknown;
}

/**
 * BigCommerce's words from a 207's errors, one entry per problem: BigCommerce documents one
 * problem object { status, title, errors: { field: message } }; a list of them is read too.
 */
export function multiStatusReasons(errors: unknown): string[] {
	const problems: unknown[] = Array.isArray(errors) ? errors : errors ? [errors] : [];
	return problems
		.map((problem) => {
			const { message, details } = readBigCommerceError(problem);
			return [message, details.length ? `(${details.join('; ')})` : undefined].filter(Boolean).join(' ');
		})
		.filter(Boolean);
}

function recordFailure(
	context: IExecuteFunctions,
	message: string,
	description: string,
): BatchRecordFailure {
	return new BatchRecordFailure(
		new NodeApiError(context.getNode(), { message, description } as JsonObject, {
			message,
			description,
			httpCode: '207',
		}),
	);
}

/**
 * Sends one batch PUT of records that each carry an `id` (products 10, variants 50 per request)
 * and answers per record, in order: the saved record, or a BatchRecordFailure with BigCommerce's
 * reason. The same id twice in one batch is sent once, its fields merged in input order.
 *
 * A 207 Multi-Status means BigCommerce saved the records but not all of their parts (a stock or
 * URL update failed), and its one error object need not say which record. So each record of
 * that batch is sent once more on its own (a PUT sets absolute values, so repeating it is safe):
 * a record whose own PUT still answers 207 fails, naming what was not saved.
 */
export async function putBatchById(
	this: IExecuteFunctions,
	path: string,
	records: IDataObject[],
): Promise<Array<IDataObject | BatchRecordFailure>> {
	const noun = path.endsWith('/variants') ? 'variant' : 'product';
	const merged = new Map<number, IDataObject>();
	for (const record of records) {
		const id = Number(record.id);
		merged.set(id, { ...merged.get(id), ...record });
	}

	const put = async (batch: IDataObject[]) => {
		const response = await bigCommerceRequest.call(this, { method: 'PUT', path, body: batch });
		return { status: response.statusCode, answer: (response.body ?? {}) as BatchAnswer };
	};
	const saved = new Map<number, IDataObject>();
	const partial = new Map<number, string | undefined>();
	const first = await put([...merged.values()]);
	for (const record of first.answer.data ?? []) saved.set(Number(record.id), record);
	if (first.status === 207) {
		for (const record of merged.values()) {
			const id = Number(record.id);
			const alone = await put([record]);
			const answered = (alone.answer.data ?? []).find((entry) => Number(entry.id) === id);
			if (answered) saved.set(id, answered);
			if (alone.status === 207) partial.set(id, multiStatusReasons(alone.answer.errors).join(' ') || undefined);
		}
	}

	return records.map((record) => {
		const id = Number(record.id);
		const savedRecord = saved.get(id);
		if (partial.has(id)) {
			const reason = partial.get(id);
			return recordFailure(
				this,
				`BigCommerce did not save all of ${noun} ${id}${reason ? `: ${reason}` : ''}`,
				`The ${noun}'s other fields were saved. Run this item again to set what was not saved. (PUT ${path})`,
			);
		}
		if (savedRecord) return savedRecord;
		return recordFailure(
			this,
			`BigCommerce did not save ${noun} ${id}`,
			`The rest of the batch was saved. Run this item again. (PUT ${path})`,
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
	toBody: (context: IExecuteFunctions, fields: IDataObject, itemIndex: number) => IDataObject | Promise<IDataObject>;
	/** The simplified output of a saved record. */
	simplify: (record: IDataObject) => IDataObject;
}

/**
 * Updates catalog records (products, variants) by ID in batches across the input items, every
 * item checked first, one output item per input item, in order.
 */
export async function executeUpdateById(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	update: UpdateById,
): Promise<INodeExecutionData[]> {
	const run = executeBatched<IDataObject, IDataObject>;
	return await run.call(this, items, {
		batchSize: update.batchSize,
		route: { method: 'PUT', path: update.path },
		isolateFailures: true,
		build: async (itemIndex: number) => {
			const id = readId(this, update.idParameter, itemIndex, update.idName);
			const updateFields = itemParameter(this, 'updateFields', itemIndex, {}) as IDataObject;
			const body = await update.toBody(this, updateFields, itemIndex);
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
			const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
			return simplify ? update.simplify(record) : record;
		},
	});
}
