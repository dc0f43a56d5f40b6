/**
 * The polling trigger in real n8n: the "new orders to a sheet" example, activated with a poll
 * every minute, runs for orders placed after activation, each order once, with the resolved
 * order mapped into the sheet row.
 */
import type { ExecutionSummary } from '../realn8n/n8nApi';
import type { Stack } from '../realn8n/stack';
import { expect, expectEqual, waitFor, type Checks } from './checks';

const TRIGGER_NODE = 'New order in BigCommerce (polling)';
const SHEET_NODE = 'Sheet row';
// n8n polls on the minute: a poll, plus the execution it starts, within this.
const POLL_WAIT_MS = 80_000;

function outputOf(execution: ExecutionSummary, node: string): Array<Record<string, unknown>> {
	const items = execution.data?.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.json as Record<string, unknown>);
}

export async function pollChecks(stack: Stack, checks: Checks, prefix: string): Promise<void> {
	const { emulator, client } = stack;
	const workflow = stack.workflows.find((w) => w.file.startsWith('10-'));
	if (!workflow) {
		checks.fail(`${prefix}polling trigger: the polling example exists`, 'no 10-*.json example');
		return;
	}

	const activated = await checks.run(`${prefix}polling trigger: activation through n8n's API polls the store`, async () => {
		const before = emulator.requests.length;
		await client.activate(workflow.id);
		// n8n runs the first poll at activation: it reads where the store's newest order stands.
		await waitFor('the first poll', () => (emulator.requests.slice(before).some((r) => r.path.endsWith('/v2/orders')) ? true : undefined));
		return 'the first poll read the newest orders';
	});
	if (!activated) return;

	await checks.run(`${prefix}polling trigger: new orders run the workflow once each, with the resolved order`, async () => {
		const before = new Set((await client.executions(workflow.id)).map((e) => e.id));
		const placed = [emulator.admin.createOrder({}), emulator.admin.createOrder({})];
		const wanted = placed.map((order) => order.id);
		const seen = async () => {
			const executions = (await client.executions(workflow.id)).filter((e) => !before.has(e.id) && e.data);
			const rows = executions.flatMap((e) => outputOf(e, SHEET_NODE));
			return { executions, rows };
		};
		const done = await waitFor(
			'executions for the new orders',
			async () => {
				const now = await seen();
				return wanted.every((id) => now.rows.some((row) => row.orderId === id)) ? now : undefined;
			},
			POLL_WAIT_MS,
		);
		for (const execution of done.executions) {
			expect(execution.status !== 'error', `execution ${execution.id} failed: ${execution.data?.resultData.error?.message ?? ''}`);
		}
		expectEqual(done.rows.map((row) => row.orderId).sort(), [...wanted].sort(), 'orders in the sheet rows (each once)');
		const triggered = done.executions.flatMap((e) => outputOf(e, TRIGGER_NODE));
		const order = triggered[0]?.order as { products?: unknown[]; id?: number } | undefined;
		expect(order && Array.isArray(order.products) && order.products.length > 0, `the trigger's order has no line items: ${JSON.stringify(triggered[0]).slice(0, 300)}`);
		expect(String(done.rows[0].items ?? '').includes(' x '), `the sheet row lists no items: ${JSON.stringify(done.rows[0])}`);
		return `${done.executions.length} execution(s), orders ${wanted.join(', ')}`;
	});

	await checks.run(`${prefix}polling trigger: deactivation through n8n's API`, async () => {
		await client.deactivate(workflow.id);
	});
}
