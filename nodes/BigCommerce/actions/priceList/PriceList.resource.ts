import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deletePriceList from './deletePriceList.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deletePriceList as delete, get, getAll, update };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Price List';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priceList'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a price list, e.g. wholesale prices for a customer group',
				action: 'Create a price list',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a price list with all its prices and assignments',
				action: 'Delete a price list',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a price list by ID',
				action: 'Get a price list',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List price lists, filtered by name or ID',
				action: 'Get many price lists',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename a price list, or turn it on or off',
				action: 'Update a price list',
			},
		],
		default: 'get',
	},
	...create.description,
	...deletePriceList.description,
	...get.description,
	...getAll.description,
	...update.description,
];
