// The read-only checks: the credential test, Store Get, one page and Return All of every list
// the nodes read (with the envelope, paging metadata and record fields the pack relies on),
// plain reads of the lists that have no node operation, and the rate-limit headers.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SIMPLE_PRODUCT_FIELDS } from '../../nodes/BigCommerce/actions/product/simplify';
import { runCredentialTest } from '../helpers/credentialTest';
import { CheckFailure, expectThat, Skip, type LiveContext, type Step } from './context';
import { RATE_LIMIT_HEADERS, type Exchange } from './proxy';

type Style = 'v3Page' | 'v3Cursor' | 'v2Page';

interface ListSpec {
	label: string;
	resource: string;
	style: Style;
	/** Top-level fields of each record that the pack's simplified records (or its later calls) read. */
	fields: string[];
	/** Extra node parameters; may skip the list when the store lacks what it needs. */
	parameters?: (ctx: LiveContext) => INodeParameters;
	/** Output items per record (inventory: one row per location). */
	rows?: (record: IDataObject) => number;
	/** Notes facts for later checks from the records read. */
	notice?: (ctx: LiveContext, records: IDataObject[]) => void;
}

const LISTS: ListSpec[] = [
	{
		label: 'Products',
		resource: 'product',
		style: 'v3Page',
		// Simplified, the node asks for just these (include_fields): the store must send each of them.
		fields: ['id', ...SIMPLE_PRODUCT_FIELDS],
		notice: (ctx, records) => {
			if (records.length) ctx.found.productId = records[0].id;
		},
	},
	{
		label: 'Product variants',
		resource: 'productVariant',
		style: 'v3Page',
		fields: ['id', 'product_id', 'sku', 'option_values', 'price', 'sale_price', 'cost_price', 'retail_price', 'calculated_price', 'weight', 'inventory_level', 'purchasing_disabled', 'image_url', 'upc', 'mpn', 'gtin'],
		parameters: (ctx) => {
			if (ctx.found.productId === undefined) throw new Skip('the store has no product to list the variants of');
			return { productId: { __rl: true, mode: 'id', value: String(ctx.found.productId) } };
		},
	},
	{
		label: 'Categories',
		resource: 'category',
		style: 'v3Page',
		fields: ['category_id', 'name', 'parent_id', 'tree_id', 'is_visible', 'sort_order', 'url', 'page_title', 'description', 'image_url'],
	},
	{ label: 'Brands', resource: 'brand', style: 'v3Page', fields: ['id', 'name'] },
	{
		label: 'Customers',
		resource: 'customer',
		style: 'v3Cursor',
		fields: ['id', 'email', 'first_name', 'last_name', 'company', 'phone', 'customer_group_id', 'notes', 'tax_exempt_category', 'accepts_product_review_abandoned_cart_emails', 'channel_ids', 'date_created', 'date_modified'],
	},
	{ label: 'Customer groups', resource: 'customerGroup', style: 'v2Page', fields: ['id', 'name', 'is_default', 'category_access', 'discount_rules'] },
	{
		label: 'Orders',
		resource: 'order',
		style: 'v2Page',
		fields: ['id', 'status', 'status_id', 'custom_status', 'payment_status', 'date_created', 'date_modified', 'date_shipped', 'customer_id', 'billing_address', 'currency_code', 'subtotal_ex_tax', 'subtotal_inc_tax', 'shipping_cost_inc_tax', 'discount_amount', 'coupon_discount', 'total_tax', 'total_ex_tax', 'total_inc_tax', 'refunded_amount', 'items_total', 'items_shipped', 'payment_method', 'channel_id', 'customer_message', 'staff_notes', 'products', 'shipping_addresses', 'coupons'],
	},
	{
		label: 'Inventory items',
		resource: 'inventory',
		style: 'v3Page',
		fields: ['identity', 'locations'],
		rows: (record) => (Array.isArray(record.locations) ? record.locations.length : 0),
	},
	{ label: 'Channels', resource: 'channel', style: 'v3Page', fields: ['id', 'name', 'type', 'platform', 'status'] },
];

