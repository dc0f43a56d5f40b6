import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { propertiesOf, readFilters, textFilter, type FormField } from '../common/formFields';
import { listOperation } from '../common/lists';

const filters: FormField[] = [
	textFilter('Name', 'name', 'Only the brand with exactly this name', { placeholder: 'e.g. Acme' }),
	textFilter('Name Contains', 'nameLike', 'Only brands whose name contains this text', {
		placeholder: 'e.g. acme',
		key: 'name:like',
	}),
];

const properties: INodeProperties[] = [...returnAllOrLimit(), filtersCollection(propertiesOf(filters))];

export const description = showFor({ show: { resource: ['brand'], operation: ['getAll'] } }, properties);

export const execute = listOperation((context, itemIndex) => ({
	style: 'v3Page',
	path: '/v3/catalog/brands',
	qs: readFilters(context, filters, itemIndex),
}));
