import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { customerAdditionalFields, newCustomerProperties, readNewCustomer } from './fields';
import { emitOutcomes, readEveryItem, writeForItems } from './prepare';
import { createCustomers, writeCustomerBatches } from './requests';
import { simplified } from './simplify';

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
	const inputs = readEveryItem(this, items, (itemIndex) => readNewCustomer(this, itemIndex));
	const outcomes = await writeForItems(inputs, async (records) =>
		await writeCustomerBatches(records, async (batch) => await createCustomers.call(this, batch)),
	);
	return await emitOutcomes(this, items, (itemIndex) =>
		simplified(outcomes[itemIndex], this.getNodeParameter('simplify', itemIndex, true) as boolean),
	);
}
