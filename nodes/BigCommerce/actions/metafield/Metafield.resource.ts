import type { INodeProperties } from 'n8n-workflow';

import * as deleteMetafield from './deleteMetafield.operation';
import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export { deleteMetafield as delete, getAll, upsert };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Metafield';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['metafield'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a metafield',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete metafields by ID, or by owner, namespace and key',
				action: 'Delete a metafield',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the metafields of a record, or of every record of a kind',
				action: 'Get many metafields',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
	...getAll.description,
	...deleteMetafield.description,
];
