import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { readVariantOfProduct, variantOfProductProperties } from './variantFields';

const properties: INodeProperties[] = variantOfProductProperties;

export const description = showFor({ show: { resource: ['productVariant'], operation: ['delete'] } }, properties);

/** Deletes one variant per request (BigCommerce has no batch delete for variants). */
export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { variantId, path } = readVariantOfProduct(this, itemIndex);
	await bigCommerceRequest.call(this, { method: 'DELETE', path, itemIndex });
	return { deleted: true, id: variantId };
}
