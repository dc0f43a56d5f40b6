// What a delivery does: the store changes, BigCommerce delivers, the trigger checks the delivery
// and starts the workflow with one complete item, or refuses it with an exact status.

import { randomBytes } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { signDelivery } from '../emulator';
import { requestLog } from '../helpers/store';
import { TriggerTestbed, type DeliveryResult, type TriggerHarness } from '../helpers/trigger';

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

async function activeTrigger(parameters: INodeParameters): Promise<TriggerHarness> {
	const trigger = await bed.trigger(parameters);
	await trigger.activate();
	bed.emulator.clearRequests();
	return trigger;
}

/** Deliveries that started an execution, with their items. */
function executions(trigger: TriggerHarness): DeliveryResult[] {
	return trigger.received.filter((r) => r.executed);
}

function payload(scope: string, data: IDataObject, hash = randomBytes(20).toString('hex')): IDataObject {
	return { scope, store_id: '1025646', data, hash, created_at: Math.floor(Date.now() / 1000), producer: `stores/${bed.emulator.storeHash}` };
}

function withSecret(trigger: TriggerHarness, headers: Record<string, string> = {}): Record<string, string> {
	return { 'x-n8n-bigcommerce-secret': String(trigger.nodeStaticData.secret), ...headers };
}

describe('a new order', () => {
	it('reaches the workflow as exactly one item: the order with its line items, shipping addresses and coupons', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });

		const order = bed.emulator.admin.createOrder({
			products: [{ product_id: 1, quantity: 2 }, { product_id: 2, quantity: 1 }],
			shipping_addresses: [{ first_name: 'Ada', last_name: 'Lovelace', street_1: '1 Analytical Way', city: 'London', zip: 'N1 9GU', country_iso2: 'GB', shipping_method: 'Courier', base_cost: 12 }],
			coupons: [{ code: 'WELCOME10', amount: 10 }],
		});
		await bed.settle();

		expect(bed.emulator.deliveries.map((d) => [d.scope, d.status])).toEqual([['store/order/created', 200]]);
		const [run] = executions(trigger);
		expect(run.status).toBe(200);
		expect(run.items).toHaveLength(1);
		const item = run.items[0].json;
		expect(item).toMatchObject({
			scope: 'store/order/created',
			store_id: expect.any(String),
			created_at: expect.any(Number),
			hash: expect.stringMatching(/^[0-9a-f]{40}$/),
			data: { type: 'order', id: order.id },
		});
		const full = item.order as IDataObject;
		expect(full).toMatchObject({ id: order.id, status_id: 11, billing_address: expect.any(Object) });
		expect((full.products as IDataObject[]).map((p) => [p.product_id, p.quantity])).toEqual([[1, 2], [2, 1]]);
		expect(full.shipping_addresses).toEqual([expect.objectContaining({ first_name: 'Ada', city: 'London', shipping_method: 'Courier' })]);
		expect(full.coupons).toEqual([expect.objectContaining({ code: 'WELCOME10' })]);
		expect(item.resolveError).toBeUndefined();
		// The order, then one page each of line items, shipping addresses and coupons.
		expect(requestLog(bed.emulator)).toEqual([
			`GET /v2/orders/${order.id}`,
			`GET /v2/orders/${order.id}/products`,
			`GET /v2/orders/${order.id}/shipping_addresses`,
			`GET /v2/orders/${order.id}/coupons`,
		]);
	});

	it('answers BigCommerce before fetching the order', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });
		const order = bed.emulator.admin.createOrder();
		await bed.settle();
		bed.emulator.clearRequests();
		let requestsWhenAnswered = -1;

		const result = await trigger.deliver(
			{ headers: withSecret(trigger), body: payload('store/order/created', { type: 'order', id: order.id }) },
			() => {
				requestsWhenAnswered = bed.emulator.requests.length;
			},
		);

		expect(requestsWhenAnswered).toBe(0);
		expect(result.status).toBe(200);
		expect((result.items[0].json.order as IDataObject).id).toBe(order.id);
	});

	it('hands over only the delivery when Resolve Data is off', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'], resolveData: false });
		const order = bed.emulator.admin.createOrder();
		await bed.settle();

		const [run] = executions(trigger);
		expect(run.items.map((i) => i.json)).toEqual([
			expect.objectContaining({ scope: 'store/order/created', data: { type: 'order', id: order.id } }),
		]);
		expect(run.items[0].json.order).toBeUndefined();
		expect(bed.emulator.requests).toEqual([]);
	});

	it('still reaches the workflow with a clear resolveError when the order cannot be fetched', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });

		const result = await trigger.deliver({ headers: withSecret(trigger), body: payload('store/order/created', { type: 'order', id: 987654 }) });

		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ scope: 'store/order/created', data: { type: 'order', id: 987654 } });
		expect(String(result.items[0].json.resolveError)).toMatch(/^Could not fetch order 987654: .*not found/i);
	});
});

