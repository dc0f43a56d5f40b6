import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDecimal, toId, toText, toWholeNumber } from '../common/inputs';

/** The product's required fields, shown on their own for create and upsert. */
export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Canvas Tote Bag',
	description: 'The product name, unique in the store',
};

export const typeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Digital', value: 'digital', description: 'A download, with no shipping' },
		{ name: 'Physical', value: 'physical', description: 'A good that is shipped' },
	],
	default: 'physical',
	description: 'Whether the product is shipped or downloaded',
};

export const weightProperty: INodeProperties = {
	displayName: 'Weight',
	name: 'weight',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 4 },
	default: 0,
	required: true,
	description: "The weight in the store's weight unit, used for shipping quotes",
};

export const priceProperty: INodeProperties = {
	displayName: 'Price',
	name: 'price',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 4 },
	default: 0,
	required: true,
	description: "The price in the store's default currency",
};

/** Every optional product field, keyed by its BigCommerce name. */
const optionalFields: INodeProperties[] = [
	{
		displayName: 'Availability',
		name: 'availability',
		type: 'options',
		options: [
			{ name: 'Available', value: 'available', description: 'Can be bought' },
			{ name: 'Disabled', value: 'disabled', description: 'Shown, but cannot be bought' },
			{ name: 'Preorder', value: 'preorder', description: 'Can be pre-ordered' },
		],
		default: 'available',
		description: 'Whether shoppers can buy the product now, only see it, or pre-order it',
	},
	{
		displayName: 'Brand Name or ID',
		name: 'brand_id',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBrands' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Category Names or IDs',
		name: 'categories',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCategories' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Condition',
		name: 'condition',
		type: 'options',
		options: [
			{ name: 'New', value: 'New' },
			{ name: 'Refurbished', value: 'Refurbished' },
			{ name: 'Used', value: 'Used' },
		],
		default: 'New',
		description: 'The condition shown to shoppers and sent to shopping feeds',
	},
	{
		displayName: 'Cost Price',
		name: 'cost_price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: 'What the product costs the store, for margin reports',
	},
	{
		displayName: 'Custom Fields',
		name: 'custom_fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description: 'Name and value pairs shown on the product page, e.g. Material: Cotton',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Material',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Cotton',
					},
				],
			},
		],
	},
	{
		displayName: 'Depth',
		name: 'depth',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: "The depth in the store's length unit",
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The product description, in HTML',
	},
	{
		displayName: 'GTIN',
		name: 'gtin',
		type: 'string',
		default: '',
		description: 'The Global Trade Item Number',
	},
	{
		displayName: 'Height',
		name: 'height',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: "The height in the store's length unit",
	},
	{
		displayName: 'Images',
		name: 'images',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Image',
		default: {},
		description: 'Images that BigCommerce downloads from public URLs',
		options: [
			{
				displayName: 'Image',
				name: 'image',
				values: [
					{
						displayName: 'Image URL',
						name: 'image_url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/images/tote.jpg',
						description: 'A public HTTP or HTTPS address of the image (at most 8 MB)',
					},
					{
						displayName: 'Is Thumbnail',
						name: 'is_thumbnail',
						type: 'boolean',
						default: false,
						description: 'Whether this image is the one shown in product lists',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: 'Alternative text for the image',
					},
				],
			},
		],
	},
	{
		displayName: 'Inventory Level',
		name: 'inventory_level',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Stock at the default location; used when Inventory Tracking is Product',
	},
	{
		displayName: 'Inventory Tracking',
		name: 'inventory_tracking',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'Stock is not tracked' },
			{ name: 'Product', value: 'product', description: 'One stock level for the whole product' },
			{ name: 'Variant', value: 'variant', description: 'A stock level per variant (size, color...)' },
		],
		default: 'none',
		description: 'How stock is counted for this product',
		hint: 'Product: the product\'s Inventory Level is its stock. Variant: each variant has its own stock, and the product\'s level is ignored.',
	},
	{
		displayName: 'Inventory Warning Level',
		name: 'inventory_warning_level',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'The stock level at which the product counts as low on stock',
	},
	{
		displayName: 'Is Featured',
		name: 'is_featured',
		type: 'boolean',
		default: false,
		description: 'Whether the product is shown in featured product lists',
	},
	{
		displayName: 'Is Visible',
		name: 'is_visible',
		type: 'boolean',
		default: true,
		description: 'Whether shoppers can see the product on the storefront',
	},
	{
		displayName: 'MAP Price',
		name: 'map_price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: 'The minimum advertised price',
	},
	{
		displayName: 'MPN',
		name: 'mpn',
		type: 'string',
		default: '',
		description: 'The Manufacturer Part Number',
	},
	{
		displayName: 'Retail Price',
		name: 'retail_price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: 'The list price (RRP) shown beside the price',
	},
	{
		displayName: 'Sale Price',
		name: 'sale_price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: 'When above 0, shoppers pay this instead of the price',
	},
	{
		displayName: 'Search Keywords',
		name: 'search_keywords',
		type: 'string',
		default: '',
		placeholder: 'e.g. tote, bag, canvas',
		description: 'Comma-separated words that also find the product in storefront search',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		placeholder: 'e.g. TOTE-NAT-01',
		description: 'The stock keeping unit, unique (ignoring letter case) across products and variants',
	},
	{
		displayName: 'Sort Order',
		name: 'sort_order',
		type: 'number',
		default: 0,
		description: 'Products with a lower number are listed first',
	},
	{
		displayName: 'UPC',
		name: 'upc',
		type: 'string',
		default: '',
		description: 'The Universal Product Code',
	},
	{
		displayName: 'Width',
		name: 'width',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: "The width in the store's length unit",
	},
];

