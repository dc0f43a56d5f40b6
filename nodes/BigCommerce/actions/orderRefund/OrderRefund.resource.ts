import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as getQuote from './getQuote.operation';

export { create, getAll, getQuote };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Order Refund';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['orderRefund'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Refund items, shipping or an amount of an order: quoted first, then refunded exactly as quoted',
				action: 'Refund an order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the refunds of an order, or of the store in a date range',
				action: 'Get many order refunds',
			},
			{
				name: 'Get Quote',
				value: 'getQuote',
				description: 'Price a refund without making it: amounts, tax and the ways it can be paid back',
				action: 'Get a refund quote',
			},
		],
		default: 'getQuote',
	},
	...create.description,
	...getAll.description,
	...getQuote.description,
];
