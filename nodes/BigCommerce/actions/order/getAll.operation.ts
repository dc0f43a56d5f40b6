import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { paginate } from '../../transport';
import { returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readReturnAllOrLimit } from '../common/inputs';
import { executePerItem } from '../common/items';
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
	return await executePerItem.call(this, items, async (itemIndex) => {
		const { limit } = readReturnAllOrLimit(this, itemIndex);
		const qs = readOrderFilters(this, itemIndex);
		const includes = readIncludes(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

		const orders: IDataObject[] = [];
		// v2 pages hold at most 250 orders; transport stops on a short page or a 204.
		for await (const page of paginate.call(this, { style: 'v2Page', path: '/v2/orders', qs, limit, itemIndex })) {
			for (const order of page) {
				const full = await embedSubResources.call(this, order, includes, itemIndex);
				orders.push(simplify ? toSimpleOrder(full) : full);
			}
		}
		return orders;
	});
}