/** Lists read with a plain request: the pack has no node operation for them (yet). */
const PLAIN_LISTS: Array<{ label: string; path: string; style: Style; fields: string[]; check?: (records: IDataObject[], exchange: Exchange) => void }> = [
	{ label: 'Order statuses', path: '/v2/order_statuses', style: 'v2Page', fields: ['id', 'name', 'system_label', 'custom_label'] },
	{
		label: 'Inventory locations',
		path: '/v3/inventory/locations',
		style: 'v3Page',
		fields: ['id', 'code', 'label', 'enabled'],
		// Set Level and Adjust Level default to location 1, the store's default location.
		check: (records, exchange) =>
			expectThat(records.some((location) => location.id === 1), 'location 1 (the default location the inventory operations use) in the list', exchange),
	},
	{ label: 'Price lists', path: '/v3/pricelists', style: 'v3Page', fields: ['id', 'name', 'active'] },
	{ label: 'Webhooks (of this API account)', path: '/v3/hooks', style: 'v3Page', fields: ['id', 'scope', 'destination', 'is_active', 'headers'] },
];

function hasFields(record: unknown, fields: string[], exchange: Exchange, what: string): void {
	expectThat(record !== null && typeof record === 'object' && !Array.isArray(record), `each ${what} as a JSON object`, exchange);
	const missing = fields.filter((field) => !(field in (record as IDataObject)));
	expectThat(missing.length === 0, `each ${what} to carry ${missing.join(', ')} (the pack reads them)`, exchange);
}

/**
 * The records of one list answer, after checking its envelope and paging metadata for the
 * style; `first` says whether it answers the first request of a listing.
 */
function recordsOf(style: Style, exchange: Exchange, first: boolean): IDataObject[] {
	const body = exchange.response as IDataObject | IDataObject[] | null;
	if (style === 'v2Page') {
		if (exchange.status === 204) {
			expectThat(body === null || body === undefined, 'a 204 past the last page with no body', exchange);
			return [];
		}
		expectThat(exchange.status === 200 && Array.isArray(body), 'HTTP 200 with a bare JSON array (or 204 past the last page)', exchange);
		return body as IDataObject[];
	}
	expectThat(exchange.status === 200, 'HTTP 200', exchange);
	const envelope = (body ?? {}) as IDataObject;
	expectThat(Array.isArray(envelope.data), 'a { data: [...], meta } envelope', exchange);
	const meta = (envelope.meta ?? {}) as IDataObject;
	const pagination = meta.pagination as IDataObject | undefined;
	const cursor = meta.cursor_pagination as IDataObject | undefined;
	const pageFields = ['total', 'count', 'per_page', 'current_page', 'total_pages'];
	if (style === 'v3Page' || (style === 'v3Cursor' && first)) {
		expectThat(pagination && pageFields.every((f) => typeof pagination[f] === 'number'), `meta.pagination with ${pageFields.join(', ')}`, exchange);
	}
	if (style === 'v3Cursor') {
		expectThat(cursor && typeof cursor.end_cursor === 'string' && typeof cursor.count === 'number', 'meta.cursor_pagination with count and end_cursor', exchange);
	}
	return envelope.data as IDataObject[];
}

/** Checks every answer of a listing; returns the records read, in order. */
function readListing(spec: { style: Style; fields: string[]; label: string }, exchanges: Exchange[]): IDataObject[] {
	expectThat(exchanges.length > 0, `at least one request for ${spec.label}`);
	const records: IDataObject[] = [];
	exchanges.forEach((exchange, index) => {
		const page = recordsOf(spec.style, exchange, index === 0);
		for (const record of page) hasFields(record, spec.fields, exchange, 'record');
		records.push(...page);
	});
	return records;
}

function pagingOf(exchange: Exchange): IDataObject {
	return (((exchange.response ?? {}) as IDataObject).meta as IDataObject)?.pagination as IDataObject;
}

