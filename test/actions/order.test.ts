// Orders (v2): the "what is the status of order N?" answer, reporting over a date range and
// status, and status updates, through n8n's WorkflowExecute against the store emulator.

import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { description } from '../../nodes/BigCommerce/actions/order/update.operation';

import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const DAY = 86_400_000;

const store = useStore({ resource: 'order' });
const { run } = store;

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

function firstOrderWith(has: (id: number) => boolean): number {
	const order = store.emulator.state.orders.find((o) => has(o.id));
	if (!order) throw new Error('demo store has no such order');
	return order.id;
}

describe('order get', () => {
	it('answers "what is the status of order N?" with one clean item: numbers for money, ISO dates', async () => {
		const id = firstOrderWith(() => true);
		const stored = store.emulator.state.orders.get(id)!;

		const result = await run({ operation: 'get', orderId: byId(id) });

		expect(result.error).toBeUndefined();
		const [order] = jsonOf(result);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(order).toMatchObject({
			id,
			status: stored.status,
			status_id: stored.status_id,
			customer_id: stored.customer_id,
			billing_email: stored.billing_address.email,
			billing_name: `${stored.billing_address.first_name} ${stored.billing_address.last_name}`,
			currency: 'USD',
			total_inc_tax: Number(stored.total_inc_tax),
		});
		expect(typeof order.total_inc_tax).toBe('number');
		expect(typeof order.subtotal_ex_tax).toBe('number');
		expect(order.date_created).toMatch(ISO);
		expect(new Date(order.date_created as string).getTime()).toBe(Math.floor(stored.createdMs / 1000) * 1000);
		// Not asked for: the sub-resources are left out rather than shown as links.
		expect(order.products).toBeUndefined();
		expect(store.requestLines()).toEqual([`GET /v2/orders/${id}`]);
	});

	it('embeds line items, shipping addresses and coupons, simplified too', async () => {
		const id = firstOrderWith((orderId) => store.emulator.state.orderCoupons.has(orderId));
		const lines = store.emulator.state.orderProducts.get(id)!;

		const result = await run({
			operation: 'get',
			orderId: byId(id),
			options: { includeProducts: true, includeShippingAddresses: true, includeCoupons: true },
		});

		expect(result.error).toBeUndefined();
		const [order] = jsonOf(result);
		const products = order.products as IDataObject[];
		expect(products).toHaveLength(lines.length);
		expect(products[0]).toMatchObject({ sku: lines[0].sku, quantity: lines[0].quantity });
		expect(typeof products[0].price_inc_tax).toBe('number');
		expect(order.shipping_addresses).toEqual([
			expect.objectContaining({ shipping_method: 'Flat Rate', cost_inc_tax: 10, city: 'Austin' }),
		]);
		expect(order.coupons).toEqual([expect.objectContaining({ code: 'WELCOME10', discount: 5 })]);
		expect(store.emulator.requests.map((r) => r.path).sort()).toEqual(
			[`/v2/orders/${id}`, `/v2/orders/${id}/coupons`, `/v2/orders/${id}/products`, `/v2/orders/${id}/shipping_addresses`].sort(),
		);
	});

	it('gives an empty list for an order without coupons (v2 answers 204)', async () => {
		const id = firstOrderWith((orderId) => !store.emulator.state.orderCoupons.has(orderId));

		const result = await run({ operation: 'get', orderId: byId(id), options: { includeCoupons: true } });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].coupons).toEqual([]);
		expect(store.emulator.requests.find((r) => r.path.endsWith('/coupons'))?.status).toBe(204);
	});

	it('returns the order as BigCommerce sends it when Simplify is off, with sub-resources in place of links', async () => {
		const id = firstOrderWith(() => true);

		const result = await run({ operation: 'get', orderId: String(id), simplify: false, options: { includeProducts: true } });

		const [order] = jsonOf(result);
		expect(order.total_inc_tax).toMatch(/^\d+\.\d{4}$/);
		expect(order.date_created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
		expect(Array.isArray(order.products)).toBe(true);
		expect(order.shipping_addresses).toMatchObject({ resource: `/orders/${id}/shipping_addresses` });
	});

	it('reports a missing order in plain words (v2 error array), and Continue On Fail keeps the other items going', async () => {
		const id = firstOrderWith(() => true);

		const failed = await run({ operation: 'get', orderId: byId(999999) });
		expect(failed.error?.message).toBe('Not found: The requested resource was not found.');
		expect(failed.error?.httpCode).toBe('404');
		expect(failed.error?.description).toContain('GET /v2/orders/999999');

		const mixed = await run(
			{ operation: 'get', orderId: { __rl: true, mode: 'id', value: '={{ $json.orderId }}' } },
			{ input: [{ orderId: id }, { orderId: 999999 }, { orderId: id }], continueOnFail: true },
		);
		expect(mixed.error).toBeUndefined();
		const out = jsonOf(mixed);
		expect(out).toHaveLength(3);
		expect(out[0].id).toBe(id);
		expect(out[1]).toEqual(expect.objectContaining({ error: 'Not found: The requested resource was not found.' }));
		expect(out[2].id).toBe(id);
		expect(mixed.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('refuses a non-numeric order ID from the incoming data before sending anything', async () => {
		const result = await run({ operation: 'get', orderId: byId('={{ $json.orderId }}') }, { input: [{ orderId: '12abc' }] });

		expect(result.error?.message).toBe('Order ID must be a positive whole number, got "12abc"');
		expect(store.emulator.requests).toHaveLength(0);
	});
});

describe('order get many', () => {
	it('reports every order in a status since a date: filters reach BigCommerce as v2 expects them', async () => {
		const since = new Date(Date.now() - 30 * DAY);
		const expected = store.emulator.state.orders.filter(
			(o) => o.status_id === 11 && o.createdMs >= Math.floor(since.getTime() / 1000) * 1000,
		);
		expect(expected.length).toBeGreaterThan(0);

		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { statusId: 11, minDateCreated: since.toISOString(), sort: 'date_created:asc' },
		});

		expect(result.error).toBeUndefined();
		const orders = jsonOf(result);
		expect(orders.map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
		expect(orders.every((o) => o.status === 'Awaiting Fulfillment')).toBe(true);
		expect(store.emulator.requests).toHaveLength(1);
		const { query } = store.emulator.requests[0];
		expect(query).toMatchObject({
			status_id: '11',
			sort: 'date_created:asc',
			limit: '250',
			page: '1',
			min_date_created: since.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
		});
	});

	it('reads a date without a time zone in the workflow\'s time zone, and accepts n8n date values', async () => {
		const wallTime = await run({
			operation: 'getAll',
			limit: 5,
			filters: { minDateModified: '2026-01-15T09:30:00', maxDateModified: '={{ $now.plus({ days: 1 }) }}' },
		});

		expect(wallTime.error).toBeUndefined();
		const { query } = store.emulator.requests[0];
		// No workflow time zone set: n8n's default, America/New_York (UTC-5 in January).
		expect(query.min_date_modified).toBe('2026-01-15T14:30:00+00:00');
		const max = Date.parse(query.max_date_modified);
		expect(Math.abs(max - (Date.now() + DAY))).toBeLessThan(60_000);
		expect(query.max_date_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
	});

	it('lists guest orders of one e-mail address, newest first', async () => {
		const guest = store.emulator.state.orders.find((o) => o.customer_id === 0)!;

		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { customerId: 0, email: guest.billing_address.email, sort: 'date_created:desc' },
		});

		const orders = jsonOf(result);
		expect(orders.length).toBeGreaterThan(0);
		expect(orders.every((o) => o.customer_id === 0 && o.billing_email === guest.billing_address.email)).toBe(true);
		expect(store.emulator.requests[0].query).toMatchObject({ customer_id: '0', email: guest.billing_address.email });
	});

	it('refuses an unparseable date and reversed ranges before sending anything', async () => {
		const badDate = await run({ operation: 'getAll', filters: { minDateCreated: 'last tuesday' } });
		expect(badDate.error?.message).toContain('Created After must be a date');

		const reversed = await run({ operation: 'getAll', filters: { minId: 200, maxId: 100 } });
		expect(reversed.error?.message).toBe('ID At Least must not be greater than ID At Most');

		const badEmail = await run({ operation: 'getAll', filters: { email: 'not-an-address' } });
		expect(badEmail.error?.message).toContain('Email must be an e-mail address');

		expect(store.emulator.requests).toHaveLength(0);
	});

	it('filters by a status name, one request for the statuses per run however many items', async () => {
		const expected = store.emulator.state.orders.filter((o) => o.status_id === 2).map((o) => o.id).sort();
		expect(expected.length).toBeGreaterThan(0);

		const result = await run(
			{ operation: 'getAll', returnAll: true, filters: { statusId: '={{ $json.status }}' } },
			{ input: [{ status: 'shipped' }, { status: 'Shipped' }] },
		);

		expect(result.error).toBeUndefined();
		const ids = jsonOf(result).map((o) => o.id);
		expect(ids.slice(0, expected.length).sort()).toEqual(expected);
		expect(ids).toHaveLength(expected.length * 2);
		expect(store.emulator.requests.map((r) => r.path)).toEqual(['/v2/order_statuses', '/v2/orders', '/v2/orders']);
		expect(store.emulator.requests.slice(1).every((r) => r.query.status_id === '2')).toBe(true);
	});

	it('refuses a status name the store does not have instead of answering no orders', async () => {
		const result = await run({ operation: 'getAll', returnAll: true, filters: { statusId: 'Dispatched' } });

		expect(result.error?.message).toBe('Status must be one of the store\'s order statuses, got "Dispatched"');
		expect(result.error?.description).toMatch(/^The store's order statuses: .*Shipped.*Give one of these names/);
		expect(store.emulator.requests.map((r) => r.path)).toEqual(['/v2/order_statuses']);
	});

	it('answers with nothing (not an error) when no order matches: v2 sends 204', async () => {
		const result = await run({ operation: 'getAll', returnAll: true, filters: { email: 'nobody@example.com' } });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0].status).toBe(204);
	});
});

