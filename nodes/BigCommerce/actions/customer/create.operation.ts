import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { executeBatched } from '../common/items';
import { customerAdditionalFields, newCustomerProperties, readNewCustomer } from './fields';
import { createCustomers, CUSTOMER_WRITES } from './requests';
import { simplified } from './simplify';

const properties: INodeProperties[] = [
	...newCustomerProperties,
	simplifyProperty,
	additionalFieldsCollection(customerAdditionalFields()),
];

export const description = showFor({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const run = executeBatched<IDataObject, IDataObject>;
	return await run.call(this, items, {
		...CUSTOMER_WRITES,
		build: (itemIndex) => readNewCustomer(this, itemIndex),
		send: async (batch) => await createCustomers.call(this, batch),
		output: (customer, itemIndex) => simplified(this, customer, itemIndex),
	});
}
