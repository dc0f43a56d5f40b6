import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executeList } from '../common/lists';
import { orderFilters, readOrderFilters } from './filters';
import { embedSubResources, includeOptions, readIncludes } from './subResources';
import { toSimpleOrder } from './toSimpleOrder';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	orderFilters,
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: includeOptions(true),
	},
];

export const description = showFor({ show: { resource: ['order'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeList.call(this, items, (itemIndex) => {
		const qs = readOrderFilters(this, itemIndex);
		const includes = readIncludes(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		// v2 pages hold at most 250 orders; transport stops on a short page or a 204.
		return {
			style: 'v2Page',
			path: '/v2/orders',
			qs,
			shape: async (order) => {
				const full = await embedSubResources.call(this, order, includes, itemIndex);
				return simplify ? toSimpleOrder(full) : full;
			},
		};
	});
}