function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

/**
 * The optional product fields for a collection: without the ones shown on their own (`omit`),
 * with extra ones, and with per-operation wording (`describe`, by field name).
 */
export function productFieldOptions(
	options: { omit?: string[]; extra?: INodeProperties[]; describe?: Record<string, string> } = {},
): INodeProperties[] {
	const { omit = [], extra = [], describe = {} } = options;
	return [...optionalFields.filter((field) => !omit.includes(field.name)), ...extra]
		.map((field) => (describe[field.name] ? { ...field, description: describe[field.name] } : field))
		.sort(byDisplayName);
}

const DECIMALS: Record<string, string> = {
	weight: 'Weight',
	price: 'Price',
	cost_price: 'Cost Price',
	retail_price: 'Retail Price',
	sale_price: 'Sale Price',
	map_price: 'MAP Price',
	width: 'Width',
	depth: 'Depth',
	height: 'Height',
};
const STOCK_LEVELS: Record<string, string> = {
	inventory_level: 'Inventory Level',
	inventory_warning_level: 'Inventory Warning Level',
};
const TEXTS: Record<string, string> = {
	sku: 'SKU',
	description: 'Description',
	upc: 'UPC',
	mpn: 'MPN',
	gtin: 'GTIN',
	search_keywords: 'Search Keywords',
};
const CHOICES: Record<string, { label: string; values: string[] }> = {
	type: { label: 'Type', values: ['physical', 'digital'] },
	availability: { label: 'Availability', values: ['available', 'disabled', 'preorder'] },
	condition: { label: 'Condition', values: ['New', 'Used', 'Refurbished'] },
	inventory_tracking: { label: 'Inventory Tracking', values: ['none', 'product', 'variant'] },
};
const FLAGS: Record<string, string> = { is_visible: 'Is Visible', is_featured: 'Is Featured' };

function refuse(context: IExecuteFunctions, message: string, itemIndex: number): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex });
}

function readCategories(context: IExecuteFunctions, value: unknown, itemIndex: number): number[] {
	const values =
		typeof value === 'string' ? value.split(',').filter((part) => part.trim() !== '') : (value as unknown[]);
	if (!Array.isArray(values)) refuse(context, 'Categories must be a list of category IDs', itemIndex);
	return values.map((id) => toId(context, id, 'Categories', itemIndex));
}

