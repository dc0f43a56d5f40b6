// Order create (v2): guest and customer orders with catalog and custom line items, checked
// before any request and never created twice; and Order Get Many as one row per line item.
// Through n8n's WorkflowExecute against the store emulator.

import type { IDataObject } from 'n8n-workflow';

import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const store = useStore({ resource: 'order', fresh: 'store' });
const { run } = store;

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

const guestBilling = {
	address: {
		first_name: 'Ada',
		last_name: 'Lovelace',
		street_1: '12 Analytical Row',
		city: 'Austin',
		state: 'Texas',
		zip: '78701',
		country_iso2: 'us',
		email: 'ada@example.com',
	},
};

function twoProducts(): [number, number] {
	const [first, second] = [...store.emulator.state.products.keys()];
	return [first, second];
}

function ordersWithExternalId(externalId: string) {
	return store.emulator.state.orders.filter((order) => order.external_order_id === externalId);
}

describe('order create', () => {
	it('creates a guest order with two products and a custom item that reads back whole', async () => {
		const [first, second] = twoProducts();
		const ordersBefore = store.emulator.state.orders.size;

		const result = await run({
			operation: 'create',
			orderFor: 'guest',
			lineItems: {
				product: [
					{ productId: first, quantity: 2 },
					{ productId: second, quantity: 1 },
				],
				customItem: [{ name: 'Engraving', price: 7.5, quantity: 1, sku: 'ENGRAVE' }],
			},
			billingAddress: guestBilling,
			shippingAddresses: { address: [{ ...guestBilling.address, shipping_method: 'Express' }] },
			additionalFields: {
				status_id: 'Awaiting Fulfillment',
				staff_notes: 'Imported from the marketplace',
				external_source: 'Marketplace',
				external_id: 'MKT-1001',
			},
		});

		expect(result.error).toBeUndefined();
		const [order] = jsonOf(result);
		expect(order).toMatchObject({
			status: 'Awaiting Fulfillment',
			status_id: 11,
			customer_id: 0,
			billing_email: 'ada@example.com',
			billing_name: 'Ada Lovelace',
			external_order_id: 'MKT-1001',
			staff_notes: 'Imported from the marketplace',
			items_total: 4,
		});
		expect(store.emulator.state.orders.size).toBe(ordersBefore + 1);
		const lines = store.emulator.state.orderProducts.get(Number(order.id))!;
		expect(lines.map((line) => [line.product_id, line.quantity])).toEqual([
			[first, 2],
			[second, 1],
			[0, 1],
		]);
		expect(store.emulator.state.orders.get(Number(order.id))!.billing_address.country_iso2).toBe('US');
		expect(store.requestLines()).toEqual(['GET /v2/order_statuses', 'GET /v2/orders', 'POST /v2/orders']);

		const read = await run({ operation: 'get', orderId: byId(String(order.id)), options: { includeProducts: true, includeShippingAddresses: true } });
		const [readBack] = jsonOf(read);
		expect((readBack.products as IDataObject[]).map((line) => [line.product_id, line.quantity, line.name])).toEqual([
			[first, 2, store.emulator.state.products.get(first)!.name],
			[second, 1, store.emulator.state.products.get(second)!.name],
			[0, 1, 'Engraving'],
		]);
		expect(readBack.shipping_addresses).toEqual([expect.objectContaining({ shipping_method: 'Express', city: 'Austin' })]);
	});

	it('bills a customer at their own address when no billing address is given', async () => {
		const customer = store.emulator.state.customers.find((c) => c.addressIds.length > 0)!;
		const [first] = twoProducts();

		const result = await run({
			operation: 'create',
			orderFor: 'customer',
			customerId: byId(customer.id),
			lineItems: { product: [{ productId: first, quantity: 1 }] },
		});

		expect(result.error).toBeUndefined();
		const [order] = jsonOf(result);
		expect(order).toMatchObject({ customer_id: customer.id, billing_email: customer.email, status_id: 1 });
		expect(store.requestLines()).toEqual(['GET /v3/customers', 'POST /v2/orders']);
	});

	it.each([
		[{ lineItems: { product: [{ productId: 1, quantity: 1 }] } }, 'Billing Address is required for a guest order'],
		[{ billingAddress: guestBilling }, 'Line Items: add at least one catalog product or custom item'],
		[
			{ billingAddress: guestBilling, lineItems: { product: [{ productId: 1, quantity: 0 }] } },
			'Line Items: Catalog Product 1: Quantity must be a whole number from 1 to 2147483647, got "0"',
		],
		[
			{ billingAddress: guestBilling, lineItems: { product: [{ productId: 1, quantity: 1.5 }] } },
			'Line Items: Catalog Product 1: Quantity must be a whole number from 1 to 2147483647, got "1.5"',
		],
		[
			{ billingAddress: guestBilling, lineItems: { customItem: [{ name: '', price: 5, quantity: 1 }] } },
			'Line Items: Custom Item 1: Name is required',
		],
		[
			{ billingAddress: { address: { ...guestBilling.address, email: '' } }, lineItems: { product: [{ productId: 1, quantity: 1 }] } },
			'Billing Address: Email is required for a guest order',
		],
		[
			{ billingAddress: guestBilling, lineItems: { product: [{ productId: 1, quantity: 1, productOptions: 'size' }] } },
			'Line Items: Catalog Product 1: Product Options must be pairs of option ID = value, e.g. 112=203, got "size"',
		],
	])('refuses bad input before any request: %j', async (parameters, message) => {
		const ordersBefore = store.emulator.state.orders.size;

		const result = await run({ operation: 'create', orderFor: 'guest', ...parameters }, { continueOnFail: true });

		expect(jsonOf(result)[0].error).toBe(message);
		expect(store.emulator.requests).toHaveLength(0);
		expect(store.emulator.state.orders.size).toBe(ordersBefore);
	});

	it('refuses a product the store does not have in BigCommerce\'s words', async () => {
		const result = await run(
			{ operation: 'create', orderFor: 'guest', billingAddress: guestBilling, lineItems: { product: [{ productId: 999999, quantity: 1 }] } },
			{ continueOnFail: true },
		);

		expect(jsonOf(result)[0].error).toBe('BigCommerce refused the request: The product ID 999999 is invalid.');
	});

	it('creates an order once per External ID: a second run reports the first order', async () => {
		const [first] = twoProducts();
		const parameters = {
			operation: 'create',
			orderFor: 'guest',
			billingAddress: guestBilling,
			lineItems: { product: [{ productId: first, quantity: 1 }] },
			additionalFields: { external_id: 'ERP-77' },
		};
		const created = await run(parameters);
		expect(created.error).toBeUndefined();
		store.emulator.clearRequests();

		const again = await run(parameters, { continueOnFail: true });

		expect(jsonOf(again)[0].error).toBe(`Not created: order ${String(jsonOf(created)[0].id)} already has External ID ERP-77`);
		expect(ordersWithExternalId('ERP-77')).toHaveLength(1);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(0);
	});

	it('finds an order whose answer was lost by its External ID: one order, reported as created', async () => {
		const [first] = twoProducts();
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v2/orders', count: 1 }]);

		const result = await run({
			operation: 'create',
			orderFor: 'guest',
			billingAddress: guestBilling,
			lineItems: { product: [{ productId: first, quantity: 1 }] },
			additionalFields: { external_id: 'ERP-78' },
		});

		expect(result.error).toBeUndefined();
		const [stored] = ordersWithExternalId('ERP-78');
		expect(ordersWithExternalId('ERP-78')).toHaveLength(1);
		expect(jsonOf(result)[0]).toMatchObject({ id: stored.id, external_order_id: 'ERP-78' });
		expect(store.requestLines()).toEqual(['GET /v2/orders', 'POST /v2/orders', 'GET /v2/orders']);
	});

	it('without an External ID, reports a lost answer as "may have been created" and does not send again', async () => {
		const [first] = twoProducts();
		const ordersBefore = store.emulator.state.orders.size;
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v2/orders', count: 1 }]);

		const result = await run(
			{ operation: 'create', orderFor: 'guest', billingAddress: guestBilling, lineItems: { product: [{ productId: first, quantity: 1 }] } },
			{ continueOnFail: true },
		);

		expect(jsonOf(result)[0].error).toBe('The order may have been created: check the store\'s orders before running this item again');
		expect(store.emulator.state.orders.size).toBe(ordersBefore + 1);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
	});

	it('sends the store/order/created webhook for the new order', async () => {
		const [first] = twoProducts();
		const emitted: Array<[string, Record<string, unknown>]> = [];
		const server = store.emulator as unknown as { server: { emit: (scope: string, data: Record<string, unknown>) => void } };
		const emit = server.server.emit.bind(server.server);
		server.server.emit = (scope, data) => {
			emitted.push([scope, data]);
			emit(scope, data);
		};
		try {
			const result = await run({ operation: 'create', orderFor: 'guest', billingAddress: guestBilling, lineItems: { product: [{ productId: first, quantity: 1 }] } });
			expect(emitted).toContainEqual(['store/order/created', { type: 'order', id: jsonOf(result)[0].id }]);
		} finally {
			server.server.emit = emit;
		}
	});
});

