import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { flagFilter, propertiesOf, readFilters, textFilter, type FormField } from '../common/formFields';
import { listOperation } from '../common/lists';
import { GROUPS_PATH } from './fields';

const filters: FormField[] = [
	flagFilter('Is Default', 'isDefault', 'Whether to return only the default group (true) or only the other groups (false)', {
		key: 'is_default',
		read: (_context, value) => Boolean(value),
	}),
	textFilter('Name', 'name', 'The exact group name', { placeholder: 'e.g. Wholesale' }),
	textFilter('Name Contains', 'nameLike', 'Text found in the group name', { placeholder: 'e.g. trade', key: 'name:like' }),
];

const properties: INodeProperties[] = [...returnAllOrLimit(), filtersCollection(propertiesOf(filters))];

export const description = showFor({ show: { resource: ['customerGroup'], operation: ['getAll'] } }, properties);

// v2 pages by page/limit (250 at most) and answers 204 past the last page.
export const execute = listOperation((context, itemIndex) => ({
	style: 'v2Page',
	path: GROUPS_PATH,
	qs: readFilters(context, filters, itemIndex),
	maxPageSize: 250,
}));
