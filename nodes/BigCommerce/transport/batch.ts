import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Records per write request, as BigCommerce's API reference caps them.
 * Every batched write takes its batch size from here.
 */
export const BATCH_LIMITS = {
	// PUT /v3/catalog/products: "maximum items allowed in the array is 10" (products_catalog.v3).
	products: 10,
	// PUT /v3/catalog/variants: at most 50 variants, "subject to change" (products_catalog.v3).
	variants: 50,
	// POST and PUT /v3/customers: at most 10 customers per request (customers.v3).
	customers: 10,
	// Absolute and relative inventory adjustments: at most 2,000 items per request (inventory.v3).
	inventoryItems: 2000,
	// DELETE with `id:in` (products, customers): at most 250 IDs, a page's worth (products_catalog.v3).
	deleteIds: 250,
	// PUT /v3/catalog/products/channel-assignments and its DELETE by `product_id:in`: the spec
	// states no cap, so a page's worth, as for the other `:in` lists (products_catalog.v3).
	channelAssignments: 250,
	// POST, PUT and DELETE of the batch metafield endpoints: the specs state no cap; 50 keeps a
	// batch of long values well under a request's size and one refusal costs little.
	metafields: 50,
	// PUT /v3/pricelists/{id}/records: up to 1,000 price records per request (price_lists.v3).
	priceRecords: 1000,
	// POST /v3/pricelists/assignments: at most 25 assignments per request (price_lists.v3).
	priceListAssignments: 25,
} as const;

export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: NodeApiError | NodeOperationError };

/**
 * One record of a batch that BigCommerce did not save although the request as a whole
 * succeeded, e.g. a record a 207 Multi-Status answer lists among its errors. A batch's `send`
 * answers it in that record's place; batchWrite turns it into that record's failed outcome.
 */
export class BatchRecordFailure {
	constructor(readonly error: NodeApiError | NodeOperationError) {}
}

export function chunkForBatch<T>(records: T[], size: number, groupOf?: (record: T) => unknown): T[][] {
	const chunks: T[][] = [];
	if (!groupOf) {
		for (let start = 0; start < records.length; start += size) chunks.push(records.slice(start, start + size));
		return chunks;
	}
	let chunk: T[] = [];
	let group: unknown;
	for (const record of records) {
		const recordGroup = groupOf(record);
		if (chunk.length === size || (chunk.length && recordGroup !== group)) {
			chunks.push(chunk);
			chunk = [];
		}
		group = recordGroup;
		chunk.push(record);
	}
	if (chunk.length) chunks.push(chunk);
	return chunks;
}

// Statuses that blame the records themselves: a smaller batch can tell which one.
const RECORD_FAULTS = new Set([400, 404, 409, 422]);

function statusOf(error: unknown): number | undefined {
	const code = Number((error as { httpCode?: string | null }).httpCode);
	return Number.isFinite(code) ? code : undefined;
}

interface BatchWriteOptions<T> {
	/**
	 * When BigCommerce rejects a whole batch for one bad record (400/404/409/422), split it and
	 * send the halves, until each failure sits on its own record. Only for writes that BigCommerce
	 * applies all-or-nothing, so a rejected batch changed nothing.
	 */
	isolateFailures?: boolean;
	/**
	 * Send no further batch once a record has failed: without Continue On Fail the node stops
	 * at the first failure, so later batches must not be written after it was reported. The
	 * records not sent carry that failure.
	 */
	stopAfterFailure?: boolean;
	/**
	 * Batches in flight at once (default 1). The order of the outcomes does not change. With
	 * stopAfterFailure, batches already sent when a record fails are finished and keep their
	 * outcomes; no further batch is sent.
	 */
	concurrency?: number;
	/**
	 * What identifies the record in the store (its ID, email or SKU). A batch holding a record
	 * that an earlier batch also writes waits for that batch, so the later row still wins.
	 */
	keysOf?: (record: T) => unknown[];
	/**
	 * Records that may share a request (e.g. one location per inventory adjustment): a batch
	 * ends where the group changes, so records should come grouped.
	 */
	groupOf?: (record: T) => unknown;
}

function outcomeOf<R>(result: R | BatchRecordFailure): BatchOutcome<R> {
	return result instanceof BatchRecordFailure ? { ok: false, error: result.error } : { ok: true, value: result };
}

