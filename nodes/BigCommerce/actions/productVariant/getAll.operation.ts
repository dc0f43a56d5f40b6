import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idLocator, returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { executeList, toList } from '../common/lists';
import { toSimpleVariant } from './simplify';

const properties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product whose variants to list',
	}),
	...returnAllOrLimit(),
	simplifyProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'SKUs',
				name: 'skus',
				type: 'string',
				default: '',
				placeholder: 'e.g. TOTE-RED-M, TOTE-RED-L',
				description: 'Only the variants with these SKUs, separated by commas',
			},
		],
	},
];

export const description = showFor({ show: { resource: ['productVariant'], operation: ['getAll'] } }, properties);

/** Lists a product's variants at 250 per page, reading no more pages than Limit needs. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeList.call(this, items, (itemIndex) => {
		const productId = readId(this, 'productId', itemIndex, 'Product ID');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		const skus = toList(filters.skus);
		// The product's own list answers 404 for a missing product; SKU filters need the store-wide list.
		const source = skus.length
			? { path: '/v3/catalog/variants', qs: { 'product_id:in': productId, 'sku:in': skus.join(',') } }
			: { path: `/v3/catalog/products/${productId}/variants`, qs: {} };
		return { style: 'v3Page', ...source, maxPageSize: 250, shape: simplify ? toSimpleVariant : undefined };
	});
}
