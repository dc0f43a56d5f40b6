/**
 * The trigger's hooks in queue mode: the main process registers them once (not once per
 * process), an order runs the workflow on a worker, a restart of the main heals a hook the
 * store switched off, and deactivation removes them.
 */
import type { QueueStack } from '../../realn8n/queueStack';
import { PUBLIC_WEBHOOK_URL, prepareExample } from '../../realn8n/stack';
import { expect, expectEqual, waitFor, type Checks } from '../checks';
import { allExecutions, executionsByWorker, seconds, sleep } from './util';

const TRIGGER_NODE = 'New order in BigCommerce';

export interface HookFigures {
	hooksRegistered: number;
	restartMs?: number;
}

export async function hookChecks(stack: QueueStack, checks: Checks, prefix: string): Promise<HookFigures> {
	const { emulator, client } = stack;
	const state = emulator.state;
	const figures: HookFigures = { hooksRegistered: 0 };
	const json = prepareExample('01-new-order-alert.json', stack.credential, stack.filesFolder);
	const trigger = json.nodes.find((n) => n.name === TRIGGER_NODE);
	const destination = `${PUBLIC_WEBHOOK_URL}webhook/${String(trigger?.webhookId)}/webhook`;
	const ourHooks = () => state.hooks.filter((h) => h.destination === destination);
	const hookPosts = () => emulator.countRequests({ method: 'POST', path: '/v3/hooks' });
	const created = await client.createWorkflow(json);

	const activated = await checks.run(`${prefix}activation registers the hook once, not once per process`, async () => {
		const postsBefore = hookPosts();
		await client.activate(created.id);
		await waitFor('the hook in the store', () => (ourHooks().length ? true : undefined), 60000);
		// webhook processes and workers load the active workflow too: give them time to (not) register
		await sleep(8000);
		expectEqual(ourHooks().map((h) => h.scope), ['store/order/created'], 'hooks at the workflow\'s address');
		expectEqual(hookPosts() - postsBefore, 1, 'hook registrations (POST /v3/hooks)');
		figures.hooksRegistered = ourHooks().length;
		return `${ourHooks().length} hook, ${hookPosts() - postsBefore} POST /v3/hooks with 1 main, 2 webhook processes, 2 workers`;
	});
	if (!activated) return figures;

	await checks.run(`${prefix}a new order reaches a webhook process and runs on a worker`, async () => {
		const order = emulator.admin.createOrder({});
		await emulator.waitForDeliveries();
		const delivery = emulator.deliveries.find((d) => (d.payload.data as { id?: number }).id === order.id && d.scope === 'store/order/created');
		expect(delivery, 'the store delivered nothing');
		expectEqual(delivery.status, 200, `delivery answer (${delivery.error ?? ''})`);
		const execution = await waitFor(
			'the execution',
			async () => (await allExecutions(client, created.id)).find((e) => e.stoppedAt),
			120000,
		);
		expectEqual(execution.status, 'success', `execution ${execution.id} status`);
		const ranOn = executionsByWorker(stack.workers).findIndex((ids) => ids.has(execution.id));
		expect(ranOn >= 0, `no worker's log names execution ${execution.id}`);
		const port = new URL(delivery.url).port;
		const via = stack.webhooks.findIndex((w) => String(w.port) === port);
		return `order ${order.id}: delivered to webhook process ${via + 1}, execution ${execution.id} on worker ${ranOn + 1}`;
	});

	await checks.run(`${prefix}a restart of the main re-activates a hook the store switched off`, async () => {
		const [hook] = ourHooks();
		expect(hook, 'no hook to switch off');
		emulator.admin.deactivateHook(hook.id);
		expect(!ourHooks()[0].is_active, 'the emulator did not switch the hook off');
		const postsBefore = hookPosts();
		figures.restartMs = await stack.restartMain();
		await waitFor('the hook active again', () => (ourHooks()[0]?.is_active ? true : undefined), 120000);
		await sleep(3000);
		expectEqual(ourHooks().map((h) => [h.id, h.is_active]), [[hook.id, true]], 'hooks after the restart (same id, active)');
		expectEqual(hookPosts() - postsBefore, 0, 'hooks created by the restart');
		return `hook ${hook.id} active again; main restarted in ${seconds(figures.restartMs)}`;
	});

	await checks.run(`${prefix}deactivation removes the hook`, async () => {
		await client.deactivate(created.id);
		await waitFor('the hook to go', () => (ourHooks().length === 0 ? true : undefined), 60000);
		return `${state.hooks.size} hooks left in the store`;
	});
	return figures;
}
