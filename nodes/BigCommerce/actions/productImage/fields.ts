import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toIsoDate } from '../common/conversions';
import { idLocator } from '../common/descriptions';

/** The product whose images an operation works on: the same locator as the product operations. */
export function productLocator(description: string): INodeProperties {
	return idLocator({ name: 'productId', displayName: 'Product', searchListMethod: 'searchProducts', description });
}

/** The Image ID parameter, read with readId. */
export const IMAGE_ID_PROPERTY: INodeProperties = {
	displayName: 'Image ID',
	name: 'imageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 382',
	description: 'The numeric ID of the image, as Get Many lists it',
};

export function imagesPath(productId: number): string {
	return `/v3/catalog/products/${productId}/images`;
}

/** An image without BigCommerce's file path and extra sizes: its ID, place, text and two URLs. */
export function toSimpleImage(image: IDataObject): IDataObject {
	return {
		id: image.id,
		product_id: image.product_id,
		is_thumbnail: image.is_thumbnail,
		sort_order: image.sort_order,
		description: image.description,
		url: image.url_standard ?? image.url_zoom ?? null,
		thumbnail_url: image.url_thumbnail ?? null,
		date_modified: toIsoDate(image.date_modified),
	};
}