describe('order get many, one item per line item', () => {
	it('outputs a row per line item with the order\'s fields on each, reading each order\'s lines once', async () => {
		const orders = store.emulator.state.orders.filter((order) => order.id <= 105);
		const lineCount = orders.reduce((sum, order) => sum + store.emulator.state.orderProducts.get(order.id)!.length, 0);
		expect(lineCount).toBeGreaterThan(orders.length);

		const result = await run({ operation: 'getAll', returnAll: true, filters: { maxId: 105 }, options: { outputLineItems: true } });

		expect(result.error).toBeUndefined();
		const rows = jsonOf(result);
		expect(rows).toHaveLength(lineCount);
		let at = 0;
		for (const order of orders) {
			for (const line of store.emulator.state.orderProducts.get(order.id)!) {
				expect(rows[at]).toMatchObject({
					id: order.id,
					status: order.status,
					billing_email: order.billing_address.email,
					total_inc_tax: Number(order.total_inc_tax),
					item_id: line.id,
					item_product_id: line.product_id,
					item_sku: line.sku,
					item_quantity: line.quantity,
					item_price_inc_tax: Number(line.price_inc_tax),
				});
				expect(rows[at].products).toBeUndefined();
				expect(result.items[at].pairedItem).toEqual({ item: 0 });
				at++;
			}
		}
		// One page of orders, then each order's lines: one request per order.
		expect(store.requestLines()).toEqual([
			'GET /v2/orders',
			...orders.map((order) => `GET /v2/orders/${order.id}/products`),
		]);
	});

	it('keeps the raw fields without Simplify, the line\'s under item_', async () => {
		const [order] = store.emulator.state.orders.filter((o) => o.id === 101);

		const result = await run({ operation: 'getAll', limit: 1, simplify: false, filters: { minId: 101, maxId: 101 }, options: { outputLineItems: true } });

		const rows = jsonOf(result);
		expect(rows).toHaveLength(store.emulator.state.orderProducts.get(order.id)!.length);
		expect(rows[0]).toMatchObject({ id: 101, total_inc_tax: order.total_inc_tax, item_order_id: 101 });
	});
});
