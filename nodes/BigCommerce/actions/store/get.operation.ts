import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { executePerItem } from '../common/items';

const properties: INodeProperties[] = [];

export const description = showFor({ show: { resource: ['store'], operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) =>
		await bigCommerceApiRequest.call(this, { method: 'GET', path: '/v2/store', itemIndex }),
	);
}

