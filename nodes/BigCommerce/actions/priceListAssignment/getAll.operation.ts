import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { idsFilter, propertiesOf, readFilters, storeChoicesField, type FormField } from '../common/formFields';
import { listOperation } from '../common/lists';
import { ASSIGNMENTS_PATH } from './assignments';

const filters: FormField[] = [
	storeChoicesField('Channel Names or IDs', 'channelIds', 'getChannels', {
		lead: 'Only assignments on these channels',
		key: 'channel_id:in',
	}),
	storeChoicesField('Customer Group Names or IDs', 'customerGroupIds', 'getCustomerGroups', {
		lead: 'Only assignments to these customer groups',
		key: 'customer_group_id:in',
	}),
	idsFilter('Price List IDs', 'priceListIds', 'Only assignments of these price lists, separated by commas', {
		placeholder: 'e.g. 1,4',
		key: 'price_list_id:in',
	}),
];

const properties: INodeProperties[] = [...returnAllOrLimit(), filtersCollection(propertiesOf(filters))];

export const description = showFor({ show: { resource: ['priceListAssignment'], operation: ['getAll'] } }, properties);

export const execute = listOperation((context, itemIndex) => ({
	style: 'v3Page',
	path: ASSIGNMENTS_PATH,
	qs: readFilters(context, filters, itemIndex),
}));
