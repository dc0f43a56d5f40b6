import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { executePerItem } from '../common/items';
import { readVariantOfProduct, variantOfProductProperties } from './variantFields';

const properties: INodeProperties[] = variantOfProductProperties;

export const description = showFor({ show: { resource: ['productVariant'], operation: ['delete'] } }, properties);

/** Deletes one variant per request (BigCommerce has no batch delete for variants). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const { variantId, path } = readVariantOfProduct(this, itemIndex);
		await bigCommerceRequest.call(this, { method: 'DELETE', path, itemIndex });
		return { deleted: true, id: variantId };
	});
}
