import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getAllItems } from '../../transport';
import { returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItem } from '../common/items';
import { readReturnAllOrLimit } from '../common/inputs';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = showFor({ show: { resource: ['channel'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const { limit } = readReturnAllOrLimit(this, itemIndex);
		return await getAllItems.call(this, { style: 'v3Page', path: '/v3/channels', limit, itemIndex });
	});
}
