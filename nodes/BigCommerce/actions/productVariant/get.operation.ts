import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { idLocator, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executePerItem } from '../common/items';
import { readId } from '../common/inputs';
import { toSimpleVariant } from './simplify';
import { VARIANT_ID_PROPERTY } from './variantFields';

const properties: INodeProperties[] = [
	idLocator({
		name: 'productId',
		displayName: 'Product',
		searchListMethod: 'searchProducts',
		description: 'The product the variant belongs to',
	}),
	VARIANT_ID_PROPERTY,
	simplifyProperty,
];

export const description = showFor({ show: { resource: ['productVariant'], operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const productId = readId(this, 'productId', itemIndex, 'Product ID');
		const variantId = readId(this, 'variantId', itemIndex, 'Variant ID');
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		const answer = await bigCommerceApiRequest.call(this, {
			method: 'GET',
			path: `/v3/catalog/products/${productId}/variants/${variantId}`,
			itemIndex,
		});
		const variant = answer.data as IDataObject;
		return simplify ? toSimpleVariant(variant) : variant;
	});
}