/**
 * Sends records in batches of at most `size` (one request each, `concurrency` at once) and returns one
 * outcome per record, in input order. `send` must return one result per record it was given:
 * the record's result, or a BatchRecordFailure for a record the store did not save. A batch
 * that fails as a whole (send throws) fails each of its records.
 */
export async function batchWrite<T, R>(
	records: T[],
	size: number,
	send: (batch: T[]) => Promise<Array<R | BatchRecordFailure>>,
	options: BatchWriteOptions<T> = {},
): Promise<Array<BatchOutcome<R>>> {
	let failed = false;
	const sendIsolating = async (batch: T[]): Promise<Array<BatchOutcome<R>>> => {
		try {
			const results = await send(batch);
			const outcomes = batch.map((_, index) => outcomeOf(results[index]));
			if (options.stopAfterFailure && outcomes.some((outcome) => !outcome.ok)) failed = true;
			return outcomes;
		} catch (error) {
			// A refused batch holds a failing record, even before halving finds which one.
			if (options.stopAfterFailure) failed = true;
			const status = statusOf(error);
			const canSplit =
				options.isolateFailures && batch.length > 1 && status !== undefined && RECORD_FAULTS.has(status);
			if (!canSplit) {
				return batch.map(() => ({ ok: false as const, error: error as NodeApiError }));
			}
			const middle = Math.ceil(batch.length / 2);
			return [
				...(await sendIsolating(batch.slice(0, middle))),
				...(await sendIsolating(batch.slice(middle))),
			];
		}
	};

	const batches = chunkForBatch(records, size, options.groupOf);
	const answered: Array<Array<BatchOutcome<R>> | undefined> = new Array(batches.length);
	const done: Array<Promise<void>> = [];
	const waitFor = dependencies(batches, options.keysOf);
	await mapConcurrent(batches, options.concurrency ?? 1, async (batch, index) => {
		let finish = () => {};
		done[index] = new Promise<void>((resolve) => (finish = resolve));
		try {
			const earlier = waitFor[index];
			if (earlier !== undefined) await done[earlier];
			if (failed) return;
			answered[index] = await sendIsolating(batch);
		} finally {
			finish();
		}
	});
	const firstFailure = () => {
		for (const outcomes of answered) for (const outcome of outcomes ?? []) if (!outcome.ok) return outcome;
		return undefined;
	};
	if (answered.includes(undefined)) {
		// A refused batch whose halves all went through after all stopped nothing: send the rest.
		for (let index = 0; index < batches.length; index++) {
			if (answered[index] || firstFailure()) continue;
			answered[index] = await sendIsolating(batches[index]);
		}
	}
	// Records not sent (after a failure) carry the first failure in input order.
	const failure = answered.includes(undefined) ? firstFailure() : undefined;
	return batches.flatMap((batch, index) => answered[index] ?? batch.map(() => failure as BatchOutcome<R>));
}

/** For each batch, the latest earlier batch writing one of its records' keys, if any. */
function dependencies<T>(batches: T[][], keysOf?: (record: T) => unknown[]): Array<number | undefined> {
	if (!keysOf) return batches.map(() => undefined);
	const lastBatchOf = new Map<unknown, number>();
	return batches.map((batch, index) => {
		let earlier: number | undefined;
		for (const record of batch) {
			for (const key of keysOf(record)) {
				if (key === undefined || key === null || key === '') continue;
				const previous = lastBatchOf.get(key);
				if (previous !== undefined && previous !== index) earlier = Math.max(earlier ?? -1, previous);
				lastBatchOf.set(key, index);
			}
		}
		return earlier;
	});
}

/**
 * Runs `task` over the records with at most `limit` requests in flight and returns the
 * results in input order. For independent one-record writes (a product create takes one
 * product per request): with the store's round trip, sequential sends would make a long
 * import latency-bound rather than quota-bound. `task` must not throw; it returns its failure.
 */
export async function mapConcurrent<T, R>(
	records: T[],
	limit: number,
	task: (record: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(records.length);
	let next = 0;
	const lane = async () => {
		while (next < records.length) {
			const index = next++;
			results[index] = await task(records[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), records.length) }, lane));
	return results;
}
