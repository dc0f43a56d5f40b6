// Order refunds (v3 payment actions): a refund always matches its quote, is never sent twice,
// is refused above what the order has left, and lists come whole, through n8n's WorkflowExecute
// against the store emulator.

import type { IDataObject } from 'n8n-workflow';

import { readBigCommerceError } from '../../nodes/BigCommerce/transport';
import type { Order } from '../emulator';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const store = useStore({ resource: 'orderRefund', fresh: 'store' });
const { run } = store;

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const DAY = 86_400_000;

/** A cancelled order of a customer whose payment was captured: the case a refund is for. */
function cancelledPaidOrder(): Order {
	const order = store.emulator.state.orders.find((o) => o.status_id === 5 && o.payment_status === 'captured' && o.customer_id !== 0);
	if (!order) throw new Error('the demo store has no cancelled, paid order');
	return order;
}

/** A paid order of a guest (who can have no store credit). */
function guestPaidOrder(): Order {
	const order = store.emulator.state.orders.find((o) => o.payment_status === 'captured' && o.customer_id === 0);
	if (!order) throw new Error('the demo store has no paid guest order');
	return order;
}

function linesOf(order: Order) {
	return store.emulator.state.orderProducts.get(order.id)!;
}

function refundsOf(orderId: number) {
	return store.emulator.state.refunds.filter((refund) => refund.order_id === orderId);
}

