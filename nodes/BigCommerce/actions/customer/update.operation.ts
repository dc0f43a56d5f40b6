import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { customerUpdateFields, toCustomerFields } from './fields';
import { customerIdLocator } from './options';
import { emitOutcomes, readEveryItem, writeForItems } from './prepare';
import { updateCustomers, writeCustomerBatches } from './requests';
import { simplified } from './simplify';

const properties: INodeProperties[] = [
	customerIdLocator,
	simplifyProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerUpdateFields(),
	},
];

export const description = showFor({ show: { resource: ['customer'], operation: ['update'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = readEveryItem(this, items, (itemIndex) => {
		const id = readId(this, 'customerId', itemIndex, 'Customer ID');
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes = toCustomerFields(this, fields, {}, itemIndex);
		if (Object.keys(changes).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Update Fields is empty: nothing to change', {
				itemIndex,
				description: 'Add at least one field under Update Fields.',
			});
		}
		return { id, ...changes } as IDataObject;
	});
	const outcomes = await writeForItems(inputs, async (records) =>
		await writeCustomerBatches(records, async (batch) => await updateCustomers.call(this, batch)),
	);
	return await emitOutcomes(this, items, (itemIndex) =>
		simplified(outcomes[itemIndex], this.getNodeParameter('simplify', itemIndex, true) as boolean),
	);
}
