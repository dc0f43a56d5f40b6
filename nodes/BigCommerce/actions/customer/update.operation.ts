import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyProperty, updateFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { executeBatched } from '../common/items';
import { customerUpdateFields, toCustomerFields } from './fields';
import { customerIdLocator } from './options';
import { CUSTOMER_WRITES, updateCustomers } from './requests';
import { simplified } from './simplify';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	customerIdLocator,
	simplifyProperty,
	updateFieldsCollection(customerUpdateFields()),
];

export const description = showFor({ show: { resource: ['customer'], operation: ['update'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const run = executeBatched<IDataObject, IDataObject>;
	return await run.call(this, items, {
		...CUSTOMER_WRITES,
		build: (itemIndex) => {
			const id = readId(this, 'customerId', itemIndex, 'Customer ID');
			const fields = itemParameter(this, 'updateFields', itemIndex, {}) as IDataObject;
			const changes = toCustomerFields(this, fields, {}, itemIndex);
			if (Object.keys(changes).length === 0) {
				throw new NodeOperationError(this.getNode(), 'Update Fields is empty: nothing to change', {
					itemIndex,
					description: 'Add at least one field under Update Fields.',
				});
			}
			return { id, ...changes } as IDataObject;
		},
		send: async (batch) => await updateCustomers.call(this, batch),
		output: (customer, itemIndex) => simplified(this, customer, itemIndex),
	});
}
