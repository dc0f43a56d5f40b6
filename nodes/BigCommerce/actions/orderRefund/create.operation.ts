import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId, toText } from '../common/inputs';
import { orderIdLocator } from '../order/orderIdLocator';
import { readRefundItems, refundItemsProperties } from './refundItems';
import { choosePayments, quoteRefund, sendRefund } from './refunds';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	orderIdLocator('The order to refund'),
	...refundItemsProperties,
	optionsCollection([
		{
			displayName: 'Refund Provider',
			name: 'refundProvider',
			type: 'string',
			default: '',
			placeholder: 'e.g. storecredit',
			description:
				'The payment provider to refund with, as the refund quote names it (e.g. storecredit, or custom for a refund made outside BigCommerce). Empty refunds with the order\'s own payment method.',
		},
	]),
];

export const description = showFor({ show: { resource: ['orderRefund'], operation: ['create'] } }, properties);

/**
 * Quotes first, then refunds exactly the quote's total with one of its refund methods, so
 * BigCommerce never refuses the refund for want of a valid quote. The refund is sent once.
 */
export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', itemIndex, 'Order ID');
	const options = itemParameter(this, 'options', itemIndex, {}) as IDataObject;
	const providerId = toText(this, options.refundProvider, 'Refund Provider', itemIndex, false);
	const items = await readRefundItems(this, orderId, itemIndex);

	const quote = await quoteRefund(this, orderId, items, itemIndex);
	const payments = choosePayments(this, quote, providerId, orderId, itemIndex);
	return await sendRefund(this, orderId, { items, payments }, Number(quote.total_refund_amount), itemIndex);
}
