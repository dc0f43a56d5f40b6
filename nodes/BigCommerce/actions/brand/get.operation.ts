import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { idLocator } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';

const properties: INodeProperties[] = [
	idLocator({
		name: 'brandId',
		displayName: 'Brand',
		searchListMethod: 'searchBrands',
		placeholder: 'e.g. 36',
		description: 'The brand to get',
	}),
];

export const description = showFor({ show: { resource: ['brand'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const brandId = readId(this, 'brandId', itemIndex, 'Brand ID');
	const response = await bigCommerceApiRequest.call(this, {
		method: 'GET',
		path: `/v3/catalog/brands/${brandId}`,
		itemIndex,
	});
	return (response.data ?? {}) as IDataObject;
}
