/**
 * The polling trigger in queue mode: only n8n's leader (the main process) polls, so each new
 * order runs the workflow once, on a worker, however many processes load the workflow.
 */
import type { QueueStack } from '../../realn8n/queueStack';
import { prepareExample } from '../../realn8n/stack';
import { expect, expectEqual, waitFor, type Checks } from '../checks';
import { allExecutions, executionsByWorker, seconds, sleep } from './util';

const SHEET_NODE = 'Sheet row';
// n8n polls on the minute: two polls, and the executions they start, within this.
const POLL_WAIT_MS = 150_000;

export interface PollFigures {
	orders: number;
	executions: number;
	rows: number;
	onWorkers: number;
}

export async function pollQueueChecks(stack: QueueStack, checks: Checks, prefix: string): Promise<PollFigures | undefined> {
	const { emulator, client } = stack;
	const created = await client.createWorkflow(prepareExample('10-new-orders-to-sheet-polling.json', stack.credential, stack.filesFolder));
	let figures: PollFigures | undefined;

	const activated = await checks.run(`${prefix}polling trigger: activation polls the store`, async () => {
		const before = emulator.requests.length;
		await client.activate(created.id);
		await waitFor('the first poll', () => (emulator.requests.slice(before).some((r) => r.path === '/v2/orders') ? true : undefined), 60_000);
	});
	if (!activated) return undefined;

	await checks.run(`${prefix}polling trigger: polled by one process only, each new order runs once on a worker`, async () => {
		const started = Date.now();
		const placed = [emulator.admin.createOrder({}), emulator.admin.createOrder({}), emulator.admin.createOrder({})];
		const wanted = placed.map((order) => order.id);
		const rowsNow = async () => {
			const executions = (await allExecutions(client, created.id, true)).filter((e) => e.finished || e.status === 'success' || e.status === 'error');
			const rows = executions.flatMap((e) => (e.data?.resultData.runData[SHEET_NODE]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json));
			return { executions, rows };
		};
		const done = await waitFor(
			'executions for the new orders',
			async () => {
				const now = await rowsNow();
				return wanted.every((id) => now.rows.some((row) => row.orderId === id)) ? now : undefined;
			},
			POLL_WAIT_MS,
		);
		// A later poll must not run them again: wait for the next minute's poll to pass.
		await sleep(65_000);
		const final = await rowsNow();
		for (const execution of final.executions) {
			expect(execution.status !== 'error', `execution ${execution.id} failed: ${execution.data?.resultData.error?.message ?? ''}`);
		}
		// Several pollers would each emit the new orders: every order must appear exactly once.
		expectEqual(final.rows.map((row) => row.orderId).sort(), [...wanted].sort(), 'orders in the sheet rows (each once, all executions)');
		const workerRuns = executionsByWorker(stack.workers);
		const onWorkers = final.executions.filter((e) => workerRuns.some((ids) => ids.has(e.id))).length;
		expectEqual(onWorkers, final.executions.length, 'executions run by the workers');
		figures = { orders: wanted.length, executions: final.executions.length, rows: final.rows.length, onWorkers };
		return `${wanted.length} orders -> ${final.rows.length} rows in ${done.executions.length} execution(s) on workers, ${seconds(Date.now() - started)}`;
	});

	await checks.run(`${prefix}polling trigger: deactivation`, async () => {
		await client.deactivate(created.id);
	});
	return figures;
}
