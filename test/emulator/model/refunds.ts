// v3 payment actions: refund quotes and refunds. A quote prices what is asked for against what
// the order still has to refund; a refund must pay exactly a quote's total with one of its refund
// methods. A refund moves the order's refunded amount, its lines' refunded quantities and its
// status (Refunded or Partially Refunded).

import { isoDate, money, v3Error, type Core } from '../http';
import type { Order, Refund } from '../types';
import { setOrderStatus } from './orders';

/** One priced entry of a quote or refund. */
interface PricedItem {
	item_type: string;
	item_id: number;
	reason: string;
	quantity?: number;
	requested_amount: number;
}

export interface Quote {
	order_id: number;
	total_refund_amount: number;
	total_refund_tax_amount: number;
	order_level_refund_amount: number;
	rounding: number;
	adjustment: number;
	tax_inclusive: boolean;
	refund_methods: PaymentOption[][];
}

interface PaymentOption {
	provider_id: string;
	provider_description: string;
	amount: number;
	offline: boolean;
	offline_provider: boolean;
	offline_reason: string;
}

const cents = (n: number) => Math.round(n * 100) / 100;

function refused(title: string, errors?: Record<string, string>): Error {
	return v3Error(422, title, errors);
}

function isObj(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function amountOf(raw: Record<string, unknown>, at: string): number {
	const amount = raw.amount;
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
		throw refused('The refund amount must be a number greater than 0', { [`${at}.amount`]: 'must be greater than 0' });
	}
	if (Math.abs(cents(amount) - amount) > 1e-9) {
		throw refused('The refund amount must be rounded to 2 decimal places', { [`${at}.amount`]: 'at most 2 decimal places' });
	}
	return amount;
}

/** What the order has left to refund, in total. */
export function refundableOf(order: Order): number {
	return cents(Number(order.total_inc_tax) - Number(order.refunded_amount));
}

function shippingRefunded(core: Core, orderId: number, addressId: number): number {
	let sum = 0;
	for (const [, refund] of core.state.refunds) {
		if (refund.order_id !== orderId) continue;
		for (const item of refund.items) if (item.item_type === 'SHIPPING' && item.item_id === addressId) sum += item.requested_amount;
	}
	return sum;
}

/** Prices the items of a quote or refund request; anything beyond what is left to refund is refused. */
function priceItems(core: Core, order: Order, body: unknown): PricedItem[] {
	if (!isObj(body) || !Array.isArray(body.items) || body.items.length === 0) {
		throw refused('JSON data is missing or invalid', { items: 'at least one item to refund is required' });
	}
	const lines = core.state.orderProducts.get(order.id) ?? [];
	const addresses = core.state.orderShippingAddresses.get(order.id) ?? [];
	return body.items.map((raw, index) => {
		const at = `items[${index}]`;
		if (!isObj(raw)) throw refused('JSON data is missing or invalid', { [at]: 'must be an object' });
		const reason = typeof raw.reason === 'string' ? raw.reason : '';
		if (reason.length > 1000) throw refused('JSON data is missing or invalid', { [`${at}.reason`]: 'at most 1000 characters' });
		const itemId = typeof raw.item_id === 'number' ? raw.item_id : NaN;
		switch (raw.item_type) {
			case 'PRODUCT': {
				const line = lines.find((l) => l.id === itemId);
				if (!line) throw refused(`Order product ${String(raw.item_id)} is not in order ${order.id}`, { [`${at}.item_id`]: 'not an order product of this order' });
				const quantity = raw.quantity;
				if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
					throw refused('JSON data is missing or invalid', { [`${at}.quantity`]: 'must be a whole number of at least 1' });
				}
				const left = line.quantity - line.quantity_refunded;
				if (quantity > left) {
					throw refused(`Cannot refund ${quantity} of order product ${line.id}: only ${left} left to refund`, {
						[`${at}.quantity`]: `at most ${left}`,
					});
				}
				return { item_type: 'PRODUCT', item_id: line.id, reason, quantity, requested_amount: cents(Number(line.price_inc_tax) * quantity) };
			}
			case 'SHIPPING': {
				const address = addresses.find((a) => a.id === itemId);
				if (!address) throw refused(`Shipping address ${String(raw.item_id)} is not in order ${order.id}`, { [`${at}.item_id`]: 'not a shipping address of this order' });
				const amount = amountOf(raw, at);
				const left = cents(Number(address.cost_inc_tax) - shippingRefunded(core, order.id, address.id));
				if (amount > left + 1e-9) {
					throw refused(`Cannot refund ${amount.toFixed(2)} of shipping: only ${left.toFixed(2)} left to refund`, { [`${at}.amount`]: `at most ${left.toFixed(2)}` });
				}
				return { item_type: 'SHIPPING', item_id: address.id, reason, requested_amount: amount };
			}
			case 'ORDER':
				if (itemId !== order.id) throw refused(`An ORDER item must name order ${order.id}`, { [`${at}.item_id`]: 'must be the order ID' });
				return { item_type: 'ORDER', item_id: order.id, reason, requested_amount: amountOf(raw, at) };
			case 'HANDLING':
			case 'GIFT_WRAPPING':
			case 'FEE':
			case 'TAX':
				throw refused(`Order ${order.id} has no ${String(raw.item_type).toLowerCase()} to refund`, { [`${at}.item_type`]: 'nothing of this type to refund' });
			default:
				throw refused('JSON data is missing or invalid', { [`${at}.item_type`]: 'must be PRODUCT, GIFT_WRAPPING, SHIPPING, HANDLING, ORDER, FEE or TAX' });
		}
	});
}