describe('deliveries that do not come from our hooks', () => {
	it.each([
		['a forged secret', { 'x-n8n-bigcommerce-secret': 'f'.repeat(64) }],
		['a secret of another length', { 'x-n8n-bigcommerce-secret': 'short' }],
		['no secret', {}],
	])('with %s get 401 and start nothing', async (_case, headers) => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });

		const result = await trigger.deliver({ headers, body: payload('store/order/created', { type: 'order', id: 1 }) });

		expect(result).toMatchObject({ status: 401, executed: false, items: [] });
		expect(bed.emulator.requests).toEqual([]);
	});

	it('are refused while the trigger has no secret (never activated)', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'] });
		const result = await trigger.deliver({ headers: { 'x-n8n-bigcommerce-secret': '' }, body: payload('store/order/created', { type: 'order', id: 1 }) });
		expect(result).toMatchObject({ status: 401, executed: false });
	});
});

describe('repeated deliveries', () => {
	it('a save keeps the records this process read while the request waited (another webhook process saved them meanwhile)', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });
		const slow = bed.emulator.admin.createOrder();
		const other = bed.emulator.admin.createOrder();
		await bed.settle();
		bed.emulator.setFaults([{ kind: 'delay', method: 'GET', path: `/v2/orders/${slow.id}`, delayMs: 800 }]);

		// A delivery whose order is slow to come: its request loaded static data before the save below.
		const waiting = trigger.deliver({ headers: withSecret(trigger), body: payload('store/order/created', { type: 'order', id: slow.id }) });
		await new Promise((resolve) => setTimeout(resolve, 200));
		// Another webhook process saves its record of a delivery...
		const elsewhere = payload('store/order/created', { type: 'order', id: other.id });
		const key = `${String(elsewhere.hash)}:${String(elsewhere.created_at)}:store/order/created`;
		const node = trigger.nodeStaticData;
		node.seenDeliveries = [...(node.seenDeliveries as string[]), key];
		trigger.staticData[`node:${trigger.node.name}`] = node;
		// ...which a request in this process reads.
		await trigger.deliver({ headers: withSecret(trigger), body: payload('store/order/created', { type: 'order', id: other.id }) });
		expect(trigger.nodeStaticData.seenDeliveries).toContain(key);

		// The slow request saves last: what it loaded plus what this process has read since.
		expect((await waiting).executed).toBe(true);
		expect(trigger.nodeStaticData.seenDeliveries).toContain(key);
		const repeat = await trigger.deliver({ headers: withSecret(trigger), body: elsewhere });
		expect(repeat).toMatchObject({ status: 200, executed: false });
	}, 15_000);

	it('run the workflow once: a second delivery with the same hash is acknowledged and dropped', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });
		const order = bed.emulator.admin.createOrder();
		await bed.settle();
		const [first] = bed.emulator.deliveries;

		const again = await trigger.deliver({ headers: withSecret(trigger), body: first.payload });

		expect(again).toMatchObject({ status: 200, executed: false, body: { received: true, duplicate: true } });
		expect(executions(trigger)).toHaveLength(1);
		expect((executions(trigger)[0].items[0].json.order as IDataObject).id).toBe(order.id);
		expect(trigger.nodeStaticData.seenDeliveries).toEqual([`${first.payload.hash}:${first.payload.created_at}:store/order/created`]);
	});

	it('two real updates of one order a second apart both run, though BigCommerce gives them the same hash', async () => {
		const trigger = await activeTrigger({ events: ['store/order/updated'], resolveData: false });
		// The hash is a SHA-1 of the data, and every update of order 7 has the data {type, id}.
		const hash = 'dd70c0976e06b67aaf671e73f49dcb79230ebf9d';
		const first = { ...payload('store/order/updated', { type: 'order', id: 7 }, hash), created_at: 1_750_000_000 };
		const second = { ...first, created_at: 1_750_000_001 };

		const results = [
			await trigger.deliver({ headers: withSecret(trigger), body: first }),
			await trigger.deliver({ headers: withSecret(trigger), body: second }),
			// BigCommerce retrying the second delivery: same scope, hash and created_at.
			await trigger.deliver({ headers: withSecret(trigger), body: second }),
		];

		expect(results.map((r) => [r.status, r.executed])).toEqual([
			[200, true],
			[200, true],
			[200, false],
		]);
		expect(results.filter((r) => r.executed).map((r) => r.items[0].json.created_at)).toEqual([1_750_000_000, 1_750_000_001]);
	});

	it('are recognised from the saved static data alone (another n8n process, or after a restart)', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'], resolveData: false });
		const body = payload('store/order/created', { type: 'order', id: 1 });
		await trigger.deliver({ headers: withSecret(trigger), body });
		const restarted = await bed.trigger({ events: ['store/order/created'], resolveData: false });
		restarted.staticData = { [`node:${restarted.node.name}`]: trigger.nodeStaticData };

		const again = await restarted.deliver({ headers: withSecret(restarted), body });

		expect(again).toMatchObject({ status: 200, executed: false });
	});

	it('remember only the latest 1,000 deliveries', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'], resolveData: false });
		const key = `node:${trigger.node.name}`;
		const hashOf = (i: number) => i.toString(16).padStart(40, '0');
		const body = (i: number) => ({ ...payload('store/order/created', { type: 'order', id: 1 }, hashOf(i)), created_at: 1_750_000_000 });
		const earlier = Array.from({ length: 999 }, (_, i) => `${hashOf(i)}:1750000000:store/order/created`);
		trigger.staticData = { [key]: { ...trigger.nodeStaticData, seenDeliveries: earlier } };
		for (let i = 999; i < 1005; i++) await trigger.deliver({ headers: withSecret(trigger), body: body(i) });

		const seen = trigger.nodeStaticData.seenDeliveries as string[];
		expect(seen).toHaveLength(1000);
		expect(seen[0]).toBe(`${hashOf(5)}:1750000000:store/order/created`);
		expect(seen[999]).toBe(`${hashOf(1004)}:1750000000:store/order/created`);
		// The oldest ones are forgotten, the newest ones still dropped.
		expect(await trigger.deliver({ headers: withSecret(trigger), body: body(1004) })).toMatchObject({ executed: false });
	});

	it('without a well-formed hash get 400 and are not remembered: 30 deliveries of huge hashes leave the static data small', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'], resolveData: false });
		const before = JSON.stringify(trigger.staticData).length;
		const results: DeliveryResult[] = [];
		for (let i = 0; i < 30; i++) {
			const hash = `${i}`.padEnd(100 * 1024, 'a');
			results.push(await trigger.deliver({ headers: withSecret(trigger), body: payload('store/order/created', { type: 'order', id: 1 }, hash) }));
		}
		const { hash: _hash, ...noHash } = payload('store/order/created', { type: 'order', id: 1 });
		results.push(await trigger.deliver({ headers: withSecret(trigger), body: noHash }));
		results.push(await trigger.deliver({ headers: withSecret(trigger), body: payload('store/order/created', { type: 'order', id: 1 }, 'DD70C0976E06B67AAF671E73F49DCB79230EBF9Z') }));

		expect(results.map((r) => r.status)).toEqual(Array(32).fill(400));
		expect(results.filter((r) => r.executed)).toEqual([]);
		expect(trigger.nodeStaticData.seenDeliveries ?? []).toEqual([]);
		expect(JSON.stringify(trigger.staticData).length).toBe(before);
	});
});

