import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { toText, toWholeNumber } from '../common/inputs';
import { executeList, listOf, putList, toIds } from '../common/lists';
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

function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof filters.isVisible === 'boolean') qs.is_visible = filters.isVisible;
	if (filters.name) qs.name = toText(context, filters.name, 'Name', itemIndex);
	if (filters.nameLike) qs['name:like'] = toText(context, filters.nameLike, 'Name Contains', itemIndex);
	const parents = listOf(filters.parentIds).map((id) =>
		toWholeNumber(context, id, 'Parent Category IDs', itemIndex, { min: 0 }),
	);
	putList(qs, 'parent_id:in', parents);
	putList(qs, 'tree_id:in', toIds(context, listOf(filters.treeIds), 'Tree IDs', itemIndex));
	return qs;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeList.call(this, items, (itemIndex) => {
		const qs = readFilters(this, itemIndex);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return { style: 'v3Page', path: '/v3/catalog/trees/categories', qs, shape: simplify ? toSimpleCategory : undefined };
	});
}
