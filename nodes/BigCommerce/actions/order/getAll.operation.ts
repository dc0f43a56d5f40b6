import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { listOperation } from '../common/lists';
import { orderFilters, readOrderFilters, resolveStatusFilter } from './filters';
import { lineItemRows, outputLineItemsOption } from './lineItemRows';
import { embedSubResources, includeOptions, readIncludes } from './subResources';
import { toSimpleOrder } from './toSimpleOrder';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	orderFilters,
	simplifyProperty,
	optionsCollection([...includeOptions(true), outputLineItemsOption]),
];

export const description = showFor({ show: { resource: ['order'], operation: ['getAll'] } }, properties);

// v2 pages hold at most 250 orders; transport stops on a short page or a 204.
export const execute = listOperation(async (context, itemIndex) => {
	const qs = await resolveStatusFilter(context, readOrderFilters(context, itemIndex), itemIndex);
	const options = itemParameter(context, 'options', itemIndex, {}) as IDataObject;
	const rowPerLine = options.outputLineItems === true;
	// A row per line item needs the lines: read with each order, as Include Products does.
	const includes = readIncludes(rowPerLine ? { ...options, includeProducts: true } : options);
	const simplify = itemParameter(context, 'simplify', itemIndex, true) as boolean;
	return {
		style: 'v2Page',
		path: '/v2/orders',
		qs,
		shape: async (order) => {
			const full = await embedSubResources.call(context, order, includes, itemIndex);
			const shaped = simplify ? toSimpleOrder(full) : full;
			return rowPerLine ? lineItemRows(shaped) : shaped;
		},
	};
});
