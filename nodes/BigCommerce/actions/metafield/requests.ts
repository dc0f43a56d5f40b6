import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BatchRecordFailure, bigCommerceRequest, chunkForBatch, getAllItems, toNodeApiError } from '../../transport';
import { createEachOnce } from '../common/createOnce';
import { OWNERS, type OwnerType } from './owners';

/** What identifies a metafield: its owner, namespace and key (unique per app in BigCommerce). */
export interface MetafieldKey {
	ownerId: number;
	namespace: string;
	key: string;
}

export function keyOf(ownerId: unknown, namespace: unknown, key: unknown): string {
	return JSON.stringify([Number(ownerId), String(namespace), String(key)]);
}

// Namespaces or keys per look-up (each up to 64 characters): the URL stays well under 8 KB.
const NAMES_PER_LOOKUP = 40;
// Up to this many owner and namespace pairs are looked up on each owner's own list (one request
// each): the batch list holds the key for every owner of the type, which can be many pages.
const OWN_LOOKUPS_MAX = 5;
// Largest page of a metafield list.
const METAFIELD_PAGE_SIZE = 250;

/**
 * Looks metafields up for many owners at once: the batch list has no owner filter, so it is
 * read by `namespace:in` and `key:in` (every page) and only the wanted owners' metafields are
 * kept. A few owners are read from their own lists instead, by namespace. Answers them by
 * keyOf(owner, namespace, key).
 */
export async function findMetafields(
	context: IExecuteFunctions,
	type: OwnerType,
	wanted: MetafieldKey[],
	itemIndex?: number,
): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	if (!wanted.length) return found;
	const owners = new Set(wanted.map((entry) => entry.ownerId));
	const wantedKeys = new Set(wanted.map((entry) => keyOf(entry.ownerId, entry.namespace, entry.key)));
	const keep = (records: IDataObject[]) => {
		for (const record of records) {
			if (!owners.has(Number(record.resource_id))) continue;
			const id = keyOf(record.resource_id, record.namespace, record.key);
			if (wantedKeys.has(id)) found.set(id, record);
		}
	};
	const ownPath = OWNERS[type].ownPath;
	const pairs = [...new Set(wanted.map((entry) => JSON.stringify([entry.ownerId, entry.namespace])))];
	if (ownPath && pairs.length <= OWN_LOOKUPS_MAX) {
		for (const pair of pairs) {
			const [ownerId, namespace] = JSON.parse(pair) as [number, string];
			try {
				keep(await getAllItems.call(context, { style: 'v3Page', path: ownPath(ownerId), qs: { namespace }, maxPageSize: METAFIELD_PAGE_SIZE, itemIndex }));
			} catch (error) {
				// An owner the store does not have has no metafields; the write then fails its rows.
				if (!(error instanceof NodeApiError) || error.httpCode !== '404') {
					throw error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(context.getNode(), String(error), { itemIndex });
				}
			}
		}
		return found;
	}
	const namespaces = chunkForBatch([...new Set(wanted.map((entry) => entry.namespace))], NAMES_PER_LOOKUP);
	const keys = chunkForBatch([...new Set(wanted.map((entry) => entry.key))], NAMES_PER_LOOKUP);
	for (const namespaceChunk of namespaces) {
		for (const keyChunk of keys) {
			const records = await getAllItems.call(context, {
				style: 'v3Page',
				path: OWNERS[type].batchPath,
				qs: { 'namespace:in': namespaceChunk.join(','), 'key:in': keyChunk.join(',') },
				maxPageSize: METAFIELD_PAGE_SIZE,
				itemIndex,
			});
			keep(records);
		}
	}
	return found;
}

interface BatchAnswer<T> {
	data: T[];
	/** BigCommerce's error for records it did not write, for the records left out of `data`. */
	refusal?: NodeApiError;
}

/**
 * Sends one batch write. A 422 answer is a partial success: `data` holds what was written and
 * `errors` says why the rest was not. When nothing was written the refusal is thrown.
 */
