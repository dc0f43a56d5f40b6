// /v2/orders (+ count, products, shipping addresses, coupons) and /v2/order_statuses.

import { Ctx, NO_CONTENT, Reply, isObject, json, parseId, v2Error } from '../http';
import { Pageable, fromArray, v2List } from '../pagination';
import { v2Date, v2Int, v2Num } from '../query';
import type { Router } from '../router';
import type { Order } from '../types';
import {
	ORDER_STATUSES,
	archiveOrder,
	createOrder,
	serializeOrder,
	serializeOrderProduct,
	serializeShippingAddress,
	serializeStatus,
	updateOrder,
} from '../model/orders';

/** BigCommerce keeps v2 order dates to the second. */
function toSecond(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

const SORT_FIELDS: Record<string, (o: Order) => number | string> = {
	id: (o) => o.id,
	customer_id: (o) => o.customer_id,
	// v2 dates have second precision: orders of one second sort by ID.
	date_created: (o) => toSecond(o.createdMs),
	date_modified: (o) => toSecond(o.modifiedMs),
	status_id: (o) => o.status_id,
	channel_id: (o) => o.channel_id,
	external_id: (o) => o.external_id ?? '',
};

function orderFilter(ctx: Ctx): ((o: Order) => boolean) | undefined {
	const q = ctx.query;
	const minId = v2Int(q, 'min_id');
	const maxId = v2Int(q, 'max_id');
	const minTotal = v2Num(q, 'min_total');
	const maxTotal = v2Num(q, 'max_total');
	const customerId = v2Int(q, 'customer_id');
	const statusId = v2Int(q, 'status_id');
	const channelId = v2Int(q, 'channel_id');
	const minCreated = v2Date(q, 'min_date_created');
	const maxCreated = v2Date(q, 'max_date_created');
	const minModified = v2Date(q, 'min_date_modified');
	const maxModified = v2Date(q, 'max_date_modified');
	const email = q.email?.toLowerCase();
	const tests: ((o: Order) => boolean)[] = [(o) => !o.is_deleted];
	if (minId !== undefined) tests.push((o) => o.id >= minId);
	if (maxId !== undefined) tests.push((o) => o.id <= maxId);
	if (minTotal !== undefined) tests.push((o) => o.totalNumber >= minTotal);
	if (maxTotal !== undefined) tests.push((o) => o.totalNumber <= maxTotal);
	if (customerId !== undefined) tests.push((o) => o.customer_id === customerId);
	if (statusId !== undefined) tests.push((o) => o.status_id === statusId);
	if (channelId !== undefined) tests.push((o) => o.channel_id === channelId);
	// v2 dates have second precision.
	if (minCreated !== undefined) tests.push((o) => toSecond(o.createdMs) >= toSecond(minCreated));
	if (maxCreated !== undefined) tests.push((o) => toSecond(o.createdMs) <= toSecond(maxCreated));
	if (minModified !== undefined) tests.push((o) => toSecond(o.modifiedMs) >= toSecond(minModified));
	if (maxModified !== undefined) tests.push((o) => toSecond(o.modifiedMs) <= toSecond(maxModified));
	if (email) tests.push((o) => o.billing_address.email.toLowerCase() === email);
	if (q.payment_method) tests.push((o) => o.payment_method === q.payment_method);
	if (q.cart_id) tests.push((o) => o.cart_id === q.cart_id);
	if (q.external_order_id) tests.push((o) => o.external_order_id === q.external_order_id);
	return (o) => tests.every((t) => t(o));
}

function sortedOrders(ctx: Ctx): Pageable<Order> {
	const { state } = ctx.core;
	const filter = orderFilter(ctx) as (o: Order) => boolean;
	let sort: { key: (o: Order) => number | string; desc: boolean } | undefined;
	if (ctx.query.sort) {
		const [field, dir = 'asc'] = ctx.query.sort.split(':');
		if (!SORT_FIELDS[field] || (dir !== 'asc' && dir !== 'desc')) throw v2Error(400, "The field 'sort' is invalid.");
		sort = { key: SORT_FIELDS[field], desc: dir === 'desc' };
	}
	const filtered = Object.keys(ctx.query).some((k) => k !== 'page' && k !== 'limit' && k !== 'sort');
	const anyArchived = state.archivedOrders > 0;
	// Unfiltered, id-ordered and nothing archived: page straight from the table.
	if (!filtered && !anyArchived && (!sort || (sort.key === SORT_FIELDS.id && !sort.desc))) return state.orders;
	const items = state.orders.filter(filter);
	if (sort) {
		const { key, desc } = sort;
		items.sort((a, b) => {
			const x = key(a);
			const y = key(b);
			const c = x < y ? -1 : x > y ? 1 : a.id - b.id;
			return desc ? -c : c;
		});
	}
	return fromArray(items);
}

function orderOr404(ctx: Ctx): Order {
	const id = parseId(ctx.params.id);
	const o = id === null ? undefined : ctx.core.state.orders.get(id);
	if (!o) throw v2Error(404, 'The requested resource was not found.');
	return o;
}

function v2Object(ctx: Ctx): Record<string, unknown> {
	if (!isObject(ctx.body)) throw v2Error(400, 'The request body must be a JSON object.');
	return ctx.body;
}

function count(ctx: Ctx): Reply {
	const items = ctx.core.state.orders.filter(orderFilter(ctx) as (o: Order) => boolean);
	const byStatus = new Map<number, number>();
	for (const o of items) byStatus.set(o.status_id, (byStatus.get(o.status_id) ?? 0) + 1);
	return json({
		count: items.length,
		statuses: ORDER_STATUSES.map((s) => ({ ...serializeStatus(s), count: byStatus.get(s.id) ?? 0 })),
	});
}

export function registerOrders(router: Router): void {
	router
		.get('/v2/orders/count', count)
		.get('/v2/orders', (ctx) => v2List(sortedOrders(ctx), ctx.query, (o) => serializeOrder(ctx.core, o)))
		.post('/v2/orders', (ctx) => json(serializeOrder(ctx.core, createOrder(ctx.core, v2Object(ctx)))))
		.get('/v2/orders/:id', (ctx) => json(serializeOrder(ctx.core, orderOr404(ctx))))
		.put('/v2/orders/:id', (ctx) => {
			const o = orderOr404(ctx);
			updateOrder(ctx.core, o, v2Object(ctx));
			return json(serializeOrder(ctx.core, o));
		})
		.delete('/v2/orders/:id', (ctx) => {
			archiveOrder(ctx.core, orderOr404(ctx));
			return NO_CONTENT;
		})
		.get('/v2/orders/:id/products', (ctx) => {
			const o = orderOr404(ctx);
			return v2List(fromArray(ctx.core.state.orderProducts.get(o.id) ?? []), ctx.query, serializeOrderProduct);
		})
		.get('/v2/orders/:id/products/:lineId', (ctx) => {
			const o = orderOr404(ctx);
			const line = (ctx.core.state.orderProducts.get(o.id) ?? []).find((l) => String(l.id) === ctx.params.lineId);
			if (!line) throw v2Error(404, 'The requested resource was not found.');
			return json(serializeOrderProduct(line));
		})
		.get('/v2/orders/:id/shipping_addresses', (ctx) => {
			const o = orderOr404(ctx);
			return v2List(fromArray(ctx.core.state.orderShippingAddresses.get(o.id) ?? []), ctx.query, (a) => serializeShippingAddress(ctx.core, a));
		})
		.get('/v2/orders/:id/shipping_addresses/:addressId', (ctx) => {
			const o = orderOr404(ctx);
			const a = (ctx.core.state.orderShippingAddresses.get(o.id) ?? []).find((x) => String(x.id) === ctx.params.addressId);
			if (!a) throw v2Error(404, 'The requested resource was not found.');
			return json(serializeShippingAddress(ctx.core, a));
		})
		.get('/v2/orders/:id/coupons', (ctx) => {
			const o = orderOr404(ctx);
			return v2List(fromArray(ctx.core.state.orderCoupons.get(o.id) ?? []), ctx.query, (c) => ({ ...c }));
		})
		.get('/v2/order_statuses', () => json(ORDER_STATUSES.map(serializeStatus)))
		.get('/v2/order_statuses/:id', (ctx) => {
			const s = ORDER_STATUSES.find((x) => String(x.id) === ctx.params.id);
			if (!s) throw v2Error(404, 'The requested resource was not found.');
			return json(serializeStatus(s));
		});
}
