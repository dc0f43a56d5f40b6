// Shipments (v2): shipping what is left of an order with its tracking number, the order's
// status following (Shipped / Partially Shipped), refusals before anything is sent, a warehouse
// sheet under connection resets without a duplicate, and the shipments read, changed, deleted.

import axios, { type AxiosInstance } from 'axios';
import { readFileSync } from 'fs';
import type { INodeParameters } from 'n8n-workflow';
import { join } from 'path';

import type { Order, OrderProduct, Shipment } from '../emulator';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

// Webhook deliveries are logged; they go nowhere.
const store = useStore({ resource: 'shipment', fresh: 'store', deliveryRewrite: () => 'http://127.0.0.1:9/unused' });
const { run } = store;

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const SHIPPED = 2;
const PARTIALLY_SHIPPED = 3;

/** A new order (Awaiting Fulfillment) of the first catalog products, in these quantities. */
function newOrder(...quantities: number[]): Order {
	const productIds = [...store.emulator.state.products.keys()];
	const order = store.emulator.admin.createOrder({
		products: quantities.map((quantity, i) => ({ product_id: productIds[i], quantity })),
	});
	store.emulator.clearRequests();
	return order;
}

function linesOf(order: Order): OrderProduct[] {
	return store.emulator.state.orderProducts.get(order.id) ?? [];
}

function shipmentsOf(order: Order) {
	return store.emulator.state.shipments.filter((s) => s.order_id === order.id);
}

function posts(): number {
	return store.emulator.requests.filter((r) => r.method === 'POST').length;
}

function items(...entries: Array<[number, number]>) {
	return { item: entries.map(([orderProductId, quantity]) => ({ orderProductId, quantity })) };
}

