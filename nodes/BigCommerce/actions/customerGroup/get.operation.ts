import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { executePerItem } from '../common/items';
import { readId } from '../common/inputs';
import { GROUPS_PATH, customerGroupIdLocator } from './fields';

const properties: INodeProperties[] = [customerGroupIdLocator];

export const description = showFor({ show: { resource: ['customerGroup'], operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const id = readId(this, 'customerGroupId', itemIndex, 'Customer Group ID');
		return await bigCommerceApiRequest.call(this, { method: 'GET', path: `${GROUPS_PATH}/${id}`, itemIndex });
	});
}