/** Return All read every page: the count the store announced, and nothing past the end. */
function checkComplete(style: Style, exchanges: Exchange[], records: IDataObject[]): string {
	const first = exchanges[0];
	const last = exchanges[exchanges.length - 1];
	if (style === 'v3Page') {
		const paging = pagingOf(first);
		expectThat(records.length === paging.total, `every record: meta.pagination.total is ${String(paging.total)}, the pages held ${records.length}`, last);
		const total = Math.max(1, Number(paging.total_pages));
		expectThat(exchanges.length === total, `one request per page (${total}), not ${exchanges.length}`, last);
	} else if (style === 'v3Cursor') {
		const paging = pagingOf(first);
		if (paging) expectThat(records.length === paging.total, `every record: meta.pagination.total is ${String(paging.total)}, the pages held ${records.length}`, last);
		const cursor = (((last.response ?? {}) as IDataObject).meta as IDataObject)?.cursor_pagination as IDataObject;
		const next = (cursor?.links as IDataObject | undefined)?.next;
		expectThat(!next || Number(cursor.count) < Number(cursor.per_page), 'the last page to have no meta.cursor_pagination.links.next', last);
	} else {
		const limit = Number(last.query.limit);
		const lastPage = recordsOf(style, last, false);
		expectThat(last.status === 204 || lastPage.length < limit, 'the listing to end with a 204 or a short page', last);
	}
	return `${records.length} records in ${exchanges.length} request${exchanges.length === 1 ? '' : 's'}`;
}

function listSteps(ctx: LiveContext, spec: ListSpec): Step[] {
	const base = (): INodeParameters => ({ resource: spec.resource, operation: 'getAll', ...(spec.parameters?.(ctx) ?? {}) });
	const rows = (records: IDataObject[]) => records.reduce((sum, record) => sum + (spec.rows ? spec.rows(record) : 1), 0);
	return [
		{
			name: `${spec.label}: Get Many with Limit 2 reads one page of 2`,
			run: async () => {
				const items = await ctx.node({ ...base(), returnAll: false, limit: 2 });
				const exchanges = ctx.exchanges();
				expectThat(exchanges.length === 1, `one request, not ${exchanges.length}`, exchanges[exchanges.length - 1]);
				expectThat(exchanges[0].query.limit === '2', 'the request to ask for limit=2', exchanges[0]);
				const records = readListing(spec, exchanges);
				expectThat(records.length <= 2, 'at most 2 records in a page of 2', exchanges[0]);
				spec.notice?.(ctx, records);
				const expected = spec.rows ? rows(records) : records.length;
				expectThat(items.length === expected, `${expected} output items, one per ${spec.rows ? 'location row' : 'record'}; the node gave ${items.length}`, exchanges[0]);
				return `${items.length} item${items.length === 1 ? '' : 's'}`;
			},
		},
		{
			name: `${spec.label}: Get Many with Return All reads every page`,
			run: async () => {
				const items = await ctx.node({ ...base(), returnAll: true });
				const exchanges = ctx.exchanges();
				const records = readListing(spec, exchanges);
				const detail = checkComplete(spec.style, exchanges, records);
				expectThat(items.length === rows(records), `${rows(records)} output items; the node gave ${items.length}`, exchanges[exchanges.length - 1]);
				return detail;
			},
		},
	];
}

function plainListStep(ctx: LiveContext, spec: (typeof PLAIN_LISTS)[number]): Step {
	return {
		name: `${spec.label}: plain GET ${spec.path} reads every page`,
		run: async () => {
			// One page of 250 covers every sandbox store; later pages only if the store says so.
			for (let page = 1; page <= 50; page++) {
				const answer = await ctx.plain('GET', spec.path, { qs: { page, limit: 250 } });
				const exchange = ctx.last() as Exchange;
				const records = recordsOf(spec.style, exchange, page === 1);
				const more = spec.style === 'v2Page' ? records.length === 250 : Number(pagingOf(exchange)?.current_page) < Number(pagingOf(exchange)?.total_pages);
				if (!more || answer.status === 204) break;
			}
			const exchanges = ctx.exchanges();
			const records = readListing(spec, exchanges);
			spec.check?.(records, exchanges[0]);
			return `${records.length} records`;
		},
	};
}

