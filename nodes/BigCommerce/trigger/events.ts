import type { INodePropertyOptions } from 'n8n-workflow';

import { CHANNEL_EVENT_GROUPS } from './channelEvents';

/**
 * BigCommerce's webhook scopes, grouped by what they are about. Each option is named
 * "<Group>: <What happened>" so the list reads in groups; a group whose wildcard (`/*`, all
 * events of the group) BigCommerce documents starts with it, and the description names the
 * scope itself. Scopes from BigCommerce's webhook event reference
 * (developer.bigcommerce.com/docs/integrations/webhooks/events): only documented ones, as an
 * undocumented wildcard may be refused at registration or never fire.
 */
interface EventGroup {
	group: string;
	events: Array<[what: string, scope: string, description: string]>;
}

const GROUPS: EventGroup[] = [
	{
		group: 'App',
		events: [
			['Uninstalled', 'store/app/uninstalled', 'The app was uninstalled or the store was closed'],
		],
	},
	{
		group: 'Brand',
		events: [
			['All Brand Metafield Events', 'store/brand/metafield/*', 'Any change to a brand metafield'],
			['Metafield Created', 'store/brand/metafield/created', 'A brand metafield was created'],
			['Metafield Deleted', 'store/brand/metafield/deleted', 'A brand metafield was deleted'],
			['Metafield Updated', 'store/brand/metafield/updated', 'A brand metafield was changed'],
		],
	},
	{
		group: 'Cart',
		events: [
			['All Cart Events', 'store/cart/*', 'Any event about a cart, its line items or metafields'],
			['Abandoned', 'store/cart/abandoned', 'A cart had no changes for an hour'],
			['Converted to Order', 'store/cart/converted', 'A cart was checked out and became an order'],
			['Coupon Applied', 'store/cart/couponApplied', 'A coupon code was applied to a cart'],
			['Created', 'store/cart/created', 'A shopper or an API call started a new cart'],
			['Deleted', 'store/cart/deleted', 'A cart was emptied or deleted'],
			['All Line Item Events', 'store/cart/lineItem/*', 'Any change to the items in a cart'],
			['Line Item Added', 'store/cart/lineItem/created', 'An item was added to a cart'],
			['Line Item Removed', 'store/cart/lineItem/deleted', 'An item was removed from a cart'],
			['Line Item Changed', 'store/cart/lineItem/updated', 'The quantity or options of a cart item changed'],
			['Metafield Created', 'store/cart/metafield/created', 'A cart metafield was created'],
			['Metafield Deleted', 'store/cart/metafield/deleted', 'A cart metafield was deleted'],
			['Metafield Updated', 'store/cart/metafield/updated', 'A cart metafield was changed'],
			['Updated', 'store/cart/updated', 'A cart changed (items, quantities, customer, coupons)'],
		],
	},
	{
		group: 'Category',
		events: [
			['All Category Events', 'store/category/*', 'Any event about a category'],
			['Created', 'store/category/created', 'A category was created'],
			['Deleted', 'store/category/deleted', 'A category was deleted'],
			['Metafield Created', 'store/category/metafield/created', 'A category metafield was created'],
			['Metafield Deleted', 'store/category/metafield/deleted', 'A category metafield was deleted'],
			['Metafield Updated', 'store/category/metafield/updated', 'A category metafield was changed'],
			['Updated', 'store/category/updated', 'A category was changed'],
		],
	},
	{
		group: 'Channel',
		events: [
			['All Channel Events', 'store/channel/*', 'Any event about a sales channel'],
			['Created', 'store/channel/created', 'A sales channel was created'],
			['Metafield Created', 'store/channel/metafield/created', 'A channel metafield was created'],
			['Metafield Deleted', 'store/channel/metafield/deleted', 'A channel metafield was deleted'],
			['Metafield Updated', 'store/channel/metafield/updated', 'A channel metafield was changed'],
			['Updated', 'store/channel/updated', 'A sales channel was changed'],
		],
	},
	{
		group: 'Customer',
		events: [
			['All Customer Events', 'store/customer/*', 'Any event about a customer or their addresses'],
			['Address Created', 'store/customer/address/created', 'A customer added an address'],
			['Address Deleted', 'store/customer/address/deleted', 'A customer address was deleted'],
			['Address Updated', 'store/customer/address/updated', 'A customer address was changed'],
			['Channel Access Changed', 'store/customer/channel/login/access/updated', 'The channels a customer may log in to changed'],
			['Created', 'store/customer/created', 'A customer account was created'],
			['Default Payment Method Changed', 'store/customer/payment/instrument/default/updated', "A customer's default stored payment method changed"],
			['Deleted', 'store/customer/deleted', 'A customer account was deleted'],
			['Updated', 'store/customer/updated', 'A customer account was changed (address changes have their own events)'],
		],
	},
	{
		group: 'Inventory',
		events: [
			['Location Created', 'store/inventory/location/created', 'An inventory location was created'],
			['Location Metafield Created', 'store/inventory/location/metafield/created', 'A location metafield was created'],
			['Location Metafield Deleted', 'store/inventory/location/metafield/deleted', 'A location metafield was deleted'],
			['Location Metafield Updated', 'store/inventory/location/metafield/updated', 'A location metafield was changed'],
			['Location Updated', 'store/inventory/location/updated', 'An inventory location was changed'],
			['Low Stock Reached', 'store/channel/*/inventory/product/low_stock_reached', 'Stock of an item at a location fell to its warning level'],
			['Out of Stock', 'store/channel/*/inventory/product/out_of_stock_reached', 'An item sold out at a location'],
			['Product Stock Changed', 'store/product/inventory/updated', 'The stock of a product tracked at product level changed'],
			['Product Stock Changed by an Order', 'store/product/inventory/order/updated', 'An order changed the stock of a product tracked at product level'],
			['Stock Changed at a Location', 'store/channel/*/inventory/product/stock_changed', 'The stock of a product or variant changed at a location'],
			['Stock Settings Changed', 'store/channel/*/inventory/product/settings_changed', 'The stock settings (e.g. warning level) of an item changed at a location'],
			['Variant Stock Changed', 'store/sku/inventory/updated', 'The stock of a variant tracked at variant level changed'],
			['Variant Stock Changed by an Order', 'store/sku/inventory/order/updated', 'An order changed the stock of a variant tracked at variant level'],
		],
	},
	{
		group: 'Metafield',
		events: [
			['All Metafield Events', 'store/metafield/*', 'Any change to a metafield of any kind'],
			['Created', 'store/metafield/created', 'A metafield was created'],
			['Deleted', 'store/metafield/deleted', 'A metafield was deleted'],
			['Updated', 'store/metafield/updated', 'A metafield was changed'],
		],
	},
	{
		group: 'Order',
		events: [
			['All Order Events', 'store/order/*', 'Any event about an order'],
			['Archived', 'store/order/archived', 'An order was archived'],
			['Created', 'store/order/created', 'A new order was placed, in the storefront, the control panel or by API'],
			['Message Received', 'store/order/message/created', 'A message about an order was received'],
			['Metafield Created', 'store/order/metafield/created', 'An order metafield was created'],
			['Metafield Deleted', 'store/order/metafield/deleted', 'An order metafield was deleted'],
			['Metafield Updated', 'store/order/metafield/updated', 'An order metafield was changed'],
			['Refunded', 'store/order/refund/created', 'An order was refunded in full or in part'],
			['Status Changed', 'store/order/statusUpdated', 'An order moved to another status (e.g. Shipped)'],
			['Transaction Created', 'store/order/transaction/created', 'A payment transaction was recorded on an order'],
			['Transaction Updated', 'store/order/transaction/updated', 'A payment transaction on an order changed'],
			['Updated', 'store/order/updated', 'An order was changed'],
		],
	},
	{
		group: 'Price List',
		events: [
			['Activated', 'store/priceList/activated', 'A price list was activated'],
			['Assignment Deleted', 'store/priceList/assignment/deleted', 'A price list assignment was deleted'],
			['Assignment Updated', 'store/priceList/assignment/updated', 'A price list was assigned, reassigned or unassigned to customer groups or channels'],
			['Created', 'store/priceList/created', 'A price list was created'],
			['Deactivated', 'store/priceList/deactivated', 'A price list was deactivated'],
			['Deleted', 'store/priceList/deleted', 'A price list was deleted'],
			['Deleted in Bulk', 'store/priceLists/deleted', 'Several price lists were deleted at once'],
			['Record Created', 'store/priceList/record/created', 'A price was added to a price list'],
			['Record Deleted', 'store/priceList/record/deleted', 'A price was removed from a price list'],
			['Record Updated', 'store/priceList/record/updated', 'A price in a price list changed'],
			['Records Created in Bulk', 'store/priceList/records/created', 'Many prices were added to a price list at once'],
			['Records Deleted in Bulk', 'store/priceList/records/deleted', 'Many prices were removed from a price list at once'],
			['Records Updated in Bulk', 'store/priceList/records/updated', 'Many prices in a price list changed at once'],
			['Updated', 'store/priceList/updated', 'A price list was changed'],
		],
	},
	{
		group: 'Product',
		events: [
			['All Product Events', 'store/product/*', 'Any event about a product, including its stock and metafields'],
			['Created', 'store/product/created', 'A product was created'],
			['Deleted', 'store/product/deleted', 'A product was deleted'],
			['Metafield Created', 'store/product/metafield/created', 'A product metafield was created'],
			['Metafield Deleted', 'store/product/metafield/deleted', 'A product metafield was deleted'],
			['Metafield Updated', 'store/product/metafield/updated', 'A product metafield was changed'],
			['Modifier Updated', 'store/modifier/updated', 'A shared product modifier was changed'],
			['Option Updated', 'store/option/updated', 'A shared product option was changed'],
			['Updated', 'store/product/updated', 'A product was changed (name, price, visibility...)'],
			['Variant Metafield Created', 'store/product/variant/metafield/created', 'A variant metafield was created'],
			['Variant Metafield Deleted', 'store/product/variant/metafield/deleted', 'A variant metafield was deleted'],
			['Variant Metafield Updated', 'store/product/variant/metafield/updated', 'A variant metafield was changed'],
		],
	},
	{
		group: 'Shipment',
		events: [
			['All Shipment Events', 'store/shipment/*', 'Any event about a shipment'],
			['Created', 'store/shipment/created', 'An order (or part of it) was shipped'],
			['Deleted', 'store/shipment/deleted', 'A shipment was deleted'],
			['Updated', 'store/shipment/updated', 'A shipment changed (e.g. its tracking number)'],
		],
	},
	{
		group: 'Store',
		events: [
			['Metafield Created', 'store/store/metafield/created', 'A store metafield was created'],
			['Metafield Deleted', 'store/store/metafield/deleted', 'A store metafield was deleted'],
			['Metafield Updated', 'store/store/metafield/updated', 'A store metafield was changed'],
			['Profile Updated', 'store/information/updated', 'The store name, address, country, e-mail or phone changed'],
			['Redirects Updated', 'store/redirects/updated', 'The store URL redirects changed'],
			['Webhook Delivery Trouble', 'store/hook/deliveryException', 'BigCommerce could not deliver webhooks; use it alone in its own trigger node, as it needs an address of its own'],
		],
	},
	{
		group: 'Subscriber',
		events: [
			['All Subscriber Events', 'store/subscriber/*', 'Any event about a newsletter subscriber'],
			['Created', 'store/subscriber/created', 'Someone subscribed to the newsletter'],
			['Deleted', 'store/subscriber/deleted', 'A newsletter subscriber was removed'],
			['Updated', 'store/subscriber/updated', 'A newsletter subscriber was changed'],
		],
	},
	{
		group: 'Variant (SKU)',
		events: [
			['All Variant Events', 'store/sku/*', 'Any event about a product variant (SKU), including its stock'],
			['Created', 'store/sku/created', 'A product variant (SKU) was created'],
			['Deleted', 'store/sku/deleted', 'A product variant (SKU) was deleted'],
			['Updated', 'store/sku/updated', 'A product variant (SKU) was changed'],
		],
	},
];

