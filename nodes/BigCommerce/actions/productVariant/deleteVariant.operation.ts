import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { idLocator } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItem } from '../common/items';
import { readId } from '../common/inputs';
import { VARIANT_ID_PROPERTY } from './variantFields';

const properties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product the variant belongs to',
	}),
	VARIANT_ID_PROPERTY,
];

export const description = showFor({ show: { resource: ['productVariant'], operation: ['delete'] } }, properties);

/** Deletes one variant per request (BigCommerce has no batch delete for variants). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const productId = readId(this, 'productId', itemIndex, 'Product ID');
		const variantId = readId(this, 'variantId', itemIndex, 'Variant ID');
		await bigCommerceRequest.call(this, {
			method: 'DELETE',
			path: `/v3/catalog/products/${productId}/variants/${variantId}`,
			itemIndex,
		});
		return { deleted: true, id: variantId };
	});
}
