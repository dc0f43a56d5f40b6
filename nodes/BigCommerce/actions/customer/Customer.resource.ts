import type { INodeProperties } from 'n8n-workflow';

import * as assignGroup from './assignGroup.operation';
import * as create from './create.operation';
import * as deleteCustomer from './deleteCustomer.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { assignGroup, create, deleteCustomer as delete, get, getAll, update, upsert };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Customer';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Assign to Group',
				value: 'assignGroup',
				description: 'Put customers into a customer group, ten per request',
				action: 'Assign a customer to a group',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create customers, ten per request',
				action: 'Create a customer',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a customer',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete customers',
				action: 'Delete a customer',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a customer by ID',
				action: 'Get a customer',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List customers, filtered by e-mail, name, company, group or dates',
				action: 'Get many customers',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change customers\' details, ten per request',
				action: 'Update a customer',
			},
		],
		default: 'create',
	},
	...assignGroup.description,
	...create.description,
	...deleteCustomer.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
