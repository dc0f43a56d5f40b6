import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItem } from '../common/items';
import { readEveryItem } from './readEveryItem';
import { createOnce } from './createOnce';
import { findProductByKey } from './lookups';
import {
	nameProperty,
	priceProperty,
	productFieldOptions,
	toProductBody,
	typeProperty,
	weightProperty,
} from './productFields';
import { toSimpleProduct } from './simplify';

const properties: INodeProperties[] = [
	nameProperty,
	typeProperty,
	weightProperty,
	priceProperty,
	simplifyProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions(),
	},
];

export const description = showFor({ show: { resource: ['product'], operation: ['create'] } }, properties);

/** Reads one item's product: the required fields and the additional ones. */
export function readNewProduct(context: IExecuteFunctions, itemIndex: number, extra: IDataObject = {}): IDataObject {
	const additionalFields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return toProductBody(
		context,
		{
			...additionalFields,
			...extra,
			name: context.getNodeParameter('name', itemIndex),
			type: context.getNodeParameter('type', itemIndex),
			weight: context.getNodeParameter('weight', itemIndex),
			price: context.getNodeParameter('price', itemIndex),
		},
		itemIndex,
	);
}

/** POSTs one product (BigCommerce creates one per request) without ever creating it twice. */
export async function createProduct(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	return await createOnce.call(this, itemIndex, {
		create: async () => {
			const answer = await bigCommerceApiRequest.call(this, {
				method: 'POST',
				path: '/v3/catalog/products',
				body,
				itemIndex,
			});
			return answer.data as IDataObject;
		},
		// SKUs and names are both unique: either finds the product if the lost request saved it.
		findExisting: async () =>
			await findProductByKey.call(
				this,
				body.sku ? { sku: String(body.sku) } : { name: String(body.name) },
				itemIndex,
			),
	});
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Every item's input is checked before the first product is created.
	const bodies = readEveryItem(this, items, (itemIndex) => readNewProduct(this, itemIndex));
	return await executePerItem.call(this, items, async (itemIndex) => {
		const body = bodies[itemIndex];
		if (body instanceof Error) throw body;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		const product = await createProduct.call(this, body, itemIndex);
		return simplify ? toSimpleProduct(product) : product;
	});
}
