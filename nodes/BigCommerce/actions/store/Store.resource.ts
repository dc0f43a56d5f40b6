import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Store';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['store'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the store\'s name, domain, plan, currency and settings',
				action: 'Get store information',
			},
		],
		default: 'get',
	},
	...get.description,
];
