import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest, getAllItems } from '../../transport';
import { moneyToNumber } from '../common/conversions';
import { entriesOf, refuse, toDecimal, toId, toText, toWholeNumber } from '../common/inputs';
import { itemParameter } from '../common/parameters';

// BigCommerce refunds amounts to the cent and keeps a reason of at most 1,000 characters.
const MAX_REASON = 1000;
const cents = (amount: number) => Math.round(amount * 100) / 100;

/** What to refund: everything left, or items, shipping and order-level amounts; and why. */
export const refundItemsProperties: INodeProperties[] = [
	{
		displayName: 'Refund Everything Refundable',
		name: 'refundEverything',
		type: 'boolean',
		default: false,
		description:
			'Whether to refund all the order has left to refund (its total less earlier refunds) as one order-level amount, instead of the items below',
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add What to Refund',
		description: 'What to refund: line items by quantity, shipping, or an amount of the order',
		displayOptions: { show: { refundEverything: [false] } },
		options: [
			{
				displayName: 'Line Item',
				name: 'lineItem',
				values: [
					{
						displayName: 'Order Product ID',
						name: 'orderProductId',
						type: 'number',
						default: 0,
						description:
							'The line item\'s ID in the order (the ID of an entry in the order\'s products), not the catalog product ID',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'How many of the line item to refund, at the price paid',
					},
				],
			},
			{
				displayName: 'Order-Level Amount',
				name: 'orderAmount',
				values: [
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 0,
						description: 'An amount of the order to refund, e.g. a goodwill credit; tax is not recalculated',
					},
				],
			},
			{
				displayName: 'Shipping',
				name: 'shipping',
				values: [
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 0,
						description: 'How much of the shipping cost to refund',
					},
					{
						displayName: 'Shipping Address ID',
						name: 'shippingAddressId',
						type: 'number',
						default: 0,
						description:
							'The order shipping address whose shipping to refund; 0 for the order\'s only (or first) shipping address',
					},
				],
			},
		],
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		placeholder: 'e.g. Order cancelled at the customer\'s request',
		description: 'Why the order is refunded; kept with the refund (at most 1,000 characters)',
	},
];



function toAmount(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	const amount = toDecimal(context, value, label, itemIndex);
	if (amount <= 0) refuse(context, `${label} must be more than 0, got ${amount}`, itemIndex);
	if (cents(amount) !== amount) refuse(context, `${label} must be in whole cents (2 decimal places), got ${amount}`, itemIndex);
	return amount;
}

/** The order's first shipping address, for a shipping refund that names none. */
async function firstShippingAddress(context: IExecuteFunctions, orderId: number, itemIndex: number): Promise<number> {
	const addresses = await getAllItems.call(context, {
		style: 'v2Page',
		path: `/v2/orders/${orderId}/shipping_addresses`,
		limit: 1,
		itemIndex,
	});
	if (!addresses.length) refuse(context, `Order ${orderId} has no shipping address, so it has no shipping to refund`, itemIndex);
	return Number(addresses[0].id);
}

/** What the order has left to refund, as one order-level item. */
async function everythingLeft(context: IExecuteFunctions, orderId: number, itemIndex: number): Promise<IDataObject> {
	const order = await bigCommerceApiRequest.call(context, { method: 'GET', path: `/v2/orders/${orderId}`, itemIndex });
	const left = cents((moneyToNumber(order.total_inc_tax) ?? 0) - (moneyToNumber(order.refunded_amount) ?? 0));
	if (left <= 0) {
		refuse(context, `Order ${orderId} has nothing left to refund`, itemIndex, `Its total of ${String(order.total_inc_tax)} has been refunded already.`);
	}
	return { item_type: 'ORDER', item_id: orderId, amount: left };
}

/** Reads Reason, checked before any request. */
export function readReason(context: IExecuteFunctions, itemIndex: number): string {
	const reason = toText(context, itemParameter(context, 'reason', itemIndex, ''), 'Reason', itemIndex, false);
	if (reason.length > MAX_REASON) refuse(context, `Reason must be at most ${MAX_REASON} characters, got ${reason.length}`, itemIndex);
	return reason;
}

/**
 * The refund's items in the shape of BigCommerce's quote and refund requests. Every field is
 * checked before any request; the order is read only for Refund Everything Refundable, and its
 * shipping addresses only for a shipping refund that names no address.
 */
export async function readRefundItems(context: IExecuteFunctions, orderId: number, itemIndex: number): Promise<IDataObject[]> {
	const reason = readReason(context, itemIndex);
	const withReason = (item: IDataObject): IDataObject => (reason ? { ...item, reason } : item);
	if (itemParameter(context, 'refundEverything', itemIndex, false) === true) {
		return [withReason(await everythingLeft(context, orderId, itemIndex))];
	}

	const items = itemParameter(context, 'items', itemIndex, {}) as IDataObject;
	const lines = entriesOf(items, 'lineItem').map((line) => ({
		item_type: 'PRODUCT',
		item_id: toId(context, line.orderProductId, 'Items: Order Product ID', itemIndex),
		quantity: toWholeNumber(context, line.quantity, 'Items: Quantity', itemIndex, { min: 1 }),
	}));
	const seen = new Set<number>();
	for (const line of lines) {
		if (seen.has(line.item_id)) {
			refuse(context, `Items: order product ${line.item_id} is listed twice`, itemIndex, 'Give each line item once, with the whole quantity to refund.');
		}
		seen.add(line.item_id);
	}
	const amounts = entriesOf(items, 'orderAmount').map((entry) => ({
		item_type: 'ORDER',
		item_id: orderId,
		amount: toAmount(context, entry.amount, 'Items: Order-Level Amount', itemIndex),
	}));
	const shipping = entriesOf(items, 'shipping').map((entry) => ({
		amount: toAmount(context, entry.amount, 'Items: Shipping Amount', itemIndex),
		addressId:
			entry.shippingAddressId === undefined || entry.shippingAddressId === 0 || entry.shippingAddressId === ''
				? undefined
				: toId(context, entry.shippingAddressId, 'Items: Shipping Address ID', itemIndex),
	}));
	if (!lines.length && !amounts.length && !shipping.length) {
		refuse(context, 'Add at least one entry to Items, or turn on Refund Everything Refundable', itemIndex, 'Choose line items by quantity, shipping, or an order-level amount to refund.');
	}

	const shippingItems: IDataObject[] = [];
	let firstAddress: number | undefined;
	for (const entry of shipping) {
		const addressId = entry.addressId ?? (firstAddress ??= await firstShippingAddress(context, orderId, itemIndex));
		shippingItems.push({ item_type: 'SHIPPING', item_id: addressId, amount: entry.amount });
	}
	return [...lines, ...shippingItems, ...amounts].map(withReason);
}
