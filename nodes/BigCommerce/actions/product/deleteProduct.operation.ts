import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { BATCH_LIMITS, bigCommerceRequest } from '../../transport';
import { idLocator } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executeBatched } from '../common/items';
import { readId } from '../common/inputs';

const properties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product to delete, with its variants and images',
	}),
];

export const description = showFor({ show: { resource: ['product'], operation: ['delete'] } }, properties);

/**
 * Deletes products 250 per request across the input items. BigCommerce answers 204 for the
 * whole list and does not say which IDs did not exist, so every ID is reported as deleted:
 * after the run, none of them is in the store.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const run = executeBatched<number, number>;
	return await run.call(this, items, {
		batchSize: BATCH_LIMITS.deleteIds,
		build: (itemIndex) => readId(this, 'productId', itemIndex, 'Product ID'),
		send: async (ids) => {
			await bigCommerceRequest.call(this, {
				method: 'DELETE',
				path: '/v3/catalog/products',
				qs: { 'id:in': [...new Set(ids)].join(',') },
			});
			return ids;
		},
		output: (id) => ({ deleted: true, id }),
	});
}
