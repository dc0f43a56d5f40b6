import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executeBatched, type BatchedWrite } from '../common/items';
import { readId } from '../common/inputs';
import { outputOf, putBatchById, type RecordAnswer } from './batchUpdate';
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
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions({
			extra: [
				{ ...nameProperty, required: false },
				typeProperty,
				{ ...weightProperty, required: false },
				{ ...priceProperty, required: false },
			],
			describe: UPDATE_WORDING,
		}),
	},
];

export const description = showFor({ show: { resource: ['product'], operation: ['update'] } }, properties);

// Products PUT takes at most 10 per request.
const BATCH_SIZE = 10;

/** Updates products 10 per request across the input items, one output item per input item. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const write: BatchedWrite<IDataObject, RecordAnswer> = {
		batchSize: BATCH_SIZE,
		isolateFailures: true,
		build: (itemIndex) => {
			const id = readId(this, 'productId', itemIndex, 'Product ID');
			const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const body = toProductBody(this, updateFields, itemIndex);
			if (!Object.keys(body).length) {
				throw new NodeOperationError(this.getNode(), 'Add at least one field to update', {
					itemIndex,
					description: 'Choose the fields to change under Update Fields.',
				});
			}
			return { id, ...body };
		},
		send: async (records) => await putBatchById.call(this, '/v3/catalog/products', records),
		output: (answer, itemIndex) => {
			const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
			return outputOf(this, answer, itemIndex, (record) => (simplify ? toSimpleProduct(record) : record));
		},
	};
	const run = executeBatched<IDataObject, RecordAnswer>;
	return await run.call(this, items, write);
}
