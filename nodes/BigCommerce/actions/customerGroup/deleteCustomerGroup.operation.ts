import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { GROUPS_PATH, customerGroupIdLocator } from './fields';

const properties: INodeProperties[] = [
	{
		...customerGroupIdLocator,
		description: 'The customer group to delete; its members stay as customers without a group',
	},
];

export const description = showFor({ show: { resource: ['customerGroup'], operation: ['delete'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'customerGroupId', itemIndex, 'Customer Group ID');
	await bigCommerceRequest.call(this, { method: 'DELETE', path: `${GROUPS_PATH}/${id}`, itemIndex });
	return { deleted: true, id };
}