describe('order refund create', () => {
	it('refunds exactly what the quote priced, with the order\'s own payment method: quote, then refund', async () => {
		const order = cancelledPaidOrder();
		const [line] = linesOf(order);
		const items = { lineItem: [{ orderProductId: line.id, quantity: 1 }], shipping: [{ amount: 4.5 }] };

		const quoted = await run({ operation: 'getQuote', orderId: byId(order.id), items, reason: 'Cancelled by the customer' });
		expect(quoted.error).toBeUndefined();
		const [quote] = jsonOf(quoted);
		const expected = Math.round((Number(line.price_inc_tax) + 4.5) * 100) / 100;
		expect(quote.total_refund_amount).toBe(expected);
		expect(refundsOf(order.id)).toHaveLength(0);
		store.emulator.clearRequests();

		const result = await run({ operation: 'create', orderId: byId(order.id), items, reason: 'Cancelled by the customer' });

		expect(result.error).toBeUndefined();
		const [refund] = jsonOf(result);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(refund).toMatchObject({ order_id: order.id, total_amount: quote.total_refund_amount, reason: 'Cancelled by the customer' });
		const [method] = quote.refund_methods as IDataObject[][];
		expect(refund.payments).toEqual([expect.objectContaining({ provider_id: method[0].provider_id, amount: quote.total_refund_amount })]);
		expect(refundsOf(order.id)).toHaveLength(1);
		expect(Number(store.emulator.state.orders.get(order.id)!.refunded_amount)).toBe(quote.total_refund_amount);
		expect(linesOf(order)[0].quantity_refunded).toBe(1);
		// Shipping given without its address: the order's one shipping address is read first.
		expect(store.requestLines()).toEqual([
			`GET /v2/orders/${order.id}/shipping_addresses`,
			`POST /v3/orders/${order.id}/payment_actions/refund_quotes`,
			`POST /v3/orders/${order.id}/payment_actions/refunds`,
		]);
		expect(store.emulator.requests[1].body).toEqual(store.emulator.requests[2].body && { items: (store.emulator.requests[2].body as IDataObject).items });
	});

	it('refunds everything refundable as one order-level amount: the order reads Refunded', async () => {
		const order = cancelledPaidOrder();

		const result = await run({ operation: 'create', orderId: byId(order.id), refundEverything: true });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ total_amount: Number(order.total_inc_tax) });
		expect(store.emulator.state.orders.get(order.id)).toMatchObject({ refunded_amount: order.total_inc_tax, status_id: 4 });
		expect(store.requestLines()).toEqual([
			`GET /v2/orders/${order.id}`,
			`POST /v3/orders/${order.id}/payment_actions/refund_quotes`,
			`POST /v3/orders/${order.id}/payment_actions/refunds`,
		]);

		const again = await run({ operation: 'create', orderId: byId(order.id), refundEverything: true }, { continueOnFail: true });
		expect(jsonOf(again)[0].error).toBe(`Order ${order.id} has nothing left to refund`);
		expect(refundsOf(order.id)).toHaveLength(1);
	});

	it('refunds with the provider the user chose, when the quote offers it', async () => {
		const order = cancelledPaidOrder();

		const result = await run({
			operation: 'create',
			orderId: byId(order.id),
			items: { orderAmount: [{ amount: 10 }] },
			options: { refundProvider: 'storecredit' },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].payments).toEqual([expect.objectContaining({ provider_id: 'storecredit', amount: 10 })]);
	});

	it('refuses a provider the quote does not offer, naming those it does, and refunds nothing', async () => {
		const order = guestPaidOrder();

		const result = await run(
			{ operation: 'create', orderId: byId(order.id), items: { orderAmount: [{ amount: 10 }] }, options: { refundProvider: 'storecredit' } },
			{ continueOnFail: true },
		);

		const [item] = jsonOf(result);
		expect(item.error).toBe(`Refund Provider "storecredit" is not offered for order ${order.id}`);
		expect(refundsOf(order.id)).toHaveLength(0);
		expect(store.emulator.countRequests({ path: `/v3/orders/${order.id}/payment_actions/refunds` })).toBe(0);
	});

	it('sends a refund whose answer was lost only once, leaves one refund, and says to check the order\'s refunds', async () => {
		const order = cancelledPaidOrder();
		const path = `/v3/orders/${order.id}/payment_actions/refunds`;
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path }]);

		const result = await run(
			{ operation: 'create', orderId: byId(order.id), items: { orderAmount: [{ amount: 12.5 }] } },
			{ continueOnFail: true, input: [{ row: 1 }, { row: 2 }] },
		);

		const [first] = jsonOf(result);
		expect(first.error).toBe(`The refund may have been created: check the order's refunds (order ${order.id})`);
		expect(String(first.errorDescription ?? '')).toMatch(/It was not sent again/);
		// The next item is its own refund request: it too is sent once.
		expect(store.emulator.countRequests({ method: 'POST', path })).toBe(2);
		expect(refundsOf(order.id)).toHaveLength(2);
		expect(refundsOf(order.id).every((refund) => refund.total_amount === 12.5)).toBe(true);
	});

	it('leaves exactly one refund after a reset of its one POST', async () => {
		const order = cancelledPaidOrder();
		const path = `/v3/orders/${order.id}/payment_actions/refunds`;
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path, count: 1 }]);

		const result = await run({ operation: 'create', orderId: byId(order.id), items: { orderAmount: [{ amount: 3 }] } });

		expect(result.error?.message).toBe(`The refund may have been created: check the order's refunds (order ${order.id})`);
		expect(store.emulator.countRequests({ method: 'POST', path })).toBe(1);
		expect(refundsOf(order.id)).toEqual([expect.objectContaining({ total_amount: 3 })]);
	});

	it('does not repeat a refund answered 503, but repeats its quote', async () => {
		const order = cancelledPaidOrder();
		const base = `/v3/orders/${order.id}/payment_actions`;
		store.emulator.setFaults([
			{ kind: '503', method: 'POST', path: `${base}/refund_quotes`, count: 1 },
			{ kind: '503', method: 'POST', path: `${base}/refunds`, count: 1 },
		]);

		const result = await run({ operation: 'create', orderId: byId(order.id), items: { orderAmount: [{ amount: 3 }] } });

		expect(result.error?.message).toBe(`The refund may have been created: check the order's refunds (order ${order.id})`);
		expect(store.requestLines({ status: true })).toEqual([
			`POST ${base}/refund_quotes 503`,
			`POST ${base}/refund_quotes 201`,
			`POST ${base}/refunds 503`,
		]);
	});

	it('refuses a refund above what the order has left in BigCommerce\'s words, before any refund is sent', async () => {
		const order = cancelledPaidOrder();
		const tooMuch = Number(order.total_inc_tax) + 1;

		const result = await run(
			{ operation: 'create', orderId: byId(order.id), items: { orderAmount: [{ amount: tooMuch }] } },
			{ continueOnFail: true },
		);

		const [item] = jsonOf(result);
		expect(item.error).toBe(
			`Invalid data: The refund total ${tooMuch.toFixed(2)} exceeds the ${Number(order.total_inc_tax).toFixed(2)} left to refund on order ${order.id}`,
		);
		expect(refundsOf(order.id)).toHaveLength(0);
		expect(store.requestLines()).toEqual([`POST /v3/orders/${order.id}/payment_actions/refund_quotes`]);
	});

	it('refuses more of a line item than is left to refund', async () => {
		const order = cancelledPaidOrder();
		const [line] = linesOf(order);

		const result = await run(
			{ operation: 'create', orderId: byId(order.id), items: { lineItem: [{ orderProductId: line.id, quantity: line.quantity + 1 }] } },
			{ continueOnFail: true },
		);

		expect(jsonOf(result)[0].error).toBe(
			`Invalid data: Cannot refund ${line.quantity + 1} of order product ${line.id}: only ${line.quantity} left to refund`,
		);
		expect(refundsOf(order.id)).toHaveLength(0);
	});

	it.each([
		[{}, 'Add at least one entry to Items, or turn on Refund Everything Refundable'],
		[{ orderAmount: [{ amount: 0 }] }, 'Items: Order-Level Amount must be more than 0, got 0'],
		[{ orderAmount: [{ amount: 1.234 }] }, 'Items: Order-Level Amount must be in whole cents (2 decimal places), got 1.234'],
		[{ lineItem: [{ orderProductId: 0, quantity: 1 }] }, 'Items: Order Product ID must be a positive whole number, got "0"'],
		[{ lineItem: [{ orderProductId: 5, quantity: 1.5 }] }, 'Items: Quantity must be a whole number from 1 to 2147483647, got "1.5"'],
	])('refuses bad items before any request: %j', async (items, message) => {
		const order = cancelledPaidOrder();

		const result = await run({ operation: 'create', orderId: byId(order.id), items }, { continueOnFail: true });

		expect(jsonOf(result)[0].error).toBe(message);
		expect(store.emulator.requests).toHaveLength(0);
	});
});

