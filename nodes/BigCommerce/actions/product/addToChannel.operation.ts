import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { showFor } from '../common/displayOptions';
import { addToChannels, channelAssignmentProperties } from './channelAssignments';

export const description = showFor(
	{ show: { resource: ['product'], operation: ['addToChannel'] } },
	channelAssignmentProperties('add'),
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await addToChannels(this, items);
}
