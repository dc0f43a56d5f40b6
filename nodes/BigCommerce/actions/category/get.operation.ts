import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest, toNodeApiError } from '../../transport';
import { idLocator, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { toSimpleCategory } from './toSimpleCategory';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	idLocator({
		name: 'categoryId',
		displayName: 'Category',
		searchListMethod: 'searchCategories',
		placeholder: 'e.g. 23',
		description: 'The category to get',
	}),
	simplifyProperty,
];

export const description = showFor({ show: { resource: ['category'], operation: ['get'] } }, properties);

const PATH = '/v3/catalog/trees/categories';

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const categoryId = readId(this, 'categoryId', itemIndex, 'Category ID');
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;

	// Category trees have no single-category GET; the list filtered to one ID stands in for it.
	const response = await bigCommerceApiRequest.call(this, {
		method: 'GET',
		path: PATH,
		qs: { 'category_id:in': categoryId },
		itemIndex,
	});
	const category = (Array.isArray(response.data) ? response.data : [])[0] as IDataObject | undefined;
	if (!category) {
		throw toNodeApiError(this.getNode(), {
			method: 'GET',
			path: PATH,
			statusCode: 404,
			body: { status: 404, title: `Category ${categoryId} does not exist` },
			itemIndex,
		});
	}
	return simplify ? toSimpleCategory(category) : category;
}