function readImages(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] {
	const entries = ((value ?? {}) as IDataObject).image;
	if (entries === undefined) return [];
	if (!Array.isArray(entries)) refuse(context, 'Images must be a list of images', itemIndex);
	// An empty Image URL means "no image" (e.g. a spreadsheet row without one), not an error.
	const given = (entries as IDataObject[]).filter(
		(entry) => !(entry.image_url === undefined || entry.image_url === null || String(entry.image_url).trim() === ''),
	);
	return given.map((entry, position) => {
		const url = toText(context, entry.image_url, `Image URL of image ${position + 1}`, itemIndex);
		if (!/^https?:\/\/\S+$/i.test(url)) {
			refuse(context, `Image URL of image ${position + 1} must be an http(s) address, got "${url.slice(0, 60)}"`, itemIndex);
		}
		const image: IDataObject = { image_url: url, is_thumbnail: entry.is_thumbnail === true };
		if (typeof entry.description === 'string' && entry.description !== '') image.description = entry.description;
		return image;
	});
}

function readCustomFields(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] {
	const entries = ((value ?? {}) as IDataObject).field;
	if (entries === undefined) return [];
	if (!Array.isArray(entries)) refuse(context, 'Custom Fields must be a list of fields', itemIndex);
	return (entries as IDataObject[]).map((entry, position) => ({
		name: toText(context, entry.name, `Name of custom field ${position + 1}`, itemIndex),
		value: toText(context, entry.value, `Value of custom field ${position + 1}`, itemIndex),
	}));
}

/**
 * Turns product parameters (required ones and a collection) into a BigCommerce product body,
 * refusing, before any request, a value BigCommerce would reject: a negative price, a
 * fractional stock level, an unknown choice, an image that is not a URL.
 */
export function toProductBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (key === 'name') body.name = toText(context, value, 'Name', itemIndex);
		else if (DECIMALS[key]) body[key] = toDecimal(context, value, DECIMALS[key], itemIndex);
		else if (STOCK_LEVELS[key]) body[key] = toWholeNumber(context, value, STOCK_LEVELS[key], itemIndex, { min: 0 });
		else if (key === 'sort_order') body.sort_order = toWholeNumber(context, value, 'Sort Order', itemIndex);
		else if (TEXTS[key]) body[key] = key === 'description' ? String(value) : toText(context, value, TEXTS[key], itemIndex, false);
		else if (CHOICES[key]) {
			const { label, values } = CHOICES[key];
			if (!values.includes(String(value))) {
				refuse(context, `${label} must be one of ${values.join(', ')}, got "${String(value).slice(0, 60)}"`, itemIndex);
			}
			body[key] = String(value);
		} else if (FLAGS[key]) {
			if (typeof value !== 'boolean') refuse(context, `${FLAGS[key]} must be true or false`, itemIndex);
			body[key] = value;
		} else if (key === 'brand_id') {
			// No brand is 0 for BigCommerce.
			if (value !== '') body.brand_id = value === 0 || value === '0' ? 0 : toId(context, value, 'Brand', itemIndex);
		} else if (key === 'categories') body.categories = readCategories(context, value, itemIndex);
		else if (key === 'images') {
			const images = readImages(context, value, itemIndex);
			if (images.length) body.images = images;
		} else if (key === 'custom_fields') {
			const customFields = readCustomFields(context, value, itemIndex);
			if (customFields.length) body.custom_fields = customFields;
		}
	}
	if (body.sku === '') delete body.sku;
	return body;
}

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** Wording of fields whose effect differs when an existing product is changed. */
export const UPDATE_WORDING: Record<string, string> = {
	categories: `Choose from the list, or specify IDs using an ${EXPRESSION_LINK}. The list replaces the product's current categories.`,
	images: "Images that BigCommerce downloads from public URLs, added to the product's existing images",
	custom_fields: "Name and value pairs added to the product's existing custom fields",
};
