import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItemReadFirst } from '../common/items';
import { readId } from '../common/inputs';
import { GROUPS_PATH, customerGroupIdLocator, groupFields, toGroupBody, writeGroup } from './fields';
import { itemParameter } from '../common/parameters';

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Wholesale',
	description: 'The group\'s new name, unique in the store',
};

const properties: INodeProperties[] = [
	customerGroupIdLocator,
	updateFieldsCollection([...groupFields, nameField].sort((a, b) => a.displayName.localeCompare(b.displayName))),
];

export const description = showFor({ show: { resource: ['customerGroup'], operation: ['update'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Check every item first: bad input stops the node before anything is changed.
	return await executePerItemReadFirst(this, items, {
		read: (itemIndex) => {
			const id = readId(this, 'customerGroupId', itemIndex, 'Customer Group ID');
			const body = toGroupBody(this, itemParameter(this, 'updateFields', itemIndex, {}) as IDataObject, itemIndex);
			if (Object.keys(body).length === 0) {
				throw new NodeOperationError(this.getNode(), 'Update Fields is empty: nothing to change', {
					itemIndex,
					description: 'Add at least one field under Update Fields.',
				});
			}
			return { id, body };
		},
		run: async ({ id, body }, itemIndex) =>
			await writeGroup(
				this,
				{ method: 'PUT', path: `${GROUPS_PATH}/${id}`, body, itemIndex },
				`Customer group ${id} was updated`,
			),
	});
}
