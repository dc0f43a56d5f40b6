import type { IDataObject } from 'n8n-workflow';

import { bigCommerceApiRequest, type RequestContext } from '../../transport';

/**
 * One product, with the sub-resources in `include` (BigCommerce's list, e.g. variants,images):
 * Product Get and the trigger read it so.
 */
export async function readProduct(
	this: RequestContext,
	productId: number,
	include: string | undefined,
	itemIndex?: number,
): Promise<IDataObject> {
	const answer = await bigCommerceApiRequest.call(this, {
		method: 'GET',
		path: `/v3/catalog/products/${productId}`,
		qs: include ? { include } : undefined,
		itemIndex,
	});
	return (answer.data ?? {}) as IDataObject;
}