/** The store pages the way the paginator assumes, checked on small pages a small store still has. */
function pagingSteps(ctx: LiveContext): Step[] {
	const pastTheEnd = (label: string, path: string): Step => ({
		name: `Paging (plain): ${label} past the last page answer 204 with no body`,
		run: async () => {
			const counted = (await ctx.plainExpect(200, 'GET', `${path}/count`)) as IDataObject;
			const page = Math.ceil(Number(counted?.count) / 250) + 1;
			const answer = await ctx.plain('GET', path, { qs: { page, limit: 250 } });
			expectThat(answer.status === 204 && (answer.body === null || answer.body === undefined || answer.body === ''), '204 No Content', ctx.last());
			return `page ${page} of ${String(counted.count)} records`;
		},
	});
	return [
		{
			name: 'Paging (plain): products page 2 with limit 1 answers meta.pagination for page 2',
			run: async () => {
				const body = (await ctx.plainExpect(200, 'GET', '/v3/catalog/products', { qs: { page: 2, limit: 1 } })) as IDataObject;
				const paging = ((body?.meta ?? {}) as IDataObject).pagination as IDataObject | undefined;
				if (Number(paging?.total) < 2) throw new Skip('the store has fewer than 2 products');
				expectThat(paging?.current_page === 2 && paging.per_page === 1 && Array.isArray(body.data) && body.data.length === 1, 'current_page 2, per_page 1 and one record', ctx.last());
			},
		},
		{
			name: 'Paging (plain): customers after meta.cursor_pagination.end_cursor give the next customer',
			run: async () => {
				const first = (await ctx.plainExpect(200, 'GET', '/v3/customers', { qs: { limit: 1 } })) as IDataObject;
				const records = recordsOf('v3Cursor', ctx.last() as Exchange, true);
				const paging = ((first.meta ?? {}) as IDataObject).pagination as IDataObject;
				if (Number(paging.total) < 2) throw new Skip('the store has fewer than 2 customers');
				const cursor = ((first.meta as IDataObject).cursor_pagination as IDataObject).end_cursor as string;
				await ctx.plainExpect(200, 'GET', '/v3/customers', { qs: { limit: 1, after: cursor } });
				const next = recordsOf('v3Cursor', ctx.last() as Exchange, false);
				expectThat(next.length === 1 && next[0].id !== records[0].id, `the customer after ${String(records[0].id)}`, ctx.last());
			},
		},
		pastTheEnd('orders', '/v2/orders'),
		pastTheEnd('customer groups', '/v2/customer_groups'),
	];
}

export function readSteps(ctx: LiveContext): Step[] {
	return [
		{
			name: 'Credential test: the store accepts the hash and token',
			run: async () => {
				ctx.proxy.via = 'credential test';
				const result = await runCredentialTest({ ...ctx.credentials });
				expectThat(result.status === 'OK', `"Connection successful"; the test said "${result.message}"`, ctx.last());
				return result.message;
			},
		},
		{
			name: 'Credential test: a wrong token is reported as refused, in plain words',
			run: async () => {
				ctx.proxy.via = 'credential test';
				const result = await runCredentialTest({ ...ctx.credentials, accessToken: 'not-a-token' });
				expectThat(result.status === 'Error' && /access token was refused/.test(result.message), `the 401 message about the token; the test said "${result.message}"`, ctx.last());
				return result.message;
			},
		},
		{
			name: 'Store Get: name, domain, currency and time zone',
			run: async () => {
				const [store] = await ctx.node({ resource: 'store', operation: 'get' });
				const exchange = ctx.last();
				hasFields(store, ['id', 'name', 'domain', 'secure_url', 'currency', 'timezone', 'default_channel_id'], exchange as Exchange, 'store');
				expectThat(typeof store.name === 'string', 'a store name', exchange);
				ctx.found.storeName = store.name;
				return String(store.name);
			},
		},
		...LISTS.flatMap((spec) => listSteps(ctx, spec)),
		...PLAIN_LISTS.map((spec) => plainListStep(ctx, spec)),
		...pagingSteps(ctx),
	];
}

/** Run after every other check: each answer the store sent carried the quota headers. */
export function rateLimitStep(ctx: LiveContext): Step {
	return {
		name: 'Every answer carries X-Rate-Limit-Requests-Left, -Time-Reset-Ms, -Requests-Quota and -Time-Window-Ms',
		run: async () => {
			const answered = ctx.proxy.exchanges.filter((exchange) => exchange.status !== 0 && exchange.status !== 401);
			for (const exchange of answered) {
				const missing = RATE_LIMIT_HEADERS.filter((name) => !/^\d+$/.test(exchange.rateLimit[name] ?? ''));
				if (missing.length) {
					throw new CheckFailure(`numeric ${missing.join(', ')} (the pack paces itself by them)`, exchange);
				}
			}
			return `${answered.length} answers`;
		},
	};
}