describe('order get many at scale: requests at the floor', () => {
	const big = useStore({ resource: 'order', seed: 'empty', fresh: 'store' });
	const runBig = async (parameters: INodeParameters) => await big.run({ operation: 'getAll', ...parameters });

	it('reads 600 orders in 3 requests of up to 250, the last one short', async () => {
		big.emulator.seedScale({ orders: 600 });
		big.emulator.clearRequests();

		const result = await runBig({ returnAll: true });

		expect(result.error).toBeUndefined();
		const orders = jsonOf(result);
		expect(orders).toHaveLength(600);
		expect(new Set(orders.map((o) => o.id)).size).toBe(600);
		expect(typeof orders[599].total_inc_tax).toBe('number');
		expect(big.emulator.requests.map((r) => [r.query.page, r.query.limit, r.status])).toEqual([
			['1', '250', 200],
			['2', '250', 200],
			['3', '250', 200],
		]);
	});

	it('reads 750 orders in 4 requests: 3 full pages, then the 204 that says there are no more', async () => {
		big.emulator.seedScale({ orders: 750 });
		big.emulator.clearRequests();

		const result = await runBig({ returnAll: true, simplify: false });

		expect(jsonOf(result)).toHaveLength(750);
		expect(big.emulator.requests.map((r) => r.status)).toEqual([200, 200, 200, 204]);
	});

	it('reads no more than the Limit needs: 30 orders in one request of 30', async () => {
		big.emulator.seedScale({ orders: 600 });
		big.emulator.clearRequests();

		const result = await runBig({ limit: 30 });

		expect(jsonOf(result)).toHaveLength(30);
		expect(big.emulator.requests).toHaveLength(1);
		expect(big.emulator.requests[0].query).toMatchObject({ limit: '30', page: '1' });
	});
});

