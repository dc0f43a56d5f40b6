import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { orderIdLocator } from '../order/orderIdLocator';
import { readRefundItems, refundItemsProperties } from './refundItems';
import { quoteRefund } from './refunds';

const properties: INodeProperties[] = [orderIdLocator('The order to price a refund of'), ...refundItemsProperties];

export const description = showFor({ show: { resource: ['orderRefund'], operation: ['getQuote'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', itemIndex, 'Order ID');
	const items = await readRefundItems(this, orderId, itemIndex);
	return await quoteRefund(this, orderId, items, itemIndex);
}
