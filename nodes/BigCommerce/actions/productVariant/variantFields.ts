import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../common/descriptions';
import {
	byDisplayName,
	decimalField,
	flagField,
	propertiesOf,
	readFields,
	textField,
	wholeNumberField,
	type FormField,
} from '../common/formFields';
import { readId, toText } from '../common/inputs';

/** An empty Image URL clears the image; any other must be an http(s) address. */
function readImageUrl(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const url = toText(context, value, 'Image URL', itemIndex, false);
	if (url && !/^https?:\/\/\S+$/i.test(url)) {
		throw new NodeOperationError(context.getNode(), `Image URL must be an http(s) address, got "${url.slice(0, 60)}"`, {
			itemIndex,
		});
	}
	return url;
}

/** A variant's optional fields; a price left out means the variant sells at the product's price. */
const optionalFields: FormField[] = [
	decimalField('Cost Price', 'cost_price', 'What the variant costs the store, for margin reports'),
	textField('GTIN', 'gtin', 'The Global Trade Item Number'),
	textField('Image URL', 'image_url', 'A public HTTP or HTTPS address of the variant image', {
		placeholder: 'e.g. https://example.com/images/tote-red.jpg',
		read: readImageUrl,
	}),
	wholeNumberField('Inventory Level', 'inventory_level', 'Stock of this variant at the default location', {
		min: 0,
		hint: "Counts only when the product's Inventory Tracking is Variant",
	}),
	wholeNumberField('Inventory Warning Level', 'inventory_warning_level', 'The stock level at which the variant counts as low on stock', { min: 0 }),
	decimalField('MAP Price', 'map_price', 'The minimum advertised price'),
	textField('MPN', 'mpn', 'The Manufacturer Part Number'),
	decimalField('Price', 'price', "The variant's price, instead of the product's"),
	flagField('Purchasing Disabled', 'purchasing_disabled', 'Whether shoppers are prevented from buying this variant'),
	textField('Purchasing Disabled Message', 'purchasing_disabled_message', 'The message shown when the variant cannot be bought', {
		placeholder: 'e.g. Back in March',
	}),
	decimalField('Retail Price', 'retail_price', 'The list price (RRP) shown beside the price'),
	decimalField('Sale Price', 'sale_price', 'When above 0, shoppers pay this instead of the price'),
	textField('UPC', 'upc', 'The Universal Product Code'),
	decimalField('Weight', 'weight', "The variant's weight, instead of the product's"),
];

const sku = textField('SKU', 'sku', 'The stock keeping unit, unique (ignoring letter case) across products and variants', {
	placeholder: 'e.g. TOTE-RED-M',
	empty: 'refuse',
});

export const skuField: INodeProperties = sku.property;

export function variantFieldOptions(extra: INodeProperties[] = []): INodeProperties[] {
	return [...propertiesOf(optionalFields), ...extra].sort(byDisplayName);
}

/** Turns variant parameters into a BigCommerce variant body, refusing bad values before any request. */
export function toVariantBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	return readFields(context, [...optionalFields, sku], fields, itemIndex);
}

/** The Variant ID parameter: a number or text, read by readVariantOfProduct. */
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