describe('deliveries for scopes the workflow did not register', () => {
	it('are acknowledged with 200 and start nothing, and fetch nothing', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });

		const result = await trigger.deliver({ headers: withSecret(trigger), body: payload('store/product/updated', { type: 'product', id: 1 }) });

		expect(result).toMatchObject({ status: 200, executed: false, body: { received: true } });
		expect(String((result.body as IDataObject).ignored)).toContain('store/product/updated');
		expect(bed.emulator.requests).toEqual([]);
	});

	it('run when a chosen wildcard covers them (store/order/* covers store/order/created and store/order/message/created)', async () => {
		const trigger = await activeTrigger({ events: ['store/order/*'], options: { customScope: 'store/channel/*/inventory/product/stock_changed' }, resolveData: false });
		const deliver = async (scope: string) => (await trigger.deliver({ headers: withSecret(trigger), body: payload(scope, { type: 'order', id: 1 }) })).executed;

		expect(await deliver('store/order/created')).toBe(true);
		expect(await deliver('store/order/message/created')).toBe(true);
		expect(await deliver('store/channel/2/inventory/product/stock_changed')).toBe(true);
		expect(await deliver('store/orders/created')).toBe(false);
		expect(await deliver('store/channel/2/order/created')).toBe(false);
		expect(await deliver('store/channel/2/inventory/product/low_stock_reached')).toBe(false);
	});

	it('a delivery cannot plant keys of its own beside the resolved record', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'], resolveData: false });
		const body = { ...payload('store/order/created', { type: 'order', id: 1 }), order: { id: 1, total_inc_tax: '0.01' }, resolveError: 'none', json: { x: 1 } };

		const result = await trigger.deliver({ headers: withSecret(trigger), body });

		expect(Object.keys(result.items[0].json).sort()).toEqual(['created_at', 'data', 'hash', 'producer', 'scope', 'store_id']);
	});

	it('keys named __proto__, constructor or prototype are dropped from the item, however deep', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'], resolveData: false });
		const base = payload('store/order/created', {});
		const raw = JSON.stringify(base).replace(
			'"data":{}',
			'"data":{"type":"order","id":1,"__proto__":{"polluted":true},"nested":{"constructor":{"prototype":{"polluted":true}},"keep":[{"prototype":1,"ok":2}]}}',
		);

		const result = await trigger.deliver({ headers: withSecret(trigger), raw });

		const data = result.items[0].json.data as IDataObject;
		expect(result.executed).toBe(true);
		expect(Object.keys(data)).toEqual(['type', 'id', 'nested']);
		expect((data as { polluted?: unknown }).polluted).toBeUndefined();
		expect(Object.keys(data.nested as IDataObject)).toEqual(['keep']);
		expect((data.nested as IDataObject).keep).toEqual([{ ok: 2 }]);
		expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
	});
});

