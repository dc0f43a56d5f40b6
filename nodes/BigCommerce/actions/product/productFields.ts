import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chooseFromList } from '../common/descriptions';
import {
	byDisplayName,
	choiceField,
	decimalField,
	flagField,
	readFields,
	storeChoiceField,
	storeChoicesField,
	textField,
	wholeNumberField,
	type FormField,
} from '../common/formFields';
import { refuse, toId, toText } from '../common/inputs';
import { getAllItems } from '../../transport';


/** A category given by name, found in the store's categories before the product is sent. */
interface CategoryName {
	categoryName: string;
}

const CATEGORIES_HINT = 'Or names or IDs separated by semicolons, e.g. Kitchen; Coffee or 12;15';

/**
 * Categories as a list, a number, or a text such as "Kitchen; Coffee" or "12;15" (a text
 * without semicolons is split on commas, as IDs used to be): IDs are checked here, names are
 * kept for `withCategoryIds`, which looks them up in the store.
 */
function readCategories(context: IExecuteFunctions, value: unknown, itemIndex: number): Array<number | CategoryName> {
	let values: unknown[];
	if (typeof value === 'string') values = value.split(value.includes(';') ? ';' : ',');
	else if (typeof value === 'number') values = [value];
	else if (Array.isArray(value)) values = value;
	else refuse(context, 'Categories must be category names or IDs, e.g. Kitchen; Coffee or 12;15', itemIndex);
	return values
		.filter((entry) => String(entry ?? '').trim() !== '')
		.map((entry) =>
			typeof entry === 'string' && !/^\s*\d+\s*$/.test(entry)
				? { categoryName: entry.trim() }
				: toId(context, entry, 'Categories', itemIndex),
		);
}

// One list of the store's categories per execution, shared by its items.
const storeCategories = new WeakMap<IExecuteFunctions, Promise<IDataObject[]>>();

function categoriesOf(context: IExecuteFunctions): Promise<IDataObject[]> {
	let categories = storeCategories.get(context);
	if (!categories) {
		categories = getAllItems.call(context, { style: 'v3Page', path: '/v3/catalog/trees/categories' });
		storeCategories.set(context, categories);
	}
	return categories;
}

/** Replaces category names in a product body with their IDs; an unknown or ambiguous name is refused. */
async function withCategoryIds(context: IExecuteFunctions, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	const entries = body.categories as Array<number | CategoryName> | undefined;
	if (!entries?.some((entry) => typeof entry === 'object')) return body;
	const categories = await categoriesOf(context);
	const ids = entries.map((entry) => {
		if (typeof entry === 'number') return entry;
		const wanted = entry.categoryName.toLowerCase();
		const matches = categories.filter((category) => String(category.name).trim().toLowerCase() === wanted);
		if (matches.length === 1) return Number(matches[0].category_id);
		if (matches.length > 1) {
			refuse(
				context,
				`Categories: "${entry.categoryName}" names ${matches.length} categories (IDs ${matches.map((c) => String(c.category_id)).join(', ')}); give the ID instead`,
				itemIndex,
			);
		}
		const known = categories.slice(0, 5).map((category) => String(category.name));
		refuse(
			context,
			`Categories: the store has no category named "${entry.categoryName.slice(0, 60)}"${known.length ? ` (it has e.g. ${known.join(', ')})` : ''}`,
			itemIndex,
		);
	});
	return { ...body, categories: ids };
}

function readImages(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] | undefined {
	const entries = ((value ?? {}) as IDataObject).image;
	if (entries === undefined) return undefined;
	if (!Array.isArray(entries)) refuse(context, 'Images must be a list of images', itemIndex);
	// An empty Image URL means "no image" (e.g. a spreadsheet row without one), not an error.
	const given = (entries as IDataObject[]).filter(
		(entry) => !(entry.image_url === undefined || entry.image_url === null || String(entry.image_url).trim() === ''),
	);
	const images = given.map((entry, position) => {
		const url = toText(context, entry.image_url, `Image URL of image ${position + 1}`, itemIndex);
		if (!/^https?:\/\/\S+$/i.test(url)) {
			refuse(context, `Image URL of image ${position + 1} must be an http(s) address, got "${url.slice(0, 60)}"`, itemIndex);
		}
		const image: IDataObject = { image_url: url, is_thumbnail: entry.is_thumbnail === true };
		if (typeof entry.description === 'string' && entry.description !== '') image.description = entry.description;
		return image;
	});
	return images.length ? images : undefined;
}

function readCustomFields(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] | undefined {
	const entries = ((value ?? {}) as IDataObject).field;
	if (entries === undefined) return undefined;
	if (!Array.isArray(entries)) refuse(context, 'Custom Fields must be a list of fields', itemIndex);
	const fields = (entries as IDataObject[]).map((entry, position) => ({
		name: toText(context, entry.name, `Name of custom field ${position + 1}`, itemIndex),
		value: toText(context, entry.value, `Value of custom field ${position + 1}`, itemIndex),
	}));
	return fields.length ? fields : undefined;
}

const nameField = textField('Name', 'name', 'The product name, unique in the store', {
	required: true,
	placeholder: 'e.g. Canvas Tote Bag',
	empty: 'refuse',
});
const typeField = choiceField(
	'Type',
	'type',
	'Whether the product is shipped or downloaded',
	[
		{ name: 'Digital', value: 'digital', description: 'A download, with no shipping' },
		{ name: 'Physical', value: 'physical', description: 'A good that is shipped' },
	],
	{ default: 'physical' },
);
const weightField = decimalField('Weight', 'weight', "The weight in the store's weight unit, used for shipping quotes", {
	required: true,
});
const priceField = decimalField('Price', 'price', "The price in the store's default currency", { required: true });