describe('order update', () => {
	it('marks an order shipped with a staff note, and the store shows it', async () => {
		const id = firstOrderWith((orderId) => store.emulator.state.orders.get(orderId)!.status_id === 11);

		const result = await run({
			operation: 'update',
			orderId: byId(id),
			updateFields: { status_id: 2, staff_notes: 'Left the warehouse with UPS' },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ id, status: 'Shipped', status_id: 2, staff_notes: 'Left the warehouse with UPS' });
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0]).toMatchObject({
			method: 'PUT',
			path: `/v2/orders/${id}`,
			body: { status_id: 2, staff_notes: 'Left the warehouse with UPS' },
		});
		expect(store.emulator.state.orders.get(id)).toMatchObject({ status_id: 2, staff_notes: 'Left the warehouse with UPS' });
	});

	it('refuses an update with nothing to change, and a bad order ID, before sending anything', async () => {
		const empty = await run({ operation: 'update', orderId: byId(100), updateFields: {} });
		expect(empty.error?.message).toBe('Add at least one field to Update Fields');

		const badId = await run(
			{ operation: 'update', orderId: '={{ $json.orderId }}', updateFields: { staff_notes: 'x' } },
			{ input: [{ orderId: -3 }] },
		);
		expect(badId.error?.message).toContain('Order ID must be a positive whole number');

		expect(store.emulator.requests).toHaveLength(0);
	});

	it('saves External ID as BigCommerce\'s writable external_order_id, and shows it in the simple order', async () => {
		const id = firstOrderWith(() => true);

		const result = await run({ operation: 'update', orderId: byId(id), updateFields: { external_id: 'ERP-10042' } });

		expect(result.error).toBeUndefined();
		expect(store.emulator.requests.map((r) => r.body)).toEqual([{ external_order_id: 'ERP-10042' }]);
		expect(store.emulator.state.orders.get(id)!.external_order_id).toBe('ERP-10042');
		expect(jsonOf(result)[0]).toMatchObject({ id, external_order_id: 'ERP-10042' });

		const read = await run({ operation: 'get', orderId: byId(id) });
		expect(jsonOf(read)[0]).toMatchObject({ id, external_order_id: 'ERP-10042', external_id: null });
	});

	it('the store ignores external_id in an order PUT: the spec marks it read-only', async () => {
		const id = firstOrderWith(() => true);
		const url = `${store.emulator.baseUrl}/stores/${store.emulator.storeHash}/v2/orders/${id}`;

		const answer = await fetch(url, {
			method: 'PUT',
			headers: { 'X-Auth-Token': store.emulator.token, Accept: 'application/json', 'Content-Type': 'application/json' },
			body: JSON.stringify({ external_id: 'AMZ-1', staff_notes: 'checked' }),
		});

		expect(answer.status).toBe(200);
		expect(await answer.json()).toMatchObject({ id, external_id: null, staff_notes: 'checked' });
		expect(store.emulator.state.orders.get(id)).toMatchObject({ external_id: null, staff_notes: 'checked' });
	});

	it('refuses a status ID outside BigCommerce\'s 0 to 14 before sending anything', async () => {
		const update = await run({ operation: 'update', orderId: byId(100), updateFields: { status_id: 15 } });
		const list = await run({ operation: 'getAll', filters: { statusId: 99 } });

		expect(update.error?.message).toBe('Status must be one of the store\'s order statuses, got "15"');
		expect(list.error?.message).toBe('Status must be one of the store\'s order statuses, got "99"');
		expect(store.emulator.requests).toHaveLength(0);
	});

	it('accepts a status name in any letter case, reading the store\'s statuses once for all items', async () => {
		const ids = store.emulator.state.orders.filter((o) => o.status_id === 11).slice(0, 3).map((o) => o.id);
		expect(ids).toHaveLength(3);

		const result = await run(
			{ operation: 'update', orderId: '={{ $json.id }}', updateFields: { status_id: '={{ $json.status }}' } },
			{ input: [{ id: ids[0], status: 'Shipped' }, { id: ids[1], status: 'shipped' }, { id: ids[2], status: ' COMPLETED ' }] },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((o) => [o.id, o.status])).toEqual([[ids[0], 'Shipped'], [ids[1], 'Shipped'], [ids[2], 'Completed']]);
		expect(store.requestLines()).toEqual([
			'GET /v2/order_statuses',
			`PUT /v2/orders/${ids[0]}`,
			`PUT /v2/orders/${ids[1]}`,
			`PUT /v2/orders/${ids[2]}`,
		]);
		expect(store.emulator.requests.slice(1).map((r) => r.body)).toEqual([{ status_id: 2 }, { status_id: 2 }, { status_id: 10 }]);
		expect(ids.map((id) => store.emulator.state.orders.get(id)!.status_id)).toEqual([2, 2, 10]);
	});

	it('refuses a status name the store does not have, naming the field and listing the store\'s statuses, and changes nothing', async () => {
		const id = firstOrderWith(() => true);
		const before = store.emulator.state.orders.get(id)!.status_id;

		const result = await run({ operation: 'update', orderId: byId(id), updateFields: { status_id: 'Shiped' } });

		expect(result.error?.message).toBe('Status must be one of the store\'s order statuses, got "Shiped"');
		expect(result.error?.description).toContain('Awaiting Fulfillment');
		expect(result.error?.description).toContain('Shipped');
		expect(store.requestLines()).toEqual(['GET /v2/order_statuses']);
		expect(store.emulator.state.orders.get(id)!.status_id).toBe(before);
	});

	it('says in the status hint that Shipped without a shipment e-mails the customer without tracking', () => {
		const fields = description.find((p) => p.name === 'updateFields')!;
		const status = (fields.options as INodeProperties[]).find((o) => o.name === 'status_id')!;
		expect(status.description).toContain('Setting Shipped before the order has a shipment e-mails the customer without tracking');
		expect(status.description).toContain('create the shipment');
	});

	it('reports a missing order as not found', async () => {
		const result = await run({ operation: 'update', orderId: byId(999999), updateFields: { status_id: 5 } });

		expect(result.error?.httpCode).toBe('404');
		expect(store.emulator.requests).toHaveLength(1);
	});
});
