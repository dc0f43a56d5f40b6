import type { INodeProperties } from 'n8n-workflow';

import * as deleteRecords from './deleteRecords.operation';
import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export { deleteRecords as delete, getAll, upsert };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Price List Record';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priceListRecord'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a price list record',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove variants\' prices from a price list, by SKU or variant ID',
				action: 'Delete price list records',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List a price list\'s prices, filtered by SKU, variant or currency',
				action: 'Get many price list records',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
	...deleteRecords.description,
	...getAll.description,
];
