import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { idLocator } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { executePerItem } from '../common/items';

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

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const brandId = readId(this, 'brandId', itemIndex, 'Brand ID');
		const response = await bigCommerceApiRequest.call(this, {
			method: 'GET',
			path: `/v3/catalog/brands/${brandId}`,
			itemIndex,
		});
		return (response.data ?? {}) as IDataObject;
	});
}
