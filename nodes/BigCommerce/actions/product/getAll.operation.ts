import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filtersCollection, optionsCollection, returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import {
	choiceField,
	dateFilter,
	flagFilter,
	idsFilter,
	propertiesOf,
	readFilters,
	storeChoiceField,
	storeChoicesField,
	textFilter,
	wholeNumberField,
	type FormField,
} from '../common/formFields';
import { listOperation, simplifiedBy } from '../common/lists';
import { includeOptions, includeParameter } from './includes';
import { SIMPLE_PRODUCT_FIELDS, toSimpleProduct } from './simplify';
import { itemParameter } from '../common/parameters';

const filters: FormField[] = [
	storeChoiceField('Brand Name or ID', 'brandId', 'getBrands', { key: 'brand_id' }),
	storeChoicesField('Category Names or IDs', 'categories', 'getCategories', {
		key: 'categories:in',
		label: 'Category Names or IDs',
	}),
	storeChoicesField('Channel Names or IDs', 'channelIds', 'getChannels', {
		key: 'channel_id:in',
		lead: 'Only products listed on one of these storefronts or marketplaces',
	}),
	idsFilter('IDs', 'ids', 'Only the products with these IDs, separated by commas', {
		placeholder: 'e.g. 111, 112, 113',
		key: 'id:in',
	}),
	wholeNumberField('Inventory Level At Least', 'minInventoryLevel', 'Only products with at least this much stock', {
		min: 0,
		key: 'inventory_level:min',
	}),
	wholeNumberField('Inventory Level At Most', 'maxInventoryLevel', 'Only products with at most this much stock', {
		min: 0,
		key: 'inventory_level:max',
	}),
	flagFilter('Is Visible', 'isVisible', 'Whether to return only products shown on the storefront (or only hidden ones)', {
		key: 'is_visible',
	}),
	textFilter('Keyword', 'keyword', 'Words found in the name, description, SKU or brand name', { placeholder: 'e.g. tote' }),
	dateFilter('Modified After', 'minDateModified', 'Only products last changed at or after this time', {
		api: 'v3',
		key: 'date_modified:min',
	}),
	dateFilter('Modified Before', 'maxDateModified', 'Only products last changed at or before this time', {
		api: 'v3',
		key: 'date_modified:max',
	}),
	textFilter('Name', 'name', 'Only the product with exactly this name', { placeholder: 'e.g. Canvas Tote Bag' }),
	textFilter(
		'SKU',
		'sku',
		"Only the product with this SKU (products' own SKUs; find variant SKUs with Product Variant > Get Many)",
		{ placeholder: 'e.g. TOTE-NAT-01' },
	),
	choiceField(
		'Type',
		'type',
		'Only physical or only digital products',
		[
			{ name: 'Digital', value: 'digital' },
			{ name: 'Physical', value: 'physical' },
		],
		{ default: 'physical' },
	),
];

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	simplifyProperty,
	filtersCollection(propertiesOf(filters)),
	optionsCollection([
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			default: 'asc',
			description: 'The order of the sort',
		},
		...includeOptions,
		{
			displayName: 'Sort By',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Date Modified', value: 'date_modified' },
				{ name: 'ID', value: 'id' },
				{ name: 'Inventory Level', value: 'inventory_level' },
				{ name: 'Name', value: 'name' },
				{ name: 'Price', value: 'price' },
				{ name: 'SKU', value: 'sku' },
				{ name: 'Total Sold', value: 'total_sold' },
			],
			default: 'id',
			description: 'The field to sort the products by',
		},
	]),
];

export const description = showFor({ show: { resource: ['product'], operation: ['getAll'] } }, properties);

/** Lists products at 250 per page (BigCommerce's largest), reading no more pages than Limit needs. */
export const execute = listOperation((context, itemIndex) => {
	const qs = readFilters(context, filters, itemIndex);
	const options = itemParameter(context, 'options', itemIndex, {}) as IDataObject;
	if (options.sort) qs.sort = options.sort;
	if (options.direction) qs.direction = options.direction;
	const include = includeParameter(options);
	if (include) qs.include = include;
	const shape = simplifiedBy(context, itemIndex, toSimpleProduct);
	if (shape) qs.include_fields = SIMPLE_PRODUCT_FIELDS.join(',');
	return { style: 'v3Page', path: '/v3/catalog/products', qs, maxPageSize: 250, shape };
});
