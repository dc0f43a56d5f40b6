import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { BATCH_LIMITS } from '../../transport';
import { executeUpdateById } from '../common/catalogBatchUpdate';
import { simplifyProperty, updateFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { toSimpleVariant } from './simplify';
import { skuField, toVariantBody, VARIANT_ID_PROPERTY, variantFieldOptions } from './variantFields';

const properties: INodeProperties[] = [
	{
		...VARIANT_ID_PROPERTY,
		description: 'The numeric ID of the variant; variant IDs are unique in the store, so no product is needed',
	},
	simplifyProperty,
	updateFieldsCollection(variantFieldOptions([skuField])),
];

export const description = showFor({ show: { resource: ['productVariant'], operation: ['update'] } }, properties);

/** Updates variants 50 per request across the input items, one output item per input item. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeUpdateById.call(this, items, {
		idParameter: 'variantId',
		idName: 'Variant ID',
		path: '/v3/catalog/variants',
		batchSize: BATCH_LIMITS.variants,
		toBody: toVariantBody,
		simplify: toSimpleVariant,
	});
}
