import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest, bigCommerceRequest, outcomeUnknown } from '../../transport';
import { additionalFieldsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { asNodeError, createOnce } from '../common/createOnce';
import { readId, toText } from '../common/inputs';
import { customerIdLocator } from '../customer/options';
import {
	billingAddressProperty,
	customerBillingAddress,
	lineItemsProperty,
	readBillingAddress,
	readLineItems,
	readShippingAddresses,
	shippingAddressesProperty,
} from './newOrder';
import { resolveOrderStatuses } from './statuses';
import { toSimpleOrder } from './toSimpleOrder';
import { customerMessageField, ORDER_TEXT_FIELDS, paymentMethodField, staffNotesField } from './orderFields';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'Order For',
		name: 'orderFor',
		type: 'options',
		options: [
			{ name: 'Existing Customer', value: 'customer', description: 'A customer account of the store' },
			{ name: 'Guest', value: 'guest', description: 'A shopper without an account, known by the billing address' },
		],
		default: 'guest',
		description: 'Who placed the order',
	},
	{ ...customerIdLocator, description: 'The customer who placed the order', displayOptions: { show: { orderFor: ['customer'] } } },
	lineItemsProperty,
	billingAddressProperty,
	shippingAddressesProperty,
	additionalFieldsCollection([
		customerMessageField,
		{
			displayName: 'External ID',
			name: 'external_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. AMZ-114-3941689',
			description:
				'The order\'s ID in the system it comes from (marketplace, ERP, POS); BigCommerce keeps it as external_order_id. An order is never created twice for the same external ID: one already in the store is reported instead.',
		},
		{
			displayName: 'External Source',
			name: 'external_source',
			type: 'string',
			default: '',
			placeholder: 'e.g. POS (Square)',
			description: 'The system the order comes from; M-MIG marks a historical order migrated from another platform',
		},
		paymentMethodField,
		staffNotesField,
		{
			displayName: 'Status Name or ID',
			name: 'status_id',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
			default: '',
			description:
				'The order\'s status (an expression may give its name, e.g. Awaiting Fulfillment); BigCommerce makes it Pending when none is given. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
	simplifyProperty,
];

export const description = showFor({ show: { resource: ['order'], operation: ['create'] } }, properties);

const TEXT_FIELDS: Record<string, [string, string]> = {
	...ORDER_TEXT_FIELDS,
	external_source: ['external_source', 'External Source'],
};

/** The order already in the store with this external ID, if any. */
async function orderWithExternalId(context: IExecuteFunctions, externalId: string, itemIndex: number): Promise<IDataObject | undefined> {
	const response = await bigCommerceRequest.call(context, {
		method: 'GET',
		path: '/v2/orders',
		qs: { external_order_id: externalId, limit: 1 },
		itemIndex,
	});
	return Array.isArray(response.body) ? (response.body[0] as IDataObject | undefined) : undefined;
}

async function readBody(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = itemParameter(context, 'additionalFields', itemIndex, {}) as IDataObject;
	// A status given by name is looked up in the store's statuses first, so that a wrong one is
	// refused naming Status; an ID is checked without a request.
	const status = typeof fields.status_id === 'string' ? fields.status_id.trim() : fields.status_id;
	const [statusId] = status === undefined || status === '' ? [] : await resolveOrderStatuses(context, [status], 'Status', itemIndex);
	const guest = itemParameter(context, 'orderFor', itemIndex, 'guest') === 'guest';
	const customerId = guest ? 0 : readId(context, 'customerId', itemIndex, 'Customer ID');
	const products = readLineItems(context, itemIndex);
	const billing = readBillingAddress(context, itemIndex, guest);
	const shippingAddresses = readShippingAddresses(context, itemIndex);

	const body: IDataObject = { customer_id: customerId, products };
	if (shippingAddresses.length) body.shipping_addresses = shippingAddresses;
	for (const [name, [field, displayName]] of Object.entries(TEXT_FIELDS)) {
		const text = toText(context, fields[name], displayName, itemIndex, false);
		if (text) body[field] = text;
	}
	if (statusId !== undefined) body.status_id = statusId;
	// Every field is checked by now: the customer's address is read only for valid input.
	body.billing_address = billing ?? (await customerBillingAddress(context, customerId, itemIndex));
	return body;
}

/**
 * Creates an order, never twice: with an External ID, an order already holding it is reported
 * instead, and after a failure whose outcome is unknown the store is checked for it before any
 * new try. Without one, such a failure is reported as "may have been created", not repeated.
 */
export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = await readBody(this, itemIndex);
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
	const externalId = body.external_order_id as string | undefined;
	const create = async () => await bigCommerceApiRequest.call(this, { method: 'POST', path: '/v2/orders', body, itemIndex });

	let order: IDataObject;
	if (externalId) {
		const existing = await orderWithExternalId(this, externalId, itemIndex);
		if (existing) {
			throw new NodeOperationError(this.getNode(), `Not created: order ${String(existing.id)} already has External ID ${externalId}`, {
				itemIndex,
				description: 'An order is created once per external ID, so running an import again creates nothing twice. Use Order Update to change the existing order.',
			});
		}
		order = await createOnce(this, {
			create,
			lookup: async () => await orderWithExternalId(this, externalId, itemIndex),
			checkedAbsent: true,
		});
	} else {
		try {
			order = await create();
		} catch (error) {
			const failure = asNodeError(this, error);
			if (!outcomeUnknown(failure)) throw failure;
			throw new NodeOperationError(this.getNode(), 'The order may have been created: check the store\'s orders before running this item again', {
				itemIndex,
				description:
					'The connection failed after the order was sent, so BigCommerce may have saved it. It was not sent again. Give orders an External ID so that a later run can tell which exist.',
			});
		}
	}
	return simplify ? toSimpleOrder(order) : order;
}
