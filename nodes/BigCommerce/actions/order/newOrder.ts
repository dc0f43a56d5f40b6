import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllItems } from '../../transport';
import { entriesOf, refuse, toDecimal, toId, toText, toWholeNumber } from '../common/inputs';
import { itemParameter } from '../common/parameters';

// The address fields v2 orders take, for billing and shipping alike.
const ADDRESS_FIELDS: Array<[name: string, displayName: string, placeholder: string]> = [
	['first_name', 'First Name', 'e.g. Jane'],
	['last_name', 'Last Name', 'e.g. Doe'],
	['company', 'Company', ''],
	['street_1', 'Street', 'e.g. 123 Main Street'],
	['street_2', 'Street Line 2', ''],
	['city', 'City', 'e.g. Austin'],
	['state', 'State', 'e.g. Texas'],
	['zip', 'ZIP Code', 'e.g. 78701'],
	['country', 'Country', 'e.g. United States'],
	['country_iso2', 'Country Code', 'e.g. US'],
	['email', 'Email', 'e.g. name@email.com'],
	['phone', 'Phone', ''],
];

function addressValues(extra: INodeProperties[] = []): INodeProperties[] {
	return [
		...ADDRESS_FIELDS.map(
			([name, displayName, placeholder]): INodeProperties => ({
				displayName,
				name,
				type: 'string',
				default: '',
				...(placeholder ? { placeholder } : {}),
				...(name === 'country_iso2' ? { description: 'The two-letter ISO code of the country' } : {}),
			}),
		),
		...extra,
	];
}

export const billingAddressProperty: INodeProperties = {
	displayName: 'Billing Address',
	name: 'billingAddress',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Billing Address',
	description:
		'Required for a guest (with a ZIP code and e-mail). For a customer, left empty the customer\'s first address and e-mail are used.',
	options: [{ displayName: 'Address', name: 'address', values: addressValues() }],
};

export const shippingAddressesProperty: INodeProperties = {
	displayName: 'Shipping Addresses',
	name: 'shippingAddresses',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Shipping Address',
	description: 'Where the order ships, each with its shipping method; none ships to the billing address',
	options: [
		{
			displayName: 'Address',
			name: 'address',
			values: addressValues([
				{
					displayName: 'Shipping Method',
					name: 'shipping_method',
					type: 'string',
					default: '',
					placeholder: 'e.g. Flat Rate',
					description: 'The shipping method shown on the order',
				},
			]),
		},
	],
};

export const lineItemsProperty: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Line Item',
	description: 'What was ordered: catalog products (at their catalog price) or custom items with their own name and price',
	options: [
		{
			displayName: 'Catalog Product',
			name: 'product',
			values: [
				{
					displayName: 'Product ID',
					name: 'productId',
					type: 'number',
					default: 0,
					description: 'The ID of the product in the catalog',
				},
				{
					displayName: 'Product Options',
					name: 'productOptions',
					type: 'string',
					default: '',
					placeholder: 'e.g. 112=203, 113=Gift message',
					description:
						'For a product with options and no Variant ID: option ID = value (a value ID, or text for a text option), separated by commas',
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
				},
				{
					displayName: 'Variant ID',
					name: 'variantId',
					type: 'number',
					default: 0,
					description: 'The variant ordered, for a product with variants; 0 for none',
				},
			],
		},
		{
			displayName: 'Custom Item',
			name: 'customItem',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. Engraving',
				},
				{
					displayName: 'Price (Ex. Tax)',
					name: 'price',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 0,
					description: 'The unit price before tax',
				},
				{
					displayName: 'Price (Inc. Tax)',
					name: 'priceIncTax',
					type: 'number',
					typeOptions: { minValue: -1, numberPrecision: 2 },
					default: -1,
					description: 'The unit price with tax; -1 for the same as Price (Ex. Tax).',
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
				},
				{
					displayName: 'SKU',
					name: 'sku',
					type: 'string',
					default: '',
				},
			],
		},
	],
};



const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An address's non-empty fields, trimmed and checked, named as v2 names them. */
function readAddress(context: IExecuteFunctions, values: IDataObject, label: string, itemIndex: number): IDataObject {
	const address: IDataObject = {};
	for (const [name, displayName] of ADDRESS_FIELDS) {
		const text = toText(context, values[name], `${label}: ${displayName}`, itemIndex, false);
		if (text !== '') address[name] = text;
	}
	if (address.email !== undefined && !EMAIL.test(String(address.email))) {
		refuse(context, `${label}: Email must be an e-mail address, got "${String(address.email).slice(0, 60)}"`, itemIndex);
	}
	if (address.country_iso2 !== undefined) {
		if (!/^[A-Za-z]{2}$/.test(String(address.country_iso2))) {
			refuse(context, `${label}: Country Code must be a two-letter ISO code such as US, got "${String(address.country_iso2).slice(0, 60)}"`, itemIndex);
		}
		address.country_iso2 = String(address.country_iso2).toUpperCase();
	}
	return address;
}

