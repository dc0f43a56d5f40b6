import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { getAllItems, type RequestContext } from '../../transport';

// v2 orders only link their line items, shipping addresses and coupons; each is its own list,
// read in this order.
const SUB_RESOURCES = [
	{ option: 'includeProducts', key: 'products' },
	{ option: 'includeShippingAddresses', key: 'shipping_addresses' },
	{ option: 'includeCoupons', key: 'coupons' },
] as const;

export type OrderSubResource = (typeof SUB_RESOURCES)[number]['key'];

/** Every sub-resource, as the trigger embeds them. */
export const ALL_SUB_RESOURCES: OrderSubResource[] = SUB_RESOURCES.map((sub) => sub.key);

/** The include options of order get (and get many, where each costs a request per order). */
export function includeOptions(perOrderCost: boolean): INodeProperties[] {
	const cost = perOrderCost ? ' (one more request per order)' : '';
	return [
		{
			displayName: 'Include Coupons',
			name: 'includeCoupons',
			type: 'boolean',
			default: false,
			description: `Whether to add the coupons used on the order, as coupons${cost}`,
		},
		{
			displayName: 'Include Products',
			name: 'includeProducts',
			type: 'boolean',
			default: false,
			description: `Whether to add the order's line items, as products${cost}`,
		},
		{
			displayName: 'Include Shipping Addresses',
			name: 'includeShippingAddresses',
			type: 'boolean',
			default: false,
			description: `Whether to add the addresses the order ships to, as shipping_addresses${cost}`,
		},
	];
}

/** Which sub-resources the Options collection asks for. */
export function readIncludes(options: IDataObject): OrderSubResource[] {
	return SUB_RESOURCES.filter((sub) => options[sub.option] === true).map((sub) => sub.key);
}

/** Replaces the order's sub-resource links with the records themselves (v2 answers 204 for none). */
export async function embedSubResources(
	this: RequestContext,
	order: IDataObject,
	keys: OrderSubResource[],
	itemIndex?: number,
): Promise<IDataObject> {
	if (!keys.length) return order;
	const embedded: IDataObject = { ...order };
	for (const key of keys) {
		embedded[key] = await getAllItems.call(this, {
			style: 'v2Page',
			path: `/v2/orders/${Number(order.id)}/${key}`,
			itemIndex,
		});
	}
	return embedded;
}
