import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toId, toText } from '../common/inputs';

// The customer fields that create, upsert and update share, named as the v3 API names them.
const sharedFields: INodeProperties[] = [
	{
		displayName: 'Accepts Marketing Emails',
		name: 'accepts_product_review_abandoned_cart_emails',
		type: 'boolean',
		default: false,
		description: 'Whether the customer accepts product review and abandoned cart e-mails',
	},
	{
		displayName: 'Channel Names or IDs',
		name: 'channel_ids',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getChannels' },
		default: [],
		description:
			'Channels the customer can log in to; leave empty for access to every channel. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Company',
		name: 'company',
		type: 'string',
		default: '',
		placeholder: 'e.g. Acme Wholesale Ltd',
	},
	{
		displayName: 'Customer Group Name or ID',
		name: 'customer_group_id',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomerGroups' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Force Password Reset',
		name: 'force_password_reset',
		type: 'boolean',
		default: false,
		description: 'Whether the customer must choose a new password at their next login',
	},
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Staff notes about the customer, not shown to them',
	},
	{
		displayName: 'Password',
		name: 'new_password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'A password for the customer\'s storefront account',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +1 555 010 2030',
	},
	{
		displayName: 'Tax Exempt Category',
		name: 'tax_exempt_category',
		type: 'string',
		default: '',
		placeholder: 'e.g. G',
		description: 'The tax exemption code of the customer, as set up in the store\'s tax settings',
	},
];

const addressesField: INodeProperties = {
	displayName: 'Addresses',
	name: 'addresses',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Address',
	options: [
		{
			displayName: 'Address',
			name: 'address',
			values: [
				{
					displayName: 'Address Line 1',
					name: 'address1',
					type: 'string',
					default: '',
					placeholder: 'e.g. 12 Market Street',
				},
				{
					displayName: 'Address Line 2',
					name: 'address2',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Address Type',
					name: 'address_type',
					type: 'options',
					options: [
						{ name: 'Residential', value: 'residential' },
						{ name: 'Commercial', value: 'commercial' },
					],
					default: 'residential',
				},
				{
					displayName: 'City',
					name: 'city',
					type: 'string',
					default: '',
					placeholder: 'e.g. Austin',
				},
				{
					displayName: 'Company',
					name: 'company',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Country Code',
					name: 'country_code',
					type: 'string',
					default: '',
					placeholder: 'e.g. US',
					description: 'Two-letter ISO 3166-1 country code',
				},
				{
					displayName: 'First Name',
					name: 'first_name',
					type: 'string',
					default: '',
					description: 'Leave empty to use the customer\'s first name',
				},
				{
					displayName: 'Last Name',
					name: 'last_name',
					type: 'string',
					default: '',
					description: 'Leave empty to use the customer\'s last name',
				},
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Postal Code',
					name: 'postal_code',
					type: 'string',
					default: '',
					placeholder: 'e.g. 78701',
				},
				{
					displayName: 'State or Province',
					name: 'state_or_province',
					type: 'string',
					default: '',
					placeholder: 'e.g. Texas',
				},
			],
		},
	],
};

const welcomeEmailField: INodeProperties = {
	displayName: 'Send Welcome Email',
	name: 'trigger_account_created_notification',
	type: 'boolean',
	default: false,
	description: 'Whether BigCommerce sends the customer its "account created" e-mail',
};

function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

/** The Additional Fields of create and upsert: the shared fields plus addresses. */
export function customerAdditionalFields(): INodeProperties[] {
	return [...sharedFields, addressesField, welcomeEmailField].sort(byDisplayName);
}

