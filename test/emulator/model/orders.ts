// v2 orders: creation with line items, shipping addresses and coupons; status changes with
// their webhooks; archive; and the v2 shapes (money strings, RFC-2822 dates, sub-resource links).

import { money, rfc2822, v2Error } from '../http';
import type { Core } from '../http';
import type { Order, OrderAddress, OrderCoupon, OrderProduct, OrderShippingAddress, Product, Shipment, Variant } from '../types';
import { countryName } from './customers';

export const ORDER_STATUSES: { id: number; name: string; description: string }[] = [
	{ id: 0, name: 'Incomplete', description: 'Checkout was started but never completed.' },
	{ id: 1, name: 'Pending', description: 'Order placed; waiting for the store to act.' },
	{ id: 2, name: 'Shipped', description: 'All items have been shipped.' },
	{ id: 3, name: 'Partially Shipped', description: 'Some items have been shipped.' },
	{ id: 4, name: 'Refunded', description: 'The whole order was refunded.' },
	{ id: 5, name: 'Cancelled', description: 'The order was cancelled.' },
	{ id: 6, name: 'Declined', description: 'Payment was declined.' },
	{ id: 7, name: 'Awaiting Payment', description: 'Waiting for the payment to be confirmed.' },
	{ id: 8, name: 'Awaiting Pickup', description: 'Ready for the customer to collect.' },
	{ id: 9, name: 'Awaiting Shipment', description: 'Packed and waiting for the carrier.' },
	{ id: 10, name: 'Completed', description: 'Nothing left to do (digital goods delivered).' },
	{ id: 11, name: 'Awaiting Fulfillment', description: 'Paid; waiting to be picked and packed.' },
	{ id: 12, name: 'Manual Verification Required', description: 'On hold until someone checks it by hand.' },
	{ id: 13, name: 'Disputed', description: 'The customer disputes the payment.' },
	{ id: 14, name: 'Partially Refunded', description: 'Part of the order was refunded.' },
];

// Sort order of statuses as the control panel lists them.
const STATUS_SORT = [1, 7, 11, 9, 8, 3, 2, 10, 5, 6, 4, 14, 12, 13, 0];

export function statusName(id: number): string {
	return ORDER_STATUSES.find((s) => s.id === id)?.name ?? 'Unknown';
}

export function serializeStatus(s: { id: number; name: string; description: string }): Record<string, unknown> {
	return {
		id: s.id,
		name: s.name,
		system_label: s.name,
		custom_label: s.name,
		system_description: s.description,
		sort_order: STATUS_SORT.indexOf(s.id),
	};
}

function str(v: unknown, fallback = ''): string {
	return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
}

function toAddress(input: Record<string, unknown>): OrderAddress {
	const iso2 = str(input.country_iso2, 'US').toUpperCase();
	return {
		first_name: str(input.first_name),
		last_name: str(input.last_name),
		company: str(input.company),
		street_1: str(input.street_1),
		street_2: str(input.street_2),
		city: str(input.city),
		state: str(input.state),
		zip: str(input.zip),
		country: str(input.country) || countryName(iso2),
		country_iso2: iso2,
		phone: str(input.phone),
		email: str(input.email),
	};
}

