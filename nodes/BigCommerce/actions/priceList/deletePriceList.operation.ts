import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { PRICE_LISTS_PATH, priceListIdLocator, readPriceListId } from './fields';

const properties: INodeProperties[] = [
	{ ...priceListIdLocator, description: 'The price list to delete, with all its prices and assignments' },
];

export const description = showFor({ show: { resource: ['priceList'], operation: ['delete'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readPriceListId(this, itemIndex);
	await bigCommerceRequest.call(this, { method: 'DELETE', path: `${PRICE_LISTS_PATH}/${id}`, itemIndex });
	return { deleted: true, id };
}
