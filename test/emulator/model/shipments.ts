// v2 order shipments: create (the items and quantities checked against what each order product
// has left to ship), read, update and delete, with the order's shipped quantities and status
// kept in step and the store/shipment/* and store/order/* webhooks emitted.

import { money, rfc2822, v2Error } from '../http';
import type { Core } from '../http';
import type { Order, OrderProduct, Shipment } from '../types';
import { setOrderStatus } from './orders';

const SHIPPED = 2;
const PARTIALLY_SHIPPED = 3;

// The display names of the providers the spec lists; any other value (carrier_{id}) shows as given.
const PROVIDER_NAMES: Record<string, string> = {
	auspost: 'Australia Post',
	canadapost: 'Canada Post',
	endicia: 'Endicia',
	usps: 'USPS',
	fedex: 'FedEx',
	ups: 'UPS',
	upsready: 'UPS',
	upsonline: 'UPS',
	shipperhq: 'ShipperHQ',
	royalmail: 'Royal Mail',
};

// Where an integrated provider's tracking page lives; others get an AfterShip link.
const PROVIDER_LINKS: Record<string, string> = {
	usps: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
	fedex: 'https://www.fedex.com/fedextrack/?trknbr=',
	ups: 'https://www.ups.com/track?tracknum=',
	upsready: 'https://www.ups.com/track?tracknum=',
	upsonline: 'https://www.ups.com/track?tracknum=',
	royalmail: 'https://www.royalmail.com/track-your-item#/tracking-results/',
	auspost: 'https://auspost.com.au/mypost/track/#/details/',
	canadapost: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=',
};

// Limits of the POST schema (orderShipment_Post).
const MAX_LENGTH: Record<string, number> = { tracking_number: 50, tracking_link: 500, comments: 65535 };
const TEXT_FIELDS = ['tracking_number', 'tracking_link', 'shipping_method', 'shipping_provider', 'tracking_carrier', 'comments'];