// The provider a v2 payment method name stands for.
function providerOf(order: Order): { id: string; description: string } {
	const method = order.payment_method.toLowerCase();
	if (method.includes('paypal')) return { id: 'paypalexpress', description: 'PayPal Express' };
	if (method.includes('card')) return { id: 'braintree', description: 'Braintree (Credit Card)' };
	return { id: 'custom', description: 'Custom' };
}

const OFFLINE = 'This is an offline payment provider.';

/** A quote for the items: the total, and how it may be paid back. */
export function quoteFor(core: Core, order: Order, body: unknown): Quote {
	return priced(core, order, body).quote;
}

function priced(core: Core, order: Order, body: unknown): { quote: Quote; items: PricedItem[] } {
	if (order.payment_status !== 'captured' && order.payment_status !== 'partially refunded') {
		throw refused(`Order ${order.id} has no captured payment to refund`);
	}
	const items = priceItems(core, order, body);
	const total = cents(items.reduce((sum, item) => sum + item.requested_amount, 0));
	const refundable = refundableOf(order);
	if (total > refundable + 1e-9) {
		throw refused(`The refund total ${total.toFixed(2)} exceeds the ${refundable.toFixed(2)} left to refund on order ${order.id}`, {
			items: `at most ${refundable.toFixed(2)} can be refunded`,
		});
	}
	const provider = providerOf(order);
	const option = (id: string, description: string, offline: boolean): PaymentOption => ({
		provider_id: id,
		provider_description: description,
		amount: total,
		offline,
		offline_provider: offline,
		offline_reason: offline ? OFFLINE : '',
	});
	const methods: PaymentOption[][] = [];
	if (provider.id !== 'custom') methods.push([option(provider.id, provider.description, false)]);
	if (order.customer_id !== 0) methods.push([option('storecredit', 'Store Credit', false)]);
	methods.push([option('custom', 'Custom', true)]);
	const quote: Quote = {
		order_id: order.id,
		total_refund_amount: total,
		total_refund_tax_amount: 0,
		order_level_refund_amount: cents(items.filter((i) => i.item_type === 'ORDER').reduce((s, i) => s + i.requested_amount, 0)),
		rounding: 0,
		adjustment: 0,
		tax_inclusive: true,
		refund_methods: methods,
	};
	return { quote, items };
}

/**
 * Creates a refund. Its payments must be one of the refund methods a quote of the same items
 * offers, with the quote's amounts; otherwise it is refused, as BigCommerce refuses a refund
 * without a valid quote.
 */
export function createRefund(core: Core, order: Order, body: unknown): Refund {
	const { quote, items } = priced(core, order, body);
	const payments = isObj(body) && Array.isArray(body.payments) ? body.payments : [];
	if (!payments.length || !payments.every(isObj)) throw refused('JSON data is missing or invalid', { payments: 'at least one payment is required' });
	const sent = payments as Record<string, unknown>[];
	const matches = quote.refund_methods.some(
		(method) =>
			method.length === sent.length &&
			method.every((option) => sent.some((p) => p.provider_id === option.provider_id && typeof p.amount === 'number' && Math.abs(p.amount - option.amount) < 0.005)),
	);
	if (!matches) {
		throw refused('The refund payments do not match a refund method of the quote', {
			payments: `pay ${quote.total_refund_amount.toFixed(2)} with one of: ${quote.refund_methods.map((m) => m.map((o) => o.provider_id).join('+')).join(', ')}`,
		});
	}

	const { state } = core;
	const now = Date.now();
	const refund: Refund = {
		id: state.refunds.allocateId(),
		order_id: order.id,
		user_id: 0,
		created: isoDate(now),
		reason: items.map((i) => i.reason).find(Boolean) ?? '',
		total_amount: quote.total_refund_amount,
		total_tax: 0,
		uses_merchant_override_values: false,
		items,
		payments: sent.map((p) => ({
			id: state.nextSeq('refundPayment'),
			provider_id: String(p.provider_id),
			amount: Number(p.amount),
			offline: p.offline === true,
			is_declined: false,
			declined_message: '',
		})),
		createdMs: now,
	};
	state.refunds.insert(refund);

	const lines = state.orderProducts.get(order.id) ?? [];
	for (const item of items) {
		if (item.item_type !== 'PRODUCT') continue;
		const line = lines.find((l) => l.id === item.item_id);
		if (!line) continue;
		line.quantity_refunded += item.quantity ?? 0;
		line.refund_amount = money(Number(line.refund_amount) + item.requested_amount);
		line.is_refunded = line.quantity_refunded >= line.quantity;
	}
	order.refunded_amount = money(Number(order.refunded_amount) + refund.total_amount);
	const fully = refundableOf(order) <= 0;
	order.payment_status = fully ? 'refunded' : 'partially refunded';
	core.emit('store/order/refund/created', { type: 'order', id: order.id, refund: { refund_id: refund.id } });
	setOrderStatus(core, order, fully ? 4 : 14);
	return refund;
}

export function serializeRefund(refund: Refund): Record<string, unknown> {
	const { createdMs: _createdMs, ...served } = refund;
	return { ...served, items: refund.items.map((i) => ({ ...i })), payments: refund.payments.map((p) => ({ ...p })) };
}