/** Billing Address as given, or undefined when left empty. */
export function readBillingAddress(context: IExecuteFunctions, itemIndex: number, guest: boolean): IDataObject | undefined {
	const given = entriesOf(itemParameter(context, 'billingAddress', itemIndex, {}) as IDataObject, 'address')[0];
	const address = given ? readAddress(context, given, 'Billing Address', itemIndex) : {};
	if (!Object.keys(address).length) {
		if (guest) {
			refuse(context, 'Billing Address is required for a guest order', itemIndex, 'Add the guest\'s billing address, with at least a ZIP code and e-mail, or create the order for an existing customer.');
		}
		return undefined;
	}
	// BigCommerce requires the ZIP code (two characters or more); a guest is reached by e-mail.
	if (String(address.zip ?? '').length < 2) refuse(context, 'Billing Address: ZIP Code is required (two characters or more)', itemIndex);
	if (guest && address.email === undefined) refuse(context, 'Billing Address: Email is required for a guest order', itemIndex);
	return address;
}

export function readShippingAddresses(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const entries = entriesOf(itemParameter(context, 'shippingAddresses', itemIndex, {}) as IDataObject, 'address');
	return entries.map((entry, position) => {
		const label = `Shipping Address ${position + 1}`;
		const address = readAddress(context, entry, label, itemIndex);
		const method = toText(context, entry.shipping_method, `${label}: Shipping Method`, itemIndex, false);
		if (method) address.shipping_method = method;
		return address;
	});
}

function readProductOptions(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): IDataObject[] {
	const text = toText(context, value, label, itemIndex, false);
	if (!text) return [];
	return text.split(',').map((pair) => {
		const [id, ...rest] = pair.split('=');
		const optionValue = rest.join('=').trim();
		if (!/^\s*\d+\s*$/.test(id ?? '') || optionValue === '') {
			refuse(context, `${label} must be pairs of option ID = value, e.g. 112=203, got "${pair.trim().slice(0, 60)}"`, itemIndex);
		}
		return { id: Number(id.trim()), value: optionValue };
	});
}

/** The order's products: every line checked (positive whole quantities, names and prices) before any request. */
export function readLineItems(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const collection = itemParameter(context, 'lineItems', itemIndex, {}) as IDataObject;
	const products = entriesOf(collection, 'product').map((entry, position) => {
		const label = `Line Items: Catalog Product ${position + 1}`;
		const line: IDataObject = {
			product_id: toId(context, entry.productId, `${label}: Product ID`, itemIndex),
			quantity: toWholeNumber(context, entry.quantity, `${label}: Quantity`, itemIndex, { min: 1 }),
		};
		if (entry.variantId !== undefined && entry.variantId !== 0 && entry.variantId !== '') {
			line.variant_id = toId(context, entry.variantId, `${label}: Variant ID`, itemIndex);
		}
		const options = readProductOptions(context, entry.productOptions, `${label}: Product Options`, itemIndex);
		if (options.length) line.product_options = options;
		return line;
	});
	const custom = entriesOf(collection, 'customItem').map((entry, position) => {
		const label = `Line Items: Custom Item ${position + 1}`;
		const name = toText(context, entry.name, `${label}: Name`, itemIndex);
		if (entry.price === undefined || entry.price === '') refuse(context, `${label}: Price (Ex. Tax) is required`, itemIndex);
		const price = toDecimal(context, entry.price, `${label}: Price (Ex. Tax)`, itemIndex);
		const incTax = entry.priceIncTax === undefined || entry.priceIncTax === '' || Number(entry.priceIncTax) === -1
			? price
			: toDecimal(context, entry.priceIncTax, `${label}: Price (Inc. Tax)`, itemIndex);
		const line: IDataObject = {
			name,
			quantity: toWholeNumber(context, entry.quantity, `${label}: Quantity`, itemIndex, { min: 1 }),
			price_ex_tax: price,
			price_inc_tax: incTax,
		};
		const sku = toText(context, entry.sku, `${label}: SKU`, itemIndex, false);
		if (sku) line.sku = sku;
		return line;
	});
	if (!products.length && !custom.length) {
		refuse(context, 'Line Items: add at least one catalog product or custom item', itemIndex);
	}
	return [...products, ...custom];
}

/** The customer's first address and e-mail, as a billing address. */
export async function customerBillingAddress(context: IExecuteFunctions, customerId: number, itemIndex: number): Promise<IDataObject> {
	const [customer] = await getAllItems.call(context, {
		style: 'v3Cursor',
		path: '/v3/customers',
		qs: { 'id:in': customerId, include: 'addresses' },
		limit: 1,
		itemIndex,
	});
	if (!customer) refuse(context, `Customer ${customerId} was not found`, itemIndex, 'Check the Customer, or create the order for a guest.');
	const [address] = (customer.addresses ?? []) as IDataObject[];
	if (!address) {
		refuse(context, `Customer ${customerId} has no address to bill`, itemIndex, 'Give the order a Billing Address.');
	}
	const billing: IDataObject = {
		first_name: address.first_name ?? customer.first_name,
		last_name: address.last_name ?? customer.last_name,
		company: address.company,
		street_1: address.address1,
		street_2: address.address2,
		city: address.city,
		state: address.state_or_province,
		zip: address.postal_code,
		country: address.country,
		country_iso2: address.country_code,
		phone: address.phone,
		email: customer.email,
	};
	return Object.fromEntries(Object.entries(billing).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}