/** The options of the Events parameter, in groups, each led by its wildcard where there is one. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [...GROUPS, ...CHANNEL_EVENT_GROUPS]
	.sort((a, b) => a.group.localeCompare(b.group))
	.flatMap(({ group, events }) =>
	events.map(([what, scope, description]) => ({
		name: `${group}: ${what}`,
		value: scope,
		description: `${description} (${scope})`,
	})),
);

/**
 * Wildcards earlier versions offered that BigCommerce does not document. A saved workflow may
 * still hold one: it stands for the documented events it was meant to cover.
 */
const RETIRED_WILDCARDS: Record<string, (scope: string) => boolean> = {
	'store/app/*': (scope) => scope.startsWith('store/app/'),
	'store/information/*': (scope) => scope.startsWith('store/information/'),
	'store/priceList/*': (scope) => scope.startsWith('store/priceList/') || scope.startsWith('store/priceLists/'),
	'store/channel/*/inventory/*': (scope) => scope.startsWith('store/channel/*/inventory/'),
};

/** The scopes an Events value registers: itself, or the documented events of a retired wildcard. */
export function expandEvent(value: string): string[] {
	const covers = RETIRED_WILDCARDS[value];
	if (!covers) return [value];
	return EVENT_OPTIONS.map((option) => String(option.value)).filter(covers);
}

