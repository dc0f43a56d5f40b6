import type { IDataObject } from 'n8n-workflow';

import { moneyToNumber, toIsoDate } from '../common/conversions';

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/**
 * A flat, readable shipment: the cost as a number, the date as ISO-8601, one tracking link
 * (the custom one, else the one BigCommerce generated) and where it goes, without the copies
 * of the order's billing and shipping addresses.
 */
export function toSimpleShipment(shipment: IDataObject): IDataObject {
	const address = (shipment.shipping_address ?? {}) as IDataObject;
	const items = Array.isArray(shipment.items) ? (shipment.items as IDataObject[]) : [];
	return {
		id: shipment.id,
		order_id: shipment.order_id,
		customer_id: shipment.customer_id,
		order_address_id: shipment.order_address_id,
		date_created: toIsoDate(shipment.date_created),
		tracking_number: shipment.tracking_number,
		tracking_link: text(shipment.tracking_link) || text(shipment.generated_tracking_link),
		shipping_provider: shipment.shipping_provider,
		shipping_provider_name: shipment.shipping_provider_display_name,
		tracking_carrier: shipment.tracking_carrier,
		shipping_method: shipment.shipping_method,
		merchant_shipping_cost: moneyToNumber(shipment.merchant_shipping_cost),
		comments: shipment.comments,
		ship_to_name: [address.first_name, address.last_name].map(text).filter(Boolean).join(' '),
		ship_to_city: address.city,
		ship_to_country_iso2: address.country_iso2,
		items: items.map((item) => ({ order_product_id: item.order_product_id, product_id: item.product_id, quantity: item.quantity })),
		items_count: items.reduce((sum, item) => sum + (Number(item.quantity) || 0), 0),
	};
}
