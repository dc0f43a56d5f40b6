import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executeList } from '../common/lists';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = showFor({ show: { resource: ['channel'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeList.call(this, items, () => ({ style: 'v3Page', path: '/v3/channels' }));
}
