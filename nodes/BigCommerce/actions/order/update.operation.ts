import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { simplifyProperty, updateFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId, toText } from '../common/inputs';
import { orderIdLocator } from './orderIdLocator';
import { customerMessageField, ORDER_TEXT_FIELDS, paymentMethodField, staffNotesField } from './orderFields';
import { resolveOrderStatuses } from './statuses';
import { toSimpleOrder } from './toSimpleOrder';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	orderIdLocator('The order to update'),
	{
		displayName:
			'Line items are not offered here: changing them through the API clears the discounts and promotions applied to the order',
		name: 'lineItemsNotice',
		type: 'notice',
		default: '',
	},
	updateFieldsCollection([
		customerMessageField,
		{
			displayName: 'External ID',
			name: 'external_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. ERP-10042',
			description:
				'The order\'s ID in another system, such as an ERP or marketplace; BigCommerce keeps it as external_order_id',
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
				'The new status (an expression may give its name, e.g. Shipped); BigCommerce sends the customer the e-mail set up for it. Setting Shipped before the order has a shipment e-mails the customer without tracking: create the shipment with its tracking number instead (Shipment > Create). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
	simplifyProperty,
];

export const description = showFor({ show: { resource: ['order'], operation: ['update'] } }, properties);

const TEXT_FIELDS = ORDER_TEXT_FIELDS;

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', itemIndex, 'Order ID');
	const fields = itemParameter(this, 'updateFields', itemIndex, {}) as IDataObject;
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;

	const body: IDataObject = {};
	for (const [name, [field, displayName]] of Object.entries(TEXT_FIELDS)) {
		// Empty text is allowed: it clears the field.
		if (fields[name] !== undefined) body[field] = toText(this, fields[name], displayName, itemIndex, false);
	}
	const status = typeof fields.status_id === 'string' ? fields.status_id.trim() : fields.status_id;
	// Checked after the other fields so a bad one is refused before the store's statuses are read.
	if (status !== undefined && status !== '') {
		[body.status_id] = await resolveOrderStatuses(this, [status], 'Status', itemIndex);
	}
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Add at least one field to Update Fields', {
			itemIndex,
			description: 'Choose what to change, e.g. the status or the staff notes.',
		});
	}

	const order = await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		path: `/v2/orders/${orderId}`,
		body,
		itemIndex,
	});
	return simplify ? toSimpleOrder(order) : order;
}
