import type { INodeProperties } from 'n8n-workflow';

/** Order fields that Order Create and Order Update both write, declared once. */
export const customerMessageField: INodeProperties = {
	displayName: 'Customer Message',
	name: 'customer_message',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'The message the customer left with the order',
};

export const paymentMethodField: INodeProperties = {
	displayName: 'Payment Method',
	name: 'payment_method',
	type: 'string',
	default: '',
	placeholder: 'e.g. Cash on Delivery',
	description: 'The payment method shown on the order',
};

export const staffNotesField: INodeProperties = {
	displayName: 'Staff Notes',
	name: 'staff_notes',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: "Notes for the store's staff; customers never see them",
};

/**
 * Text options -> [order field written, display name]. External ID writes external_order_id:
 * BigCommerce's own external_id is set by marketplaces only and ignored in a PUT.
 */
export const ORDER_TEXT_FIELDS: Record<string, [string, string]> = {
	customer_message: ['customer_message', 'Customer Message'],
	external_id: ['external_order_id', 'External ID'],
	payment_method: ['payment_method', 'Payment Method'],
	staff_notes: ['staff_notes', 'Staff Notes'],
};
