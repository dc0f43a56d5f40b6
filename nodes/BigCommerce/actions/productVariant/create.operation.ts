import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { createOnce } from '../common/createOnce';
import { additionalFieldsCollection, idLocator, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItemReadFirst } from '../common/items';
import { readId, toText } from '../common/inputs';
import { toSimpleVariant } from './simplify';
import { skuField, toVariantBody, variantFieldOptions } from './variantFields';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product to add the variant to',
	}),
	{ ...skuField, required: true },
	{
		displayName: 'Option Values',
		name: 'optionValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Option Value',
		default: {},
		required: true,
		description: 'The option combination this variant sells, e.g. Color: Red and Size: M',
		options: [
			{
				displayName: 'Option Value',
				name: 'optionValue',
				values: [
					{
						displayName: 'Option Name',
						name: 'optionName',
						type: 'string',
						default: '',
						placeholder: 'e.g. Color',
						description: 'The option as shoppers see it; a new name adds the option to the product',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Red',
						description: 'The value of the option; a new value is added to the option',
					},
				],
			},
		],
	},
	simplifyProperty,
	additionalFieldsCollection(variantFieldOptions()),
];

export const description = showFor({ show: { resource: ['productVariant'], operation: ['create'] } }, properties);

interface NewVariant {
	productId: number;
	body: IDataObject;
}

function readNewVariant(context: IExecuteFunctions, itemIndex: number): NewVariant {
	const productId = readId(context, 'productId', itemIndex, 'Product ID');
	const sku = toText(context, itemParameter(context, 'sku', itemIndex), 'SKU', itemIndex);
	const entries = ((itemParameter(context, 'optionValues', itemIndex, {}) as IDataObject).optionValue ?? []) as IDataObject[];
	if (!Array.isArray(entries) || !entries.length) {
		throw new NodeOperationError(context.getNode(), 'Add at least one option value, e.g. Color: Red', {
			itemIndex,
			description: 'A variant is one combination of option values, so it needs at least one.',
		});
	}
	const optionValues = entries.map((entry, position) => ({
		option_display_name: toText(context, entry.optionName, `Option Name of option value ${position + 1}`, itemIndex),
		label: toText(context, entry.value, `Value of option value ${position + 1}`, itemIndex),
	}));
	const additionalFields = itemParameter(context, 'additionalFields', itemIndex, {}) as IDataObject;
	return { productId, body: { ...toVariantBody(context, additionalFields, itemIndex), sku, option_values: optionValues } };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Every item's input is checked before the first variant is created.
	return await executePerItemReadFirst(this, items, {
		read: (itemIndex: number) => readNewVariant(this, itemIndex),
		run: async ({ productId, body }: NewVariant, itemIndex: number) => {
			const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
			const variant = await createOnce(this, {
				describe: (found) => `variant ${String(found.id)} (SKU ${String(found.sku)})`,
				create: async () => {
					const answer = await bigCommerceApiRequest.call(this, {
						method: 'POST',
						path: `/v3/catalog/products/${productId}/variants`,
						body,
						itemIndex,
					});
					return answer.data as IDataObject;
				},
				// SKUs are unique in the store: finding it means the lost request saved the variant.
				lookup: async () => {
					const answer = await bigCommerceApiRequest.call(this, {
						method: 'GET',
						path: '/v3/catalog/variants',
						qs: { sku: body.sku, 'product_id:in': productId },
						itemIndex,
					});
					const data = answer.data;
					return Array.isArray(data) && data.length ? (data[0] as IDataObject) : undefined;
				},
			});
			return simplify ? toSimpleVariant(variant) : variant;
		},
	});
}
