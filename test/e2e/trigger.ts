/**
 * The trigger in real n8n: activation registers hooks in the store (with the workflow's
 * secret), a change in the store runs the workflow with the resolved record, a forged delivery
 * runs nothing, and deactivation removes the hooks.
 */
import type { ExecutionSummary } from '../realn8n/n8nApi';
import { PUBLIC_WEBHOOK_URL, type Stack } from '../realn8n/stack';
import { expect, expectEqual, waitFor, type Checks } from './checks';

const SECRET_HEADER = 'x-n8n-bigcommerce-secret';
const TRIGGER_NODE = 'New order in BigCommerce';

function firstItem(execution: ExecutionSummary, node: string): Record<string, unknown> | undefined {
	return execution.data?.resultData.runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;
}

export async function triggerChecks(stack: Stack, checks: Checks, prefix: string): Promise<void> {
	const { emulator, client, n8n } = stack;
	const state = emulator.state;
	const workflow = stack.workflows.find((w) => w.file.startsWith('01-'));
	if (!workflow) {
		checks.fail(`${prefix}trigger: the new-order example exists`, 'no 01-*.json example');
		return;
	}
	const triggerNode = workflow.json.nodes.find((n) => n.name === TRIGGER_NODE);
	const webhookId = String(triggerNode?.webhookId ?? '');
	const destination = `${PUBLIC_WEBHOOK_URL}webhook/${webhookId}/webhook`;
	const localUrl = `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
	const ourHooks = () => state.hooks.filter((h) => h.destination === destination);

	const activated = await checks.run(`${prefix}trigger: activation through n8n's API registers the hook with the workflow's secret`, async () => {
		expect(webhookId, 'the trigger node has no webhookId');
		await client.activate(workflow.id);
		const hooks = await waitFor('the hook in the store', () => (ourHooks().length ? ourHooks() : undefined));
		expectEqual(hooks.map((h) => h.scope), ['store/order/created'], 'scopes registered');
		const [hook] = hooks;
		expect(hook.is_active, 'the hook is not active');
		const secret = hook.headers?.[SECRET_HEADER];
		expect(secret && secret.length >= 32, `the hook carries no secret header (${JSON.stringify(hook.headers)})`);
		const saved = await client.api<{ staticData?: Record<string, Record<string, unknown>> | string | null }>('GET', `/workflows/${workflow.id}`);
		const staticData = typeof saved.staticData === 'string' ? (JSON.parse(saved.staticData) as Record<string, unknown>) : saved.staticData;
		const nodeData = staticData?.[`node:${TRIGGER_NODE}`] as Record<string, unknown> | undefined;
		if (nodeData?.secret !== undefined) expectEqual(nodeData.secret, secret, "the hook's secret against the workflow's static data");
		return `hook ${hook.id} -> ${hook.destination}`;
	});
	if (!activated) return;

	await checks.run(`${prefix}trigger: a new order runs the workflow with the resolved order`, async () => {
		const before = (await client.executions(workflow.id)).length;
		const order = emulator.admin.createOrder({});
		await emulator.waitForDeliveries();
		const delivery = emulator.deliveries.find((d) => d.payload.scope === 'store/order/created' && (d.payload.data as { id?: number }).id === order.id);
		expect(delivery, 'the store delivered nothing');
		expectEqual(delivery.status, 200, `delivery answer (${delivery.error ?? ''})`);
		const execution = await waitFor('the execution in n8n', async () => {
			const executions = await client.executions(workflow.id);
			// Only an execution that has ended: under load n8n lists it first as "new" or "running".
			const [latest] = executions;
			const ended = latest && (latest.finished || ['success', 'error', 'crashed', 'canceled'].includes(String(latest.status)));
			return executions.length > before && ended && latest.data ? latest : undefined;
		});
		expect(execution.finished || execution.status === 'success', `execution ${execution.id} did not succeed: ${execution.data?.resultData.error?.message ?? execution.status}`);
		const item = firstItem(execution, TRIGGER_NODE);
		expect(item, 'the trigger output no item');
		expectEqual(item.scope, 'store/order/created', 'scope');
		const resolved = item.order as { id?: number; products?: unknown[]; shipping_addresses?: unknown[] } | undefined;
		expect(resolved, `no resolved order in the item: ${JSON.stringify(item).slice(0, 300)}`);
		expectEqual(resolved.id, order.id, 'resolved order id');
		expectEqual(resolved.products?.length, (state.orderProducts.get(order.id) ?? []).length, 'line items of the resolved order');
		expect(Array.isArray(resolved.shipping_addresses), 'the resolved order has no shipping addresses list');
		const alert = firstItem(execution, 'Compose alert');
		expect(alert && String(alert.text).includes(`#${order.id}`), `the alert text does not name the order: ${JSON.stringify(alert)}`);
		return `execution ${execution.id}: "${String(alert.text).slice(0, 80)}..."`;
	});

	await checks.run(`${prefix}trigger: a forged delivery is refused and runs nothing`, async () => {
		const before = (await client.executions(workflow.id)).length;
		const body = JSON.stringify({ scope: 'store/order/created', store_id: '1', data: { type: 'order', id: 100 }, hash: 'forged0001', created_at: Math.floor(Date.now() / 1000), producer: `stores/${emulator.storeHash}` });
		const answers: number[] = [];
		const forgeries: Array<Record<string, string>> = [{}, { [SECRET_HEADER]: 'not-the-secret-0123456789abcdef0123456789abcdef' }];
		for (const headers of forgeries) {
			const response = await fetch(localUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
			answers.push(response.status);
		}
		expectEqual(answers, [401, 401], 'answers to a delivery without and with a wrong secret');
		// give n8n time to record anything it might have run
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expectEqual((await client.executions(workflow.id)).length, before, 'executions after the forged deliveries');
		return 'both answered 401';
	});

	await checks.run(`${prefix}trigger: deactivation through n8n's API removes the hooks`, async () => {
		await client.deactivate(workflow.id);
		await waitFor('the hooks to go', () => (ourHooks().length === 0 ? true : undefined));
		expectEqual(state.hooks.size, 0, 'hooks left in the store');
	});
}