/** The Update Fields of update: e-mail and names can change; addresses are their own API. */
export function customerUpdateFields(): INodeProperties[] {
	const identity: INodeProperties[] = [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{
			displayName: 'First Name',
			name: 'first_name',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Last Name',
			name: 'last_name',
			type: 'string',
			default: '',
		},
	];
	return [...sharedFields, ...identity].sort(byDisplayName);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A trimmed e-mail address; refuses empty or malformed ones before any request. */
export function toEmail(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const email = toText(context, value, 'Email', itemIndex);
	if (!EMAIL.test(email)) {
		throw new NodeOperationError(context.getNode(), `Email must be an e-mail address, got "${email.slice(0, 60)}"`, {
			itemIndex,
			description: 'Enter an address such as jane@example.com.',
		});
	}
	return email;
}

/** E-mail addresses compare without regard to letter case, as BigCommerce treats them. */
export function emailKey(email: unknown): string {
	return String(email ?? '').trim().toLowerCase();
}

const ADDRESS_REQUIRED: Array<[string, string]> = [
	['address1', 'Address Line 1'],
	['city', 'City'],
	['country_code', 'Country Code'],
];

function toAddresses(
	context: IExecuteFunctions,
	value: unknown,
	names: { first_name?: string; last_name?: string },
	itemIndex: number,
): IDataObject[] {
	const entries = ((value ?? {}) as IDataObject).address;
	const list = (Array.isArray(entries) ? entries : entries ? [entries] : []) as IDataObject[];
	return list.map((entry, position) => {
		const address: IDataObject = {};
		for (const [key, raw] of Object.entries(entry)) {
			const text = toText(context, raw, key, itemIndex, false);
			if (text !== '') address[key] = text;
		}
		address.first_name = address.first_name ?? names.first_name;
		address.last_name = address.last_name ?? names.last_name;
		// BigCommerce requires these on every address; say which one is missing before sending.
		for (const [key, label] of [['first_name', 'First Name'], ['last_name', 'Last Name'], ...ADDRESS_REQUIRED]) {
			if (!address[key]) {
				throw new NodeOperationError(context.getNode(), `Address ${position + 1}: ${label} is required`, {
					itemIndex,
				});
			}
		}
		const country = String(address.country_code);
		if (!/^[A-Za-z]{2}$/.test(country)) {
			throw new NodeOperationError(
				context.getNode(),
				`Address ${position + 1}: Country Code must be a two-letter code such as US, got "${country.slice(0, 20)}"`,
				{ itemIndex },
			);
		}
		address.country_code = country.toUpperCase();
		return address;
	});
}

/**
 * Turns the fields of a create, upsert or update form into the v3 customer body, checking
 * each value and naming the field it came from.
 */
export function toCustomerFields(
	context: IExecuteFunctions,
	fields: IDataObject,
	names: { first_name?: string; last_name?: string },
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		switch (key) {
			case 'email':
				body.email = toEmail(context, value, itemIndex);
				break;
			case 'first_name':
			case 'last_name':
				body[key] = toText(context, value, key === 'first_name' ? 'First Name' : 'Last Name', itemIndex);
				break;
			case 'customer_group_id':
				// 0 is BigCommerce's "no group"; an empty choice leaves the group as it is.
				if (value === '' || value === undefined || value === null) break;
				body.customer_group_id = String(value).trim() === '0' ? 0 : toId(context, value, 'Customer Group', itemIndex);
				break;
			case 'channel_ids': {
				const list = Array.isArray(value) ? value : String(value ?? '').split(',');
				const ids = list
					.filter((id) => String(id).trim() !== '')
					.map((id) => toId(context, id, 'Channel', itemIndex));
				if (ids.length) body.channel_ids = ids;
				break;
			}
			case 'accepts_product_review_abandoned_cart_emails':
			case 'trigger_account_created_notification':
				body[key] = Boolean(value);
				break;
			case 'new_password': {
				const password = typeof value === 'string' ? value : '';
				if (password !== '') body.authentication = { ...(body.authentication as IDataObject), new_password: password };
				break;
			}
			case 'force_password_reset':
				body.authentication = { ...(body.authentication as IDataObject), force_password_reset: Boolean(value) };
				break;
			case 'addresses': {
				const addresses = toAddresses(context, value, names, itemIndex);
				if (addresses.length) body.addresses = addresses;
				break;
			}
			case 'company':
			case 'notes':
			case 'phone':
			case 'tax_exempt_category':
				body[key] = toText(context, value, key, itemIndex, false);
				break;
			default:
				break;
		}
	}
	return body;
}

/** The body of a customer create (or the create half of an upsert). */
export function readNewCustomer(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const email = toEmail(context, context.getNodeParameter('email', itemIndex), itemIndex);
	const first_name = toText(context, context.getNodeParameter('firstName', itemIndex, ''), 'First Name', itemIndex);
	const last_name = toText(context, context.getNodeParameter('lastName', itemIndex, ''), 'Last Name', itemIndex);
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return {
		email,
		first_name,
		last_name,
		...toCustomerFields(context, additional, { first_name, last_name }, itemIndex),
	};
}

export const newCustomerProperties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Jane',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Smith',
	},
];
