import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toV2Date } from '../common/conversions';
import { toDate, toId, toText, toWholeNumber } from '../common/inputs';

const DATE_HINT =
	'An ISO-8601 date or an n8n date, e.g. 2026-01-31T09:00:00Z; without a time zone it is read in the workflow\'s time zone';

function dateFilter(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description, hint: DATE_HINT };
}

/** The Filters of order get many, sorted by display name. */
export const orderFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Channel Name or ID',
			name: 'channelId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getChannels' },
			default: '',
			description:
				'Only orders placed on this sales channel. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Only orders of this customer; 0 lists guest orders',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			default: '',
			description: 'Only orders whose billing e-mail is this address',
		},
		dateFilter('Max Date Created', 'maxDateCreated', 'Only orders created at or before this date'),
		dateFilter('Max Date Modified', 'maxDateModified', 'Only orders last changed at or before this date'),
		{
			displayName: 'Max ID',
			name: 'maxId',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Only orders with this ID or lower',
		},
		dateFilter('Min Date Created', 'minDateCreated', 'Only orders created at or after this date'),
		dateFilter('Min Date Modified', 'minDateModified', 'Only orders last changed at or after this date'),
		{
			displayName: 'Min ID',
			name: 'minId',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Only orders with this ID or higher',
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Date Created (Newest First)', value: 'date_created:desc' },
				{ name: 'Date Created (Oldest First)', value: 'date_created:asc' },
				{ name: 'Date Modified (Newest First)', value: 'date_modified:desc' },
				{ name: 'Date Modified (Oldest First)', value: 'date_modified:asc' },
				{ name: 'ID (Highest First)', value: 'id:desc' },
				{ name: 'ID (Lowest First)', value: 'id:asc' },
			],
			default: 'date_created:desc',
			description: 'The order in which orders are returned (BigCommerce sorts by ID, lowest first, by default)',
		},
		{
			displayName: 'Status Name or ID',
			name: 'statusId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
			default: '',
			description:
				'Only orders in this status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
};

const DATE_FILTERS = [
	['minDateCreated', 'min_date_created', 'Min Date Created'],
	['maxDateCreated', 'max_date_created', 'Max Date Created'],
	['minDateModified', 'min_date_modified', 'Min Date Modified'],
	['maxDateModified', 'max_date_modified', 'Max Date Modified'],
] as const;

/** BigCommerce's order statuses are a fixed set, 0 (Incomplete) to 14 (Partially Refunded); stores only rename them. */
export const ORDER_STATUS_IDS = { min: 0, max: 14 };

// The fields v2 orders can be sorted by, each optionally :asc or :desc.
const SORT = /^(id|customer_id|date_created|date_modified|status_id|channel_id|external_id)(:(asc|desc))?$/;

function refuse(context: IExecuteFunctions, message: string, itemIndex: number): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex });
}

/** Reads and checks the Filters into the v2 query; bad values are refused before any request. */
export function readOrderFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const has = (name: string) => filters[name] !== undefined && filters[name] !== null && filters[name] !== '';
	const qs: IDataObject = {};

	if (has('statusId')) qs.status_id = toWholeNumber(context, filters.statusId, 'Status', itemIndex, ORDER_STATUS_IDS);
	if (has('customerId')) {
		qs.customer_id = toWholeNumber(context, filters.customerId, 'Customer ID', itemIndex, { min: 0 });
	}
	if (has('email')) {
		const email = toText(context, filters.email, 'Email', itemIndex);
		if (!email.includes('@')) refuse(context, `Email must be an e-mail address, got "${email.slice(0, 60)}"`, itemIndex);
		qs.email = email;
	}
	if (has('minId')) qs.min_id = toId(context, filters.minId, 'Min ID', itemIndex);
	if (has('maxId')) qs.max_id = toId(context, filters.maxId, 'Max ID', itemIndex);
	if (has('channelId')) qs.channel_id = toId(context, filters.channelId, 'Channel', itemIndex);
	if (has('sort')) {
		const sort = toText(context, filters.sort, 'Sort', itemIndex);
		if (!SORT.test(sort)) {
			refuse(context, `Sort must be a field and direction such as date_created:desc, got "${sort.slice(0, 60)}"`, itemIndex);
		}
		qs.sort = sort;
	}

	const dates: Record<string, Date> = {};
	for (const [name, param, displayName] of DATE_FILTERS) {
		if (!has(name)) continue;
		dates[name] = toDate(context, filters[name], displayName, itemIndex);
		// ISO-8601 with an explicit offset: v2 takes it as is, and unlike RFC-2822 it has no
		// commas or spaces that a second round of URL encoding could break.
		qs[param] = toV2Date(dates[name]);
	}

	if (qs.min_id !== undefined && qs.max_id !== undefined && Number(qs.min_id) > Number(qs.max_id)) {
		refuse(context, 'Min ID must not be greater than Max ID', itemIndex);
	}
	for (const [min, max, label] of [
		['minDateCreated', 'maxDateCreated', 'Date Created'],
		['minDateModified', 'maxDateModified', 'Date Modified'],
	]) {
		if (dates[min] && dates[max] && dates[min].getTime() > dates[max].getTime()) {
			refuse(context, `Min ${label} must not be later than Max ${label}`, itemIndex);
		}
	}
	return qs;
}
