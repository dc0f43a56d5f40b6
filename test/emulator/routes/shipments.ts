// /v2/orders/{id}/shipments: list (page/limit, 204 when none), create, count, get, update,
// delete one and delete all.

import { Ctx, NO_CONTENT, isObject, json, parseId, v2Error } from '../http';
import { createOrderShipment, deleteOrderShipment, serializeShipment, updateOrderShipment } from '../model/shipments';
import { fromArray, v2List } from '../pagination';
import type { Router } from '../router';
import type { Order, Shipment } from '../types';

function orderOr404(ctx: Ctx): Order {
	const id = parseId(ctx.params.id);
	const order = id === null ? undefined : ctx.core.state.orders.get(id);
	if (!order) throw v2Error(404, 'The requested resource was not found.');
	return order;
}

function shipmentsOf(ctx: Ctx, order: Order): Shipment[] {
	return ctx.core.state.shipments.filter((s) => s.order_id === order.id);
}

function shipmentOr404(ctx: Ctx, order: Order): Shipment {
	const id = parseId(ctx.params.shipmentId);
	const shipment = id === null ? undefined : ctx.core.state.shipments.get(id);
	if (!shipment || shipment.order_id !== order.id) throw v2Error(404, 'The requested resource was not found.');
	return shipment;
}

function bodyObject(ctx: Ctx): Record<string, unknown> {
	if (!isObject(ctx.body)) throw v2Error(400, 'The request body must be a JSON object.');
	return ctx.body;
}

export function registerShipments(router: Router): void {
	router
		.get('/v2/orders/:id/shipments/count', (ctx) => json({ count: shipmentsOf(ctx, orderOr404(ctx)).length }))
		.get('/v2/orders/:id/shipments', (ctx) => {
			const order = orderOr404(ctx);
			return v2List(fromArray(shipmentsOf(ctx, order)), ctx.query, (s) => serializeShipment(ctx.core, s));
		})
		.post('/v2/orders/:id/shipments', (ctx) => {
			const order = orderOr404(ctx);
			return json(serializeShipment(ctx.core, createOrderShipment(ctx.core, order, bodyObject(ctx))), 201);
		})
		.delete('/v2/orders/:id/shipments', (ctx) => {
			const order = orderOr404(ctx);
			for (const shipment of shipmentsOf(ctx, order)) deleteOrderShipment(ctx.core, order, shipment);
			return NO_CONTENT;
		})
		.get('/v2/orders/:id/shipments/:shipmentId', (ctx) => {
			const order = orderOr404(ctx);
			return json(serializeShipment(ctx.core, shipmentOr404(ctx, order)));
		})
		.put('/v2/orders/:id/shipments/:shipmentId', (ctx) => {
			const order = orderOr404(ctx);
			const shipment = shipmentOr404(ctx, order);
			updateOrderShipment(ctx.core, order, shipment, bodyObject(ctx));
			return json(serializeShipment(ctx.core, shipment));
		})
		.delete('/v2/orders/:id/shipments/:shipmentId', (ctx) => {
			const order = orderOr404(ctx);
			deleteOrderShipment(ctx.core, order, shipmentOr404(ctx, order));
			return NO_CONTENT;
		});
}
