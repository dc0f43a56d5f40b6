import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteShipment from './deleteShipment.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteShipment as delete, get, getAll, update };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Shipment';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shipment'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Ship an order\'s items with a tracking number; left empty, every item not shipped yet',
				action: 'Create a shipment',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a shipment; its items count as not shipped again',
				action: 'Delete a shipment',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a shipment of an order',
				action: 'Get a shipment',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the shipments of an order',
				action: 'Get many shipments',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a shipment\'s tracking number, provider, link or comments',
				action: 'Update a shipment',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteShipment.description,
	...get.description,
	...getAll.description,
	...update.description,
];