/**
 * Whether a hook registered for `registered` receives `scope`, as BigCommerce matches them: a
 * trailing `*` stands for the rest of the scope (store/order/* covers store/order/created and
 * store/order/message/created), an inner `*` for one segment (store/channel/{any}/...).
 */
export function scopeCovers(registered: string, scope: string): boolean {
	if (registered === scope) return true;
	const want = registered.split('/');
	const got = scope.split('/');
	for (let i = 0; i < want.length; i++) {
		if (want[i] === '*') {
			if (i === want.length - 1) return got.length > i;
			if (got[i] === undefined || got[i] === '') return false;
			continue;
		}
		if (want[i] !== got[i]) return false;
	}
	return want.length === got.length;
}

// A scope is `store/` and slash-separated words; `*` stands for all events or all channels.
const SCOPE_PATTERN = /^store(\/([A-Za-z0-9_]+|\*))+$/;

/** Splits the Custom Scope field (one scope, or several separated by commas or spaces). */
export function parseCustomScopes(raw: unknown): { scopes: string[]; invalid: string[] } {
	const parts = String(raw ?? '')
		.split(/[\s,]+/)
		.map((part) => part.trim())
		.filter(Boolean);
	return {
		scopes: parts.filter((part) => SCOPE_PATTERN.test(part)),
		invalid: parts.filter((part) => !SCOPE_PATTERN.test(part)),
	};
}

/** Whether a delivered scope is one of the order status change events the status filter applies to. */
export function isOrderStatusChange(scope: string): boolean {
	return scope === 'store/order/statusUpdated' || /^store\/channel\/\d+\/order\/statusUpdated$/.test(scope);
}
