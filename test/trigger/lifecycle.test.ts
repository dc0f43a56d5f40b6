// The trigger's webhook registration: activation, healing at re-activation, deactivation.

import type { Hook } from '../emulator';
import { requestLog } from '../helpers/store';
import { TriggerTestbed, type TriggerHarness } from '../helpers/trigger';

const ORDER_EVENTS = { events: ['store/order/created', 'store/order/statusUpdated'] };

let bed: TriggerTestbed;

beforeAll(async () => {
	bed = await TriggerTestbed.start();
});
afterAll(async () => {
	await bed.stop();
});
beforeEach(async () => {
	await bed.reset();
});

function hooksOf(harness: TriggerHarness): Hook[] {
	return bed.emulator.state.hooks.filter((h) => h.destination === harness.webhookUrl);
}

function secretOf(harness: TriggerHarness): string {
	return String(harness.nodeStaticData.secret);
}

describe('activation', () => {
	it('registers one active hook per event at n8n\'s public address, each carrying the workflow\'s secret', async () => {
		const trigger = await bed.trigger(ORDER_EVENTS);
		await trigger.activate();

		const hooks = hooksOf(trigger);
		expect(hooks.map((h) => h.scope).sort()).toEqual(['store/order/created', 'store/order/statusUpdated']);
		expect(secretOf(trigger)).toMatch(/^[0-9a-f]{64}$/);
		for (const hook of hooks) {
			expect(hook.is_active).toBe(true);
			expect(hook.headers).toEqual({ 'x-n8n-bigcommerce-secret': secretOf(trigger) });
		}
		expect(trigger.nodeStaticData.hookIds).toEqual(hooks.map((h) => h.id));
		// Nothing on record yet, so checkExists asks nothing; create lists once and posts each scope.
		expect(bed.emulator.countRequests({ method: 'GET', path: '/v3/hooks' })).toBe(1);
		expect(bed.emulator.countRequests({ method: 'POST', path: '/v3/hooks' })).toBe(2);
	});

	it('adds the custom scope to the chosen events, and two triggers get two different secrets', async () => {
		const first = await bed.trigger({ events: ['store/order/created'], options: { customScope: 'store/channel/1/order/created' } });
		const second = await bed.trigger({ events: ['store/order/created'] });
		await first.activate();
		await second.activate();

		expect(hooksOf(first).map((h) => h.scope).sort()).toEqual(['store/channel/1/order/created', 'store/order/created']);
		expect(hooksOf(second)).toHaveLength(1);
		expect(secretOf(first)).not.toBe(secretOf(second));
	});

	it('finds its hooks again on re-activation (n8n restart) without creating any', async () => {
		const trigger = await bed.trigger(ORDER_EVENTS);
		await trigger.activate();
		const before = hooksOf(trigger).map((h) => ({ ...h }));
		bed.emulator.clearRequests();

		expect(await trigger.runHookMethod('checkExists')).toBe(true);

		expect(hooksOf(trigger)).toEqual(before);
		expect(requestLog(bed.emulator)).toEqual(['GET /v3/hooks']);
	});

	it('reads every page of hooks, re-activates a hook BigCommerce deactivated and re-creates a deleted one', async () => {
		const trigger = await bed.trigger(ORDER_EVENTS);
		await trigger.activate();
		const [created, statusUpdated] = hooksOf(trigger).sort((a, b) => a.scope.localeCompare(b.scope));
		// 300 channel hooks of another integration on the same API account: two pages of 250.
		for (let channel = 1; channel <= 300; channel++) {
			bed.emulator.state.hooks.insert({
				...created,
				id: bed.emulator.state.hooks.allocateId(),
				scope: `store/channel/${channel}/order/created`,
				destination: 'https://erp.example.com/bigcommerce',
			});
		}
		bed.emulator.admin.deactivateHook(created.id);
		bed.emulator.state.hooks.delete(statusUpdated.id);
		bed.emulator.clearRequests();

		expect(await trigger.runHookMethod('checkExists')).toBe(true);

		expect(bed.emulator.countRequests({ method: 'GET', path: '/v3/hooks' })).toBe(2);
		expect(bed.emulator.countRequests({ method: 'PUT', path: `/v3/hooks/${created.id}` })).toBe(1);
		expect(bed.emulator.countRequests({ method: 'POST', path: '/v3/hooks' })).toBe(1);
		const hooks = hooksOf(trigger);
		expect(hooks.map((h) => h.scope).sort()).toEqual(['store/order/created', 'store/order/statusUpdated']);
		expect(hooks.every((h) => h.is_active && h.headers?.['x-n8n-bigcommerce-secret'] === secretOf(trigger))).toBe(true);
		expect([...(trigger.nodeStaticData.hookIds as number[])].sort()).toEqual(hooks.map((h) => h.id).sort());
	});

	it('puts the secret back on a hook that lost it, keeping its other headers', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'] });
		await trigger.activate();
		const [hook] = hooksOf(trigger);
		hook.headers = { 'x-team': 'ops' };

		expect(await trigger.runHookMethod('checkExists')).toBe(true);

		expect(hooksOf(trigger)[0].headers).toEqual({ 'x-team': 'ops', 'x-n8n-bigcommerce-secret': secretOf(trigger) });
	});

	it('removes the hook of an event taken out of the trigger', async () => {
		const trigger = await bed.trigger(ORDER_EVENTS);
		await trigger.activate();
		trigger.setParameters({ events: ['store/order/created'] });

		expect(await trigger.runHookMethod('checkExists')).toBe(true);

		expect(hooksOf(trigger).map((h) => h.scope)).toEqual(['store/order/created']);
	});

	it('adopts a hook left at its address without a known secret instead of registering a duplicate', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'] });
		await trigger.activate();
		const [hook] = hooksOf(trigger);
		trigger.staticData = {}; // static data lost (e.g. a workflow imported again)

		await trigger.activate();

		const hooks = hooksOf(trigger);
		expect(hooks).toHaveLength(1);
		expect(hooks[0].id).toBe(hook.id);
		expect(hooks[0].headers?.['x-n8n-bigcommerce-secret']).toBe(secretOf(trigger));
	});
});

