// Customers (v3), their addresses, and the unique e-mail index. Customer writes are
// all-or-nothing per request: one bad record rejects the whole batch.

import { isoDate, v3Error } from '../http';
import type { Core } from '../http';
import type { StoreState } from '../state';
import type { Customer, CustomerAddress } from '../types';
import { FieldSpec, assignFields, requireFields, validateFields } from './validate';

export const CUSTOMER_FIELDS: FieldSpec = {
	email: 'string',
	first_name: 'string',
	last_name: 'string',
	company: 'string',
	phone: 'string',
	notes: 'string',
	tax_exempt_category: 'string',
	customer_group_id: 'int',
	accepts_product_review_abandoned_cart_emails: 'bool',
	registration_ip_address: 'string',
	origin_channel_id: 'int',
	addresses: 'array',
	store_credit_amounts: 'array',
	authentication: 'object',
	attributes: 'array',
	form_fields: 'array',
};

const PLAIN_CUSTOMER_FIELDS: FieldSpec = {
	first_name: 'string',
	last_name: 'string',
	company: 'string',
	phone: 'string',
	notes: 'string',
	tax_exempt_category: 'string',
	customer_group_id: 'int',
	accepts_product_review_abandoned_cart_emails: 'bool',
	origin_channel_id: 'int',
};

export const ADDRESS_FIELDS: FieldSpec = {
	customer_id: 'int',
	first_name: 'string',
	last_name: 'string',
	company: 'string',
	address1: 'string',
	address2: 'string',
	city: 'string',
	state_or_province: 'string',
	postal_code: 'string',
	country_code: 'string',
	phone: 'string',
	address_type: { enum: ['residential', 'commercial'] },
};

const PLAIN_ADDRESS_FIELDS: FieldSpec = Object.fromEntries(Object.entries(ADDRESS_FIELDS).filter(([k]) => k !== 'customer_id'));

const ADDRESS_REQUIRED = ['first_name', 'last_name', 'address1', 'city', 'country_code'];

export const COUNTRIES: Record<string, string> = {
	US: 'United States',
	GB: 'United Kingdom',
	CA: 'Canada',
	AU: 'Australia',
	DE: 'Germany',
	FR: 'France',
	NL: 'Netherlands',
	ES: 'Spain',
	IT: 'Italy',
	IE: 'Ireland',
	NZ: 'New Zealand',
	SE: 'Sweden',
	JP: 'Japan',
	MX: 'Mexico',
	BR: 'Brazil',
};

