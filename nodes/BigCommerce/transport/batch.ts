import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: NodeApiError | NodeOperationError };

export function chunkForBatch<T>(records: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < records.length; start += size) chunks.push(records.slice(start, start + size));
	return chunks;
}

// Statuses that blame the records themselves: a smaller batch can tell which one.
const RECORD_FAULTS = new Set([400, 404, 409, 422]);

function statusOf(error: unknown): number | undefined {
	const code = Number((error as { httpCode?: string | null }).httpCode);
	return Number.isFinite(code) ? code : undefined;
}

export interface BatchWriteOptions {
	/**
	 * When BigCommerce rejects a whole batch for one bad record (400/404/409/422), split it and
	 * send the halves, until each failure sits on its own record. Only for writes that BigCommerce
	 * applies all-or-nothing, so a rejected batch changed nothing.
	 */
	isolateFailures?: boolean;
}

/**
 * Sends records in batches of at most `size` (one request each, in order) and returns one
 * outcome per record, in input order. `send` must return one result per record it was given.
 */
export async function batchWrite<T, R>(
	records: T[],
	size: number,
	send: (batch: T[]) => Promise<R[]>,
	options: BatchWriteOptions = {},
): Promise<Array<BatchOutcome<R>>> {
	const outcomes: Array<BatchOutcome<R>> = [];

	const sendIsolating = async (batch: T[]): Promise<Array<BatchOutcome<R>>> => {
		try {
			const results = await send(batch);
			return batch.map((_, index) => ({ ok: true as const, value: results[index] }));
		} catch (error) {
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

	for (const batch of chunkForBatch(records, size)) {
		outcomes.push(...(await sendIsolating(batch)));
	}
	return outcomes;
}
