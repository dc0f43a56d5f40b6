import type { IDataObject } from 'n8n-workflow';

import { moneyToNumber, toIsoDate } from '../common/conversions';

function text(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function fullName(address: IDataObject): string {
	return [address.first_name, address.last_name].map(text).filter(Boolean).join(' ');
}

function simpleProduct(line: IDataObject): IDataObject {
	return {
		id: line.id,
		product_id: line.product_id,
		variant_id: line.variant_id,
		name: line.name,
		sku: line.sku,
		quantity: line.quantity,
		quantity_shipped: line.quantity_shipped,
		quantity_refunded: line.quantity_refunded,
		price_ex_tax: moneyToNumber(line.price_ex_tax),
		price_inc_tax: moneyToNumber(line.price_inc_tax),
		total_ex_tax: moneyToNumber(line.total_ex_tax),
		total_inc_tax: moneyToNumber(line.total_inc_tax),
	};
}

function simpleShippingAddress(address: IDataObject): IDataObject {
	return {
		id: address.id,
		name: fullName(address),
		company: address.company,
		street_1: address.street_1,
		street_2: address.street_2,
		city: address.city,
		state: address.state,
		zip: address.zip,
		country: address.country,
		country_iso2: address.country_iso2,
		phone: address.phone,
		email: address.email,
		shipping_method: address.shipping_method,
		cost_inc_tax: moneyToNumber(address.cost_inc_tax),
		items_total: address.items_total,
		items_shipped: address.items_shipped,
	};
}

function simpleCoupon(coupon: IDataObject): IDataObject {
	return {
		id: coupon.id,
		coupon_id: coupon.coupon_id,
		code: coupon.code,
		amount: moneyToNumber(coupon.amount),
		discount: moneyToNumber(coupon.discount),
	};
}

function simpleList(value: unknown, simplify: (record: IDataObject) => IDataObject): IDataObject[] | undefined {
	// Not embedded, v2 links the sub-resource as { url, resource }: leave it out of the simple order.
	return Array.isArray(value) ? (value as IDataObject[]).map(simplify) : undefined;
}

/**
 * A flat, readable order: v2 money strings ("54.0000") become numbers and RFC-2822 dates
 * become ISO-8601; embedded products, shipping addresses and coupons are simplified too.
 */
export function toSimpleOrder(order: IDataObject): IDataObject {
	const billing = (order.billing_address ?? {}) as IDataObject;
	const simple: IDataObject = {
		id: order.id,
		status: order.custom_status || order.status,
		status_id: order.status_id,
		payment_status: order.payment_status,
		date_created: toIsoDate(order.date_created),
		date_modified: toIsoDate(order.date_modified),
		date_shipped: toIsoDate(order.date_shipped),
		customer_id: order.customer_id,
		billing_name: fullName(billing),
		billing_email: billing.email,
		billing_company: billing.company,
		billing_city: billing.city,
		billing_country: billing.country,
		currency: order.currency_code,
		subtotal_ex_tax: moneyToNumber(order.subtotal_ex_tax),
		subtotal_inc_tax: moneyToNumber(order.subtotal_inc_tax),
		shipping_cost_inc_tax: moneyToNumber(order.shipping_cost_inc_tax),
		discount_amount: moneyToNumber(order.discount_amount),
		coupon_discount: moneyToNumber(order.coupon_discount),
		total_tax: moneyToNumber(order.total_tax),
		total_ex_tax: moneyToNumber(order.total_ex_tax),
		total_inc_tax: moneyToNumber(order.total_inc_tax),
		refunded_amount: moneyToNumber(order.refunded_amount),
		items_total: order.items_total,
		items_shipped: order.items_shipped,
		payment_method: order.payment_method,
		channel_id: order.channel_id,
		external_id: order.external_id ?? null,
		external_order_id: order.external_order_id ?? null,
		customer_message: order.customer_message,
		staff_notes: order.staff_notes,
	};
	const products = simpleList(order.products, simpleProduct);
	const shippingAddresses = simpleList(order.shipping_addresses, simpleShippingAddress);
	const coupons = simpleList(order.coupons, simpleCoupon);
	if (products) simple.products = products;
	if (shippingAddresses) simple.shipping_addresses = shippingAddresses;
	if (coupons) simple.coupons = coupons;
	return simple;
}
