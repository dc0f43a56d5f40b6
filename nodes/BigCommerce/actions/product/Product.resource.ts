import type { INodeProperties } from 'n8n-workflow';

import * as addToChannel from './addToChannel.operation';
import * as create from './create.operation';
import * as deleteProduct from './deleteProduct.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as removeFromChannel from './removeFromChannel.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { addToChannel, create, deleteProduct as delete, get, getAll, removeFromChannel, update, upsert };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Product';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Add to Channel',
				value: 'addToChannel',
				description: 'List products on storefronts or marketplaces (channel assignments, in batches)',
				action: 'Add a product to channels',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a product',
				action: 'Create a product',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a product by SKU',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a product with its variants and images',
				action: 'Delete a product',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a product',
				action: 'Get a product',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List products, filtered by name, SKU, category, brand, stock or date',
				action: 'Get many products',
			},
			{
				name: 'Remove From Channel',
				value: 'removeFromChannel',
				description: 'Take products off storefronts or marketplaces (channel assignments, in batches)',
				action: 'Remove a product from channels',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a product',
				action: 'Update a product',
			},
		],
		default: 'create',
	},
	...create.description,
	...upsert.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteProduct.description,
	...addToChannel.description,
	...removeFromChannel.description,
];
