import type { IDataObject } from 'n8n-workflow';

import { CUSTOMER_PAGE_SIZE, CUSTOMERS_PATH } from '../actions/customer/requests';
import { toV2Date, toV3Date } from '../actions/common/conversions';
import { ALL_SUB_RESOURCES, embedSubResources } from '../actions/order/subResources';
import { mapConcurrent, type PaginationStyle, type RequestContext } from '../transport';
import { secondsOf } from './window';

/** The record events of the polling trigger (low stock is its own kind, see lowStock.ts). */
export type RecordEvent =
	| 'newOrder'
	| 'updatedOrder'
	| 'newProduct'
	| 'updatedProduct'
	| 'newCustomer'
	| 'updatedCustomer';

/** How one record event is read: the list, its date filter and sort, and how records are completed. */
export interface Feed {
	/** The webhook scope the event matches, so items look like the webhook trigger's. */
	scope: string;
	/** The key the webhook trigger puts the resolved record under. */
	key: 'order' | 'product' | 'customer';
	/** What the record is called in messages. */
	noun: string;
	style: PaginationStyle;
	path: string;
	maxPageSize: number;
	/** The list's query for records stamped at or after `second` (its sort included). */
	since: (second: number) => IDataObject;
	/** The list's query that answers the most recent records first. */
	latest: IDataObject;
	/** The time the event is about: creation for new records, the last change for updated ones. */
	stamp: (record: IDataObject) => number | undefined;
	/** Whether the record is one this event is about (updated events leave out records never changed). */
	matches: (record: IDataObject) => boolean;
	/** The listed records made complete, as the webhook trigger resolves them, in the same order. */
	complete: (context: RequestContext, records: IDataObject[]) => Promise<IDataObject[]>;
}

// Each order's line items, addresses and coupons are three more lists; a few orders at a time.
const ORDERS_IN_FLIGHT = 4;
const V2_ORDERS_PAGE_SIZE = 250;
const PRODUCTS_PAGE_SIZE = 250;
const PRODUCT_INCLUDES = 'variants,images';

function v2Since(second: number): string {
	return toV2Date(new Date(second * 1000));
}

function v3Since(second: number): string {
	return toV3Date(new Date(second * 1000));
}

const created = (record: IDataObject) => secondsOf(record.date_created);
const modified = (record: IDataObject) => secondsOf(record.date_modified);

/** Changed after it was created: BigCommerce sets both dates to the creation time at first. */
function changedSinceCreation(record: IDataObject): boolean {
	const made = created(record);
	const changed = modified(record);
	return made === undefined || changed === undefined || changed > made;
}

const always = () => true;

async function completeOrders(context: RequestContext, orders: IDataObject[]): Promise<IDataObject[]> {
	// A listed v2 order is the same record as GET /v2/orders/{id}: only its sub-resources are missing.
	return await mapConcurrent(orders, ORDERS_IN_FLIGHT, async (order) => await embedSubResources.call(context, order, ALL_SUB_RESOURCES));
}

// Products and customers come complete from their list: variants, images and addresses are includes.
async function asListed(_context: RequestContext, records: IDataObject[]): Promise<IDataObject[]> {
	return records;
}

const ORDERS = {
	key: 'order',
	noun: 'order',
	style: 'v2Page',
	path: '/v2/orders',
	maxPageSize: V2_ORDERS_PAGE_SIZE,
	complete: completeOrders,
} as const;

const PRODUCTS = {
	key: 'product',
	noun: 'product',
	style: 'v3Page',
	path: '/v3/catalog/products',
	maxPageSize: PRODUCTS_PAGE_SIZE,
	complete: asListed,
} as const;

const CUSTOMERS = {
	key: 'customer',
	noun: 'customer',
	style: 'v3Cursor',
	path: CUSTOMERS_PATH,
	maxPageSize: CUSTOMER_PAGE_SIZE,
	complete: asListed,
} as const;

export const FEEDS: Record<RecordEvent, Feed> = {
	newOrder: {
		...ORDERS,
		scope: 'store/order/created',
		since: (second) => ({ min_date_created: v2Since(second), sort: 'date_created:asc' }),
		latest: { sort: 'date_created:desc' },
		stamp: created,
		matches: always,
	},
	updatedOrder: {
		...ORDERS,
		scope: 'store/order/updated',
		since: (second) => ({ min_date_modified: v2Since(second), sort: 'date_modified:asc' }),
		latest: { sort: 'date_modified:desc' },
		stamp: modified,
		matches: changedSinceCreation,
	},
	// Products have no date_created filter: a product created since then was modified since then too.
	newProduct: {
		...PRODUCTS,
		scope: 'store/product/created',
		since: (second) => ({
			'date_modified:min': v3Since(second),
			sort: 'date_modified',
			direction: 'asc',
			include: PRODUCT_INCLUDES,
		}),
		latest: { sort: 'id', direction: 'desc', include: PRODUCT_INCLUDES },
		stamp: created,
		matches: always,
	},
	updatedProduct: {
		...PRODUCTS,
		scope: 'store/product/updated',
		since: (second) => ({
			'date_modified:min': v3Since(second),
			sort: 'date_modified',
			direction: 'asc',
			include: PRODUCT_INCLUDES,
		}),
		latest: { sort: 'date_modified', direction: 'desc', include: PRODUCT_INCLUDES },
		stamp: modified,
		matches: changedSinceCreation,
	},
	newCustomer: {
		...CUSTOMERS,
		scope: 'store/customer/created',
		since: (second) => ({ 'date_created:min': v3Since(second), sort: 'date_created:asc', include: 'addresses' }),
		latest: { sort: 'date_created:desc', include: 'addresses' },
		stamp: created,
		matches: always,
	},
	updatedCustomer: {
		...CUSTOMERS,
		scope: 'store/customer/updated',
		since: (second) => ({ 'date_modified:min': v3Since(second), sort: 'date_modified:asc', include: 'addresses' }),
		latest: { sort: 'date_modified:desc', include: 'addresses' },
		stamp: modified,
		matches: changedSinceCreation,
	},
};

export function isRecordEvent(event: string): event is RecordEvent {
	return Object.prototype.hasOwnProperty.call(FEEDS, event);
}
