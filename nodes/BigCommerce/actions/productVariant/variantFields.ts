import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../common/descriptions';
import { readId, toDecimal, toText, toWholeNumber } from '../common/inputs';

const decimal = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 4 },
	default: 0,
	description,
});

const text = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

/** A variant's optional fields; a price left out means the variant sells at the product's price. */
const optionalFields: INodeProperties[] = [
	decimal('Cost Price', 'cost_price', 'What the variant costs the store, for margin reports'),
	text('GTIN', 'gtin', 'The Global Trade Item Number'),
	text('Image URL', 'image_url', 'A public HTTP or HTTPS address of the variant image', 'e.g. https://example.com/images/tote-red.jpg'),
	{
		displayName: 'Inventory Level',
		name: 'inventory_level',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Stock of this variant at the default location',
		hint: "Counts only when the product's Inventory Tracking is Variant",
	},
	{
		displayName: 'Inventory Warning Level',
		name: 'inventory_warning_level',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'The stock level at which the variant counts as low on stock',
	},
	decimal('MAP Price', 'map_price', 'The minimum advertised price'),
	text('MPN', 'mpn', 'The Manufacturer Part Number'),
	decimal('Price', 'price', "The variant's price, instead of the product's"),
	{
		displayName: 'Purchasing Disabled',
		name: 'purchasing_disabled',
		type: 'boolean',
		default: false,
		description: 'Whether shoppers are prevented from buying this variant',
	},
	text('Purchasing Disabled Message', 'purchasing_disabled_message', 'The message shown when the variant cannot be bought', 'e.g. Back in March'),
	decimal('Retail Price', 'retail_price', 'The list price (RRP) shown beside the price'),
	decimal('Sale Price', 'sale_price', 'When above 0, shoppers pay this instead of the price'),
	text('UPC', 'upc', 'The Universal Product Code'),
	decimal('Weight', 'weight', "The variant's weight, instead of the product's"),
];

export const skuField: INodeProperties = text(
	'SKU',
	'sku',
	'The stock keeping unit, unique (ignoring letter case) across products and variants',
	'e.g. TOTE-RED-M',
);

function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

export function variantFieldOptions(extra: INodeProperties[] = []): INodeProperties[] {
	return [...optionalFields, ...extra].sort(byDisplayName);
}

const DECIMALS: Record<string, string> = {
	cost_price: 'Cost Price',
	map_price: 'MAP Price',
	price: 'Price',
	retail_price: 'Retail Price',
	sale_price: 'Sale Price',
	weight: 'Weight',
};
const TEXTS: Record<string, string> = {
	sku: 'SKU',
	gtin: 'GTIN',
	mpn: 'MPN',
	upc: 'UPC',
	purchasing_disabled_message: 'Purchasing Disabled Message',
};

/** Turns variant parameters into a BigCommerce variant body, refusing bad values before any request. */
export function toVariantBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (DECIMALS[key]) body[key] = toDecimal(context, value, DECIMALS[key], itemIndex);
		else if (key === 'inventory_level' || key === 'inventory_warning_level') {
			const label = key === 'inventory_level' ? 'Inventory Level' : 'Inventory Warning Level';
			body[key] = toWholeNumber(context, value, label, itemIndex, { min: 0 });
		} else if (TEXTS[key]) body[key] = toText(context, value, TEXTS[key], itemIndex, key === 'sku');
		else if (key === 'image_url') {
			const url = toText(context, value, 'Image URL', itemIndex, false);
			if (url && !/^https?:\/\/\S+$/i.test(url)) {
				throw new NodeOperationError(context.getNode(), `Image URL must be an http(s) address, got "${url.slice(0, 60)}"`, {
					itemIndex,
				});
			}
			body.image_url = url;
		} else if (key === 'purchasing_disabled') {
			if (typeof value !== 'boolean') {
				throw new NodeOperationError(context.getNode(), 'Purchasing Disabled must be true or false', { itemIndex });
			}
			body.purchasing_disabled = value;
		}
	}
	return body;
}

/** Reads the Variant ID parameter (a plain number or text) as a positive whole number. */
export const VARIANT_ID_PROPERTY: INodeProperties = {
	displayName: 'Variant ID',
	name: 'variantId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 456',
	description: 'The numeric ID of the variant',
};

/** The product and the variant an operation on one of the product's variants names. */
export const variantOfProductProperties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product the variant belongs to',
	}),
	VARIANT_ID_PROPERTY,
];

/** Reads both IDs of variantOfProductProperties; answers the variant ID and its API path. */
export function readVariantOfProduct(context: IExecuteFunctions, itemIndex: number): { variantId: number; path: string } {
	const productId = readId(context, 'productId', itemIndex, 'Product ID');
	const variantId = readId(context, 'variantId', itemIndex, 'Variant ID');
	return { variantId, path: `/v3/catalog/products/${productId}/variants/${variantId}` };
}
