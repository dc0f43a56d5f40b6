// Tokens, OAuth scopes per API area, and the client id that owns a token's webhooks.

import { createHash } from 'crypto';

export const ALL_SCOPES = [
	'store_v2_products',
	'store_v2_orders',
	'store_v2_customers',
	'store_inventory',
	'store_locations',
	'store_channel_settings',
	'store_v2_information',
	'store_v2_transactions',
	'store_storefront_api',
];

/** The scope an API path needs, or null when any valid token may call it (webhooks). */
export function requiredScope(path: string): string | null {
	if (path.startsWith('/v3/catalog/')) return 'store_v2_products';
	if (path.startsWith('/v3/pricelists')) return 'store_v2_products';
	if (path.startsWith('/v2/orders') || path.startsWith('/v2/order_statuses')) return 'store_v2_orders';
	if (path.startsWith('/v3/orders/')) return 'store_v2_orders';
	if (path.startsWith('/v3/customers') || path.startsWith('/v2/customer_groups') || path.startsWith('/v2/customers')) {
		return 'store_v2_customers';
	}
	// Locations themselves are a separate area from the stock held at them.
	if (/^\/v3\/inventory\/locations(\/\d+)?\/?$/.test(path)) return 'store_locations';
	if (path.startsWith('/v3/inventory')) return 'store_inventory';
	if (path.startsWith('/v3/channels')) return 'store_channel_settings';
	if (path === '/v2/store' || path === '/v2/time') return 'store_v2_information';
	if (path.startsWith('/v3/storefront/api-token')) return 'store_storefront_api';
	return null;
}

/** A scope grants everything; its `_read_only` twin grants GET (and HEAD) only. */
export function hasScope(granted: readonly string[], scope: string, method: string): boolean {
	if (granted.includes(scope)) return true;
	return (method === 'GET' || method === 'HEAD') && granted.includes(`${scope}_read_only`);
}

export function clientIdFor(token: string): string {
	return createHash('sha1').update(`client:${token}`).digest('hex').slice(0, 31);
}

export const SCOPE_DENIED = 'You are authorized but your scope does not include this resource.';
