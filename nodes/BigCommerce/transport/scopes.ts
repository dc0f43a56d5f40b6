import type { IHttpRequestMethods } from 'n8n-workflow';

interface ScopeArea {
	pattern: RegExp;
	label: string;
	scope: string;
}

// OAuth scope names per API area, from BigCommerce's API account documentation.
const AREAS: ScopeArea[] = [
	{ pattern: /^\/v3\/catalog\//, label: 'Products', scope: 'store_v2_products' },
	{ pattern: /^\/v3\/pricelists/, label: 'Products', scope: 'store_v2_products' },
	{ pattern: /^\/v2\/(orders|order_statuses)/, label: 'Orders', scope: 'store_v2_orders' },
	{ pattern: /^\/v3\/orders\/(\d+\/)?payment_actions\//, label: 'Order Transactions', scope: 'store_v2_transactions' },
	{ pattern: /^\/v3\/customers/, label: 'Customers', scope: 'store_v2_customers' },
	{ pattern: /^\/v2\/customer_groups/, label: 'Customers', scope: 'store_v2_customers' },
	{ pattern: /^\/v3\/inventory\/locations/, label: 'Store Locations', scope: 'store_locations' },
	{ pattern: /^\/v3\/inventory\//, label: 'Store Inventory', scope: 'store_inventory' },
	{ pattern: /^\/v3\/channels/, label: 'Channel Settings', scope: 'store_channel_settings' },
	{ pattern: /^\/v2\/(store|time)/, label: 'Information & Settings', scope: 'store_v2_information' },
	{ pattern: /^\/v3\/storefront\/api-token/, label: 'Storefront API Tokens', scope: 'store_storefront_api' },
];

/** Names the API account scope a request needs, for 403 hints. */
export function describeScope(path: string, method: IHttpRequestMethods): string | undefined {
	const area = AREAS.find((a) => a.pattern.test(path));
	if (!area) return undefined;
	// Tokens are only ever minted: the scope has no read-only form.
	const readOnly = method === 'GET' && area.scope !== 'store_storefront_api';
	return `${area.label} (${readOnly ? 'read-only' : 'modify'}), scope ${area.scope}${readOnly ? '_read_only' : ''}`;
}
