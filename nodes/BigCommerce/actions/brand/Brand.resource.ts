import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Brand';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['brand'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a brand',
				action: 'Get a brand',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the store\'s brands, optionally by name',
				action: 'Get many brands',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
