import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { paginate } from '../../transport';
import { returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readReturnAllOrLimit, toId, toText, toWholeNumber } from '../common/inputs';
import { executePerItem } from '../common/items';
import { toSimpleCategory } from './toSimpleCategory';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Is Visible',
				name: 'isVisible',
				type: 'boolean',
				default: true,
				description: 'Whether to list only categories shown on the storefront (or only hidden ones)',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Shoes',
				description: 'Only categories with exactly this name',
			},
			{
				displayName: 'Name Contains',
				name: 'nameLike',
				type: 'string',
				default: '',
				placeholder: 'e.g. shoe',
				description: 'Only categories whose name contains this text',
			},
			{
				displayName: 'Parent Category IDs',
				name: 'parentIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 18, 23',
				description: 'Only direct subcategories of these categories, separated by commas; 0 lists top-level categories',
			},
			{
				displayName: 'Tree IDs',
				name: 'treeIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1',
				description: 'Only categories of these category trees (one per storefront), separated by commas',
			},
		],
	},
	simplifyProperty,
];

export const description = showFor({ show: { resource: ['category'], operation: ['getAll'] } }, properties);

function listOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (value === undefined || value === null || value === '') return [];
	return String(value)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof filters.isVisible === 'boolean') qs.is_visible = filters.isVisible;
	if (filters.name) qs.name = toText(context, filters.name, 'Name', itemIndex);
	if (filters.nameLike) qs['name:like'] = toText(context, filters.nameLike, 'Name Contains', itemIndex);
	const parents = listOf(filters.parentIds).map((id) =>
		toWholeNumber(context, id, 'Parent Category IDs', itemIndex, { min: 0 }),
	);
	if (parents.length) qs['parent_id:in'] = parents.join(',');
	const trees = listOf(filters.treeIds).map((id) => toId(context, id, 'Tree IDs', itemIndex));
	if (trees.length) qs['tree_id:in'] = trees.join(',');
	return qs;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const { limit } = readReturnAllOrLimit(this, itemIndex);
		const qs = readFilters(this, itemIndex);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

		const categories: IDataObject[] = [];
		for await (const page of paginate.call(this, {
			style: 'v3Page',
			path: '/v3/catalog/trees/categories',
			qs,
			limit,
			itemIndex,
		})) {
			for (const category of page) categories.push(simplify ? toSimpleCategory(category) : category);
		}
		return categories;
	});
}
