import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItemReadFirst } from '../common/items';
import { GROUPS_PATH, groupFields, toGroupBody, writeGroup } from './fields';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Wholesale',
		description: 'The group\'s name, unique in the store',
	},
	additionalFieldsCollection(groupFields),
];

export const description = showFor({ show: { resource: ['customerGroup'], operation: ['create'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Check every item first: a bad Discount Rules field stops the node before anything is created.
	return await executePerItemReadFirst(this, items, {
		read: (itemIndex) =>
			toGroupBody(
				this,
				{
					...(itemParameter(this, 'additionalFields', itemIndex, {}) as IDataObject),
					name: itemParameter(this, 'name', itemIndex, ''),
				},
				itemIndex,
			),
		run: async (body, itemIndex) =>
			await writeGroup(
				this,
				{ method: 'POST', path: GROUPS_PATH, body, itemIndex },
				`Customer group "${String(body.name)}" was created`,
			),
	});
}
