import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	byDisplayName,
	flagField,
	propertiesOf,
	readFields,
	storeChoiceField,
	storeChoicesField,
	textField,
	type FormField,
} from '../common/formFields';
import { toText } from '../common/inputs';
import { itemParameter } from '../common/parameters';

// Customer flags take any value and read it as true or false.
const asFlag = (_context: IExecuteFunctions, value: unknown) => Boolean(value);

// The customer fields that create, upsert and update share, named as the v3 API names them.
const sharedFields: FormField[] = [
	flagField('Accepts Marketing Emails', 'accepts_product_review_abandoned_cart_emails', 'Whether the customer accepts product review and abandoned cart e-mails', { read: asFlag }),
	storeChoicesField('Channel Names or IDs', 'channel_ids', 'getChannels', {
		lead: 'Channels the customer can log in to; leave empty for access to every channel',
	}),
	textField('Company', 'company', undefined, { placeholder: 'e.g. Acme Wholesale Ltd' }),
	storeChoiceField('Customer Group Name or ID', 'customer_group_id', 'getCustomerGroups', { zeroIsNone: true }),
	flagField('Force Password Reset', 'force_password_reset', 'Whether the customer must choose a new password at their next login', {
		key: 'authentication.force_password_reset',
		read: asFlag,
	}),
	textField('Notes', 'notes', 'Staff notes about the customer, not shown to them', { typeOptions: { rows: 2 } }),
	textField('Password', 'new_password', "A password for the customer's storefront account", {
		typeOptions: { password: true },
		key: 'authentication.new_password',
		read: (_context, value) => (typeof value === 'string' && value !== '' ? value : undefined),
	}),
	textField('Phone', 'phone', undefined, { placeholder: 'e.g. +1 555 010 2030' }),
	textField('Tax Exempt Category', 'tax_exempt_category', "The tax exemption code of the customer, as set up in the store's tax settings", {
		placeholder: 'e.g. G',
	}),
];

const addressParts: INodeProperties[] = [
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
];

const addressesField: INodeProperties = {
	displayName: 'Addresses',
	name: 'addresses',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Address',
	options: [{ displayName: 'Address', name: 'address', values: addressParts }],
};

const ADDRESS_LABELS: Record<string, string> = Object.fromEntries(addressParts.map((part) => [part.name, part.displayName]));

const welcomeEmailField = flagField(
	'Send Welcome Email',
	'trigger_account_created_notification',
	'Whether BigCommerce sends the customer its "account created" e-mail',
	{ read: asFlag },
);

// E-mail and names can change on update; create and upsert take them as their own parameters.
const identityFields: FormField[] = [
	textField('Email', 'email', undefined, {
		placeholder: 'name@email.com',
		read: (context, value, itemIndex) => toEmail(context, value, itemIndex),
	}),
	textField('First Name', 'first_name', undefined, { empty: 'refuse' }),
	textField('Last Name', 'last_name', undefined, { empty: 'refuse' }),
];

/** The Additional Fields of create and upsert: the shared fields plus addresses. */
export function customerAdditionalFields(): INodeProperties[] {
	return [...propertiesOf([...sharedFields, welcomeEmailField]), addressesField].sort(byDisplayName);
}

/** The Update Fields of update: e-mail and names can change; addresses are their own API. */
export function customerUpdateFields(): INodeProperties[] {
	return propertiesOf([...sharedFields, ...identityFields]).sort(byDisplayName);
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

// BigCommerce requires these on every address; the names default to the customer's.
const ADDRESS_REQUIRED = ['first_name', 'last_name', 'address1', 'city', 'country_code'];

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
			const text = toText(context, raw, ADDRESS_LABELS[key] ?? key, itemIndex, false);
			if (text !== '') address[key] = text;
		}
		address.first_name = address.first_name ?? names.first_name;
		address.last_name = address.last_name ?? names.last_name;
		for (const key of ADDRESS_REQUIRED) {
			if (!address[key]) {
				throw new NodeOperationError(context.getNode(), `Address ${position + 1}: ${ADDRESS_LABELS[key]} is required`, {
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
	const body = readFields(context, [...sharedFields, welcomeEmailField, ...identityFields], fields, itemIndex);
	const addresses = toAddresses(context, fields.addresses, names, itemIndex);
	if (addresses.length) body.addresses = addresses;
	return body;
}

/** The body of a customer create (or the create half of an upsert). */
export function readNewCustomer(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const email = toEmail(context, itemParameter(context, 'email', itemIndex), itemIndex);
	const first_name = toText(context, itemParameter(context, 'firstName', itemIndex, ''), 'First Name', itemIndex);
	const last_name = toText(context, itemParameter(context, 'lastName', itemIndex, ''), 'Last Name', itemIndex);
	const additional = itemParameter(context, 'additionalFields', itemIndex, {}) as IDataObject;
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
