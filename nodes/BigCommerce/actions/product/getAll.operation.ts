import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toV3Date } from '../common/conversions';
import { returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { toDate, toId, toText, toWholeNumber } from '../common/inputs';
import { executeList, putList, toIds, toList } from '../common/lists';
import { includeOptions, includeParameter } from './includes';
import { toSimpleProduct } from './simplify';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	simplifyProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Brand Name or ID',
				name: 'brandId',
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
				displayName: 'IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 111, 112, 113',
				description: 'Only the products with these IDs, separated by commas',
			},
			{
				displayName: 'Is Visible',
				name: 'isVisible',
				type: 'boolean',
				default: true,
				description: 'Whether to return only products shown on the storefront (or only hidden ones)',
			},
			{
				displayName: 'Keyword',
				name: 'keyword',
				type: 'string',
				default: '',
				placeholder: 'e.g. tote',
				description: 'Words found in the name, description, SKU or brand name',
			},
			{
				displayName: 'Max Date Modified',
				name: 'maxDateModified',
				type: 'dateTime',
				default: '',
				description: 'Only products last changed at or before this time',
			},
			{
				displayName: 'Max Inventory Level',
				name: 'maxInventoryLevel',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Only products with at most this much stock',
			},
			{
				displayName: 'Min Date Modified',
				name: 'minDateModified',
				type: 'dateTime',
				default: '',
				description: 'Only products last changed at or after this time',
			},
			{
				displayName: 'Min Inventory Level',
				name: 'minInventoryLevel',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Only products with at least this much stock',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Canvas Tote Bag',
				description: 'Only the product with exactly this name',
			},
			{
				displayName: 'SKU',
				name: 'sku',
				type: 'string',
				default: '',
				placeholder: 'e.g. TOTE-NAT-01',
				description: "Only the product with this SKU (products' own SKUs; find variant SKUs with Product Variant > Get Many)",
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Digital', value: 'digital' },
					{ name: 'Physical', value: 'physical' },
				],
				default: 'physical',
				description: 'Only physical or only digital products',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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
		],
	},
];

export const description = showFor({ show: { resource: ['product'], operation: ['getAll'] } }, properties);

/** The query string of the chosen filters and options, every value checked first. */
function toQuery(context: IExecuteFunctions, filters: IDataObject, options: IDataObject, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	for (const [key, label] of [
		['name', 'Name'],
		['sku', 'SKU'],
		['keyword', 'Keyword'],
	]) {
		const value = toText(context, filters[key], label, itemIndex, false);
		if (value) qs[key] = value;
	}
	putList(qs, 'id:in', toIds(context, toList(filters.ids), 'IDs', itemIndex));
	putList(qs, 'categories:in', toIds(context, toList(filters.categories), 'Category Names or IDs', itemIndex));
	if (filters.brandId !== undefined && filters.brandId !== '') {
		qs.brand_id = toId(context, filters.brandId, 'Brand', itemIndex);
	}
	if (typeof filters.isVisible === 'boolean') qs.is_visible = filters.isVisible;
	if (filters.type !== undefined) {
		if (filters.type !== 'physical' && filters.type !== 'digital') {
			throw new NodeOperationError(context.getNode(), 'Type must be physical or digital', { itemIndex });
		}
		qs.type = filters.type;
	}
	if (filters.minInventoryLevel !== undefined) {
		qs['inventory_level:min'] = toWholeNumber(context, filters.minInventoryLevel, 'Min Inventory Level', itemIndex, { min: 0 });
	}
	if (filters.maxInventoryLevel !== undefined) {
		qs['inventory_level:max'] = toWholeNumber(context, filters.maxInventoryLevel, 'Max Inventory Level', itemIndex, { min: 0 });
	}
	// A bare date would get the current time of day appended by BigCommerce: send full date-times.
	if (filters.minDateModified) {
		qs['date_modified:min'] = toV3Date(toDate(context, filters.minDateModified, 'Min Date Modified', itemIndex));
	}
	if (filters.maxDateModified) {
		qs['date_modified:max'] = toV3Date(toDate(context, filters.maxDateModified, 'Max Date Modified', itemIndex));
	}
	if (options.sort) qs.sort = options.sort;
	if (options.direction) qs.direction = options.direction;
	const include = includeParameter(options);
	if (include) qs.include = include;
	return qs;
}

/** Lists products at 250 per page (BigCommerce's largest), reading no more pages than Limit needs. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeList.call(this, items, (itemIndex) => {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return {
			style: 'v3Page',
			path: '/v3/catalog/products',
			qs: toQuery(this, filters, options, itemIndex),
			maxPageSize: 250,
			shape: simplify ? toSimpleProduct : undefined,
		};
	});
}