describe('addresses BigCommerce cannot deliver to', () => {
	it.each([
		['http://localhost:5678/webhook', 'does not use HTTPS'],
		['https://n8n.example.com:8443/webhook', 'uses port 8443'],
		['https://localhost/webhook', 'localhost is this machine'],
	])('refuses %s at activation, says how to fix it, and sends no request', async (base, reason) => {
		const trigger = await bed.trigger(ORDER_EVENTS, { webhookBaseUrl: base });

		const failure = await trigger.activate().catch((error: unknown) => error as Error & { description?: string });

		expect(failure).toBeInstanceOf(Error);
		expect(failure?.message).toContain(`BigCommerce cannot deliver webhooks to ${base}`);
		expect(failure?.message).toContain(reason);
		expect(failure?.description).toContain('WEBHOOK_URL');
		expect(failure?.description).toContain('tunnel');
		expect(bed.emulator.requests).toEqual([]);
	});

	it('accepts an explicit :443', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'] }, { webhookBaseUrl: 'https://n8n.example.com:443/webhook' });
		await trigger.activate();
		expect(bed.emulator.state.hooks.size).toBe(1);
	});
});

describe('bad event settings', () => {
	it('refuses a custom scope that is not a scope, naming it, before any request', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'], options: { customScope: 'orders created' } });
		await expect(trigger.activate()).rejects.toThrow('The Custom Scope "orders" is not a BigCommerce webhook scope');
		expect(bed.emulator.requests).toEqual([]);
	});

	it('refuses Webhook Delivery Trouble together with other events, as BigCommerce needs it at an address of its own', async () => {
		const trigger = await bed.trigger({ events: ['store/hook/deliveryException', 'store/order/created'] });
		await expect(trigger.activate()).rejects.toThrow('Webhook Delivery Trouble must be the only event of its trigger node');
		expect(bed.emulator.requests).toEqual([]);
	});

	it('refuses an order status the store does not have rather than firing for every status, listing the store\'s statuses', async () => {
		const trigger = await bed.trigger({ events: ['store/order/statusUpdated'], options: { orderStatuses: ['Dispatched', 10] } });
		const refusal = await trigger.activate().then(() => undefined, (error: Error & { description?: string }) => error);
		expect(refusal?.message).toBe('Only New Order Status Names or IDs must be one of the store\'s order statuses, got "Dispatched"');
		expect(refusal?.description).toMatch(/^The store's order statuses: .*Shipped/);
		// Only the statuses were read: no hook was registered.
		expect(requestLog(bed.emulator)).toEqual(['GET /v2/order_statuses']);
		expect(hooksOf(trigger)).toEqual([]);
	});

	it('refuses an order status ID outside BigCommerce\'s 0 to 14 before any request', async () => {
		const trigger = await bed.trigger({ events: ['store/order/statusUpdated'], options: { orderStatuses: [99] } });
		await expect(trigger.activate()).rejects.toThrow('Only New Order Status Names or IDs must be one of the store\'s order statuses, got "99"');
		expect(bed.emulator.requests).toEqual([]);
	});

	it('registers the documented events of a wildcard BigCommerce does not document, kept in a saved workflow', async () => {
		const trigger = await bed.trigger({ events: ['store/app/*', 'store/information/*', 'store/channel/*/inventory/*', 'store/order/created'] });
		await trigger.activate();

		expect(hooksOf(trigger).map((h) => h.scope).sort()).toEqual([
			'store/app/uninstalled',
			'store/channel/*/inventory/product/low_stock_reached',
			'store/channel/*/inventory/product/out_of_stock_reached',
			'store/channel/*/inventory/product/settings_changed',
			'store/channel/*/inventory/product/stock_changed',
			'store/information/updated',
			'store/order/created',
		]);
	});

	it('replaces a hook registered for such a wildcard at re-activation, and runs the events it stands for', async () => {
		const trigger = await bed.trigger({ events: ['store/priceList/*'], resolveData: false });
		await trigger.activate();
		const [old] = hooksOf(trigger);
		// As an earlier version registered it.
		bed.emulator.state.hooks.insert({ ...old, id: bed.emulator.state.hooks.allocateId(), scope: 'store/priceList/*' });

		expect(await trigger.runHookMethod('checkExists')).toBe(true);

		const scopes = hooksOf(trigger).map((h) => h.scope);
		expect(scopes).not.toContain('store/priceList/*');
		expect(scopes).toEqual(expect.arrayContaining(['store/priceList/created', 'store/priceList/updated', 'store/priceList/deleted', 'store/priceLists/deleted', 'store/priceList/assignment/deleted', 'store/priceList/records/updated']));
		const delivery = await trigger.deliver({
			headers: { 'x-n8n-bigcommerce-secret': secretOf(trigger) },
			body: { scope: 'store/priceList/updated', store_id: '1', data: { price_list_id: 5 }, hash: 'e0c298b8097a6a2f39d17e593a9b360f5b2fef7d', created_at: 1709327895, producer: 'stores/x' },
		});
		expect(delivery).toMatchObject({ status: 200, executed: true });
	});

	it('refuses a trigger without events', async () => {
		const trigger = await bed.trigger({ events: [] });
		await expect(trigger.activate()).rejects.toThrow('No event is chosen');
		expect(bed.emulator.requests).toEqual([]);
	});
});

