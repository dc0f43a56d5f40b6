import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator, optionsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { includeOptions, includeParameter } from './includes';
import { readProduct } from './readProduct';
import { toSimpleProduct } from './simplify';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product to get',
	}),
	simplifyProperty,
	optionsCollection(includeOptions),
];

export const description = showFor({ show: { resource: ['product'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'productId', itemIndex, 'Product ID');
	const options = itemParameter(this, 'options', itemIndex, {}) as IDataObject;
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
	const product = await readProduct.call(this, id, includeParameter(options), itemIndex);
	return simplify ? toSimpleProduct(product) : product;
}
