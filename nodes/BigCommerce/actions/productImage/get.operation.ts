import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { IMAGE_ID_PROPERTY, imagesPath, productLocator, toSimpleImage } from './fields';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [productLocator('The product the image belongs to'), IMAGE_ID_PROPERTY, simplifyProperty];

export const description = showFor({ show: { resource: ['productImage'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = readId(this, 'productId', itemIndex, 'Product ID');
	const imageId = readId(this, 'imageId', itemIndex, 'Image ID');
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
	const answer = await bigCommerceApiRequest.call(this, { method: 'GET', path: `${imagesPath(productId)}/${imageId}`, itemIndex });
	const image = (answer.data ?? {}) as IDataObject;
	return simplify ? toSimpleImage(image) : image;
}
