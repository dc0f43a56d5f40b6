import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executeBatched, type BatchedWrite } from '../common/items';
import { readId } from '../common/inputs';
import { outputOf, putBatchById, type RecordAnswer } from '../product/batchUpdate';
import { toSimpleVariant } from './simplify';
import { skuField, toVariantBody, VARIANT_ID_PROPERTY, variantFieldOptions } from './variantFields';

const properties: INodeProperties[] = [
	{
		...VARIANT_ID_PROPERTY,
		description: 'The numeric ID of the variant; variant IDs are unique in the store, so no product is needed',
	},
	simplifyProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: variantFieldOptions([skuField]),
	},
];

export const description = showFor({ show: { resource: ['productVariant'], operation: ['update'] } }, properties);

// Variants PUT takes at most 50 per request.
const BATCH_SIZE = 50;

/** Updates variants 50 per request across the input items, one output item per input item. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const write: BatchedWrite<IDataObject, RecordAnswer> = {
		batchSize: BATCH_SIZE,
		isolateFailures: true,
		build: (itemIndex) => {
			const id = readId(this, 'variantId', itemIndex, 'Variant ID');
			const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const body = toVariantBody(this, updateFields, itemIndex);
			if (!Object.keys(body).length) {
				throw new NodeOperationError(this.getNode(), 'Add at least one field to update', {
					itemIndex,
					description: 'Choose the fields to change under Update Fields.',
				});
			}
			return { id, ...body };
		},
		send: async (records) => await putBatchById.call(this, '/v3/catalog/variants', records),
		output: (answer, itemIndex) => {
			const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
			return outputOf(this, answer, itemIndex, (record) => (simplify ? toSimpleVariant(record) : record));
		},
	};
	const run = executeBatched<IDataObject, RecordAnswer>;
	return await run.call(this, items, write);
}
