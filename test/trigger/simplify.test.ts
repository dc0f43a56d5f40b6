// Simplify (node version 1.1): the trigger hands over the record shaped as the action node's
// simplified record, with the event beside it; version 1 workflows keep the raw delivery.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { TriggerTestbed, type DeliveryResult, type TriggerHarness } from '../helpers/trigger';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

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

async function activeTrigger(parameters: INodeParameters, typeVersion: number): Promise<TriggerHarness> {
	const trigger = await bed.trigger(parameters, { typeVersion });
	await trigger.activate();
	bed.emulator.clearRequests();
	return trigger;
}

function executions(trigger: TriggerHarness): DeliveryResult[] {
	return trigger.received.filter((r) => r.executed);
}

describe('a new node (version 1.1)', () => {
	it('hands over the simplified order first, numbers for money and ISO dates, with the event beside it', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] }, 1.1);
		const order = bed.emulator.admin.createOrder({
			products: [{ product_id: 1, quantity: 2 }],
			shipping_addresses: [{ first_name: 'Ada', last_name: 'Lovelace', street_1: '1 Analytical Way', city: 'London', zip: 'N1 9GU', country_iso2: 'GB', shipping_method: 'Courier', base_cost: 12 }],
		});
		await bed.settle();

		const [run] = executions(trigger);
		expect(run.items).toHaveLength(1);
		const item = run.items[0].json;
		expect(Object.keys(item)).toEqual(['order', 'scope', 'created_at', 'hash', 'data']);
		const stored = bed.emulator.state.orders.get(order.id)!;
		expect(item).toMatchObject({
			scope: 'store/order/created',
			hash: expect.stringMatching(/^[0-9a-f]{40}$/),
			data: { type: 'order', id: order.id },
		});
		expect(item.created_at).toMatch(ISO);
		const simple = item.order as IDataObject;
		expect(simple).toMatchObject({
			id: order.id,
			status: 'Awaiting Fulfillment',
			status_id: 11,
			currency: 'USD',
			billing_name: `${stored.billing_address.first_name} ${stored.billing_address.last_name}`,
			total_inc_tax: Number(stored.total_inc_tax),
		});
		expect(typeof simple.total_inc_tax).toBe('number');
		expect(simple.date_created).toMatch(ISO);
		expect(simple.billing_address).toBeUndefined();
		expect((simple.products as IDataObject[]).map((p) => [p.product_id, p.quantity, typeof p.price_inc_tax])).toEqual([[1, 2, 'number']]);
		expect(simple.shipping_addresses).toEqual([expect.objectContaining({ name: 'Ada Lovelace', city: 'London', cost_inc_tax: expect.any(Number) })]);
	});

	it('simplifies a product and a customer as the action node does', async () => {
		const trigger = await activeTrigger({ events: ['store/product/updated', 'store/customer/created'] }, 1.1);
		const product = bed.emulator.state.products.find((p) => p.sku === 'PJT')!;
		bed.emulator.admin.updateProduct(Number(product.id), { price: 27 });
		const customer = bed.emulator.admin.createCustomer({ email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper' });
		await bed.settle();

		const items = executions(trigger).map((r) => r.items[0].json);
		const productItem = items.find((i) => i.scope === 'store/product/updated')!;
		expect(productItem.product).toMatchObject({ id: product.id, sku: 'PJT', price: 27 });
		expect(typeof (productItem.product as IDataObject).date_modified).toBe('string');
		expect((productItem.product as IDataObject).date_modified).toMatch(ISO);
		const customerItem = items.find((i) => i.scope === 'store/customer/created')!;
		expect(customerItem.customer).toMatchObject({ id: customer.id, email: 'grace@example.com', company: '', address_count: 0 });
		expect((customerItem.customer as IDataObject).date_created).toMatch(ISO);
	});

	it('hands over the raw delivery with Simplify off', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'], simplify: false }, 1.1);
		const order = bed.emulator.admin.createOrder();
		await bed.settle();

		const item = executions(trigger)[0].items[0].json;
		expect(item).toMatchObject({ scope: 'store/order/created', store_id: expect.any(String), created_at: expect.any(Number) });
		expect((item.order as IDataObject).total_inc_tax).toBe(bed.emulator.state.orders.get(order.id)!.total_inc_tax);
		expect(typeof (item.order as IDataObject).total_inc_tax).toBe('string');
	});
});

describe('a saved workflow (version 1)', () => {
	it('keeps the raw delivery: money as BigCommerce\'s strings, delivery fields first', async () => {
		const trigger = await activeTrigger({ events: ['store/order/created'] }, 1);
		bed.emulator.admin.createOrder();
		await bed.settle();

		const item = executions(trigger)[0].items[0].json;
		expect(Object.keys(item).slice(0, 3)).toEqual(['scope', 'store_id', 'data']);
		const order = item.order as IDataObject;
		expect(order.total_inc_tax).toMatch(/^\d+\.\d{4}$/);
		expect(order.date_created).toMatch(/\+0000$/);
		expect(order.billing_address).toEqual(expect.any(Object));
	});
});