describe('deactivation', () => {
	it('deletes every hook it registered and forgets the secret', async () => {
		const trigger = await bed.trigger(ORDER_EVENTS);
		const other = await bed.trigger({ events: ['store/order/created'] });
		await trigger.activate();
		await other.activate();

		await trigger.deactivate();

		expect(hooksOf(trigger)).toEqual([]);
		expect(hooksOf(other)).toHaveLength(1);
		expect(trigger.nodeStaticData).toEqual({});
		expect(bed.emulator.countRequests({ method: 'DELETE' })).toBe(2);
	});

	it('is fine with a hook someone already deleted (404)', async () => {
		const trigger = await bed.trigger(ORDER_EVENTS);
		await trigger.activate();
		const [gone] = hooksOf(trigger);
		bed.emulator.state.hooks.delete(gone.id);

		await trigger.deactivate();

		expect(hooksOf(trigger)).toEqual([]);
		expect(bed.emulator.requests.find((r) => r.path === `/v3/hooks/${gone.id}`)?.status).toBe(404);
	});

	it('raises a failure other than 404', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'] });
		await trigger.activate();
		bed.emulator.setFaults([{ kind: '500', method: 'DELETE', path: '/v3/hooks/*' }]);

		const failure = await trigger.deactivate().catch((error: unknown) => error as Error & { httpCode?: string });

		expect(failure).toBeInstanceOf(Error);
		expect(failure?.httpCode).toBe('500');

		bed.emulator.setFaults([]);
		expect(hooksOf(trigger)).toHaveLength(1);
	});
});
