import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { ItemOutcomes, readEveryItem } from '../common/items';
import { customerAdditionalFields, newCustomerProperties, readNewCustomer } from './fields';
import { createCustomers, CUSTOMER_WRITES, findCustomersByEmail, updateCustomers } from './requests';
import { simplified } from './simplify';
import { groupByEmail, planCustomerUpsert } from './upsertPlan';

const properties: INodeProperties[] = [
	{
		...newCustomerProperties[0],
		description: 'The e-mail address that identifies the customer: found ones are updated, others created',
	},
	...newCustomerProperties.slice(1),
	simplifyProperty,
	additionalFieldsCollection(
		customerAdditionalFields().map((field) =>
			field.name === 'addresses'
				? { ...field, description: 'Addresses of a new customer; an existing customer\'s addresses are left as they are' }
				: field,
		),
	),
];

export const description = showFor({ show: { resource: ['customer'], operation: ['upsert'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readNewCustomer(this, itemIndex));
	const outcomes = new ItemOutcomes<IDataObject>(this, items, inputs);
	const groups = groupByEmail(inputs);
	const firstItem = [...groups.values()][0]?.itemIndexes[0];

	if (firstItem !== undefined) {
		let existing: Map<string, IDataObject> | undefined;
		try {
			existing = await findCustomersByEmail.call(this, [...groups.keys()], firstItem);
		} catch (error) {
			const failure = outcomes.fail(firstItem, error);
			for (const group of groups.values()) outcomes.settle(group.itemIndexes, failure);
		}
		if (existing) {
			const plan = planCustomerUpsert(groups, existing);
			const saved = (customer: IDataObject) => customer;
			await outcomes.write(
				plan.updates,
				{ ...CUSTOMER_WRITES, send: async (batch) => await updateCustomers.call(this, batch) },
				saved,
			);
			// Only e-mails the look-up above did not find are created.
			await outcomes.write(
				plan.creates,
				{ ...CUSTOMER_WRITES, send: async (batch) => await createCustomers.call(this, batch, true) },
				saved,
			);
		}
	}

	return await outcomes.emit((customer, itemIndex) => simplified(this, customer, itemIndex));
}
