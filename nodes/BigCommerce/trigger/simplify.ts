import type { IDataObject } from 'n8n-workflow';

import { toSimpleCategory } from '../actions/category/toSimpleCategory';
import { toSimpleCustomer } from '../actions/customer/simplify';
import { toSimpleOrder } from '../actions/order/toSimpleOrder';
import { toSimpleProduct } from '../actions/product/simplify';
import { toSimpleVariant } from '../actions/productVariant/simplify';
import type { Delivery } from './delivery';

/** The resolved records the action node simplifies too, by the key resolving puts them under. */
const SIMPLIFIERS: Record<string, (record: IDataObject) => IDataObject> = {
	order: toSimpleOrder,
	product: toSimpleProduct,
	customer: toSimpleCustomer,
	variant: toSimpleVariant,
	category: toSimpleCategory,
};

function isoFromSeconds(value: unknown): string | null {
	const seconds = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null;
}

/**
 * The item Simplify gives: the record first, shaped as the action node's simplified record
 * (numbers for money, ISO-8601 dates), then the event (scope, time as ISO-8601, hash and the
 * event's own data). Records without a simplifier (shipments, stock, channels...) stay as sent.
 */
export function toSimpleEvent(delivery: Delivery, resolution: IDataObject): IDataObject {
	const item: IDataObject = {};
	for (const [key, value] of Object.entries(resolution)) {
		const simplify = Object.prototype.hasOwnProperty.call(SIMPLIFIERS, key) ? SIMPLIFIERS[key] : undefined;
		item[key] = simplify && value && typeof value === 'object' && !Array.isArray(value) ? simplify(value as IDataObject) : value;
	}
	item.scope = delivery.scope;
	item.created_at = isoFromSeconds(delivery.created_at);
	item.hash = delivery.hash;
	item.data = delivery.data;
	return item;
}