/** The product's required fields, shown on their own for create and upsert. */
export const nameProperty = nameField.property;
export const typeProperty = typeField.property;
export const weightProperty = weightField.property;
export const priceProperty = priceField.property;

/** Every optional product field, keyed by its BigCommerce name. */
const optionalFields: FormField[] = [
	choiceField('Availability', 'availability', 'Whether shoppers can buy the product now, only see it, or pre-order it', [
		{ name: 'Available', value: 'available', description: 'Can be bought' },
		{ name: 'Disabled', value: 'disabled', description: 'Shown, but cannot be bought' },
		{ name: 'Preorder', value: 'preorder', description: 'Can be pre-ordered' },
	]),
	storeChoiceField('Brand Name or ID', 'brand_id', 'getBrands', { zeroIsNone: true }),
	storeChoicesField('Category Names or IDs', 'categories', 'getCategories', { read: readCategories, hint: CATEGORIES_HINT }),
	choiceField('Condition', 'condition', 'The condition shown to shoppers and sent to shopping feeds', [
		{ name: 'New', value: 'New' },
		{ name: 'Refurbished', value: 'Refurbished' },
		{ name: 'Used', value: 'Used' },
	]),
	decimalField('Cost Price', 'cost_price', 'What the product costs the store, for margin reports'),
	{
		property: {
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
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Material' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. Cotton' },
					],
				},
			],
		},
		key: 'custom_fields',
		read: readCustomFields,
	},
	decimalField('Depth', 'depth', "The depth in the store's length unit"),
	// HTML, sent as written.
	textField('Description', 'description', 'The product description, in HTML', {
		typeOptions: { rows: 4 },
		read: (_context, value) => String(value),
	}),
	textField('GTIN', 'gtin', 'The Global Trade Item Number'),
	decimalField('Height', 'height', "The height in the store's length unit"),
	{
		property: {
			displayName: 'Images',
			name: 'images',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Image',
			default: {},
			description: 'Images that BigCommerce downloads from public URLs',
			hint: 'To upload an image file (binary data), use the Product Image resource after this node',
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
		key: 'images',
		read: readImages,
	},
	wholeNumberField('Inventory Level', 'inventory_level', 'Stock at the default location; used when Inventory Tracking is Product', { min: 0 }),
	choiceField(
		'Inventory Tracking',
		'inventory_tracking',
		'How stock is counted for this product',
		[
			{ name: 'None', value: 'none', description: 'Stock is not tracked' },
			{ name: 'Product', value: 'product', description: 'One stock level for the whole product' },
			{ name: 'Variant', value: 'variant', description: 'A stock level per variant (size, color...)' },
		],
		{
			hint: "Product: the product's Inventory Level is its stock. Variant: each variant has its own stock, and the product's level is ignored.",
		},
	),
	wholeNumberField('Inventory Warning Level', 'inventory_warning_level', 'The stock level at which the product counts as low on stock', { min: 0 }),
	flagField('Is Featured', 'is_featured', 'Whether the product is shown in featured product lists'),
	flagField('Is Visible', 'is_visible', 'Whether shoppers can see the product on the storefront', { default: true }),
	decimalField('MAP Price', 'map_price', 'The minimum advertised price'),
	textField('MPN', 'mpn', 'The Manufacturer Part Number'),
	decimalField('Retail Price', 'retail_price', 'The list price (RRP) shown beside the price'),
	decimalField('Sale Price', 'sale_price', 'When above 0, shoppers pay this instead of the price'),
	textField('Search Keywords', 'search_keywords', 'Comma-separated words that also find the product in storefront search', {
		placeholder: 'e.g. tote, bag, canvas',
	}),
	// BigCommerce refuses an empty SKU: a row without one creates a product without one.
	textField('SKU', 'sku', 'The stock keeping unit, unique (ignoring letter case) across products and variants', {
		placeholder: 'e.g. TOTE-NAT-01',
		empty: 'omit',
	}),
	wholeNumberField('Sort Order', 'sort_order', 'Products with a lower number are listed first'),
	textField('UPC', 'upc', 'The Universal Product Code'),
	decimalField('Width', 'width', "The width in the store's length unit"),
];

const allFields = [nameField, typeField, weightField, priceField, ...optionalFields];

/**
 * The optional product fields for a collection: without the ones shown on their own (`omit`),
 * with extra ones, and with per-operation wording (`describe`, by field name).
 */
export function productFieldOptions(
	options: { omit?: string[]; extra?: INodeProperties[]; describe?: Record<string, string> } = {},
): INodeProperties[] {
	const { omit = [], extra = [], describe = {} } = options;
	const offered = optionalFields.map((field) => field.property).filter((property) => !omit.includes(property.name));
	return [...offered, ...extra]
		.map((field) => (describe[field.name] ? { ...field, description: describe[field.name] } : field))
		.sort(byDisplayName);
}

/**
 * Turns product parameters (required ones and a collection) into a BigCommerce product body,
 * refusing, before any write, a value BigCommerce would reject: a negative price, a
 * fractional stock level, an unknown choice or category, an image that is not a URL.
 */
export async function toProductBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): Promise<IDataObject> {
	return await withCategoryIds(context, readFields(context, allFields, fields, itemIndex), itemIndex);
}

/** Wording of fields whose effect differs when an existing product is changed. */
export const UPDATE_WORDING: Record<string, string> = {
	categories: chooseFromList('many', undefined, "The list replaces the product's current categories."),
	images: "Images that BigCommerce downloads from public URLs, added to the product's existing images",
	custom_fields: "Name and value pairs added to the product's existing custom fields",
};
