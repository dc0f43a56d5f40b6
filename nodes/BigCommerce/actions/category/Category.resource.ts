import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Category';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['category'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a product category',
				action: 'Get a category',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List product categories, filtered by name, parent, visibility or tree',
				action: 'Get many categories',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