describe('malformed deliveries', () => {
	it.each([
		['a body that is not JSON', 'scope=store/order/created'],
		['JSON without a scope', JSON.stringify({ data: { type: 'order', id: 1 } })],
		['a JSON list', JSON.stringify([{ scope: 'store/order/created' }])],
		['data that is not an object', JSON.stringify({ scope: 'store/order/created', data: 'order 1' })],
		['an empty body', ''],
	])('with %s get 400, never a crash, and start nothing', async (_case, raw) => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });

		const result = await trigger.deliver({ headers: withSecret(trigger), raw });

		expect(result).toMatchObject({ status: 400, executed: false });
		expect(String((result.body as IDataObject).message)).toContain('not a BigCommerce webhook delivery');
	});

	it('over 1 MB get 413', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] });
		const body = payload('store/order/created', { type: 'order', id: 1, padding: 'x'.repeat(1024 * 1024) });

		const result = await trigger.deliver({ headers: withSecret(trigger), body });

		expect(result).toMatchObject({ status: 413, executed: false });
	});
});

describe('the order status filter', () => {
	it('starts the workflow only when an order moves to one of the chosen statuses', async () => {
		const trigger = await activeTrigger({ events: ['store/order/statusUpdated'], options: { orderStatuses: [2, 10] } });
		const order = bed.emulator.admin.createOrder();
		await bed.settle();

		bed.emulator.admin.setOrderStatus(order.id, 9); // Awaiting Shipment: not chosen
		await bed.settle();
		bed.emulator.admin.setOrderStatus(order.id, 2); // Shipped
		await bed.settle();

		expect(trigger.received.map((r) => [r.status, r.executed])).toEqual([
			[200, false],
			[200, true],
		]);
		const [run] = executions(trigger);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			scope: 'store/order/statusUpdated',
			data: { status: { previous_status_id: 9, new_status_id: 2 } },
			order: { id: order.id, status_id: 2 },
		});
	});

	it('accepts status names in any letter case, read from the store once at activation and not at each delivery', async () => {
		const trigger = await bed.trigger({ events: ['store/order/statusUpdated'], resolveData: false, options: { orderStatuses: ['shipped', 'Completed'] } });
		await trigger.activate();
		expect(requestLog(bed.emulator).filter((line) => line.includes('order_statuses'))).toEqual(['GET /v2/order_statuses']);
		bed.emulator.clearRequests();
		const order = bed.emulator.admin.createOrder();

		bed.emulator.admin.setOrderStatus(order.id, 9); // Awaiting Shipment: not chosen
		bed.emulator.admin.setOrderStatus(order.id, 2); // Shipped
		bed.emulator.admin.setOrderStatus(order.id, 10); // Completed
		await bed.settle();

		expect(executions(trigger).map((r) => (r.items[0].json.data as IDataObject).status)).toEqual([
			{ previous_status_id: 9, new_status_id: 2 },
			{ previous_status_id: 2, new_status_id: 10 },
		]);
		expect(bed.emulator.requests).toEqual([]);
	});

	it('lets every status change through when no status is chosen', async () => {
		const trigger = await activeTrigger({ events: ['store/order/statusUpdated'], resolveData: false });
		const order = bed.emulator.admin.createOrder();
		bed.emulator.admin.setOrderStatus(order.id, 9);
		bed.emulator.admin.setOrderStatus(order.id, 2);
		await bed.settle();
		expect(executions(trigger)).toHaveLength(2);
	});

	it('offers the store\'s order statuses to choose from', async () => {
		const trigger = await bed.trigger({ events: ['store/order/statusUpdated'] });
		const statuses = await trigger.loadOptions('getOrderStatuses');
		expect(statuses).toEqual(expect.arrayContaining([{ name: 'Shipped', value: 2 }, { name: 'Awaiting Fulfillment', value: 11 }]));
	});
});

