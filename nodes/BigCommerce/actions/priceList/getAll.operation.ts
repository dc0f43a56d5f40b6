import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { idsFilter, propertiesOf, readFilters, textFilter, type FormField } from '../common/formFields';
import { listOperation } from '../common/lists';
import { PRICE_LISTS_PATH } from './fields';

const filters: FormField[] = [
	idsFilter('IDs', 'ids', 'Only the price lists with these IDs, separated by commas', { placeholder: 'e.g. 1,4', key: 'id:in' }),
	textFilter('Name', 'name', 'Only the price list with exactly this name', { placeholder: 'e.g. Wholesale' }),
	textFilter('Name Contains', 'nameLike', 'Only price lists whose name contains this text', {
		placeholder: 'e.g. trade',
		key: 'name:like',
	}),
];

const properties: INodeProperties[] = [...returnAllOrLimit(), filtersCollection(propertiesOf(filters))];

export const description = showFor({ show: { resource: ['priceList'], operation: ['getAll'] } }, properties);

export const execute = listOperation((context, itemIndex) => ({
	style: 'v3Page',
	path: PRICE_LISTS_PATH,
	qs: readFilters(context, filters, itemIndex),
}));
