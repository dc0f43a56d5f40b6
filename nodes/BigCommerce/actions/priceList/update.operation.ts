import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { updateFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readFields } from '../common/formFields';
import { executePerItemReadFirst } from '../common/items';
import { PRICE_LISTS_PATH, activeField, nameField, priceListIdLocator, readPriceList, readPriceListId } from './fields';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	priceListIdLocator,
	updateFieldsCollection([activeField.property, { ...nameField.property, description: 'The price list\'s new name, unique in the store' }]),
];

export const description = showFor({ show: { resource: ['priceList'], operation: ['update'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItemReadFirst(this, items, {
		read: (itemIndex) => {
			const id = readPriceListId(this, itemIndex);
			const fields = itemParameter(this, 'updateFields', itemIndex, {}) as IDataObject;
			const body = readFields(this, [nameField, activeField], fields, itemIndex);
			if (!Object.keys(body).length) {
				throw new NodeOperationError(this.getNode(), 'Update Fields is empty: nothing to change', {
					itemIndex,
					description: 'Add at least one field under Update Fields.',
				});
			}
			return { id, body };
		},
		run: async ({ id, body }, itemIndex) => {
			// The update takes the name every time, as the create does: an unchanged one is read first.
			const name = body.name ?? (await readPriceList(this, id, itemIndex)).name;
			const answer = await bigCommerceApiRequest.call(this, {
				method: 'PUT',
				path: `${PRICE_LISTS_PATH}/${id}`,
				body: { ...body, name },
				itemIndex,
			});
			return (answer.data ?? {}) as IDataObject;
		},
	});
}
