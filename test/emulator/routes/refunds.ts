// /v3/orders/{id}/payment_actions/refund_quotes and /refunds, and the store's refunds list
// /v3/orders/payment_actions/refunds (paged, filtered by order, refund ID and creation date).

import { json, parseId, v3Error, type Ctx } from '../http';
import { createRefund, quoteFor, serializeRefund } from '../model/refunds';
import { fromArray, v3List } from '../pagination';
import { intList, v3Date } from '../query';
import type { Router } from '../router';
import type { Order } from '../types';

function orderOr404(ctx: Ctx): Order {
	const id = parseId(ctx.params.id);
	const order = id === null ? undefined : ctx.core.state.orders.get(id);
	if (!order || order.is_deleted) throw v3Error(404, `Order ${ctx.params.id} not found`);
	return order;
}

function createdWithin(ctx: Ctx): (iso: string) => boolean {
	const min = v3Date(ctx.query, 'created:min');
	const max = v3Date(ctx.query, 'created:max');
	return (created) => (min === undefined || created >= min) && (max === undefined || created <= max);
}

export function registerRefunds(router: Router): void {
	router
		.get('/v3/orders/payment_actions/refunds', (ctx) => {
			const orderIds = intList(ctx.query, 'order_id:in');
			const ids = intList(ctx.query, 'id:in');
			const within = createdWithin(ctx);
			const refunds = ctx.core.state.refunds.filter(
				(r) =>
					(orderIds === undefined || orderIds.includes(r.order_id)) &&
					(ids === undefined || ids.includes(r.id)) &&
					(ctx.query.transaction_id === undefined || r.payments.some((p) => String(p.id) === ctx.query.transaction_id)) &&
					within(r.created),
			);
			return v3List(fromArray(refunds), ctx.query, serializeRefund);
		})
		.get('/v3/orders/payment_actions/refunds/:refundId', (ctx) => {
			const id = parseId(ctx.params.refundId);
			const refund = id === null ? undefined : ctx.core.state.refunds.get(id);
			if (!refund) throw v3Error(404, `Refund ${ctx.params.refundId} not found`);
			return json({ data: serializeRefund(refund), meta: {} });
		})
		.post('/v3/orders/:id/payment_actions/refund_quotes', (ctx) =>
			json({ data: quoteFor(ctx.core, orderOr404(ctx), ctx.body), meta: {} }, 201),
		)
		.post('/v3/orders/:id/payment_actions/refunds', (ctx) =>
			json({ data: serializeRefund(createRefund(ctx.core, orderOr404(ctx), ctx.body)), meta: {} }, 201),
		)
		.get('/v3/orders/:id/payment_actions/refunds', (ctx) => {
			const order = orderOr404(ctx);
			const refunds = ctx.core.state.refunds.filter((r) => r.order_id === order.id);
			return json({ data: refunds.map(serializeRefund), meta: {} });
		});
}
