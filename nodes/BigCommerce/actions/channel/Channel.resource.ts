import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Channel';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['channel'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the store\'s sales channels (storefronts, marketplaces, POS)',
				action: 'Get many channels',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
