import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { toText } from '../common/inputs';
import { executeList } from '../common/lists';
import { GROUPS_PATH } from './fields';

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
				displayName: 'Is Default',
				name: 'isDefault',
				type: 'boolean',
				default: true,
				description: 'Whether to return only the default group (true) or only the other groups (false)',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Wholesale',
				description: 'The exact group name',
			},
			{
				displayName: 'Name Contains',
				name: 'nameLike',
				type: 'string',
				default: '',
				placeholder: 'e.g. trade',
				description: 'Text found in the group name',
			},
		],
	},
];

export const description = showFor({ show: { resource: ['customerGroup'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeList.call(this, items, (itemIndex) => {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const name = toText(this, filters.name, 'Name', itemIndex, false);
		if (name) qs.name = name;
		const nameLike = toText(this, filters.nameLike, 'Name Contains', itemIndex, false);
		if (nameLike) qs['name:like'] = nameLike;
		if (filters.isDefault !== undefined) qs.is_default = Boolean(filters.isDefault);
		// v2 pages by page/limit (250 at most) and answers 204 past the last page.
		return { style: 'v2Page', path: GROUPS_PATH, qs, maxPageSize: 250 };
	});
}
