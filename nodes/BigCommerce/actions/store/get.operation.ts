import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { showFor } from '../common/displayOptions';

const properties: INodeProperties[] = [];

export const description = showFor({ show: { resource: ['store'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await bigCommerceApiRequest.call(this, { method: 'GET', path: '/v2/store', itemIndex });
}
