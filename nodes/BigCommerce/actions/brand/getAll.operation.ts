import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getAllItems } from '../../transport';
import { returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readReturnAllOrLimit, toText } from '../common/inputs';
import { executePerItem } from '../common/items';

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
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Acme',
				description: 'Only the brand with exactly this name',
			},
			{
				displayName: 'Name Contains',
				name: 'nameLike',
				type: 'string',
				default: '',
				placeholder: 'e.g. acme',
				description: 'Only brands whose name contains this text',
			},
		],
	},
];

export const description = showFor({ show: { resource: ['brand'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const { limit } = readReturnAllOrLimit(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.name) qs.name = toText(this, filters.name, 'Name', itemIndex);
		if (filters.nameLike) qs['name:like'] = toText(this, filters.nameLike, 'Name Contains', itemIndex);
		return await getAllItems.call(this, { style: 'v3Page', path: '/v3/catalog/brands', qs, limit, itemIndex });
	});
}