describe('shipment create', () => {
	it('ships every item not shipped yet when Items is empty: the order becomes Shipped, the tracking link comes back', async () => {
		const order = newOrder(2, 1);
		const [first, second] = linesOf(order);

		const result = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: '1Z999AA10123456784', shippingProvider: 'ups' });

		expect(result.error).toBeUndefined();
		const [shipment] = jsonOf(result);
		expect(shipment).toMatchObject({
			order_id: order.id,
			tracking_number: '1Z999AA10123456784',
			shipping_provider: 'ups',
			shipping_provider_name: 'UPS',
			tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
			order_address_id: first.order_address_id,
			items: [
				{ order_product_id: first.id, product_id: first.product_id, quantity: 2 },
				{ order_product_id: second.id, product_id: second.product_id, quantity: 1 },
			],
			items_count: 3,
			merchant_shipping_cost: 0,
		});
		expect(shipment.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(store.emulator.state.orders.get(order.id)?.status_id).toBe(SHIPPED);
		expect(linesOf(order).map((line) => line.quantity_shipped)).toEqual([2, 1]);
		// The order's lines and shipments read once each, then one POST.
		expect(store.requestLines()).toEqual([
			`GET /v2/orders/${order.id}/products`,
			`GET /v2/orders/${order.id}/shipments`,
			`POST /v2/orders/${order.id}/shipments`,
		]);
		expect(store.emulator.requests[2].body).toEqual({
			tracking_number: '1Z999AA10123456784',
			shipping_provider: 'ups',
			order_address_id: first.order_address_id,
			items: [
				{ order_product_id: first.id, quantity: 2 },
				{ order_product_id: second.id, quantity: 1 },
			],
		});
	});

	it('ships part of an order (Partially Shipped), then the rest with Items empty (Shipped)', async () => {
		const order = newOrder(3, 1);
		const [first, second] = linesOf(order);

		const partial = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'PART-1', shippingProvider: 'usps', items: items([first.id, 2]) });

		expect(partial.error).toBeUndefined();
		expect(jsonOf(partial)[0].items).toEqual([{ order_product_id: first.id, product_id: first.product_id, quantity: 2 }]);
		expect(store.emulator.state.orders.get(order.id)?.status_id).toBe(PARTIALLY_SHIPPED);

		const rest = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'PART-2', shippingProvider: 'USPS' });

		expect(rest.error).toBeUndefined();
		expect(jsonOf(rest)[0].items).toEqual([
			{ order_product_id: first.id, product_id: first.product_id, quantity: 1 },
			{ order_product_id: second.id, product_id: second.product_id, quantity: 1 },
		]);
		expect(store.emulator.state.orders.get(order.id)?.status_id).toBe(SHIPPED);
		expect(shipmentsOf(order).map((s) => s.tracking_number)).toEqual(['PART-1', 'PART-2']);
	});

	it('refuses a second shipment of the same items before sending it, naming the item', async () => {
		const order = newOrder(2);
		const [line] = linesOf(order);
		const first = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'ONCE', items: items([line.id, 2]) });
		expect(first.error).toBeUndefined();
		store.emulator.clearRequests();

		const again = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'TWICE', items: items([line.id, 2]) });

		expect(again.error?.message).toBe(`Order product ${line.id} (${line.name}, SKU ${line.sku}) of order ${order.id} is shipped already`);
		expect(again.error?.description).toContain('All 2 are in earlier shipments');
		expect(store.requestLines()).toEqual([`GET /v2/orders/${order.id}/products`, `GET /v2/orders/${order.id}/shipments`]);
		expect(shipmentsOf(order)).toHaveLength(1);
	});

	it('refuses an order with nothing left to ship: "Order N has no items left to ship", no POST', async () => {
		const shipped = store.emulator.state.orders.find((o) => o.status_id === SHIPPED) as Order;
		expect(linesOf(shipped).every((line) => line.quantity_shipped === line.quantity)).toBe(true);

		const result = await run({ operation: 'create', orderId: byId(shipped.id), trackingNumber: 'NOPE' });

		expect(result.error?.message).toBe(`Order ${shipped.id} has no items left to ship`);
		expect(posts()).toBe(0);
	});

	it('does not ship digital products: an order of only digital ones is refused in those words', async () => {
		const digital = store.emulator.state.orders.find((o) => linesOf(o).every((line) => line.type === 'digital')) as Order;

		const result = await run({ operation: 'create', orderId: byId(digital.id), trackingNumber: 'DL' });

		expect(result.error?.message).toBe(`Order ${digital.id} has no items left to ship: what is left is digital`);
		expect(posts()).toBe(0);
	});

	it('refuses a quantity above what is left and an order product that is not the order\'s, naming them, before any POST', async () => {
		const order = newOrder(3, 1);
		const [first] = linesOf(order);

		const tooMany = await run({ operation: 'create', orderId: byId(order.id), items: items([first.id, 4]) });
		expect(tooMany.error?.message).toBe(
			`Quantity 4 of order product ${first.id} (${first.name}, SKU ${first.sku}) is more than the 3 left to ship in order ${order.id}`,
		);

		const stranger = await run({ operation: 'create', orderId: byId(order.id), items: items([first.id, 1], [999999, 1]) });
		expect(stranger.error?.message).toBe(`Order product 999999 is not in order ${order.id}`);
		expect(stranger.error?.description).toContain(`order product ${first.id} (${first.name}, SKU ${first.sku}): 3 of 3 left to ship`);

		const twice = await run({ operation: 'create', orderId: byId(order.id), items: items([first.id, 1], [first.id, 1]) });
		expect(twice.error?.message).toBe(`Items lists order product ${first.id} (${first.name}, SKU ${first.sku}) twice`);

		expect(posts()).toBe(0);
		expect(shipmentsOf(order)).toEqual([]);
	});

	it('refuses bad input before any request: a quantity of 0, an unknown provider, a tracking number over 50 characters', async () => {
		const order = newOrder(1);
		const [line] = linesOf(order);
		const input = [{ q: 0 }, { q: 1 }];

		const zero = await run({ operation: 'create', orderId: byId(order.id), items: items([line.id, 0]) }, { input });
		expect(zero.error?.message).toBe('Items: item 1 Quantity must be a whole number from 1 to 1000000, got "0"');

		const provider = await run({ operation: 'create', orderId: byId(order.id), shippingProvider: '={{ "Pigeon" }}' });
		expect(provider.error?.message).toBe('Shipping Provider "Pigeon" is not one BigCommerce knows');

		const long = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'X'.repeat(51) });
		expect(long.error?.message).toBe('Tracking Number is longer than 50 characters');

		expect(store.emulator.requests).toEqual([]);
	});

	it('sends a custom carrier as its AfterShip name with the merchant\'s own tracking link, and the options', async () => {
		const order = newOrder(1);

		const result = await run({
			operation: 'create',
			orderId: byId(order.id),
			trackingNumber: 'JD014600006281234567',
			shippingProvider: 'custom',
			trackingCarrier: 'dhl',
			trackingLink: 'https://track.example.com/JD014600006281234567',
			options: { comments: 'Two parcels', shippingMethod: 'Express', merchantShippingCost: 7.5 },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({
			tracking_carrier: 'dhl',
			tracking_link: 'https://track.example.com/JD014600006281234567',
			shipping_provider: '',
			comments: 'Two parcels',
			shipping_method: 'Express',
			merchant_shipping_cost: 7.5,
		});
		expect(store.emulator.requests[2].body).toMatchObject({ shipping_provider: '', tracking_carrier: 'dhl', merchant_shipping_cost: '7.5000' });
	});

	it('asks which address for an order that ships to several, and ships that address\'s items when told', async () => {
		const order = store.emulator.admin.createOrder({
			products: [...store.emulator.state.products.keys()].slice(0, 2).map((product_id) => ({ product_id, quantity: 1 })),
			shipping_addresses: [
				{ first_name: 'Ann', last_name: 'Home', city: 'Austin', country_iso2: 'US', zip: '78701' },
				{ first_name: 'Ann', last_name: 'Office', city: 'Dallas', country_iso2: 'US', zip: '75201' },
			],
		});
		const [home, office] = store.emulator.state.orderShippingAddresses.get(order.id) ?? [];
		const [, second] = linesOf(order);
		second.order_address_id = office.id; // the second line goes to the office
		store.emulator.clearRequests();

		const unsure = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'MULTI-1' });
		expect(unsure.error?.message).toBe(
			`Order ${order.id} ships to several addresses (${home.id}, ${office.id}): choose one in Options > Shipping Address ID`,
		);
		expect(posts()).toBe(0);

		const toOffice = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'MULTI-2', options: { orderAddressId: office.id } });
		expect(toOffice.error).toBeUndefined();
		expect(jsonOf(toOffice)[0]).toMatchObject({ order_address_id: office.id, ship_to_city: 'Dallas', items: [expect.objectContaining({ order_product_id: second.id })] });
		expect(store.emulator.state.orders.get(order.id)?.status_id).toBe(PARTIALLY_SHIPPED);
	});

	it('with Continue On Fail, an already shipped order and an unknown one fail on their own items; the others ship', async () => {
		const open = newOrder(1);
		const shipped = store.emulator.state.orders.find((o) => o.status_id === SHIPPED) as Order;
		const input = [
			{ orderId: open.id, tracking: 'OK-1' },
			{ orderId: shipped.id, tracking: 'AGAIN' },
			{ orderId: 987654, tracking: 'GHOST' },
		];

		const result = await run(
			{ operation: 'create', orderId: byId('={{ $json.orderId }}'), trackingNumber: '={{ $json.tracking }}' },
			{ input, continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ order_id: open.id, tracking_number: 'OK-1' });
		expect(out[1].error).toBe(`Order ${shipped.id} has no items left to ship`);
		expect(String(out[2].error)).toContain('not found');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(posts()).toBe(1);
	});

	it('does not create twice when the connection drops after the store saved the shipment', async () => {
		const order = newOrder(1);
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: `/v2/orders/${order.id}/shipments`, count: 1 }]);

		const result = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'LOST-ANSWER' });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ order_id: order.id, tracking_number: 'LOST-ANSWER' });
		expect(shipmentsOf(order)).toHaveLength(1);
		// The POST once, then the shipments read again instead of a second POST.
		expect(store.requestLines()).toEqual([
			`GET /v2/orders/${order.id}/products`,
			`GET /v2/orders/${order.id}/shipments`,
			`POST /v2/orders/${order.id}/shipments`,
			`GET /v2/orders/${order.id}/shipments`,
		]);
	});

	it('says the shipment may have been created, and sends nothing more, when the check after a lost answer fails too', async () => {
		const order = newOrder(1);
		const path = `/v2/orders/${order.id}/shipments`;
		store.emulator.setFaults([
			{ kind: 'reset-after-commit', method: 'POST', path, count: 1 },
			// The read before the POST passes (a 1 ms delay); every read after it fails.
			{ kind: 'delay', method: 'GET', path, count: 1, delayMs: 1 },
			{ kind: '503', method: 'GET', path },
		]);

		const result = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'UNSURE' });

		expect(result.error?.message).toMatch(new RegExp(`^The shipment may have been created in order ${order.id}: `));
		expect(result.error?.description).toContain('it was not sent again');
		expect(posts()).toBe(1);
		expect(shipmentsOf(order)).toHaveLength(1);
	});
});

