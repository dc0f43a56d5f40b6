import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest, outcomeUnknown } from '../../transport';
import { asNodeError } from '../common/createOnce';

/** A refund quote as BigCommerce answers it: the total, tax and the ways it may be paid back. */
export interface RefundQuote extends IDataObject {
	total_refund_amount: number;
	refund_methods: IDataObject[][];
}

/** Prices the items (no money moves): the quote a refund must match. */
export async function quoteRefund(
	context: IExecuteFunctions,
	orderId: number,
	items: IDataObject[],
	itemIndex: number,
): Promise<RefundQuote> {
	const answer = await bigCommerceApiRequest.call(context, {
		method: 'POST',
		path: `/v3/orders/${orderId}/payment_actions/refund_quotes`,
		body: { items },
		itemIndex,
		// A quote creates nothing: it may be asked again after a transient failure.
		repeatable: true,
	});
	const quote = (answer.data ?? {}) as RefundQuote;
	if (!Array.isArray(quote.refund_methods)) quote.refund_methods = [];
	return quote;
}

function providersOf(quote: RefundQuote): string {
	return quote.refund_methods.map((method) => method.map((option) => String(option.provider_id)).join(' + ')).join(', ');
}

// Store credit and "custom" (marked as refunded outside BigCommerce) are offered for every
// order; the order's own payment provider, when offered, is the one it was paid with.
const FALLBACK_PROVIDERS = ['storecredit', 'custom'];

/**
 * The payments of the refund: one refund method of the quote, with the quote's amounts. The
 * provider the user chose must be one the quote offers; otherwise the order's own payment
 * method, else the quote's first.
 */
export function choosePayments(
	context: IExecuteFunctions,
	quote: RefundQuote,
	providerId: string,
	orderId: number,
	itemIndex: number,
): IDataObject[] {
	const methods = quote.refund_methods.filter((method) => Array.isArray(method) && method.length > 0);
	if (!methods.length) {
		throw new NodeOperationError(context.getNode(), `BigCommerce offers no way to refund order ${orderId}`, {
			itemIndex,
			description: 'Its refund quote lists no refund method: the order may have no captured payment.',
		});
	}
	let method: IDataObject[] | undefined;
	if (providerId) {
		method = methods.find((candidate) => candidate.some((option) => option.provider_id === providerId));
		if (!method) {
			throw new NodeOperationError(context.getNode(), `Refund Provider "${providerId}" is not offered for order ${orderId}`, {
				itemIndex,
				description: `The refund quote offers: ${providersOf(quote)}. Nothing was refunded.`,
			});
		}
	} else {
		method =
			methods.find((candidate) => candidate.every((option) => !FALLBACK_PROVIDERS.includes(String(option.provider_id)))) ??
			methods[0];
	}
	return method.map((option) => ({ provider_id: option.provider_id, amount: option.amount, offline: option.offline === true }));
}

/**
 * Sends the refund, once: a refund moves money, so it is never repeated. When the connection
 * fails after it was sent (or BigCommerce answers 5xx), whether it was made is unknown: the
 * item says so, with the order to check.
 */
export async function sendRefund(
	context: IExecuteFunctions,
	orderId: number,
	body: IDataObject,
	total: number,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		const answer = await bigCommerceApiRequest.call(context, {
			method: 'POST',
			path: `/v3/orders/${orderId}/payment_actions/refunds`,
			body,
			itemIndex,
		});
		return (answer.data ?? {}) as IDataObject;
	} catch (error) {
		const failure = asNodeError(context, error);
		// Refused (4xx) or never sent: nothing was refunded, and BigCommerce's words say why.
		if (!outcomeUnknown(failure)) throw failure;
		const cause = failure.message;
		throw new NodeOperationError(context.getNode(), `The refund may have been created: check the order's refunds (order ${orderId})`, {
			itemIndex,
			description: `The refund of ${total.toFixed(2)} was sent, then the answer was lost (${cause}), so BigCommerce may have made it. It was not sent again. Look at order ${orderId}'s refunds (Order Refund > Get Many) before running this item again.`,
		});
	}
}