describe('order refund get many', () => {
	// 260 refunds of one order: more than one page of 250.
	async function refundOrderManyTimes(order: Order, times: number): Promise<void> {
		const result = await run(
			{ operation: 'create', orderId: byId(order.id), items: { orderAmount: [{ amount: 0.01 }] } },
			{ input: Array.from({ length: times }, (_, row) => ({ row })) },
		);
		expect(result.error).toBeUndefined();
	}

	it('lists every refund of one order, page after page', async () => {
		const order = cancelledPaidOrder();
		const other = guestPaidOrder();
		await refundOrderManyTimes(order, 260);
		await refundOrderManyTimes(other, 2);
		store.emulator.clearRequests();

		const result = await run({ operation: 'getAll', refundsOf: 'order', orderId: byId(order.id), returnAll: true });

		expect(result.error).toBeUndefined();
		const refunds = jsonOf(result);
		expect(refunds).toHaveLength(260);
		expect(refunds.every((refund) => refund.order_id === order.id)).toBe(true);
		expect(new Set(refunds.map((refund) => refund.id)).size).toBe(260);
		expect(store.requestLines({ query: true })).toEqual([
			`GET /v3/orders/payment_actions/refunds?order_id%3Ain=${order.id}&limit=250&page=1`,
			`GET /v3/orders/payment_actions/refunds?order_id%3Ain=${order.id}&limit=250&page=2`,
		]);
	});

	it('lists the store\'s refunds of a date range, every page, and no more than Limit asks', async () => {
		const order = cancelledPaidOrder();
		const other = guestPaidOrder();
		await refundOrderManyTimes(order, 255);
		await refundOrderManyTimes(other, 10);
		// The first 5 of the order's refunds were made 10 days ago.
		const old = Date.now() - 10 * DAY;
		for (const refund of store.emulator.state.refunds.filter((r) => r.order_id === order.id).slice(0, 5)) {
			refund.createdMs = old;
			refund.created = new Date(old).toISOString().replace(/\.\d{3}Z$/, '+00:00');
		}
		store.emulator.clearRequests();

		const recent = await run({
			operation: 'getAll',
			refundsOf: 'store',
			returnAll: true,
			filters: { createdAfter: new Date(Date.now() - DAY).toISOString(), createdBefore: new Date(Date.now() + DAY).toISOString() },
		});

		expect(recent.error).toBeUndefined();
		expect(jsonOf(recent)).toHaveLength(260);
		expect(jsonOf(recent).filter((refund) => refund.order_id === other.id)).toHaveLength(10);
		expect(store.emulator.countRequests({ path: '/v3/orders/payment_actions/refunds' })).toBe(2);
		store.emulator.clearRequests();

		const older = await run({
			operation: 'getAll',
			refundsOf: 'store',
			limit: 3,
			filters: { createdBefore: new Date(Date.now() - 5 * DAY).toISOString(), orderIds: `${order.id},${other.id}` },
		});
		expect(jsonOf(older)).toHaveLength(3);
		expect(jsonOf(older).every((refund) => refund.created === store.emulator.state.refunds.filter((r) => r.order_id === order.id)[0].created)).toBe(true);
		expect(store.emulator.countRequests()).toBe(1);
	});

	it('refuses Order IDs with One Order, and dates the wrong way round, before any request', async () => {
		const order = cancelledPaidOrder();

		const result = await run(
			{ operation: 'getAll', refundsOf: 'order', orderId: byId(order.id), filters: { orderIds: '1,2' } },
			{ continueOnFail: true },
		);
		expect(jsonOf(result)[0].error).toBe('Filters: Order IDs needs Refunds Of: All Orders');

		const dates = await run(
			{ operation: 'getAll', refundsOf: 'store', filters: { createdAfter: '2026-02-01T00:00:00Z', createdBefore: '2026-01-01T00:00:00Z' } },
			{ continueOnFail: true },
		);
		expect(jsonOf(dates)[0].error).toBe('Created After must not be later than Created Before');
		expect(store.emulator.requests).toHaveLength(0);
	});
});

describe('refund refusals in the payment actions\' own shape', () => {
	it('reads BigCommerce\'s words from { data: [{ status, title }] }', () => {
		expect(
			readBigCommerceError({ data: [{ status: 422, title: 'Unable to provide store credit for a guest customer.', type: '/api-docs' }] }),
		).toEqual({ message: 'Unable to provide store credit for a guest customer.', details: [] });
		// A list answer is not an error shape: nothing is made up from it.
		expect(readBigCommerceError({ data: [{ id: 1 }], meta: {} })).toEqual({ message: undefined, details: [] });
	});
});
