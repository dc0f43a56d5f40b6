import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { toText } from '../common/inputs';
import { executeList } from '../common/lists';

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
	return await executeList.call(this, items, (itemIndex) => {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.name) qs.name = toText(this, filters.name, 'Name', itemIndex);
		if (filters.nameLike) qs['name:like'] = toText(this, filters.nameLike, 'Name Contains', itemIndex);
		return { style: 'v3Page', path: '/v3/catalog/brands', qs };
	});
}
