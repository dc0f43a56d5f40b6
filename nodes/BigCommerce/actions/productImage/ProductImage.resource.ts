import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteImage from './deleteImage.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, deleteImage as delete, get, getAll };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Product Image';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['productImage'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add an image to a product, from a URL or a binary file',
				action: 'Create a product image',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an image of a product',
				action: 'Delete a product image',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an image of a product with its URLs',
				action: 'Get a product image',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List a product's images",
				action: 'Get many product images',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...deleteImage.description,
];
