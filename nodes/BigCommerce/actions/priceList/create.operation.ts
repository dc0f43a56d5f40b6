import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { additionalFieldsCollection, optionsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { flagField, readFields } from '../common/formFields';
import { executePerItemReadFirst } from '../common/items';
import { createOnce } from '../common/createOnce';
import { PRICE_LISTS_PATH, activeField, findPriceListByName, nameField } from './fields';
import { itemParameter } from '../common/parameters';

const useExistingField = flagField(
	'Use Existing List of That Name',
	'useExisting',
	'Whether to return the price list that already has this name instead of failing, so that a workflow run twice finds the list it created the first time',
);

const properties: INodeProperties[] = [
	{ ...nameField.property, required: true },
	additionalFieldsCollection([{ ...activeField.property, default: true }]),
	optionsCollection([useExistingField.property]),
];

export const description = showFor({ show: { resource: ['priceList'], operation: ['create'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executePerItemReadFirst(this, items, {
		read: (itemIndex) => {
			const additional = itemParameter(this, 'additionalFields', itemIndex, {}) as IDataObject;
			const body = readFields(this, [nameField, activeField], { ...additional, name: itemParameter(this, 'name', itemIndex, '') }, itemIndex);
			const options = itemParameter(this, 'options', itemIndex, {}) as IDataObject;
			return { body, useExisting: options.useExisting === true };
		},
		run: async ({ body, useExisting }, itemIndex) => {
			const name = String(body.name);
			// Names are unique: the look-up tells an existing list apart before anything is sent,
			// and finds the list again if the create's answer is lost.
			const existing = await findPriceListByName(this, name, itemIndex);
			if (existing) {
				if (useExisting) return existing;
				throw new NodeOperationError(this.getNode(), `A price list named "${name}" already exists (ID ${String(existing.id)})`, {
					itemIndex,
					description: 'Price list names are unique. Choose another name, or turn on Options > Use Existing List of That Name.',
				});
			}
			return await createOnce(this, {
				checkedAbsent: true,
				create: async () => {
					const answer = await bigCommerceApiRequest.call(this, { method: 'POST', path: PRICE_LISTS_PATH, body, itemIndex });
					return (answer.data ?? {}) as IDataObject;
				},
				lookup: async () => await findPriceListByName(this, name, itemIndex),
			});
		},
	});
}
