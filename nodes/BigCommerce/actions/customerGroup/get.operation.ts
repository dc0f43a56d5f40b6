import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { GROUPS_PATH, customerGroupIdLocator } from './fields';

const properties: INodeProperties[] = [customerGroupIdLocator];

export const description = showFor({ show: { resource: ['customerGroup'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'customerGroupId', itemIndex, 'Customer Group ID');
	return await bigCommerceApiRequest.call(this, { method: 'GET', path: `${GROUPS_PATH}/${id}`, itemIndex });
}
