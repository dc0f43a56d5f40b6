/** What the queue-mode checks share: n8n's executions of a workflow, and which worker ran each. */
import type { N8nClient } from '../../realn8n/n8nApi';
import type { N8nServer } from '../../realn8n/n8nProcess';

export interface ExecutionRow {
	id: string;
	status?: string;
	finished: boolean;
	stoppedAt?: string | null;
	data?: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>>; error?: { message: string } } };
}

/** Every execution of a workflow through n8n's public API, all pages. */
export async function allExecutions(client: N8nClient, workflowId: string, includeData = false): Promise<ExecutionRow[]> {
	const rows: ExecutionRow[] = [];
	let cursor: string | undefined;
	do {
		const page = await client.api<{ data: ExecutionRow[]; nextCursor?: string | null }>(
			'GET',
			`/executions?workflowId=${encodeURIComponent(workflowId)}&includeData=${includeData}&limit=${includeData ? 100 : 250}` +
				(cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
		);
		rows.push(...page.data.map((row) => ({ ...row, id: String(row.id) })));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return rows;
}

/** The execution ids each worker started, from its log ("Worker started execution N"). */
export function executionsByWorker(workers: N8nServer[]): Array<Set<string>> {
	return workers.map((worker) => {
		const ids = new Set<string>();
		for (const match of worker.log().matchAll(/Worker started execution (\d+)/g)) ids.add(match[1]);
		return ids;
	});
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Waits until every execution of the workflow has ended and their number stops changing. */
export async function settledExecutions(
	client: N8nClient,
	workflowId: string,
	expectedAtLeast: number,
	timeoutMs: number,
): Promise<ExecutionRow[]> {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const rows = await allExecutions(client, workflowId);
		const running = rows.filter((r) => !r.stoppedAt || r.status === 'running' || r.status === 'new');
		if (rows.length !== last) {
			last = rows.length;
			stableSince = Date.now();
		}
		if (rows.length >= expectedAtLeast && running.length === 0 && Date.now() - stableSince > 5000) return rows;
		if (Date.now() > deadline) {
			throw new Error(`executions did not settle in ${seconds(timeoutMs)}: ${rows.length} recorded, ${running.length} not finished`);
		}
		await sleep(2000);
	}
}
