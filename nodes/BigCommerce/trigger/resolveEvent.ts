import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findCustomersById } from '../actions/customer/requests';
import { readOrder } from '../actions/order/readOrder';
import { readProduct } from '../actions/product/readProduct';
import { bigCommerceApiRequest, getAllItems } from '../transport';
import type { Delivery } from './delivery';

/** What resolving adds to the output item: the record under its own key, or why it failed. */
type Resolution = IDataObject;

function positiveId(value: unknown): number | undefined {
	const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}

/**
 * Channel events carry the channel in the scope (store/channel/1/order/created); the record
 * behind them is the same as for store/order/created.
 */
function withoutChannel(scope: string): string {
	const parts = scope.split('/');
	if (parts[1] === 'channel' && parts.length > 4 && /^(\d+|\*)$/.test(parts[2])) {
		return ['store', ...parts.slice(3)].join('/');
	}
	return scope;
}

/** The record was deleted between the event and our request. */
function gone(context: IWebhookFunctions, what: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `BigCommerce has no such ${what} (any more)`);
}

type Fetch = () => Promise<IDataObject | IDataObject[] | undefined>;

interface Plan {
	key: string;
	what: string;
	fetch: Fetch;
}

/** The one record a filtered v3 list answers, for records BigCommerce has no single GET for. */
async function onlyRecordOf(
	context: IWebhookFunctions,
	what: string,
	path: string,
	qs: IDataObject,
): Promise<IDataObject> {
	const body = await bigCommerceApiRequest.call(context, { method: 'GET', path, qs });
	const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	if (!data[0]) throw gone(context, what);
	return data[0];
}

async function getData(context: IWebhookFunctions, path: string, qs?: IDataObject): Promise<IDataObject> {
	const body = await bigCommerceApiRequest.call(context, { method: 'GET', path, qs });
	return (body.data ?? {}) as IDataObject;
}

/** Stock levels of the item an inventory event is about, at every location. */
function stockPlan(context: IWebhookFunctions, data: IDataObject): Plan | undefined {
	const source = (data.inventory ?? data) as IDataObject;
	const variantId = positiveId(source.variant_id);
	const productId = positiveId(source.product_id);
	if (variantId === undefined && productId === undefined) return undefined;
	const qs: IDataObject = variantId !== undefined ? { 'variant_id:in': variantId } : { 'product_id:in': productId };
	const what = variantId !== undefined ? `stock of variant ${variantId}` : `stock of product ${productId}`;
	return {
		key: 'inventory',
		what,
		fetch: async () => await getAllItems.call(context, { style: 'v3Page', path: '/v3/inventory/items', qs }),
	};
}

/**
 * Chooses the request(s) that fetch the record a delivery is about, from its scope and its
 * light `data`. Undefined when there is nothing to fetch: the record is deleted, or the event
 * carries no id (metafields, price lists...), or the API for it is not supported yet (carts).
 */
