import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItemReadFirst } from '../common/items';
import { createProduct, readNewProduct } from './newProduct';
import { nameProperty, priceProperty, productFieldOptions, typeProperty, weightProperty } from './productFields';
import { toSimpleProduct } from './simplify';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	nameProperty,
	typeProperty,
	weightProperty,
	priceProperty,
	simplifyProperty,
	additionalFieldsCollection(productFieldOptions()),
];

export const description = showFor({ show: { resource: ['product'], operation: ['create'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Every item's input is checked before the first product is created.
	return await executePerItemReadFirst(this, items, {
		read: async (itemIndex: number) => await readNewProduct(this, itemIndex),
		run: async (body: IDataObject, itemIndex: number) => {
			const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
			const product = await createProduct.call(this, body, itemIndex);
			return simplify ? toSimpleProduct(product) : product;
		},
	});
}