function isObj(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function wholeNumber(v: unknown): number | undefined {
	return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function readText(input: Record<string, unknown>, field: string): string | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw v2Error(400, `The field '${field}' is invalid.`);
	const max = MAX_LENGTH[field];
	if (max !== undefined && value.length > max) throw v2Error(400, `The field '${field}' is invalid.`, { invalid_reason: `longer than ${max} characters` });
	return value;
}

function readCost(input: Record<string, unknown>): string | undefined {
	const value = input.merchant_shipping_cost;
	if (value === undefined || value === null) return undefined;
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
	if (!Number.isFinite(n) || n < 0) throw v2Error(400, "The field 'merchant_shipping_cost' is invalid.");
	return money(n);
}

function addressOf(core: Core, order: Order, value: unknown): number {
	const id = wholeNumber(value);
	if (id === undefined) throw v2Error(400, "The field 'order_address_id' is invalid.");
	const addresses = core.state.orderShippingAddresses.get(order.id) ?? [];
	if (!addresses.some((a) => a.id === id)) {
		throw v2Error(400, "The field 'order_address_id' is invalid.", { invalid_reason: `order ${order.id} has no shipping address ${id}` });
	}
	return id;
}

/** Ships what remains of physical lines: all of it -> Shipped, part of it -> Partially Shipped. */
function statusAfterShipping(lines: OrderProduct[]): number | undefined {
	const physical = lines.filter((l) => l.type !== 'digital');
	const shipped = physical.reduce((s, l) => s + l.quantity_shipped, 0);
	if (shipped === 0) return undefined;
	return physical.every((l) => l.quantity_shipped >= l.quantity) ? SHIPPED : PARTIALLY_SHIPPED;
}

function recountShipped(core: Core, order: Order): void {
	const lines = core.state.orderProducts.get(order.id) ?? [];
	order.items_shipped = lines.reduce((s, l) => s + l.quantity_shipped, 0);
	for (const address of core.state.orderShippingAddresses.get(order.id) ?? []) {
		address.items_shipped = lines.filter((l) => l.order_address_id === address.id).reduce((s, l) => s + l.quantity_shipped, 0);
	}
}

function touch(order: Order): void {
	const now = Date.now();
	order.modifiedMs = now;
	order.date_modified = rfc2822(now);
}

/** POST /v2/orders/{id}/shipments: refuses items that are not the order's or not left to ship. */
export function createOrderShipment(core: Core, order: Order, input: Record<string, unknown>): Shipment {
	const { state } = core;
	if (input.order_address_id === undefined) throw v2Error(400, "The required field 'order_address_id' was not supplied.");
	if (input.items === undefined) throw v2Error(400, "The required field 'items' was not supplied.");
	const addressId = addressOf(core, order, input.order_address_id);
	if (!Array.isArray(input.items) || input.items.length === 0) throw v2Error(400, "The field 'items' is invalid.");
	const lines = state.orderProducts.get(order.id) ?? [];
	const wanted = new Map<number, number>();
	input.items.forEach((raw) => {
		const lineId = isObj(raw) ? wholeNumber(raw.order_product_id) : undefined;
		const quantity = isObj(raw) ? wholeNumber(raw.quantity) : undefined;
		if (lineId === undefined || quantity === undefined || quantity < 1) throw v2Error(400, "The field 'items' is invalid.");
		wanted.set(lineId, (wanted.get(lineId) ?? 0) + quantity);
	});
	for (const [lineId, quantity] of wanted) {
		const line = lines.find((l) => l.id === lineId);
		if (!line) {
			throw v2Error(400, `The order product ID ${lineId} is invalid.`, { invalid_reason: `order ${order.id} has no order product ${lineId}` });
		}
		const left = line.quantity - line.quantity_shipped;
		if (quantity > left) {
			throw v2Error(400, `The quantity of order product ID ${lineId} is invalid.`, {
				invalid_reason: `${quantity} to ship, ${left} not shipped yet`,
			});
		}
	}
	const text: Record<string, string | undefined> = {};
	for (const field of TEXT_FIELDS) text[field] = readText(input, field);
	const cost = readCost(input);

	const shipment: Shipment = {
		id: state.shipments.allocateId(),
		order_id: order.id,
		customer_id: order.customer_id,
		order_address_id: addressId,
		date_created: rfc2822(Date.now()),
		tracking_number: text.tracking_number ?? '',
		shipping_method: text.shipping_method ?? '',
		shipping_provider: text.shipping_provider ?? '',
		tracking_carrier: text.tracking_carrier ?? '',
		tracking_link: text.tracking_link ?? '',
		comments: text.comments ?? '',
		merchant_shipping_cost: cost ?? money(0),
		items: [...wanted].map(([lineId, quantity]) => ({
			order_product_id: lineId,
			product_id: (lines.find((l) => l.id === lineId) as OrderProduct).product_id,
			quantity,
		})),
	};
	state.shipments.insert(shipment);
	for (const [lineId, quantity] of wanted) (lines.find((l) => l.id === lineId) as OrderProduct).quantity_shipped += quantity;
	recountShipped(core, order);
	touch(order);
	core.emit('store/shipment/created', { type: 'shipment', id: shipment.id, orderId: order.id });
	const status = statusAfterShipping(lines);
	if (status !== undefined) setOrderStatus(core, order, status);
	core.emit('store/order/updated', { type: 'order', id: order.id });
	return shipment;
}

/** PUT /v2/orders/{id}/shipments/{shipment_id}: the tracking details; items cannot change. */
export function updateOrderShipment(core: Core, order: Order, shipment: Shipment, input: Record<string, unknown>): void {
	const text: Record<string, string | undefined> = {};
	for (const field of TEXT_FIELDS) text[field] = readText(input, field);
	const cost = readCost(input);
	const addressId = input.order_address_id === undefined ? undefined : addressOf(core, order, input.order_address_id);
	const record = shipment as unknown as Record<string, unknown>;
	for (const field of TEXT_FIELDS) if (text[field] !== undefined) record[field] = text[field];
	if (cost !== undefined) shipment.merchant_shipping_cost = cost;
	if (addressId !== undefined) shipment.order_address_id = addressId;
	core.emit('store/shipment/updated', { type: 'shipment', id: shipment.id, orderId: order.id });
}

/**
 * DELETE of one shipment (or, with the order's, of all): its items count as not shipped again.
 * BigCommerce documents no status change on delete, so the order keeps its status.
 */
export function deleteOrderShipment(core: Core, order: Order, shipment: Shipment): void {
	const lines = core.state.orderProducts.get(order.id) ?? [];
	for (const item of shipment.items) {
		const line = lines.find((l) => l.id === item.order_product_id);
		if (line) line.quantity_shipped = Math.max(0, line.quantity_shipped - item.quantity);
	}
	core.state.shipments.delete(shipment.id);
	recountShipped(core, order);
	touch(order);
	core.emit('store/shipment/deleted', { type: 'shipment', id: shipment.id, orderId: order.id });
	core.emit('store/order/updated', { type: 'order', id: order.id });
}

function generatedLink(s: Shipment): string {
	if (s.tracking_link || !s.tracking_number) return '';
	const base = PROVIDER_LINKS[s.shipping_provider];
	if (base) return `${base}${encodeURIComponent(s.tracking_number)}`;
	const carrier = s.tracking_carrier ? `${encodeURIComponent(s.tracking_carrier)}/` : '';
	return `https://track.aftership.com/${carrier}${encodeURIComponent(s.tracking_number)}`;
}

export function serializeShipment(core: Core, s: Shipment): Record<string, unknown> {
	const order = core.state.orders.get(s.order_id);
	const address = (core.state.orderShippingAddresses.get(s.order_id) ?? []).find((a) => a.id === s.order_address_id);
	const pick = (a: Record<string, unknown> | undefined) => {
		const out: Record<string, unknown> = {};
		for (const key of ['first_name', 'last_name', 'company', 'street_1', 'street_2', 'city', 'state', 'zip', 'country', 'country_iso2', 'phone', 'email']) {
			out[key] = typeof a?.[key] === 'string' ? a[key] : '';
		}
		return out;
	};
	return {
		id: s.id,
		order_id: s.order_id,
		customer_id: s.customer_id,
		order_address_id: s.order_address_id,
		date_created: s.date_created,
		tracking_number: s.tracking_number,
		merchant_shipping_cost: s.merchant_shipping_cost ?? money(0),
		shipping_method: s.shipping_method,
		shipping_provider: s.shipping_provider,
		tracking_carrier: s.tracking_carrier ?? '',
		tracking_link: s.tracking_link ?? '',
		comments: s.comments ?? '',
		billing_address: pick(order?.billing_address as unknown as Record<string, unknown>),
		shipping_address: pick(address as unknown as Record<string, unknown>),
		items: s.items.map((i) => ({ ...i })),
		shipping_provider_display_name: PROVIDER_NAMES[s.shipping_provider] ?? s.shipping_provider,
		generated_tracking_link: generatedLink(s),
	};
}

/**
 * A shipment the seed records for an order it creates as (partially) shipped: the lines'
 * shipped quantities follow, with no webhook and no status change.
 */
export function seedShipment(core: Core, order: Order, items: { line: OrderProduct; quantity: number }[], trackingNumber: string): Shipment {
	const shipment: Shipment = {
		id: core.state.shipments.allocateId(),
		order_id: order.id,
		customer_id: order.customer_id,
		order_address_id: items[0].line.order_address_id,
		date_created: order.date_modified,
		tracking_number: trackingNumber,
		shipping_method: 'Flat Rate',
		shipping_provider: 'usps',
		items: items.map(({ line, quantity }) => ({ order_product_id: line.id, product_id: line.product_id, quantity })),
	};
	core.state.shipments.insert(shipment);
	for (const { line, quantity } of items) line.quantity_shipped += quantity;
	recountShipped(core, order);
	return shipment;
}
