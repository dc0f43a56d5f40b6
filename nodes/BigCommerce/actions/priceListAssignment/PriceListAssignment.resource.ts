import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteAssignments from './deleteAssignments.operation';
import * as getAll from './getAll.operation';

export { create, deleteAssignments as delete, getAll };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Price List Assignment';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priceListAssignment'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Assign a price list to a customer group, a channel, or a group on a channel',
				action: 'Create a price list assignment',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Unassign a price list from a customer group or channel',
				action: 'Delete a price list assignment',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List price list assignments, filtered by price list, customer group or channel',
				action: 'Get many price list assignments',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteAssignments.description,
	...getAll.description,
];
