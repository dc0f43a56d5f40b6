import type { IDataObject } from 'n8n-workflow';

import { bigCommerceApiRequest, type RequestContext } from '../../transport';
import { ALL_SUB_RESOURCES, embedSubResources, type OrderSubResource } from './subResources';

/** One order with the sub-resources asked for in place of their links: Order Get and the trigger read it so. */
export async function readOrder(
	this: RequestContext,
	orderId: number,
	subResources: OrderSubResource[] = ALL_SUB_RESOURCES,
	itemIndex?: number,
): Promise<IDataObject> {
	const order = await bigCommerceApiRequest.call(this, { method: 'GET', path: `/v2/orders/${orderId}`, itemIndex });
	return await embedSubResources.call(this, order, subResources, itemIndex);
}
