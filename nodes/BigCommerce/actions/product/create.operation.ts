import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { createOnce } from '../common/createOnce';
import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItemReadFirst } from '../common/items';
import { multiStatusReasons } from './batchUpdate';
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

/**
 * POSTs one product (BigCommerce creates one per request) without ever creating it twice.
 * `checkedAbsent`: the caller has just looked the SKU up and the store did not have it.
 */
export async function createProduct(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	checkedAbsent = false,
): Promise<IDataObject> {
	return await createOnce(this, {
		checkedAbsent,
		describe: (found) => `product ${String(found.id)} (${found.sku ? `SKU ${String(found.sku)}` : `named ${String(found.name)}`})`,
		create: async () => {
			const answer = await bigCommerceApiRequest.call(this, {
				method: 'POST',
				path: '/v3/catalog/products',
				body,
				itemIndex,
			});
			// 207: the product was saved but a secondary part (stock, custom URL) was not. BigCommerce
			// documents `errors` as one problem object (a list is read too), and `data` as a list.
			const warnings = multiStatusReasons(answer.errors);
			const product = (Array.isArray(answer.data) ? answer.data[0] : answer.data) as IDataObject;
			return { ...product, ...(warnings.length ? { warnings } : {}) };
		},
		// SKUs and names are both unique: either finds the product if the lost request saved it.
		lookup: async () =>
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
	return await executePerItemReadFirst(this, items, {
		read: (itemIndex: number) => readNewProduct(this, itemIndex),
		run: async (body: IDataObject, itemIndex: number) => {
			const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
			const product = await createProduct.call(this, body, itemIndex);
			return simplify ? toSimpleProduct(product) : product;
		},
	});
}
