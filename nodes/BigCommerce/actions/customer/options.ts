import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../common/descriptions';

// The customer parameters that several operations share, and what they ask of the request.
export const customerIdLocator: INodeProperties = idLocator({
	name: 'customerId',
	displayName: 'Customer',
	searchListMethod: 'searchCustomers',
	description: 'The customer, chosen by name or e-mail, or given by ID',
});

/** Sub-resources BigCommerce can embed in each customer (`include`). */
export const includeOptions: INodeProperties[] = [
	{
		displayName: 'Include Addresses',
		name: 'includeAddresses',
		type: 'boolean',
		default: false,
		description: 'Whether to include the customer\'s addresses',
	},
	{
		displayName: 'Include Attributes',
		name: 'includeAttributes',
		type: 'boolean',
		default: false,
		description: 'Whether to include the customer\'s attribute values',
	},
	{
		displayName: 'Include Form Fields',
		name: 'includeFormFields',
		type: 'boolean',
		default: false,
		description: 'Whether to include the answers to the store\'s custom account sign-up fields',
	},
	{
		displayName: 'Include Store Credit',
		name: 'includeStoreCredit',
		type: 'boolean',
		default: false,
		description: 'Whether to include the customer\'s store credit',
	},
];

/** The `include` value for the sub-resources a user asked for, in a stable order. */
export function includeList(options: IDataObject): string[] {
	const include: string[] = [];
	if (options.includeAddresses) include.push('addresses');
	if (options.includeAttributes) include.push('attributes');
	if (options.includeFormFields) include.push('formfields');
	if (options.includeStoreCredit) include.push('storecredit');
	return include;
}
