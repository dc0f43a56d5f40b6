import type { IDataObject } from 'n8n-workflow';

/** A line of the order as v2 lists it under /orders/{id}/products. */
export interface OrderLine {
	id: number;
	name: string;
	sku: string;
	type: string;
	quantity: number;
	quantity_shipped: number;
	order_address_id: number;
}

export interface WantedItem {
	orderProductId: number;
	quantity: number;
}

export interface ShipmentPlan {
	orderAddressId: number;
	items: Array<{ order_product_id: number; quantity: number }>;
}

/** Why a shipment is not sent, in words naming the item; `description` says what to do. */
export interface ShipmentRefusal {
	refused: true;
	message: string;
	description: string;
}

function refusal(message: string, description: string): ShipmentRefusal {
	return { refused: true, message, description };
}

export function isRefusal(plan: ShipmentPlan | ShipmentRefusal): plan is ShipmentRefusal {
	return 'refused' in plan;
}

export function toOrderLine(record: IDataObject): OrderLine {
	return {
		id: Number(record.id),
		name: typeof record.name === 'string' ? record.name : '',
		sku: typeof record.sku === 'string' ? record.sku : '',
		type: typeof record.type === 'string' ? record.type : 'physical',
		quantity: Number(record.quantity) || 0,
		quantity_shipped: Number(record.quantity_shipped) || 0,
		order_address_id: Number(record.order_address_id) || 0,
	};
}

function left(line: OrderLine): number {
	return Math.max(0, line.quantity - line.quantity_shipped);
}

/** e.g. `order product 7 (Tote Bag, SKU TOTE-1)` */
export function describeLine(line: OrderLine): string {
	const what = [line.name, line.sku ? `SKU ${line.sku}` : ''].filter(Boolean).join(', ');
	return what ? `order product ${line.id} (${what})` : `order product ${line.id}`;
}

function lineList(lines: OrderLine[]): string {
	return lines.map((line) => `${describeLine(line)}: ${left(line)} of ${line.quantity} left to ship`).join('; ');
}

/**
 * What one shipment of an order sends: the items asked for, each checked against what its
 * order product has left to ship, or (none asked for) everything not shipped yet, and the
 * shipping address they go to. Refuses with words that name the item: an order product not in
 * the order, one listed twice, one already shipped, a quantity above what is left, nothing left
 * at all, or items going to several addresses with none chosen.
 */
export function planShipment(
	orderId: number,
	lines: OrderLine[],
	wanted: WantedItem[],
	orderAddressId?: number,
): ShipmentPlan | ShipmentRefusal {
	const chosen: Array<{ line: OrderLine; quantity: number }> = [];
	if (wanted.length === 0) {
		// Digital products are never shipped.
		const open = lines.filter((line) => line.type !== 'digital' && left(line) > 0);
		const here = orderAddressId === undefined ? open : open.filter((line) => line.order_address_id === orderAddressId);
		if (!here.length && !open.length && lines.some((line) => line.type === 'digital' && left(line) > 0)) {
			return refusal(
				`Order ${orderId} has no items left to ship: what is left is digital`,
				'Digital products are delivered as downloads and never shipped. No shipment was created.',
			);
		}
		if (!here.length) {
			const message =
				open.length && orderAddressId !== undefined
					? `Order ${orderId} has no items left to ship to shipping address ${orderAddressId}`
					: `Order ${orderId} has no items left to ship`;
			return refusal(
				message,
				open.length
					? `Its items left to ship go to shipping address ${[...new Set(open.map((line) => line.order_address_id))].join(', ')}.`
					: 'Every item of the order is shipped already, so no shipment was created. Get Many lists its shipments.',
			);
		}
		for (const line of here) chosen.push({ line, quantity: left(line) });
	} else {
		const seen = new Set<number>();
		for (const item of wanted) {
			const line = lines.find((candidate) => candidate.id === item.orderProductId);
			if (!line) {
				return refusal(
					`Order product ${item.orderProductId} is not in order ${orderId}`,
					`Items takes the order's own product line IDs (not catalog product IDs). Order ${orderId} has: ${lineList(lines) || 'no products'}.`,
				);
			}
			if (seen.has(line.id)) {
				return refusal(
					`Items lists ${describeLine(line)} twice`,
					'Give each order product once, with the whole quantity to ship.',
				);
			}
			seen.add(line.id);
			if (left(line) === 0) {
				return refusal(
					`${capitalized(describeLine(line))} of order ${orderId} is shipped already`,
					`All ${line.quantity} are in earlier shipments, so no shipment was created. Left to ship: ${lineList(lines.filter((other) => left(other) > 0)) || 'nothing'}.`,
				);
			}
			if (item.quantity > left(line)) {
				return refusal(
					`Quantity ${item.quantity} of ${describeLine(line)} is more than the ${left(line)} left to ship in order ${orderId}`,
					`The order has ${line.quantity}, ${line.quantity_shipped} of them shipped already. Ship at most ${left(line)}.`,
				);
			}
			chosen.push({ line, quantity: item.quantity });
		}
	}

	const addresses = [...new Set(chosen.map(({ line }) => line.order_address_id))];
	if (orderAddressId !== undefined) {
		const elsewhere = chosen.find(({ line }) => line.order_address_id !== orderAddressId);
		if (elsewhere) {
			return refusal(
				`${capitalized(describeLine(elsewhere.line))} goes to shipping address ${elsewhere.line.order_address_id}, not ${orderAddressId}`,
				'A shipment goes to one shipping address: ship the items of each address separately.',
			);
		}
	} else if (addresses.length > 1) {
		return refusal(
			`Order ${orderId} ships to several addresses (${addresses.join(', ')}): choose one in Options > Shipping Address ID`,
			'A shipment goes to one shipping address. Set Shipping Address ID (orderAddressId) to one of these IDs; with Items empty, the items left to ship to that address are shipped.',
		);
	}
	return {
		orderAddressId: orderAddressId ?? addresses[0],
		items: chosen.map(({ line, quantity }) => ({ order_product_id: line.id, quantity })),
	};
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether a shipment the store lists is the one planned: same tracking number and items. */
export function isPlannedShipment(shipment: IDataObject, trackingNumber: string, plan: ShipmentPlan): boolean {
	if (String(shipment.tracking_number ?? '') !== trackingNumber) return false;
	if (Number(shipment.order_address_id) !== plan.orderAddressId) return false;
	const items = Array.isArray(shipment.items) ? (shipment.items as IDataObject[]) : [];
	const key = (list: Array<{ order_product_id: unknown; quantity: unknown }>) =>
		list
			.map((item) => `${Number(item.order_product_id)}x${Number(item.quantity)}`)
			.sort()
			.join(',');
	return key(items as Array<{ order_product_id: unknown; quantity: unknown }>) === key(plan.items);
}
