import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { showFor } from '../common/displayOptions';
import { channelAssignmentProperties, removeFromChannels } from './channelAssignments';

export const description = showFor(
	{ show: { resource: ['product'], operation: ['removeFromChannel'] } },
	channelAssignmentProperties('remove'),
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await removeFromChannels(this, items);
}
