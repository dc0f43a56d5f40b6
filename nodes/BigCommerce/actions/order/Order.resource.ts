import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, get, getAll, update };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Order';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an order for a customer or a guest, e.g. from a marketplace, ERP or POS',
				action: 'Create an order',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an order, optionally with its line items, shipping addresses and coupons',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List orders, filtered by status, date, customer or channel',
				action: 'Get many orders',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change an order\'s status, notes, message, payment method or external ID',
				action: 'Update an order',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
