import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { listOperation } from '../common/lists';
import { orderFilters, readOrderFilters, resolveStatusFilter } from './filters';
import { embedSubResources, includeOptions, readIncludes } from './subResources';
import { toSimpleOrder } from './toSimpleOrder';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	orderFilters,
	simplifyProperty,
	optionsCollection(includeOptions(true)),
];

export const description = showFor({ show: { resource: ['order'], operation: ['getAll'] } }, properties);

// v2 pages hold at most 250 orders; transport stops on a short page or a 204.
export const execute = listOperation(async (context, itemIndex) => {
	const qs = await resolveStatusFilter(context, readOrderFilters(context, itemIndex), itemIndex);
	const includes = readIncludes(context.getNodeParameter('options', itemIndex, {}) as IDataObject);
	const simplify = context.getNodeParameter('simplify', itemIndex, true) as boolean;
	return {
		style: 'v2Page',
		path: '/v2/orders',
		qs,
		shape: async (order) => {
			const full = await embedSubResources.call(context, order, includes, itemIndex);
			return simplify ? toSimpleOrder(full) : full;
		},
	};
});
