import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filtersCollection, idLocator, returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { textFilter } from '../common/formFields';
import { readId } from '../common/inputs';
import { listOperation, simplifiedBy, toList } from '../common/lists';
import { toSimpleVariant } from './simplify';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product whose variants to list',
	}),
	...returnAllOrLimit(),
	simplifyProperty,
	filtersCollection([
		textFilter('SKUs', 'skus', 'Only the variants with these SKUs, separated by commas', {
			placeholder: 'e.g. TOTE-RED-M, TOTE-RED-L',
		}).property,
	]),
];

export const description = showFor({ show: { resource: ['productVariant'], operation: ['getAll'] } }, properties);

/** Lists a product's variants at 250 per page, reading no more pages than Limit needs. */
export const execute = listOperation((context, itemIndex) => {
	const productId = readId(context, 'productId', itemIndex, 'Product ID');
	const filters = itemParameter(context, 'filters', itemIndex, {}) as IDataObject;
	const skus = toList(filters.skus);
	// The product's own list answers 404 for a missing product; SKU filters need the store-wide list.
	const source = skus.length
		? { path: '/v3/catalog/variants', qs: { 'product_id:in': productId, 'sku:in': skus.join(',') } }
		: { path: `/v3/catalog/products/${productId}/variants`, qs: {} };
	return { style: 'v3Page', ...source, maxPageSize: 250, shape: simplifiedBy(context, itemIndex, toSimpleVariant) };
});
