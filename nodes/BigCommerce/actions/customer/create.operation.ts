import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { customerAdditionalFields, newCustomerProperties, readNewCustomer } from './fields';
import { createCustomers, executeCustomerWrites } from './requests';

const properties: INodeProperties[] = [
	...newCustomerProperties,
	simplifyProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerAdditionalFields(),
	},
];

export const description = showFor({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeCustomerWrites.call(this, items, {
		build: (itemIndex) => readNewCustomer(this, itemIndex),
		send: createCustomers,
	});
}
