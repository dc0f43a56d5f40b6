import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteCustomerGroup from './deleteCustomerGroup.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteCustomerGroup as delete, get, getAll, update };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Customer Group';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customerGroup'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a customer group with its discounts and category access',
				action: 'Create a customer group',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a customer group; its members stay as customers',
				action: 'Delete a customer group',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a customer group by ID',
				action: 'Get a customer group',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List customer groups, filtered by name or default',
				action: 'Get many customer groups',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a customer group\'s name, discounts or category access',
				action: 'Update a customer group',
			},
		],
		default: 'get',
	},
	...create.description,
	...deleteCustomerGroup.description,
	...get.description,
	...getAll.description,
	...update.description,
];
