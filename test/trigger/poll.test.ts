// The BigCommerce Polling Trigger run as n8n runs it (PollTriggerExecutor, PollContext, static
// data kept between polls and saved as n8n saves it) against the emulated store.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PollHarness } from '../helpers/poll';
import { useStore } from '../helpers/store';

const store = useStore({ fresh: 'store' });

function harness(parameters: INodeParameters): PollHarness {
	return new PollHarness(store.credentials(), parameters);
}

function orderIds(items: { json: IDataObject }[]): number[] {
	return items.map((item) => Number((item.json.order as IDataObject).id));
}

function countLines(prefix: RegExp): number {
	return store.requestLines().filter((line) => prefix.test(line)).length;
}

/** Seconds since the epoch, a day ago, on a whole second: after every order of the demo store. */
function dayAgoSecond(): number {
	return Math.floor(Date.now() / 1000) - 86_400;
}

async function nextSecond(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 1010 - (Date.now() % 1000)));
}

describe('BigCommerce Polling Trigger: new orders', () => {
	it('backfills exactly the orders since a date over all pages, then only new ones, also those sharing the boundary second', async () => {
		const start = dayAgoSecond();
		// 600 orders, three to a second, over 200 seconds.
		const placed = Array.from({ length: 600 }, (_, i) =>
			store.emulator.admin.createOrder({ date_created: (start + Math.floor(i / 3)) * 1000 + (i % 3) * 100 }),
		);
		const boundary = start + 199;
		const trigger = harness({
			event: 'newOrder',
			simplify: false,
			options: { backfillFrom: new Date(start * 1000).toISOString() },
		});

		const backfill = await trigger.poll();
		expect(backfill.error).toBeUndefined();
		expect(orderIds(backfill.items)).toEqual(placed.map((order) => order.id));
		// The list at its largest page (250): 3 pages; then each order's line items, addresses and coupons.
		expect(countLines(/^GET \/v2\/orders$/)).toBe(3);
		expect(countLines(/^GET \/v2\/orders\/\d+\/(products|shipping_addresses|coupons)$/)).toBe(1800);
		expect(store.requestLines()).toHaveLength(1803);
		const first = backfill.items[0].json;
		expect(first).toMatchObject({ scope: 'store/order/created', data: { type: 'order', id: placed[0].id } });
		expect(first.hash).toMatch(/^[0-9a-f]{40}$/);
		expect((first.order as IDataObject).products).toEqual([expect.objectContaining({ order_id: placed[0].id })]);
		expect(Array.isArray((first.order as IDataObject).shipping_addresses)).toBe(true);
		expect((first.order as IDataObject).coupons).toEqual([]);

		// Two more orders in the boundary second (after the poll read it), one later.
		const late = [
			store.emulator.admin.createOrder({ date_created: boundary * 1000 + 900 }),
			store.emulator.admin.createOrder({ date_created: boundary * 1000 + 950 }),
			store.emulator.admin.createOrder({ date_created: (boundary + 5) * 1000 }),
		];
		store.emulator.clearRequests();
		const next = await trigger.poll();
		expect(orderIds(next.items)).toEqual(late.map((order) => order.id));
		// The backfill read three pages, so this poll reads again from the end of its first page
		// (orders that slid between pages while it read would be found now): 353 orders, 2 pages.
		expect(countLines(/^GET \/v2\/orders$/)).toBe(2);
		expect(countLines(/^GET \/v2\/orders\/\d+\//)).toBe(9);

		const after = await trigger.poll();
		expect(after.items).toEqual([]);
		expect(after.error).toBeUndefined();

		// After a restart of n8n, the saved state carries on: still nothing new.
		trigger.restart();
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('starts from the newest order when no date is chosen, and emits what comes after', async () => {
		const trigger = harness({ event: 'newOrder' });
		const first = await trigger.poll();
		expect(first.items).toEqual([]);
		// One page of the newest orders, nothing resolved.
		expect(store.requestLines()).toEqual(['GET /v2/orders']);

		const order = store.emulator.admin.createOrder({});
		const next = await trigger.poll();
		expect(next.items).toHaveLength(1);
		// Simplified by default: the order as the action node simplifies it, then the event.
		expect(Object.keys(next.items[0].json).slice(0, 2)).toEqual(['order', 'scope']);
		expect(next.items[0].json).toMatchObject({ scope: 'store/order/created', order: { id: order.id } });
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('emits every order once through a 429 storm and passing 5xx', async () => {
		const trigger = harness({ event: 'newOrder', simplify: false });
		await trigger.poll();
		const placed = Array.from({ length: 12 }, () => store.emulator.admin.createOrder({}));
		store.emulator.setFaults([
			{ kind: '502', count: 3 },
			{ kind: '429', rate: 0.4, delayMs: 20 },
		]);

		const stormy = await trigger.poll();
		expect(stormy.error).toBeUndefined();
		expect(orderIds(stormy.items)).toEqual(placed.map((order) => order.id));
		expect(store.emulator.faultStats['429']).toBeGreaterThan(5);
		expect(store.emulator.faultStats['502']).toBe(3);

		store.emulator.setFaults([]);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('a poll that fails keeps its boundary, and the next poll emits the orders', async () => {
		const trigger = harness({ event: 'newOrder', simplify: false });
		await trigger.poll();
		const saved = JSON.stringify(trigger.nodeStaticData);
		const placed = Array.from({ length: 5 }, () => store.emulator.admin.createOrder({}));
		// Every line-item read fails: the list succeeds, resolving does not.
		store.emulator.setFaults([{ kind: '500', path: /^\/v2\/orders\/\d+\/products$/ }]);

		const failed = await trigger.poll();
		expect(failed.items).toEqual([]);
		expect(failed.error?.message).toBeTruthy();
		expect(JSON.stringify(trigger.liveStaticData)).toBe(saved);
		expect(JSON.stringify(trigger.nodeStaticData)).toBe(saved);

		store.emulator.setFaults([]);
		const next = await trigger.poll();
		expect(orderIds(next.items)).toEqual(placed.map((order) => order.id));
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('Fetch Test Event returns the newest order and leaves the state alone', async () => {
		const order = store.emulator.admin.createOrder({});
		const trigger = harness({ event: 'newOrder' });
		const result = await trigger.fetchTestEvent();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ order: { id: order.id }, scope: 'store/order/created' });
		expect(trigger.saved).toEqual({});
	});

	it('Fetch Test Event shows an order for Updated Order before any order was changed, and the lowest SKU for Low Stock', async () => {
		const updated = await harness({ event: 'updatedOrder' }).fetchTestEvent();
		expect(updated.error).toBeUndefined();
		expect(updated.items).toHaveLength(1);
		expect(updated.items[0].json).toMatchObject({ scope: 'store/order/updated', order: { id: expect.any(Number) } });

		const low = await harness({ event: 'lowStock', threshold: 1000, stockAt: 'total' }).fetchTestEvent();
		expect(low.error).toBeUndefined();
		expect(low.items).toHaveLength(1);
		expect(low.items[0].json).toMatchObject({ sku: expect.any(String), threshold: 1000, location_id: null });
	});
});

describe('BigCommerce Polling Trigger: updated records', () => {
	it('emits an order changed twice between polls once, with its latest state', async () => {
		const trigger = harness({ event: 'updatedOrder', simplify: false });
		await trigger.poll();
		const [changed] = store.emulator.state.orders.filter(() => true);
		store.emulator.admin.updateOrder(changed.id, { staff_notes: 'first change' });
		store.emulator.admin.updateOrder(changed.id, { staff_notes: 'second change' });
		// A new order is not an updated one.
		store.emulator.admin.createOrder({});

		const next = await trigger.poll();
		expect(orderIds(next.items)).toEqual([changed.id]);
		expect(next.items[0].json).toMatchObject({ scope: 'store/order/updated', order: { staff_notes: 'second change' } });
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('with a status filter, emits only orders now in one of the chosen statuses (by name)', async () => {
		const trigger = harness({ event: 'updatedOrder', simplify: false, options: { orderStatuses: ['shipped'] } });
		await trigger.poll();
		const [shipped, noted] = store.emulator.state.orders.filter(() => true);
		store.emulator.admin.setOrderStatus(shipped.id, 2);
		store.emulator.admin.updateOrder(noted.id, { staff_notes: 'not shipped' });

		const next = await trigger.poll();
		expect(orderIds(next.items)).toEqual([shipped.id]);
	});

	it('emits new products with their variants and images, and changed customers with their addresses', async () => {
		const products = harness({ event: 'newProduct', simplify: false });
		const customers = harness({ event: 'updatedCustomer', simplify: false });
		await products.poll();
		await customers.poll();
		const product = store.emulator.admin.createProduct({ name: 'Polled Lamp', type: 'physical', weight: 1, price: 30, sku: 'POLL-LAMP' });
		const [customer] = store.emulator.state.customers.filter(() => true);
		// A change in the second the customer was created in cannot be told from its creation.
		await nextSecond();
		store.emulator.admin.updateCustomer(customer.id, { company: 'Polled Inc' });

		store.emulator.clearRequests();
		const newProducts = await products.poll();
		expect(newProducts.items.map((item) => (item.json.product as IDataObject).id)).toEqual([product.id]);
		expect((newProducts.items[0].json.product as IDataObject).variants).toEqual([expect.objectContaining({ sku: 'POLL-LAMP' })]);
		expect(Array.isArray((newProducts.items[0].json.product as IDataObject).images)).toBe(true);
		// One list request, variants and images included.
		expect(store.requestLines()).toEqual(['GET /v3/catalog/products']);

		const changed = await customers.poll();
		expect(changed.items.map((item) => (item.json.customer as IDataObject).id)).toEqual([customer.id]);
		expect(changed.items[0].json).toMatchObject({ scope: 'store/customer/updated', customer: { company: 'Polled Inc' } });
		expect(Array.isArray((changed.items[0].json.customer as IDataObject).addresses)).toBe(true);
		expect((await customers.poll()).items).toEqual([]);
		expect((await products.poll()).items).toEqual([]);
	});
});

describe('BigCommerce Polling Trigger: low stock', () => {
	async function setStock(sku: string, quantity: number): Promise<void> {
		const result = await store.run({ resource: 'inventory', operation: 'setLevel', identifyBy: 'sku', sku, quantity, locationId: 1 });
		expect(result.error).toBeUndefined();
	}

	it('emits a SKU once when it goes low, again only after it went back above the threshold', async () => {
		const trigger = harness({ event: 'lowStock', threshold: 4, stockAt: 'location', locationId: 1 });
		expect((await trigger.poll()).items).toEqual([]);

		await setStock('PJT-M', 3);
		const low = await trigger.poll();
		expect(low.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ sku: 'PJT-M', location_id: 1, available_to_sell: 3, threshold: 4 }),
		]);
		expect((await trigger.poll()).items).toEqual([]);
		await setStock('PJT-M', 2);
		expect((await trigger.poll()).items).toEqual([]);
		await setStock('PJT-M', 10);
		expect((await trigger.poll()).items).toEqual([]);
		await setStock('PJT-M', 1);
		expect((await trigger.poll()).items.map((item) => item.json.sku)).toEqual(['PJT-M']);
	});

	it('refuses a location that is not an ID before any request, and the saved state stays empty', async () => {
		const trigger = harness({ event: 'lowStock', threshold: 4, stockAt: 'location', locationId: 'main warehouse' });
		const outcome = await trigger.poll();
		expect(outcome.error?.message).toBe('Location Name or ID must be a location\'s ID, got "main warehouse"');
		expect(store.requestLines()).toEqual([]);
		expect(trigger.liveStaticData).toEqual({});
	});
});
