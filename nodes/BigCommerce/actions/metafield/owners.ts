import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readId, toText } from '../common/inputs';
import { itemParameter } from '../common/parameters';

/** The records a metafield can belong to, as the `ownerType` parameter names them. */
export type OwnerType = 'product' | 'variant' | 'category' | 'brand' | 'order' | 'customer' | 'channel';

interface Owner {
	name: string;
	/** The batch endpoint: GET lists every metafield of the type, POST/PUT/DELETE write many. */
	batchPath: string;
	/** The metafields of one owner; undefined where that path needs more than the owner's ID. */
	ownPath?: (ownerId: number) => string;
}

export const OWNERS: Record<OwnerType, Owner> = {
	brand: { name: 'Brand', batchPath: '/v3/catalog/brands/metafields', ownPath: (id) => `/v3/catalog/brands/${id}/metafields` },
	category: { name: 'Category', batchPath: '/v3/catalog/categories/metafields', ownPath: (id) => `/v3/catalog/categories/${id}/metafields` },
	channel: { name: 'Channel', batchPath: '/v3/channels/metafields', ownPath: (id) => `/v3/channels/${id}/metafields` },
	customer: { name: 'Customer', batchPath: '/v3/customers/metafields', ownPath: (id) => `/v3/customers/${id}/metafields` },
	order: { name: 'Order', batchPath: '/v3/orders/metafields', ownPath: (id) => `/v3/orders/${id}/metafields` },
	product: { name: 'Product', batchPath: '/v3/catalog/products/metafields', ownPath: (id) => `/v3/catalog/products/${id}/metafields` },
	// A variant's own list sits under its product; the batch list serves a variant by its ID.
	variant: { name: 'Product Variant', batchPath: '/v3/catalog/variants/metafields' },
};

const OWNER_TYPES = Object.keys(OWNERS) as OwnerType[];

export const ownerTypeProperty: INodeProperties = {
	displayName: 'Owner Type',
	name: 'ownerType',
	type: 'options',
	default: 'product',
	description: 'The kind of record the metafields belong to',
	options: OWNER_TYPES.map((type) => ({ name: OWNERS[type].name, value: type })).sort((a, b) => a.name.localeCompare(b.name)),
};

export function ownerIdProperty(description: string, required = true): INodeProperties {
	return {
		displayName: 'Owner ID',
		name: 'ownerId',
		type: 'string',
		default: '',
		required,
		placeholder: 'e.g. 112',
		description,
	};
}

export function readOwnerType(context: IExecuteFunctions, itemIndex: number): OwnerType {
	const value = String(itemParameter(context, 'ownerType', itemIndex, 'product'));
	if (!(OWNER_TYPES as string[]).includes(value)) {
		throw new NodeOperationError(context.getNode(), `Owner Type must be one of ${OWNER_TYPES.join(', ')}, got "${value.slice(0, 40)}"`, { itemIndex });
	}
	return value as OwnerType;
}

export function readOwnerId(context: IExecuteFunctions, itemIndex: number): number {
	return readId(context, 'ownerId', itemIndex, 'Owner ID');
}

/** The namespace and key limits of BigCommerce's metafield schema. */
export const NAME_MAX = 64;
export const VALUE_MAX = 65535;
export const DESCRIPTION_MAX = 255;

function valueText(raw: unknown): string {
	if (raw === null || raw === undefined) return '';
	if (typeof raw === 'object') return JSON.stringify(raw);
	return String(raw);
}

/** A text parameter within BigCommerce's length limit, naming the field otherwise. */
export function readBounded(
	context: IExecuteFunctions,
	name: string,
	displayName: string,
	max: number,
	itemIndex: number,
): string {
	const raw = itemParameter(context, name, itemIndex, '');
	// A value keeps its spaces (an object from an expression is stored as its JSON); names are trimmed.
	const text = name === 'value' ? valueText(raw) : toText(context, raw, displayName, itemIndex, false);
	if (text === '') throw new NodeOperationError(context.getNode(), `${displayName} is required`, { itemIndex });
	if (text.length > max) {
		throw new NodeOperationError(context.getNode(), `${displayName} is too long: ${text.length} characters, BigCommerce takes at most ${max}`, { itemIndex });
	}
	return text;
}

/** The namespace and key parameters every operation shares. */
export function namespaceAndKeyProperties(purpose: string): INodeProperties[] {
	return [
		{
			displayName: 'Namespace',
			name: 'namespace',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. erp',
			description: `The group the metafield's key belongs to (1 to 64 characters)${purpose}`,
		},
		{
			displayName: 'Key',
			name: 'key',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. warehouse_code',
			description: `The metafield's name within its namespace (1 to 64 characters)${purpose}`,
		},
	];
}