function planFor(context: IWebhookFunctions, delivery: Delivery): Plan | undefined {
	const scope = withoutChannel(delivery.scope);
	// Batch events (store/priceList/records/*) carry a list: nothing single to fetch.
	const data = Array.isArray(delivery.data) ? {} : delivery.data;
	const [, family, ...rest] = scope.split('/');
	const event = rest.join('/');

	if (scope.startsWith('store/inventory/location/')) {
		const locationId = positiveId(data.location_id);
		if (event.includes('metafield') || locationId === undefined) return undefined;
		return {
			key: 'location',
			what: `location ${locationId}`,
			fetch: async () =>
				await onlyRecordOf(context, 'location', '/v3/inventory/locations', { 'location_id:in': locationId }),
		};
	}
	// Inventory events carry the item, not a record id: resolve to its stock levels.
	if (scope.includes('/inventory/')) return stockPlan(context, data);
	if (event.includes('metafield')) return undefined;

	const id = positiveId(data.id);
	switch (family) {
		case 'order': {
			// Store events carry the order as `id`; transaction and channel order events as `order_id`.
			const orderId = data.type === 'transaction' ? positiveId(data.order_id) : (id ?? positiveId(data.order_id));
			if (orderId === undefined) return undefined;
			return { key: 'order', what: `order ${orderId}`, fetch: async () => await readOrder.call(context, orderId) };
		}
		case 'product': {
			// Channel assignment events (store/channel/1/product/assigned) carry `product_id`.
			const productId = id ?? positiveId(data.product_id);
			if (event === 'deleted' || productId === undefined) return undefined;
			return {
				key: 'product',
				what: `product ${productId}`,
				fetch: async () => await readProduct.call(context, productId, 'variants,images'),
			};
		}
		case 'sku': {
			const sku = (data.sku ?? {}) as IDataObject;
			const productId = positiveId(sku.product_id);
			const variantId = positiveId(sku.variant_id);
			if (event === 'deleted' || productId === undefined || variantId === undefined) return undefined;
			return {
				key: 'variant',
				what: `variant ${variantId} of product ${productId}`,
				fetch: async () => await getData(context, `/v3/catalog/products/${productId}/variants/${variantId}`),
			};
		}
		case 'customer': {
			// Address events carry the address id as `id` and the customer in `address`; channel
			// access events (channel/login/access/updated) carry it as `customer_id`.
			const isAddress = event.startsWith('address/');
			const customerId = isAddress
				? positiveId((data.address as IDataObject | undefined)?.customer_id)
				: event.startsWith('channel/')
					? positiveId(data.customer_id)
					: id;
			if ((!isAddress && event === 'deleted') || customerId === undefined) return undefined;
			return {
				key: 'customer',
				what: `customer ${customerId}`,
				fetch: async () => {
					const found = await findCustomersById.call(context, [customerId], ['addresses']);
					const customer = found.get(customerId);
					if (!customer) throw gone(context, 'customer');
					return customer;
				},
			};
		}
		case 'cart': {
			// A converted cart is gone; the order it became is what matters.
			const orderId = positiveId(data.orderId ?? data.order_id);
			if (event !== 'converted' || orderId === undefined) return undefined;
			return { key: 'order', what: `order ${orderId}`, fetch: async () => await readOrder.call(context, orderId) };
		}
		case 'shipment': {
			const orderId = positiveId(data.orderId ?? data.order_id);
			if (event === 'deleted' || id === undefined || orderId === undefined) return undefined;
			return {
				key: 'shipment',
				what: `shipment ${id} of order ${orderId}`,
				fetch: async () => {
					// An order has few shipments: its list finds the one by id.
					const shipments = await getAllItems.call(context, { style: 'v2Page', path: `/v2/orders/${orderId}/shipments` });
					const shipment = shipments.find((s) => Number(s.id) === id);
					if (!shipment) throw gone(context, 'shipment');
					return shipment;
				},
			};
		}
		case 'category': {
			// Channel category events (store/channel/1/category/created) carry `category_id`.
			const categoryId = id ?? positiveId(data.category_id);
			if (event === 'deleted' || categoryId === undefined) return undefined;
			if (event.startsWith('product/')) return undefined;
			return {
				key: 'category',
				what: `category ${categoryId}`,
				fetch: async () =>
					await onlyRecordOf(context, 'category', '/v3/catalog/trees/categories', { 'category_id:in': categoryId }),
			};
		}
		case 'channel': {
			if (id === undefined) return undefined;
			return { key: 'channel', what: `channel ${id}`, fetch: async () => await getData(context, `/v3/channels/${id}`) };
		}
		case 'information':
			return {
				key: 'store',
				what: 'the store profile',
				fetch: async () => await bigCommerceApiRequest.call(context, { method: 'GET', path: '/v2/store' }),
			};
		default:
			return undefined;
	}
}

function describeFailure(error: unknown): string {
	if (error instanceof Error) {
		const description = (error as Error & { description?: unknown }).description;
		return typeof description === 'string' && description !== '' ? `${error.message}: ${description}` : error.message;
	}
	return String(error);
}

/**
 * Fetches the full record behind a delivery. Never throws: the delivery has been acknowledged
 * already, so a failure is reported in `resolveError` and the event still reaches the workflow.
 */
export async function resolveEvent(this: IWebhookFunctions, delivery: Delivery): Promise<Resolution> {
	let plan: Plan | undefined;
	try {
		plan = planFor(this, delivery);
		if (!plan) return {};
		const record = await plan.fetch();
		return record === undefined ? {} : { [plan.key]: record };
	} catch (error) {
		const what = plan ? plan.what : 'the record';
		return { resolveError: `Could not fetch ${what}: ${describeFailure(error)}` };
	}
}
