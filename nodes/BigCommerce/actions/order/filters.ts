import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection } from '../common/descriptions';
import {
	choiceField,
	dateFilter,
	propertiesOf,
	readFilters,
	storeChoiceField,
	textField,
	wholeNumberField,
	type FormField,
} from '../common/formFields';
import { refuse, toId, toText } from '../common/inputs';
import { resolveOrderStatuses } from './statuses';

const DATE_HINT =
	'An ISO-8601 date or an n8n date, e.g. 2026-01-31T09:00:00Z; without a time zone it is read in the workflow\'s time zone';

// The fields v2 orders can be sorted by, each optionally :asc or :desc.
const SORT = /^(id|customer_id|date_created|date_modified|status_id|channel_id|external_id)(:(asc|desc))?$/;


function orderDate(displayName: string, name: string, description: string): FormField {
	const key = name.replace(/([A-Z])/g, '_$1').toLowerCase();
	return dateFilter(displayName, name, description, { api: 'v2', key, hint: DATE_HINT });
}

function orderIdBound(displayName: string, name: string, description: string): FormField {
	return wholeNumberField(displayName, name, description, {
		min: 1,
		default: 1,
		key: name.replace(/([A-Z])/g, '_$1').toLowerCase(),
		read: (context, value, itemIndex) => toId(context, value, displayName, itemIndex),
	});
}

/** The Filters of order get many, sorted by display name, named as v2 names them. */
const filters: FormField[] = [
	storeChoiceField('Channel Name or ID', 'channelId', 'getChannels', {
		lead: 'Only orders placed on this sales channel',
		key: 'channel_id',
	}),
	orderDate('Created After', 'minDateCreated', 'Only orders created at or after this date'),
	orderDate('Created Before', 'maxDateCreated', 'Only orders created at or before this date'),
	wholeNumberField('Customer ID', 'customerId', 'Only orders of this customer; 0 lists guest orders', {
		min: 0,
		key: 'customer_id',
	}),
	textField('Email', 'email', 'Only orders whose billing e-mail is this address', {
		placeholder: 'e.g. name@email.com',
		read: (context, value, itemIndex) => {
			const email = toText(context, value, 'Email', itemIndex);
			if (!email.includes('@')) refuse(context, `Email must be an e-mail address, got "${email.slice(0, 60)}"`, itemIndex);
			return email;
		},
	}),
	orderIdBound('ID At Least', 'minId', 'Only orders with this ID or higher'),
	orderIdBound('ID At Most', 'maxId', 'Only orders with this ID or lower'),
	orderDate('Modified After', 'minDateModified', 'Only orders last changed at or after this date'),
	orderDate('Modified Before', 'maxDateModified', 'Only orders last changed at or before this date'),
	choiceField(
		'Sort',
		'sort',
		'The order in which orders are returned (BigCommerce sorts by ID, lowest first, by default)',
		[
			{ name: 'Date Created (Newest First)', value: 'date_created:desc' },
			{ name: 'Date Created (Oldest First)', value: 'date_created:asc' },
			{ name: 'Date Modified (Newest First)', value: 'date_modified:desc' },
			{ name: 'Date Modified (Oldest First)', value: 'date_modified:asc' },
			{ name: 'ID (Highest First)', value: 'id:desc' },
			{ name: 'ID (Lowest First)', value: 'id:asc' },
		],
		{
			// An expression may sort by any field v2 sorts by, not only those offered.
			read: (context, value, itemIndex) => {
				const sort = toText(context, value, 'Sort', itemIndex);
				if (!SORT.test(sort)) {
					refuse(context, `Sort must be a field and direction such as date_created:desc, got "${sort.slice(0, 60)}"`, itemIndex);
				}
				return sort;
			},
		},
	),
	storeChoiceField('Status Name or ID', 'statusId', 'getOrderStatuses', {
		lead: 'Only orders in this status; an expression may also give its name, e.g. Shipped',
		key: 'status_id',
		// A name or an ID, resolved against the store's statuses by resolveStatusFilter.
		read: (context, value, itemIndex) => {
			const status = typeof value === 'number' ? value : toText(context, value, 'Status', itemIndex);
			return status === '' ? undefined : status;
		},
	}),
];

export const orderFilters: INodeProperties = filtersCollection(propertiesOf(filters));

/** Reads and checks the Filters into the v2 query; bad values are refused before any request. */
export function readOrderFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs = readFilters(context, filters, itemIndex);
	if (qs.min_id !== undefined && qs.max_id !== undefined && Number(qs.min_id) > Number(qs.max_id)) {
		refuse(context, 'ID At Least must not be greater than ID At Most', itemIndex);
	}
	for (const [min, max, label] of [
		['min_date_created', 'max_date_created', 'Created'],
		['min_date_modified', 'max_date_modified', 'Modified'],
	]) {
		if (qs[min] && qs[max] && Date.parse(String(qs[min])) > Date.parse(String(qs[max]))) {
			refuse(context, `${label} After must not be later than ${label} Before`, itemIndex);
		}
	}
	return qs;
}

/** Turns a Status given by name into its ID, and refuses a status the store does not have. */
export async function resolveStatusFilter(context: IExecuteFunctions, qs: IDataObject, itemIndex: number): Promise<IDataObject> {
	if (qs.status_id === undefined) return qs;
	const [statusId] = await resolveOrderStatuses(context, [qs.status_id], 'Status', itemIndex);
	return { ...qs, status_id: statusId };
}