describe('a warehouse sheet of 200 rows', () => {
	it('creates 200 shipments, none twice, under 10% connection resets before and after the store saved', async () => {
		const carriers = ['ups', 'usps', 'FedEx', 'royalmail'];
		const orders = Array.from({ length: 200 }, (_, i) => newOrder(1 + (i % 3), ...(i % 2 ? [1] : [])));
		const input = orders.map((order, i) => ({ orderId: order.id, carrier: carriers[i % carriers.length], tracking: `WH-${order.id}` }));
		const shipmentPath = /^\/v2\/orders\/\d+\/(shipments|products)$/;
		store.emulator.setFaults([
			{ kind: 'reset', path: shipmentPath, rate: 0.05 },
			{ kind: 'reset-after-commit', path: shipmentPath, rate: 0.05 },
		]);

		const result = await run(
			{
				operation: 'create',
				orderId: byId('={{ $json.orderId }}'),
				trackingNumber: '={{ $json.tracking }}',
				shippingProvider: '={{ $json.carrier }}',
			},
			{ input },
		);

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out.map((shipment) => shipment.tracking_number)).toEqual(input.map((row) => row.tracking));
		expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		for (const order of orders) {
			const shipments = shipmentsOf(order);
			expect(shipments.map((shipment) => shipment.tracking_number)).toEqual([`WH-${order.id}`]);
			expect(store.emulator.state.orders.get(order.id)?.status_id).toBe(SHIPPED);
		}
		// The faults did happen, on POSTs too.
		expect(store.emulator.faultStats.reset).toBeGreaterThan(10);
		expect(store.emulator.faultStats['reset-after-commit']).toBeGreaterThan(10);
		const answeredPosts = store.emulator.requests.filter((r) => r.method === 'POST' && r.status === 201).length;
		expect(answeredPosts).toBeLessThanOrEqual(200);
	}, 120_000);
});

