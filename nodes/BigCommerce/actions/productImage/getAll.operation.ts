import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { listOperation, simplifiedBy } from '../common/lists';
import { imagesPath, productLocator, toSimpleImage } from './fields';

const properties: INodeProperties[] = [
	productLocator('The product whose images to list'),
	...returnAllOrLimit(),
	simplifyProperty,
];

export const description = showFor({ show: { resource: ['productImage'], operation: ['getAll'] } }, properties);

/** Lists a product's images at 250 per page, reading no more pages than Limit needs. */
export const execute = listOperation((context, itemIndex) => {
	const productId = readId(context, 'productId', itemIndex, 'Product ID');
	return { style: 'v3Page', path: imagesPath(productId), maxPageSize: 250, shape: simplifiedBy(context, itemIndex, toSimpleImage) };
});
