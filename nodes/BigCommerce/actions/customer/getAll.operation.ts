import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { filtersCollection, optionsCollection, returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import {
	dateFilter,
	idsFilter,
	propertiesOf,
	readFilters,
	storeChoicesField,
	textFilter,
	type FormField,
} from '../common/formFields';
import { toText } from '../common/inputs';
import { listOperation, simplifiedBy, toList } from '../common/lists';
import { toEmail } from './fields';
import { includeList, includeOptions } from './options';
import { CUSTOMERS_PATH, CUSTOMER_PAGE_SIZE } from './requests';
import { toSimpleCustomer } from './simplify';
import { itemParameter } from '../common/parameters';

/**
 * The entries of a list filter. BigCommerce splits these values on commas and has no way to
 * escape one, so an entry that still holds a comma (one given as a list) is refused rather
 * than searched as several.
 */
function withoutCommas(
	context: IExecuteFunctions,
	entries: string[],
	field: { displayName: string; entry: string },
	itemIndex: number,
): string[] {
	const withComma = entries.find((entry) => entry.includes(','));
	if (withComma !== undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`${field.displayName} cannot list ${field.entry} that contains a comma, got "${withComma.slice(0, 60)}"`,
			{ itemIndex, description: 'BigCommerce reads a comma as the start of another value and cannot search for one.' },
		);
	}
	return entries;
}


// name:like takes several texts separated by commas: "Smith, John" would list every Smith
// and every John, so a comma is refused.
function readNameLike(context: IExecuteFunctions, value: unknown, itemIndex: number): string | undefined {
	const name = toText(context, value, 'Name Contains', itemIndex, false);
	if (name.includes(',')) {
		throw new NodeOperationError(context.getNode(), `Name Contains cannot contain a comma, got "${name.slice(0, 60)}"`, {
			itemIndex,
			description: 'Enter one piece of the name, e.g. Smith or Jane Smith.',
		});
	}
	return name || undefined;
}

function customerDate(displayName: string, name: string, description: string, key: string): FormField {
	return dateFilter(displayName, name, `${description} (ISO-8601)`, { api: 'v3', key });
}

const filters: FormField[] = [
	textFilter(
		'Company',
		'company',
		'Company names to match exactly, separated by commas. A company whose name contains a comma cannot be searched for.',
		{
			placeholder: 'e.g. Acme Wholesale Ltd, Beta Trading',
			key: 'company:in',
			read: (context, value, itemIndex) =>
				withoutCommas(context, toList(value), { displayName: 'Company', entry: 'a name' }, itemIndex),
		},
	),
	customerDate('Created After', 'minDateCreated', 'Only customers created at or after this date and time', 'date_created:min'),
	customerDate('Created Before', 'maxDateCreated', 'Only customers created at or before this date and time', 'date_created:max'),
	storeChoicesField('Customer Group Names or IDs', 'customerGroupId', 'getCustomerGroups', {
		lead: 'Only customers in these groups',
		key: 'customer_group_id:in',
		zeroIsNone: true,
	}),
	idsFilter('Customer IDs', 'ids', 'Customer IDs separated by commas', { placeholder: 'e.g. 12,15,31', key: 'id:in' }),
	textFilter('Email', 'email', 'E-mail addresses separated by commas', {
		placeholder: 'e.g. jane@example.com, joe@example.com',
		key: 'email:in',
		read: (context, value, itemIndex) =>
			withoutCommas(context, toList(value), { displayName: 'Email', entry: 'an address' }, itemIndex).map((email) =>
				toEmail(context, email, itemIndex),
			),
	}),
	customerDate('Modified After', 'minDateModified', 'Only customers changed at or after this date and time', 'date_modified:min'),
	customerDate('Modified Before', 'maxDateModified', 'Only customers changed at or before this date and time', 'date_modified:max'),
	textFilter('Name Contains', 'nameLike', "Text found in the customer's first and last name, without commas", {
		placeholder: 'e.g. smith',
		hint: 'One piece of the name, e.g. smith or jane smith; a comma is not allowed',
		key: 'name:like',
		read: readNameLike,
	}),
];

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	simplifyProperty,
	filtersCollection(propertiesOf(filters)),
	optionsCollection([
		...includeOptions,
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Date Created, Newest First', value: 'date_created:desc' },
				{ name: 'Date Created, Oldest First', value: 'date_created:asc' },
				{ name: 'Date Modified, Newest First', value: 'date_modified:desc' },
				{ name: 'Date Modified, Oldest First', value: 'date_modified:asc' },
				{ name: 'Last Name, A to Z', value: 'last_name:asc' },
				{ name: 'Last Name, Z to A', value: 'last_name:desc' },
			],
			default: 'date_created:asc',
		},
	]),
];

export const description = showFor({ show: { resource: ['customer'], operation: ['getAll'] } }, properties);

// Customers v3 pages by cursor (`after`), 250 per page at most.
export const execute = listOperation((context, itemIndex) => {
	const qs = readFilters(context, filters, itemIndex);
	const options = itemParameter(context, 'options', itemIndex, {}) as IDataObject;
	const include = includeList(options);
	if (include.length) qs.include = include.join(',');
	if (options.sort) qs.sort = String(options.sort);
	return {
		style: 'v3Cursor',
		path: CUSTOMERS_PATH,
		qs,
		maxPageSize: CUSTOMER_PAGE_SIZE,
		shape: simplifiedBy(context, itemIndex, toSimpleCustomer),
	};
});
