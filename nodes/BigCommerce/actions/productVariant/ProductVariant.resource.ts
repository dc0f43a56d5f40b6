import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteVariant from './deleteVariant.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteVariant as delete, get, getAll, update };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Product Variant';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['productVariant'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a variant (one option combination with its own SKU) to a product',
				action: 'Create a product variant',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a variant of a product',
				action: 'Delete a product variant',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a variant of a product',
				action: 'Get a product variant',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List a product's variants",
				action: 'Get many product variants',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Update a variant's SKU, price, stock or identifiers",
				action: 'Update a product variant',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteVariant.description,
];
