import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { flagFilter, idsFilter, propertiesOf, readFilters, textFilter, type FormField } from '../common/formFields';
import { toWholeNumber } from '../common/inputs';
import { listOf, listOperation, simplifiedBy } from '../common/lists';
import { toSimpleCategory } from './toSimpleCategory';

const filters: FormField[] = [
	flagFilter('Is Visible', 'isVisible', 'Whether to list only categories shown on the storefront (or only hidden ones)', {
		key: 'is_visible',
	}),
	textFilter('Name', 'name', 'Only categories with exactly this name', { placeholder: 'e.g. Shoes' }),
	textFilter('Name Contains', 'nameLike', 'Only categories whose name contains this text', {
		placeholder: 'e.g. shoe',
		key: 'name:like',
	}),
	// 0 is not a category but the top level, so these are whole numbers rather than IDs.
	idsFilter(
		'Parent Category IDs',
		'parentIds',
		'Only direct subcategories of these categories, separated by commas; 0 lists top-level categories',
		{
			placeholder: 'e.g. 18, 23',
			key: 'parent_id:in',
			read: (context, value, itemIndex) =>
				listOf(value).map((id) => toWholeNumber(context, id, 'Parent Category IDs', itemIndex, { min: 0 })),
		},
	),
	idsFilter('Tree IDs', 'treeIds', 'Only categories of these category trees (one per storefront), separated by commas', {
		placeholder: 'e.g. 1',
		key: 'tree_id:in',
	}),
];

const properties: INodeProperties[] = [...returnAllOrLimit(), filtersCollection(propertiesOf(filters)), simplifyProperty];

export const description = showFor({ show: { resource: ['category'], operation: ['getAll'] } }, properties);

export const execute = listOperation((context, itemIndex) => ({
	style: 'v3Page',
	path: '/v3/catalog/trees/categories',
	qs: readFilters(context, filters, itemIndex),
	shape: simplifiedBy(context, itemIndex, toSimpleCategory),
}));