describe('shipment get many, get, update and delete', () => {
	function seedShipments(order: Order, count: number): Shipment[] {
		const [line] = linesOf(order);
		return Array.from({ length: count }, (_, i) => {
			const shipment: Shipment = {
				id: store.emulator.state.shipments.allocateId(),
				order_id: order.id,
				customer_id: order.customer_id,
				order_address_id: line.order_address_id,
				date_created: order.date_created,
				tracking_number: `BULK-${i + 1}`,
				shipping_method: 'Flat Rate',
				shipping_provider: 'usps',
				items: [{ order_product_id: line.id, product_id: line.product_id, quantity: 1 }],
			};
			store.emulator.state.shipments.insert(shipment);
			line.quantity_shipped++;
			return shipment;
		});
	}

	it('reads all 260 shipments of an order: two pages of 250, the end known from the short page', async () => {
		const order = newOrder(300);
		seedShipments(order, 260);

		const result = await run({ operation: 'getAll', orderId: byId(order.id), returnAll: true });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(260);
		expect(new Set(out.map((shipment) => shipment.id)).size).toBe(260);
		expect(out[259]).toMatchObject({ tracking_number: 'BULK-260', shipping_provider_name: 'USPS', items_count: 1 });
		expect(store.requestLines({ query: true })).toEqual([
			`GET /v2/orders/${order.id}/shipments?limit=250&page=1`,
			`GET /v2/orders/${order.id}/shipments?limit=250&page=2`,
		]);
	});

	it('reads one page for Limit 30, and raw records with Simplify off', async () => {
		const order = newOrder(40);
		seedShipments(order, 35);

		const result = await run({ operation: 'getAll', orderId: byId(order.id), returnAll: false, limit: 30, simplify: false });

		expect(jsonOf(result)).toHaveLength(30);
		expect(jsonOf(result)[0]).toHaveProperty('billing_address');
		expect(store.requestLines({ query: true })).toEqual([`GET /v2/orders/${order.id}/shipments?limit=30&page=1`]);
	});

	it('lists the shipments of each input item\'s order, paired with it; an order without shipments gives no item', async () => {
		const one = newOrder(5);
		const none = newOrder(1);
		const two = newOrder(5);
		seedShipments(one, 1);
		seedShipments(two, 2);

		const result = await run(
			{ operation: 'getAll', orderId: byId('={{ $json.orderId }}'), returnAll: true },
			{ input: [{ orderId: one.id }, { orderId: none.id }, { orderId: two.id }] },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((shipment) => shipment.order_id)).toEqual([one.id, two.id, two.id]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }, { item: 2 }]);
	});

	it('gets, updates the tracking details of, and deletes a shipment; deleting it unships its items', async () => {
		const order = newOrder(2);
		const created = await run({ operation: 'create', orderId: byId(order.id), trackingNumber: 'FIRST', shippingProvider: 'usps' });
		const id = Number(jsonOf(created)[0].id);

		const got = await run({ operation: 'get', orderId: byId(order.id), shipmentId: String(id) });
		expect(jsonOf(got)[0]).toMatchObject({ id, tracking_number: 'FIRST', tracking_link: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=FIRST' });

		store.emulator.clearRequests();
		const updated = await run({
			operation: 'update',
			orderId: byId(order.id),
			shipmentId: String(id),
			updateFields: { trackingNumber: '1Z999AA10123456784', shippingProvider: 'UPS', comments: 'Relabelled' },
		});
		expect(updated.error).toBeUndefined();
		expect(jsonOf(updated)[0]).toMatchObject({ id, tracking_number: '1Z999AA10123456784', shipping_provider: 'ups', comments: 'Relabelled' });
		expect(store.emulator.requests.map((r) => [r.method, r.body])).toEqual([
			['PUT', { tracking_number: '1Z999AA10123456784', shipping_provider: 'ups', comments: 'Relabelled' }],
		]);

		const empty = await run({ operation: 'update', orderId: byId(order.id), shipmentId: String(id), updateFields: {} });
		expect(empty.error?.message).toBe('Update Fields is empty: nothing to change');

		const deleted = await run({ operation: 'delete', orderId: byId(order.id), shipmentId: String(id) });
		expect(jsonOf(deleted)).toEqual([{ deleted: true, id, order_id: order.id }]);
		expect(shipmentsOf(order)).toEqual([]);
		expect(linesOf(order)[0].quantity_shipped).toBe(0);

		const gone = await run({ operation: 'get', orderId: byId(order.id), shipmentId: String(id) });
		expect(gone.error?.message).toMatch(/not found/i);
	});

	it('refuses a shipment ID that is not a number before any request', async () => {
		const result = await run({ operation: 'get', orderId: byId(100), shipmentId: 'latest' });
		expect(result.error?.message).toBe('Shipment ID must be a positive whole number, got "latest"');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('the emulator\'s shipments', () => {
	let api: AxiosInstance;
	beforeEach(() => {
		api = axios.create({
			baseURL: `${store.emulator.baseUrl}/stores/${store.emulator.storeHash}`,
			headers: { 'X-Auth-Token': store.emulator.token, Accept: 'application/json' },
			validateStatus: () => true,
		});
	});

	it('refuses a quantity above what is left and an order product of another order in the v2 error shape', async () => {
		const order = newOrder(2);
		const [line] = linesOf(order);
		const path = `/v2/orders/${order.id}/shipments`;

		const tooMany = await api.post(path, { order_address_id: line.order_address_id, items: [{ order_product_id: line.id, quantity: 3 }] });
		expect(tooMany.status).toBe(400);
		expect(tooMany.data).toEqual([
			{ status: 400, message: `The quantity of order product ID ${line.id} is invalid.`, details: { invalid_reason: '3 to ship, 2 not shipped yet' } },
		]);

		const stranger = await api.post(path, { order_address_id: line.order_address_id, items: [{ order_product_id: 999999, quantity: 1 }] });
		expect(stranger.status).toBe(400);
		expect(stranger.data[0]).toMatchObject({ status: 400, message: 'The order product ID 999999 is invalid.' });

		const noAddress = await api.post(path, { items: [{ order_product_id: line.id, quantity: 1 }] });
		expect(noAddress.data[0]).toMatchObject({ status: 400, message: "The required field 'order_address_id' was not supplied." });
		expect(shipmentsOf(order)).toEqual([]);
	});

	it('fires store/shipment/* and store/order/statusUpdated on create, update and delete; count and delete-all work', async () => {
		for (const scope of ['store/shipment/*', 'store/order/statusUpdated']) {
			await api.post('/v3/hooks', { scope, destination: `https://example.com/${scope.split('/')[1]}` });
		}
		const order = newOrder(2, 1);
		const [first, second] = linesOf(order);
		const path = `/v2/orders/${order.id}/shipments`;

		const a = (await api.post(path, { order_address_id: first.order_address_id, items: [{ order_product_id: first.id, quantity: 2 }] })).data;
		const b = (await api.post(path, { order_address_id: first.order_address_id, items: [{ order_product_id: second.id, quantity: 1 }], tracking_number: 'B' })).data;
		expect((await api.put(`${path}/${a.id}`, { tracking_number: 'A2' })).data.tracking_number).toBe('A2');
		expect((await api.get(`${path}/count`)).data).toEqual({ count: 2 });
		expect((await api.delete(`${path}/${b.id}`)).status).toBe(204);
		expect(second.quantity_shipped).toBe(0);
		expect((await api.delete(path)).status).toBe(204);
		expect((await api.get(path)).status).toBe(204);
		expect(first.quantity_shipped).toBe(0);
		await store.emulator.waitForDeliveries();

		expect(store.emulator.deliveries.map((d) => [d.scope, d.payload.data])).toEqual([
			['store/shipment/created', { type: 'shipment', id: a.id, orderId: order.id }],
			['store/order/statusUpdated', { type: 'order', id: order.id, status: { previous_status_id: 11, new_status_id: PARTIALLY_SHIPPED } }],
			['store/shipment/created', { type: 'shipment', id: b.id, orderId: order.id }],
			['store/order/statusUpdated', { type: 'order', id: order.id, status: { previous_status_id: PARTIALLY_SHIPPED, new_status_id: SHIPPED } }],
			['store/shipment/updated', { type: 'shipment', id: a.id, orderId: order.id }],
			['store/shipment/deleted', { type: 'shipment', id: b.id, orderId: order.id }],
			['store/shipment/deleted', { type: 'shipment', id: a.id, orderId: order.id }],
		]);
	});
});

describe('the example "warehouse sheet -> shipments"', () => {
	it('ships the sample rows\' open orders through the example\'s own node settings; the shipped order is an item, not a failure', async () => {
		const workflow = JSON.parse(readFileSync(join(__dirname, '../../examples/07-warehouse-shipments.json'), 'utf8')) as {
			nodes: Array<{ name: string; parameters: INodeParameters; onError?: string }>;
		};
		const node = (name: string) => workflow.nodes.find((n) => n.name === name) as (typeof workflow.nodes)[number];
		const rows = (JSON.parse(String(node('Warehouse sheet').parameters.jsonOutput)) as { rows: Array<{ orderId: number; trackingNumber: string }> }).rows;
		const create = node('Create shipment');
		expect(create.onError).toBe('continueRegularOutput');

		const result = await run(create.parameters, { input: rows, continueOnFail: true });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out.map((item) => item.error ?? item.tracking_number)).toEqual(
			rows.map((row) => (row.orderId === 102 ? 'Order 102 has no items left to ship' : row.trackingNumber)),
		);
		for (const row of rows.filter((r) => r.orderId !== 102)) {
			expect(store.emulator.state.orders.get(row.orderId)?.status_id).toBe(SHIPPED);
		}
	});
});
