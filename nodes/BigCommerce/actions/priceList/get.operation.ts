import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../common/displayOptions';
import { priceListIdLocator, readPriceList, readPriceListId } from './fields';

const properties: INodeProperties[] = [priceListIdLocator];

export const description = showFor({ show: { resource: ['priceList'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await readPriceList(this, readPriceListId(this, itemIndex), itemIndex);
}
