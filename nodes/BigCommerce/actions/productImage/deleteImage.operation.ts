import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { IMAGE_ID_PROPERTY, imagesPath, productLocator } from './fields';

const properties: INodeProperties[] = [
	productLocator('The product the image belongs to'),
	IMAGE_ID_PROPERTY,
];

export const description = showFor({ show: { resource: ['productImage'], operation: ['delete'] } }, properties);

/** Deletes one image per request (BigCommerce has no batch delete for images). */
export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = readId(this, 'productId', itemIndex, 'Product ID');
	const imageId = readId(this, 'imageId', itemIndex, 'Image ID');
	await bigCommerceRequest.call(this, { method: 'DELETE', path: `${imagesPath(productId)}/${imageId}`, itemIndex });
	return { deleted: true, id: imageId, product_id: productId };
}