describe('the full record behind other events', () => {
	it('a product comes with its variants and images', async () => {
		const trigger = await activeTrigger({ events: ['store/product/updated'] });
		const product = bed.emulator.state.products.find((p) => p.sku === 'PJT');
		bed.emulator.admin.updateProduct(Number(product?.id), { price: 27 });
		await bed.settle();

		const [run] = executions(trigger);
		const resolved = run.items[0].json.product as IDataObject;
		expect(resolved).toMatchObject({ id: product?.id, price: 27, sku: 'PJT' });
		expect((resolved.variants as IDataObject[]).map((v) => v.sku)).toEqual(['PJT-S', 'PJT-M', 'PJT-L', 'PJT-XL']);
		expect(Array.isArray(resolved.images)).toBe(true);
	});

	it('a variant (SKU) event comes with the variant', async () => {
		const trigger = await activeTrigger({ events: ['store/sku/updated'] });
		const variant = bed.emulator.state.variants.find((v) => v.sku === 'CSN-NAVY');
		if (!variant) throw new Error('demo variant missing');
		bed.emulator.emit('store/sku/updated', { type: 'sku', id: variant.sku_id, sku: { product_id: variant.product_id, variant_id: variant.id } });
		await bed.settle();

		expect(executions(trigger)[0].items[0].json.variant).toMatchObject({ id: variant.id, sku: 'CSN-NAVY' });
	});

	it('a stock change comes with the item\'s stock at every location', async () => {
		const trigger = await activeTrigger({ events: ['store/product/inventory/updated'] });
		const product = bed.emulator.state.products.find((p) => p.sku === 'OTL');
		bed.emulator.admin.updateProduct(Number(product?.id), { inventory_level: 3 });
		await bed.settle();

		const [run] = executions(trigger);
		const stock = run.items[0].json.inventory as IDataObject[];
		expect(stock).toHaveLength(1);
		expect(stock[0].identity).toMatchObject({ product_id: product?.id });
		expect(stock[0].locations).toEqual(expect.arrayContaining([expect.objectContaining({ location_id: 1, available_to_sell: 3 })]));
		expect(requestLog(bed.emulator, { query: true })).toEqual([
			`GET /v3/inventory/items?product_id%3Ain=${product?.id}&limit=250&page=1`,
		]);
	});

	it('a location stock event (no type or id) resolves the variant\'s stock', async () => {
		const trigger = await activeTrigger({ events: ['store/channel/*/inventory/product/stock_changed'] });
		const variant = bed.emulator.state.variants.find((v) => v.sku === 'WB-MUSTARD');
		if (!variant) throw new Error('demo variant missing');

		const result = await trigger.deliver({
			headers: withSecret(trigger),
			body: payload('store/channel/1/inventory/product/stock_changed', { product_id: variant.product_id, variant_id: variant.id, location_id: 1 }),
		});

		const stock = result.items[0].json.inventory as IDataObject[];
		expect(stock.map((s) => (s.identity as IDataObject).variant_id)).toEqual([variant.id]);
	});

	it('a customer address event comes with the customer and their addresses', async () => {
		const trigger = await activeTrigger({ events: ['store/customer/address/created'] });
		const customer = bed.emulator.admin.createCustomer({
			email: 'grace@example.com',
			first_name: 'Grace',
			last_name: 'Hopper',
			addresses: [{ first_name: 'Grace', last_name: 'Hopper', address1: '1 Navy Way', city: 'Arlington', state_or_province: 'Virginia', postal_code: '22202', country_code: 'US' }],
		});
		await bed.settle();

		const [run] = executions(trigger);
		expect(run.items[0].json.customer).toMatchObject({
			id: customer.id,
			email: 'grace@example.com',
			addresses: [expect.objectContaining({ address1: '1 Navy Way' })],
		});
	});

	it('a category, a shipment and a converted cart come with the category, the shipment and the new order', async () => {
		const trigger = await activeTrigger({ events: ['store/category/created', 'store/shipment/created', 'store/cart/converted'] });
		const category = bed.emulator.admin.createCategory({ name: 'Gifts' });
		const order = bed.emulator.admin.createOrder();
		await bed.settle();
		const shipment = bed.emulator.admin.createShipment(order.id);
		const cart = bed.emulator.admin.createCart();
		const fromCart = bed.emulator.admin.convertCart(cart.id);
		await bed.settle();

		const byScope: Record<string, IDataObject> = Object.fromEntries(executions(trigger).map((r) => [String(r.items[0].json.scope), r.items[0].json]));
		expect(byScope['store/category/created'].category).toMatchObject({ category_id: category.id, name: 'Gifts' });
		expect(byScope['store/shipment/created'].shipment).toMatchObject({ id: shipment.id, order_id: order.id });
		expect(byScope['store/cart/converted'].order).toMatchObject({ id: fromCart.id, products: expect.any(Array) });
		expect(Object.values(byScope).every((item) => item.resolveError === undefined)).toBe(true);
	});

	it('a location event comes with the location, read from the locations list (there is no single-location endpoint)', async () => {
		const trigger = await activeTrigger({ events: ['store/inventory/location/updated'] });

		const result = await trigger.deliver({ headers: withSecret(trigger), body: payload('store/inventory/location/updated', { location_id: 2 }) });

		expect(result.items[0].json.location).toMatchObject({ id: 2, code: 'WH-EAST', label: 'Warehouse East' });
		expect(result.items[0].json.resolveError).toBeUndefined();
		expect(bed.emulator.requests.map((r) => `${r.method} ${r.path} ${r.query['location_id:in']}`)).toEqual(['GET /v3/inventory/locations 2']);
	});

	it('a location that no longer exists gives a clear resolveError', async () => {
		const trigger = await activeTrigger({ events: ['store/inventory/location/updated'] });
		const result = await trigger.deliver({ headers: withSecret(trigger), body: payload('store/inventory/location/updated', { location_id: 99 }) });
		expect(result.items[0].json.resolveError).toBe('Could not fetch location 99: BigCommerce has no such location (any more)');
	});

	it('a customer channel access change comes with the customer named by data.customer_id', async () => {
		const trigger = await activeTrigger({ events: ['store/customer/channel/login/access/updated'] });
		const customer = bed.emulator.admin.createCustomer({ email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' });
		await bed.settle();
		bed.emulator.clearRequests();

		const result = await trigger.deliver({
			headers: withSecret(trigger),
			body: payload('store/customer/channel/login/access/updated', { customer_id: customer.id, channel_ids: [1] }),
		});

		expect(result.items[0].json.customer).toMatchObject({ id: customer.id, email: 'ada@example.com' });
		expect(bed.emulator.requests.map((r) => `${r.path} ${r.query['id:in']}`)).toEqual([`/v3/customers ${customer.id}`]);
	});

	it('channel order, category and product-assignment events come with their record, read from the fields those events carry', async () => {
		const trigger = await activeTrigger({
			events: ['store/order/created'],
			options: { customScope: 'store/channel/1/order/created, store/channel/1/category/created, store/channel/1/product/assigned' },
		});
		const order = bed.emulator.admin.createOrder();
		const category = bed.emulator.admin.createCategory({ name: 'Gifts' });
		await bed.settle();

		const deliver = async (scope: string, data: IDataObject) => (await trigger.deliver({ headers: withSecret(trigger), body: payload(scope, data) })).items[0].json;

		expect(((await deliver('store/channel/1/order/created', { order_id: order.id })).order as IDataObject).id).toBe(order.id);
		expect(((await deliver('store/channel/1/category/created', { category_id: category.id, tree_id: 1 })).category as IDataObject).name).toBe('Gifts');
		expect(((await deliver('store/channel/1/product/assigned', { product_id: 1 })).product as IDataObject).id).toBe(1);
	});

	it('a deleted product is handed over as delivered, with nothing to fetch', async () => {
		const trigger = await activeTrigger({ events: ['store/product/deleted'] });
		bed.emulator.admin.deleteProduct(1);
		await bed.settle();

		const [run] = executions(trigger);
		expect(run.items[0].json).toMatchObject({ scope: 'store/product/deleted', data: { type: 'product', id: 1 } });
		expect(run.items[0].json.resolveError).toBeUndefined();
		expect(bed.emulator.requests).toEqual([]);
	});
});

describe('signed deliveries (client secret set)', () => {
	const CLIENT_SECRET = 'bc-app-client-secret-0123456789';
	let signedBed: TriggerTestbed;

	beforeAll(async () => {
		signedBed = await TriggerTestbed.start({ clientSecret: CLIENT_SECRET });
	});
	afterAll(async () => {
		await signedBed.stop();
	});
	beforeEach(async () => {
		await signedBed.reset();
	});

	async function signedTrigger(): Promise<TriggerHarness> {
		const trigger = await signedBed.trigger({ events: ['store/order/created'], resolveData: false });
		await trigger.activate();
		return trigger;
	}

	function signed(trigger: TriggerHarness, raw: string, timestamp: number, secret = CLIENT_SECRET): Record<string, string> {
		const id = `msg_${randomBytes(8).toString('hex')}`;
		return {
			'x-n8n-bigcommerce-secret': String(trigger.nodeStaticData.secret),
			'webhook-id': id,
			'webhook-timestamp': String(timestamp),
			'webhook-signature': signDelivery(secret, id, timestamp, raw),
		};
	}

	it('accepts the store\'s signed deliveries', async () => {
		const trigger = await signedTrigger();
		signedBed.emulator.admin.createOrder();
		await signedBed.settle();

		expect(signedBed.emulator.deliveries[0].headers['webhook-signature']).toMatch(/^v1,/);
		expect(trigger.received.map((r) => [r.status, r.executed])).toEqual([[200, true]]);
	});

	it('accepts a signature among several (key rotation)', async () => {
		const trigger = await signedTrigger();
		const raw = JSON.stringify(payload('store/order/created', { type: 'order', id: 1 }));
		const headers = signed(trigger, raw, Math.floor(Date.now() / 1000));
		headers['webhook-signature'] = `v1,${randomBytes(32).toString('base64')} ${headers['webhook-signature']}`;

		expect(await trigger.deliver({ headers, raw })).toMatchObject({ status: 200, executed: true });
	});

	it.each([
		['signed with another secret', (t: TriggerHarness, raw: string) => signed(t, raw, Math.floor(Date.now() / 1000), 'another-secret')],
		['whose body was changed after signing', (t: TriggerHarness, raw: string) => signed(t, raw.replace('"id":1', '"id":2'), Math.floor(Date.now() / 1000))],
		['signed 6 minutes ago', (t: TriggerHarness, raw: string) => signed(t, raw, Math.floor(Date.now() / 1000) - 360)],
		['dated 6 minutes ahead', (t: TriggerHarness, raw: string) => signed(t, raw, Math.floor(Date.now() / 1000) + 360)],
		['with a signature header but no timestamp', (t: TriggerHarness, raw: string) => {
			const headers = signed(t, raw, Math.floor(Date.now() / 1000));
			delete headers['webhook-timestamp'];
			return headers;
		}],
	])('refuses a delivery %s with 401', async (_case, sign) => {
		const trigger = await signedTrigger();
		const raw = JSON.stringify(payload('store/order/created', { type: 'order', id: 1 }));

		const result = await trigger.deliver({ headers: sign(trigger, raw), raw });

		expect(result).toMatchObject({ status: 401, executed: false });
	});

	it('still requires the secret header on a correctly signed delivery', async () => {
		const trigger = await signedTrigger();
		const raw = JSON.stringify(payload('store/order/created', { type: 'order', id: 1 }));
		const headers = signed(trigger, raw, Math.floor(Date.now() / 1000));
		delete headers['x-n8n-bigcommerce-secret'];

		expect(await trigger.deliver({ headers, raw })).toMatchObject({ status: 401, executed: false });
	});

	it('with Require Signed Deliveries, refuses a delivery that drops the signature headers with 401', async () => {
		const trigger = await signedBed.trigger({ events: ['store/order/created'], resolveData: false, options: { requireSignedDeliveries: true } });
		await trigger.activate();
		const raw = JSON.stringify(payload('store/order/created', { type: 'order', id: 1 }));

		const unsigned = await trigger.deliver({ headers: withSecret(trigger), raw });
		const partly = await trigger.deliver({ headers: { ...withSecret(trigger), 'webhook-id': 'msg_1' }, raw });
		const signedOk = await trigger.deliver({ headers: signed(trigger, raw, Math.floor(Date.now() / 1000)), raw });

		expect(unsigned).toMatchObject({ status: 401, executed: false });
		expect(String((unsigned.body as IDataObject).message)).toContain('signature');
		expect(partly).toMatchObject({ status: 401, executed: false });
		expect(signedOk).toMatchObject({ status: 200, executed: true });
		// The store's own signed deliveries still run.
		signedBed.emulator.admin.createOrder();
		await signedBed.settle();
		expect(trigger.received.map((r) => [r.status, r.executed])).toEqual([[200, true]]);
	});

	it('Require Signed Deliveries without a Client Secret in the credential stops activation, saying what is missing', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'], options: { requireSignedDeliveries: true } });

		await expect(trigger.activate()).rejects.toThrow(/Require Signed Deliveries.*Client Secret/);
		expect(bed.emulator.state.hooks.filter((h) => h.destination === trigger.webhookUrl)).toEqual([]);
	});

	it('acknowledges a replayed signed delivery (same webhook-id) without running it', async () => {
		const trigger = await signedTrigger();
		const raw = JSON.stringify(payload('store/order/created', { type: 'order', id: 1 }));
		const headers = signed(trigger, raw, Math.floor(Date.now() / 1000));

		const first = await trigger.deliver({ headers, raw });
		const replay = await trigger.deliver({ headers, raw });

		expect(first).toMatchObject({ status: 200, executed: true });
		expect(replay).toMatchObject({ status: 200, executed: false, body: { received: true, duplicate: true, replay: true } });
		expect(trigger.nodeStaticData.seenWebhookIds).toEqual([[headers['webhook-id'], Number(headers['webhook-timestamp'])]]);
	});

	it('refuses a signature entry that is not base64, even beside a valid one', async () => {
		const trigger = await signedTrigger();
		const raw = JSON.stringify(payload('store/order/created', { type: 'order', id: 1 }));
		const headers = signed(trigger, raw, Math.floor(Date.now() / 1000));
		headers['webhook-signature'] = `v1,not*base64! ${headers['webhook-signature']}`;

		expect(await trigger.deliver({ headers, raw })).toMatchObject({ status: 401, executed: false });
	});

	it('accepts unsigned deliveries (the secret header is enough) and ignores signatures without a client secret', async () => {
		const trigger = await signedTrigger();
		const raw = JSON.stringify(payload('store/order/created', { type: 'order', id: 1 }));
		expect(await trigger.deliver({ headers: withSecret(trigger), raw })).toMatchObject({ status: 200, executed: true });

		const plain = await activeTrigger({ events: ['store/order/created'], resolveData: false });
		const forgedSignature = { ...signed(plain, raw, 0, 'whatever'), 'x-n8n-bigcommerce-secret': String(plain.nodeStaticData.secret) };
		expect(await plain.deliver({ headers: forgedSignature, raw })).toMatchObject({ status: 200, executed: true });
	});
});
