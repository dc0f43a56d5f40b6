import type { INodeProperties } from 'n8n-workflow';

import * as adjustLevel from './adjustLevel.operation';
import * as getAll from './getAll.operation';
import * as setLevel from './setLevel.operation';

export { adjustLevel, getAll, setLevel };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Inventory';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{
				name: 'Adjust Level',
				value: 'adjustLevel',
				description: 'Add to or remove from the stock at a location (relative)',
				action: 'Adjust stock level',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List stock levels by SKU and location',
				action: 'Get many stock levels',
			},
			{
				name: 'Set Level',
				value: 'setLevel',
				description: 'Set the stock at a location to a given quantity (absolute)',
				action: 'Set stock level',
			},
		],
		default: 'setLevel',
	},
	...setLevel.description,
	...adjustLevel.description,
	...getAll.description,
];