function isObj(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberOf(v: unknown): number | undefined {
	if (typeof v === 'number' && Number.isFinite(v)) return v;
	if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
	return undefined;
}

export interface CreateOrderOptions {
	silent?: boolean;
	createdMs?: number;
	defaultStatusId?: number;
}

interface Line {
	product?: Product;
	variant?: Variant;
	name: string;
	sku: string;
	quantity: number;
	price: number;
	weight: number;
}

export function createOrder(core: Core, input: Record<string, unknown>, opts: CreateOrderOptions = {}): Order {
	const { state } = core;
	if (!isObj(input.billing_address)) throw v2Error(400, "The required field 'billing_address' was not supplied.");
	if (!Array.isArray(input.products) || !input.products.length) throw v2Error(400, "The required field 'products' was not supplied.");
	const lines: Line[] = input.products.map((raw, i) => {
		if (!isObj(raw)) throw v2Error(400, `The field 'products[${i}]' is invalid.`);
		const quantity = numberOf(raw.quantity);
		if (quantity === undefined || !Number.isInteger(quantity) || quantity < 1) throw v2Error(400, `The field 'products[${i}].quantity' is invalid.`);
		if (raw.product_id !== undefined) {
			const product = state.products.get(Number(raw.product_id));
			if (!product) throw v2Error(400, `The product ID ${String(raw.product_id)} is invalid.`, { invalid_reason: 'product not found' });
			let variant: Variant | undefined;
			if (raw.variant_id !== undefined) {
				variant = state.variants.get(Number(raw.variant_id));
				if (!variant || variant.product_id !== product.id) throw v2Error(400, `The variant ID ${String(raw.variant_id)} is invalid.`);
			} else if (product.base_variant_id) variant = state.variants.get(product.base_variant_id);
			else variant = state.variants.get(product.variantIds[0]);
			const price = numberOf(raw.price_ex_tax) ?? numberOf(raw.price_inc_tax) ?? variant?.calculated_price ?? product.calculated_price;
			return { product, variant, name: product.name, sku: variant?.sku || product.sku, quantity, price, weight: variant?.weight ?? product.weight };
		}
		if (typeof raw.name !== 'string') throw v2Error(400, `The required field 'products[${i}].product_id' was not supplied.`);
		const price = numberOf(raw.price_ex_tax) ?? numberOf(raw.price_inc_tax);
		if (price === undefined) throw v2Error(400, `The required field 'products[${i}].price_ex_tax' was not supplied.`);
		return { name: raw.name, sku: str(raw.sku), quantity, price, weight: 0 };
	});
	const customerId = numberOf(input.customer_id) ?? 0;
	if (customerId !== 0 && !state.customers.has(customerId)) throw v2Error(400, `The customer ID ${customerId} is invalid.`);
	const statusId = numberOf(input.status_id) ?? opts.defaultStatusId ?? 1;
	if (!ORDER_STATUSES.some((s) => s.id === statusId)) throw v2Error(400, "The field 'status_id' is invalid.");
	const channelId = numberOf(input.channel_id) ?? 1;
	if (!state.channels.has(channelId)) throw v2Error(400, "The field 'channel_id' is invalid.");

	const id = state.orders.allocateId();
	const ms = opts.createdMs ?? Date.now();
	const billing = toAddress(input.billing_address);
	const shipInputs = Array.isArray(input.shipping_addresses) && input.shipping_addresses.length
		? (input.shipping_addresses as unknown[]).filter(isObj)
		: [input.billing_address];
	const itemsTotal = lines.reduce((s, l) => s + l.quantity, 0);
	const subtotal = lines.reduce((s, l) => s + l.price * l.quantity, 0);

	const addresses: OrderShippingAddress[] = shipInputs.map((a, i) => {
		const cost = numberOf(a.base_cost) ?? numberOf(a.cost_ex_tax) ?? 0;
		return {
			...toAddress(a),
			id: state.nextSeq('orderAddress'),
			order_id: id,
			items_total: i === 0 ? itemsTotal : 0,
			items_shipped: 0,
			shipping_method: str(a.shipping_method, 'Flat Rate'),
			base_cost: money(cost),
			cost_ex_tax: money(cost),
			cost_inc_tax: money(cost),
			cost_tax: money(0),
			shipping_zone_id: 1,
			shipping_zone_name: 'Default zone',
		};
	});
	const shipping = addresses.reduce((s, a) => s + Number(a.base_cost), 0);
	const coupons: OrderCoupon[] = (Array.isArray(input.coupons) ? (input.coupons as unknown[]).filter(isObj) : []).map((c) => {
		const amount = numberOf(c.amount) ?? 0;
		return {
			id: state.nextSeq('orderCoupon'),
			coupon_id: numberOf(c.coupon_id) ?? state.nextSeq('coupon'),
			order_id: id,
			code: str(c.code, 'SAVE'),
			amount: money(amount),
			type: 0,
			discount: amount,
		};
	});
	const discount = coupons.reduce((s, c) => s + Number(c.discount), 0);
	const total = Math.max(0, subtotal + shipping - discount);

	const products: OrderProduct[] = lines.map((l) => ({
		id: state.nextSeq('orderProduct'),
		order_id: id,
		product_id: l.product?.id ?? 0,
		variant_id: l.variant?.id ?? 0,
		order_address_id: addresses[0].id,
		name: l.name,
		sku: l.sku,
		type: l.product?.type ?? 'physical',
		base_price: money(l.price),
		price_ex_tax: money(l.price),
		price_inc_tax: money(l.price),
		price_tax: money(0),
		base_total: money(l.price * l.quantity),
		total_ex_tax: money(l.price * l.quantity),
		total_inc_tax: money(l.price * l.quantity),
		total_tax: money(0),
		weight: money(l.weight),
		quantity: l.quantity,
		quantity_shipped: 0,
		is_refunded: false,
		quantity_refunded: 0,
		refund_amount: money(0),
		product_options: [],
		applied_discounts: [],
	}));
	for (const l of lines) if (l.product) l.product.total_sold += l.quantity;

	const created = rfc2822(ms);
	const order: Order = {
		id,
		customer_id: customerId,
		date_created: created,
		date_modified: created,
		date_shipped: '',
		status_id: statusId,
		status: statusName(statusId),
		custom_status: statusName(statusId),
		subtotal_ex_tax: money(subtotal),
		subtotal_inc_tax: money(subtotal),
		subtotal_tax: money(0),
		base_shipping_cost: money(shipping),
		shipping_cost_ex_tax: money(shipping),
		shipping_cost_inc_tax: money(shipping),
		shipping_cost_tax: money(0),
		total_ex_tax: money(total),
		total_inc_tax: money(total),
		total_tax: money(0),
		items_total: itemsTotal,
		items_shipped: 0,
		payment_method: str(input.payment_method, 'Manual'),
		payment_status: statusId === 0 || statusId === 1 || statusId === 7 ? '' : 'captured',
		refunded_amount: money(0),
		order_is_digital: lines.every((l) => l.product?.type === 'digital'),
		ip_address: str(input.ip_address, '127.0.0.1'),
		currency_code: 'USD',
		currency_exchange_rate: '1.0000000000',
		default_currency_code: 'USD',
		staff_notes: str(input.staff_notes),
		customer_message: str(input.customer_message),
		discount_amount: money(0),
		coupon_discount: money(discount),
		shipping_address_count: addresses.length,
		is_deleted: false,
		billing_address: billing,
		is_email_opt_in: false,
		order_source: str(input.order_source, 'external'),
		channel_id: channelId,
		external_source: typeof input.external_source === 'string' ? input.external_source : null,
		// external_id is read-only (set by marketplace integrations); API clients write external_order_id.
		external_id: null,
		external_order_id: typeof input.external_order_id === 'string' ? input.external_order_id : null,
		cart_id: str(input.cart_id),
		createdMs: ms,
		modifiedMs: ms,
		totalNumber: total,
	};
	state.orders.insert(order);
	state.orderProducts.set(id, products);
	state.orderShippingAddresses.set(id, addresses);
	if (coupons.length) state.orderCoupons.set(id, coupons);
	if (!opts.silent) core.emit('store/order/created', { type: 'order', id });
	return order;
}

function touch(order: Order): void {
	const now = Date.now();
	order.modifiedMs = now;
	order.date_modified = rfc2822(now);
}

export function setOrderStatus(core: Core, order: Order, statusId: number): void {
	if (!ORDER_STATUSES.some((s) => s.id === statusId)) throw v2Error(400, "The field 'status_id' is invalid.");
	const previous = order.status_id;
	if (previous === statusId) return;
	order.status_id = statusId;
	order.status = statusName(statusId);
	order.custom_status = order.status;
	if (statusId === 2 && !order.date_shipped) order.date_shipped = rfc2822(Date.now());
	touch(order);
	core.emit('store/order/statusUpdated', { type: 'order', id: order.id, status: { previous_status_id: previous, new_status_id: statusId } });
}

// external_id is read-only in the order PUT: like the other read-only fields, it is ignored.
const UPDATABLE = ['customer_message', 'staff_notes', 'payment_method', 'external_order_id', 'order_source'];

export function updateOrder(core: Core, order: Order, input: Record<string, unknown>): void {
	const { state } = core;
	if (input.status_id !== undefined) {
		const s = numberOf(input.status_id);
		if (s === undefined || !ORDER_STATUSES.some((x) => x.id === s)) throw v2Error(400, "The field 'status_id' is invalid.");
	}
	if (input.customer_id !== undefined) {
		const c = numberOf(input.customer_id);
		if (c === undefined || (c !== 0 && !state.customers.has(c))) throw v2Error(400, "The field 'customer_id' is invalid.");
	}
	if (input.billing_address !== undefined && !isObj(input.billing_address)) throw v2Error(400, "The field 'billing_address' is invalid.");
	for (const f of UPDATABLE) {
		if (input[f] === undefined) continue;
		if (typeof input[f] !== 'string') throw v2Error(400, `The field '${f}' is invalid.`);
		(order as unknown as Record<string, unknown>)[f] = input[f];
	}
	if (input.customer_id !== undefined) order.customer_id = numberOf(input.customer_id) as number;
	if (isObj(input.billing_address)) {
		order.billing_address = toAddress({ ...order.billing_address, ...input.billing_address });
	}
	if (input.status_id !== undefined) setOrderStatus(core, order, numberOf(input.status_id) as number);
	touch(order);
	core.emit('store/order/updated', { type: 'order', id: order.id });
}

export function archiveOrder(core: Core, order: Order): void {
	if (!order.is_deleted) core.state.archivedOrders++;
	order.is_deleted = true;
	touch(order);
	core.emit('store/order/archived', { type: 'order', id: order.id });
}

/** Ships every line of the order to its first address; the order becomes Shipped. */
export function createShipment(core: Core, order: Order, input: Record<string, unknown> = {}): Shipment {
	const { state } = core;
	const lines = state.orderProducts.get(order.id) ?? [];
	const address = (state.orderShippingAddresses.get(order.id) ?? [])[0];
	const shipment: Shipment = {
		id: state.shipments.allocateId(),
		order_id: order.id,
		customer_id: order.customer_id,
		order_address_id: address?.id ?? 0,
		date_created: rfc2822(Date.now()),
		tracking_number: str(input.tracking_number, `TRK${order.id}${Date.now() % 100000}`),
		shipping_method: str(input.shipping_method, address?.shipping_method ?? 'Flat Rate'),
		shipping_provider: str(input.shipping_provider, ''),
		items: lines.map((l) => ({ order_product_id: l.id, product_id: l.product_id, quantity: l.quantity - l.quantity_shipped })),
	};
	state.shipments.insert(shipment);
	for (const l of lines) l.quantity_shipped = l.quantity;
	if (address) address.items_shipped = address.items_total;
	order.items_shipped = order.items_total;
	core.emit('store/shipment/created', { type: 'shipment', id: shipment.id, orderId: order.id });
	setOrderStatus(core, order, 2);
	core.emit('store/order/updated', { type: 'order', id: order.id });
	return shipment;
}

export function serializeOrder(core: Core, o: Order): Record<string, unknown> {
	const link = (sub: string) => ({ url: `${core.apiBase}/v2/orders/${o.id}/${sub}`, resource: `/orders/${o.id}/${sub}` });
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(o)) {
		if (k === 'createdMs' || k === 'modifiedMs' || k === 'totalNumber') continue;
		out[k] = v;
	}
	Object.assign(out, {
		external_order_id: o.external_order_id ?? null,
		billing_address: { ...o.billing_address, form_fields: [] },
		base_handling_cost: '0.0000',
		handling_cost_ex_tax: '0.0000',
		handling_cost_inc_tax: '0.0000',
		handling_cost_tax: '0.0000',
		base_wrapping_cost: '0.0000',
		wrapping_cost_ex_tax: '0.0000',
		wrapping_cost_inc_tax: '0.0000',
		wrapping_cost_tax: '0.0000',
		payment_provider_id: null,
		store_credit_amount: '0.0000',
		gift_certificate_amount: '0.0000',
		geoip_country: '',
		geoip_country_iso2: '',
		currency_id: 1,
		default_currency_id: 1,
		store_default_currency_code: 'USD',
		store_default_to_transactional_exchange_rate: '1.0000000000',
		ebay_order_id: '0',
		credit_card_type: null,
		external_merchant_id: null,
		tax_provider_id: 'BasicTaxProvider',
		customer_locale: 'en',
		products: link('products'),
		shipping_addresses: link('shipping_addresses'),
		coupons: link('coupons'),
	});
	return out;
}