async function sendBatch<T>(
	context: IExecuteFunctions,
	method: 'POST' | 'PUT' | 'DELETE',
	type: OwnerType,
	body: unknown[],
): Promise<BatchAnswer<T>> {
	const path = OWNERS[type].batchPath;
	// A delete sends a list of IDs: JSON all the same, outside the request type's objects.
	const request = { method, path, body: body as IDataObject[], allowStatuses: [422] };
	const response = await bigCommerceRequest.call(context, request);
	const answer = (response.body ?? {}) as IDataObject;
	const data = (Array.isArray(answer.data) ? answer.data : []) as T[];
	if (response.statusCode !== 422) return { data };
	const errors = (Array.isArray(answer.errors) ? answer.errors : []) as IDataObject[];
	const words =
		errors.length === 1
			? errors[0]
			: {
					status: 422,
					title: errors.map((error) => String(error.title ?? '')).filter(Boolean).join('; ') || 'BigCommerce did not write every metafield',
					errors: Object.assign({}, ...errors.map((error) => (error.errors ?? {}) as IDataObject)) as IDataObject,
				};
	const refusal = toNodeApiError(context.getNode(), { method, path, statusCode: 422, body: words });
	if (!data.length) throw refusal;
	return { data, refusal };
}

function leftOut(context: IExecuteFunctions, method: 'POST' | 'PUT' | 'DELETE', type: OwnerType, refusal?: NodeApiError): BatchRecordFailure {
	return new BatchRecordFailure(
		refusal ??
			toNodeApiError(context.getNode(), {
				method,
				path: OWNERS[type].batchPath,
				statusCode: 500,
				body: { title: 'BigCommerce answered without writing this metafield' },
			}),
	);
}

/**
 * Creates metafields (one batch request) without ever duplicating one: after an answer that
 * was lost, the batch is looked up by owner, namespace and key and only what the store does not
 * have is sent again (createEachOnce). `checkedAbsent`: the caller looked them up just before.
 */
export async function createMetafields(
	context: IExecuteFunctions,
	type: OwnerType,
	records: IDataObject[],
	checkedAbsent: boolean,
): Promise<Array<IDataObject | BatchRecordFailure>> {
	const idOf = (record: IDataObject) => keyOf(record.resource_id, record.namespace, record.key);
	return await createEachOnce(context, {
		records,
		checkedAbsent,
		create: async (pending) => {
			const { data, refusal } = await sendBatch<IDataObject>(context, 'POST', type, pending);
			const saved = new Map(data.map((metafield) => [idOf(metafield), metafield]));
			return pending.map((record) => saved.get(idOf(record)) ?? leftOut(context, 'POST', type, refusal));
		},
		lookup: async (pending) => {
			const wanted = pending.map((record) => ({
				ownerId: Number(record.resource_id),
				namespace: String(record.namespace),
				key: String(record.key),
			}));
			const found = await findMetafields(context, type, wanted);
			return pending.map((record) => found.get(idOf(record)));
		},
		describe: (found) => `metafield ${String(found.id)} (namespace ${String(found.namespace)}, key ${String(found.key)})`,
	});
}

/** Updates metafields by ID (one batch request); answers each record's written metafield or failure. */
export async function updateMetafields(
	context: IExecuteFunctions,
	type: OwnerType,
	records: IDataObject[],
): Promise<Array<IDataObject | BatchRecordFailure>> {
	const { data, refusal } = await sendBatch<IDataObject>(context, 'PUT', type, records);
	const saved = new Map(data.map((metafield) => [Number(metafield.id), metafield]));
	return records.map((record) => saved.get(Number(record.id)) ?? leftOut(context, 'PUT', type, refusal));
}

/** Deletes metafields by ID (one batch request); answers each ID, or its failure. */
export async function deleteMetafields(
	context: IExecuteFunctions,
	type: OwnerType,
	ids: number[],
): Promise<Array<number | BatchRecordFailure>> {
	const { data, refusal } = await sendBatch<number>(context, 'DELETE', type, [...new Set(ids)]);
	const deleted = new Set(data.map(Number));
	return ids.map((id) => (deleted.has(id) ? id : leftOut(context, 'DELETE', type, refusal)));
}
