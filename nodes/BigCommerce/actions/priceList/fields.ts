import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { idLocator } from '../common/descriptions';
import { flagField, textField, type FormField } from '../common/formFields';
import { readId } from '../common/inputs';

export const PRICE_LISTS_PATH = '/v3/pricelists';

/** The price list every price list, record and assignment operation works on. */
export const priceListIdLocator: INodeProperties = idLocator({
	name: 'priceListId',
	displayName: 'Price List',
	searchListMethod: 'searchPriceLists',
	description: 'The price list, chosen by name or given by ID',
});

export function readPriceListId(context: IExecuteFunctions, itemIndex: number): number {
	return readId(context, 'priceListId', itemIndex, 'Price List ID');
}

export const nameField: FormField = textField('Name', 'name', 'The price list\'s name, unique in the store', {
	empty: 'refuse',
	placeholder: 'e.g. Wholesale',
});

export const activeField: FormField = flagField(
	'Active',
	'active',
	'Whether the price list\'s prices apply where it is assigned; an inactive list keeps its prices unused',
);

/** The price list with this ID (the v3 envelope unwrapped). */
export async function readPriceList(context: IExecuteFunctions, id: number, itemIndex: number): Promise<IDataObject> {
	const answer = await bigCommerceApiRequest.call(context, { method: 'GET', path: `${PRICE_LISTS_PATH}/${id}`, itemIndex });
	return (answer.data ?? {}) as IDataObject;
}

/** The price list with exactly this name (names are unique in a store), or undefined. */
export async function findPriceListByName(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const answer = await bigCommerceApiRequest.call(context, {
		method: 'GET',
		path: PRICE_LISTS_PATH,
		qs: { name, limit: 1 },
		itemIndex,
	});
	const found = Array.isArray(answer.data) ? (answer.data as IDataObject[]) : [];
	return found.find((list) => String(list.name).toLowerCase() === name.toLowerCase());
}