export function serializeOrderProduct(p: OrderProduct): Record<string, unknown> {
	return {
		...p,
		name_customer: p.name,
		name_merchant: p.name,
		upc: '',
		base_cost_price: '0.0000',
		cost_price_inc_tax: '0.0000',
		cost_price_ex_tax: '0.0000',
		cost_price_tax: '0.0000',
		return_id: 0,
		wrapping_name: '',
		base_wrapping_cost: '0.0000',
		fixed_shipping_cost: '0.0000',
		ebay_item_id: '',
		ebay_transaction_id: '',
		option_set_id: null,
		parent_order_product_id: null,
		is_bundled_product: false,
		bin_picking_number: '',
		external_id: null,
		brand: '',
		gift_certificate_id: null,
		configurable_fields: [],
		discounted_total_inc_tax: p.total_inc_tax,
		product_options: p.product_options.map((x) => x),
		applied_discounts: p.applied_discounts.map((x) => x),
	};
}

export function serializeShippingAddress(core: Core, a: OrderShippingAddress): Record<string, unknown> {
	return {
		...a,
		base_handling_cost: '0.0000',
		handling_cost_ex_tax: '0.0000',
		handling_cost_inc_tax: '0.0000',
		handling_cost_tax: '0.0000',
		cost_tax_class_id: 2,
		handling_cost_tax_class_id: 2,
		shipping_quotes: {
			url: `${core.apiBase}/v2/orders/${a.order_id}/shipping_addresses/${a.id}/shipping_quotes`,
			resource: `/orders/${a.order_id}/shipping_addresses/${a.id}/shipping_quotes`,
		},
		form_fields: [],
	};
}
