import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { BATCH_LIMITS } from '../../transport';
import { executeUpdateById } from '../common/catalogBatchUpdate';
import { idLocator, simplifyProperty, updateFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import {
	nameProperty,
	priceProperty,
	productFieldOptions,
	toProductBody,
	typeProperty,
	UPDATE_WORDING,
	weightProperty,
} from './productFields';
import { toSimpleProduct } from './simplify';

const properties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product to update',
	}),
	simplifyProperty,
	updateFieldsCollection(productFieldOptions({
		extra: [
			{ ...nameProperty, required: false },
			typeProperty,
			{ ...weightProperty, required: false },
			{ ...priceProperty, required: false },
		],
		describe: UPDATE_WORDING,
	})),
];

export const description = showFor({ show: { resource: ['product'], operation: ['update'] } }, properties);

/** Updates products 10 per request across the input items, one output item per input item. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeUpdateById.call(this, items, {
		idParameter: 'productId',
		idName: 'Product ID',
		path: '/v3/catalog/products',
		batchSize: BATCH_LIMITS.products,
		toBody: toProductBody,
		simplify: toSimpleProduct,
	});
}
