import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toV3Date } from '../common/conversions';
import { returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { toDate, toId, toText } from '../common/inputs';
import { executeList, putList, toIds, toList } from '../common/lists';
import { toEmail } from './fields';
import { includeList, includeOptions } from './options';
import { CUSTOMERS_PATH, CUSTOMER_PAGE_SIZE } from './requests';
import { toSimpleCustomer } from './simplify';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	simplifyProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Company',
				name: 'company',
				type: 'string',
				default: '',
				placeholder: 'e.g. Acme Wholesale Ltd, Beta Trading',
				description:
					'Company names to match exactly, separated by commas. A company whose name contains a comma cannot be searched for.',
			},
			{
				displayName: 'Customer Group Names or IDs',
				name: 'customerGroupId',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCustomerGroups' },
				default: [],
				description:
					'Only customers in these groups. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Customer IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12,15,31',
				description: 'Customer IDs separated by commas',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. jane@example.com, joe@example.com',
				description: 'E-mail addresses separated by commas',
			},
			{
				displayName: 'Max Date Created',
				name: 'maxDateCreated',
				type: 'dateTime',
				default: '',
				description: 'Only customers created at or before this date and time (ISO-8601)',
			},
			{
				displayName: 'Max Date Modified',
				name: 'maxDateModified',
				type: 'dateTime',
				default: '',
				description: 'Only customers changed at or before this date and time (ISO-8601)',
			},
			{
				displayName: 'Min Date Created',
				name: 'minDateCreated',
				type: 'dateTime',
				default: '',
				description: 'Only customers created at or after this date and time (ISO-8601)',
			},
			{
				displayName: 'Min Date Modified',
				name: 'minDateModified',
				type: 'dateTime',
				default: '',
				description: 'Only customers changed at or after this date and time (ISO-8601)',
			},
			{
				displayName: 'Name Contains',
				name: 'nameLike',
				type: 'string',
				default: '',
				placeholder: 'e.g. smith',
				description: 'Text found in the customer\'s first and last name, without commas',
				hint: 'One piece of the name, e.g. smith or jane smith; a comma is not allowed',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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
		],
	},
];

export const description = showFor({ show: { resource: ['customer'], operation: ['getAll'] } }, properties);

const DATE_FILTERS: Array<[string, string, string]> = [
	['minDateCreated', 'date_created:min', 'Min Date Created'],
	['maxDateCreated', 'date_created:max', 'Max Date Created'],
	['minDateModified', 'date_modified:min', 'Min Date Modified'],
	['maxDateModified', 'date_modified:max', 'Max Date Modified'],
];

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

/** The v3 query for the Filters collection, every value checked and named. */
function toQuery(context: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	putList(qs, 'id:in', toIds(context, toList(filters.ids), 'Customer IDs', itemIndex));
	const emails = withoutCommas(context, toList(filters.email), { displayName: 'Email', entry: 'an address' }, itemIndex);
	putList(qs, 'email:in', emails.map((email) => toEmail(context, email, itemIndex)));
	putList(qs, 'company:in', withoutCommas(context, toList(filters.company), { displayName: 'Company', entry: 'a name' }, itemIndex));
	const groups = toList(filters.customerGroupId).map((id) =>
		id === '0' ? 0 : toId(context, id, 'Customer Group', itemIndex),
	);
	putList(qs, 'customer_group_id:in', groups);
	const name = toText(context, filters.nameLike, 'Name Contains', itemIndex, false);
	// name:like takes several texts separated by commas: "Smith, John" would list every Smith
	// and every John, so a comma is refused.
	if (name.includes(',')) {
		throw new NodeOperationError(context.getNode(), `Name Contains cannot contain a comma, got "${name.slice(0, 60)}"`, {
			itemIndex,
			description: 'Enter one piece of the name, e.g. Smith or Jane Smith.',
		});
	}
	if (name) qs['name:like'] = name;
	for (const [field, key, label] of DATE_FILTERS) {
		const value = filters[field];
		if (value === undefined || value === null || value === '') continue;
		// v3 appends the current time of day to a bare date: always send a full date-time.
		qs[key] = toV3Date(toDate(context, value, label, itemIndex));
	}
	return qs;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeList.call(this, items, (itemIndex) => {
		const qs = toQuery(this, this.getNodeParameter('filters', itemIndex, {}) as IDataObject, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const include = includeList(options);
		if (include.length) qs.include = include.join(',');
		if (options.sort) qs.sort = String(options.sort);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		// Customers v3 pages by cursor (`after`), 250 per page at most.
		return {
			style: 'v3Cursor',
			path: CUSTOMERS_PATH,
			qs,
			maxPageSize: CUSTOMER_PAGE_SIZE,
			shape: simplify ? toSimpleCustomer : undefined,
		};
	});
}