export function countryName(code: string): string {
	return COUNTRIES[code.toUpperCase()] ?? code.toUpperCase();
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(title: string, errors: Record<string, string>): never {
	throw v3Error(422, title, errors);
}

function checkEmail(state: StoreState, email: string, key: string, selfId: number | undefined, batch: Set<string>, title: string): void {
	if (!EMAIL_RE.test(email)) invalid(title, { [key]: `email "${email}" is not a valid e-mail address` });
	const lower = email.toLowerCase();
	const owner = state.customerEmails.get(lower);
	if ((owner !== undefined && owner !== selfId) || batch.has(lower)) {
		invalid(`${title} The email address ${email} is already in use by another customer.`, {
			[key]: `email ${email} already in use${owner !== undefined ? ` (customer ${owner})` : ''}`,
		});
	}
	batch.add(lower);
}

function checkGroup(state: StoreState, input: Record<string, unknown>, key: string, title: string): void {
	const g = input.customer_group_id;
	if (typeof g === 'number' && g !== 0 && !state.customerGroups.has(g)) {
		invalid(title, { [key]: `customer group ${g} does not exist` });
	}
}

function checkAddress(a: unknown, prefix: string, errors: Record<string, string>, needCustomer = false): void {
	if (typeof a !== 'object' || a === null || Array.isArray(a)) {
		errors[prefix.replace(/\.$/, '')] = 'address must be an object';
		return;
	}
	const rec = a as Record<string, unknown>;
	validateFields(rec, ADDRESS_FIELDS, prefix, errors);
	requireFields(rec, needCustomer ? ['customer_id', ...ADDRESS_REQUIRED] : ADDRESS_REQUIRED, prefix, errors);
}

/** Validates a create batch; throws the 422 for the first bad request. */
export function checkCustomerCreates(state: StoreState, items: Record<string, unknown>[]): void {
	const title = 'Create customers failed.';
	const batch = new Set<string>();
	const errors: Record<string, string> = {};
	items.forEach((item, i) => {
		const prefix = `.customer_create[${i}].`;
		validateFields(item, CUSTOMER_FIELDS, prefix, errors);
		requireFields(item, ['email', 'first_name', 'last_name'], prefix, errors);
		if (Array.isArray(item.addresses)) item.addresses.forEach((a, j) => checkAddress(a, `${prefix}addresses[${j}].`, errors));
	});
	if (Object.keys(errors).length) invalid(title, errors);
	items.forEach((item, i) => {
		checkEmail(state, item.email as string, `.customer_create[${i}].email`, undefined, batch, title);
		checkGroup(state, item, `.customer_create[${i}].customer_group_id`, title);
	});
}

/**
 * Checks a customer PUT; answers the customer of each record, or undefined for an ID the store
 * does not have: BigCommerce skips such a record and leaves it out of its 200 answer.
 */
export function checkCustomerUpdates(state: StoreState, items: Record<string, unknown>[]): Array<Customer | undefined> {
	const title = 'Update customers failed.';
	const batch = new Set<string>();
	const errors: Record<string, string> = {};
	items.forEach((item, i) => {
		const prefix = `.customer_update[${i}].`;
		validateFields(item, CUSTOMER_FIELDS, prefix, errors);
		if (!Number.isInteger(item.id)) errors[`${prefix}id`] = 'id is required';
		for (const f of ['email', 'first_name', 'last_name']) {
			if (f in item && item[f] === '') errors[`${prefix}${f}`] = `${f} cannot be empty`;
		}
	});
	if (Object.keys(errors).length) invalid(title, errors);
	return items.map((item, i) => {
		const c = state.customers.get(item.id as number);
		if (!c) return undefined;
		if (typeof item.email === 'string') checkEmail(state, item.email, `.customer_update[${i}].email`, c.id, batch, title);
		checkGroup(state, item, `.customer_update[${i}].customer_group_id`, title);
		return c;
	});
}

function creditOf(input: Record<string, unknown>): number | undefined {
	if (!Array.isArray(input.store_credit_amounts)) return undefined;
	return (input.store_credit_amounts as { amount?: unknown }[]).reduce((s, a) => s + (typeof a.amount === 'number' ? a.amount : 0), 0);
}

export function insertCustomer(core: Core, item: Record<string, unknown>, silent = false): Customer {
	const { state } = core;
	const now = isoDate(Date.now());
	const c: Customer = {
		id: state.customers.allocateId(),
		email: item.email as string,
		first_name: item.first_name as string,
		last_name: item.last_name as string,
		company: '',
		phone: '',
		notes: '',
		tax_exempt_category: '',
		customer_group_id: 0,
		accepts_product_review_abandoned_cart_emails: false,
		channel_ids: Array.isArray(item.channel_ids) ? [...(item.channel_ids as number[])] : null,
		origin_channel_id: 1,
		registration_ip_address: typeof item.registration_ip_address === 'string' ? item.registration_ip_address : '',
		date_created: now,
		date_modified: now,
		storeCredit: creditOf(item) ?? 0,
		addressIds: [],
	};
	assignFields(c, item, PLAIN_CUSTOMER_FIELDS);
	state.customers.insert(c);
	state.customerEmails.set(c.email.toLowerCase(), c.id);
	if (!silent) core.emit('store/customer/created', { type: 'customer', id: c.id });
	if (Array.isArray(item.addresses)) {
		for (const a of item.addresses as Record<string, unknown>[]) insertAddress(core, c, a, silent);
	}
	return c;
}

export function applyCustomerUpdate(core: Core, c: Customer, item: Record<string, unknown>): void {
	const { state } = core;
	if (typeof item.email === 'string' && item.email !== c.email) {
		state.customerEmails.delete(c.email.toLowerCase());
		c.email = item.email;
		state.customerEmails.set(c.email.toLowerCase(), c.id);
	}
	assignFields(c, item, PLAIN_CUSTOMER_FIELDS);
	if ('channel_ids' in item) c.channel_ids = Array.isArray(item.channel_ids) ? [...(item.channel_ids as number[])] : null;
	const credit = creditOf(item);
	if (credit !== undefined) c.storeCredit = credit;
	c.date_modified = isoDate(Date.now());
	core.emit('store/customer/updated', { type: 'customer', id: c.id });
}

export function deleteCustomers(core: Core, ids: number[]): void {
	const { state } = core;
	for (const id of ids) {
		const c = state.customers.get(id);
		if (!c) continue;
		state.customerEmails.delete(c.email.toLowerCase());
		state.customerAddresses.deleteMany(c.addressIds);
		state.customers.delete(id);
		core.emit('store/customer/deleted', { type: 'customer', id });
	}
}

export function validateAddresses(items: Record<string, unknown>[], creating: boolean): void {
	const errors: Record<string, string> = {};
	items.forEach((a, i) => {
		if (creating) checkAddress(a, `[${i}].`, errors, true);
		else {
			validateFields(a, ADDRESS_FIELDS, `[${i}].`, errors);
			if (!Number.isInteger(a.id)) errors[`[${i}].id`] = 'id is required';
		}
	});
	if (Object.keys(errors).length) invalid('Address data is missing or invalid.', errors);
}

export function insertAddress(core: Core, customer: Customer, a: Record<string, unknown>, silent = false): CustomerAddress {
	const { state } = core;
	const addr: CustomerAddress = {
		id: state.customerAddresses.allocateId(),
		customer_id: customer.id,
		first_name: '',
		last_name: '',
		company: '',
		address1: '',
		address2: '',
		city: '',
		state_or_province: '',
		postal_code: '',
		country: '',
		country_code: '',
		phone: '',
		address_type: 'residential',
	};
	assignFields(addr, a, PLAIN_ADDRESS_FIELDS);
	addr.country_code = addr.country_code.toUpperCase();
	addr.country = countryName(addr.country_code);
	state.customerAddresses.insert(addr);
	customer.addressIds = [...customer.addressIds, addr.id];
	if (!silent) core.emit('store/customer/address/created', { type: 'customer', id: addr.id, address: { customer_id: customer.id } });
	return addr;
}

export function updateAddress(core: Core, addr: CustomerAddress, a: Record<string, unknown>): void {
	assignFields(addr, a, PLAIN_ADDRESS_FIELDS);
	addr.country_code = addr.country_code.toUpperCase();
	addr.country = countryName(addr.country_code);
	core.emit('store/customer/address/updated', { type: 'customer', id: addr.id, address: { customer_id: addr.customer_id } });
}

export function deleteAddresses(core: Core, ids: number[]): void {
	const { state } = core;
	for (const id of ids) {
		const a = state.customerAddresses.get(id);
		if (!a) continue;
		state.customerAddresses.delete(id);
		const c = state.customers.get(a.customer_id);
		if (c) c.addressIds = c.addressIds.filter((x) => x !== id);
		core.emit('store/customer/address/deleted', { type: 'customer', id, address: { customer_id: a.customer_id } });
	}
}

export function serializeAddress(a: CustomerAddress): Record<string, unknown> {
	return { ...a };
}

export function serializeCustomer(state: StoreState, c: Customer, include: Set<string>): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: c.id,
		authentication: { force_password_reset: false },
		company: c.company,
		customer_group_id: c.customer_group_id,
		email: c.email,
		first_name: c.first_name,
		last_name: c.last_name,
		notes: c.notes,
		phone: c.phone,
		registration_ip_address: c.registration_ip_address,
		tax_exempt_category: c.tax_exempt_category,
		date_created: c.date_created,
		date_modified: c.date_modified,
		accepts_product_review_abandoned_cart_emails: c.accepts_product_review_abandoned_cart_emails,
		origin_channel_id: c.origin_channel_id,
		channel_ids: c.channel_ids ? [...c.channel_ids] : null,
		address_count: c.addressIds.length,
		attribute_count: 0,
	};
	if (include.has('addresses')) {
		out.addresses = c.addressIds.map((id) => state.customerAddresses.get(id)).filter((a): a is CustomerAddress => !!a).map(serializeAddress);
	}
	if (include.has('storecredit')) out.store_credit_amounts = [{ amount: c.storeCredit }];
	if (include.has('attributes')) out.attributes = [];
	if (include.has('formfields')) out.form_fields = [];
	if (include.has('shopper_profile_id')) out.shopper_profile_id = null;
	if (include.has('segment_ids')) out.segment_ids = [];
	return out;
}
