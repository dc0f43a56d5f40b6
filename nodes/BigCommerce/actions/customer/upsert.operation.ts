import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { emitOutcomes, itemFailure, readEveryItem, type ItemOutcome } from '../common/items';
import { customerAdditionalFields, emailKey, newCustomerProperties, readNewCustomer } from './fields';
import { createCustomers, findCustomersByEmail, updateCustomers, writeCustomerBatches } from './requests';
import { simplified } from './simplify';

const properties: INodeProperties[] = [
	{
		...newCustomerProperties[0],
		description: 'The e-mail address that identifies the customer: found ones are updated, others created',
	},
	...newCustomerProperties.slice(1),
	simplifyProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerAdditionalFields().map((field) =>
			field.name === 'addresses'
				? { ...field, description: 'Addresses of a new customer; an existing customer\'s addresses are left as they are' }
				: field,
		),
	},
];

export const description = showFor({ show: { resource: ['customer'], operation: ['upsert'] } }, properties);

// Left out of updates: the e-mail already matches (its stored spelling is kept), and the
// update API takes no addresses and sends no welcome e-mail.
const CREATE_ONLY = ['email', 'addresses', 'trigger_account_created_notification'];

interface Group {
	/** Input items with this e-mail, in input order. */
	itemIndexes: number[];
	/** The items' fields merged in input order: later rows win, as if applied one after another. */
	record: IDataObject;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readNewCustomer(this, itemIndex));

	// The same e-mail twice in one input is one customer: written once, output on both items.
	const groups = new Map<string, Group>();
	inputs.forEach((input, itemIndex) => {
		if (!input.ok) return;
		const key = emailKey(input.value.email);
		const group = groups.get(key);
		if (group) {
			group.itemIndexes.push(itemIndex);
			group.record = { ...group.record, ...input.value };
		} else {
			groups.set(key, { itemIndexes: [itemIndex], record: { ...input.value } });
		}
	});

	const outcomes = new Map<number, ItemOutcome<IDataObject>>();
	const settle = (group: Group, outcome: ItemOutcome<IDataObject>) => {
		for (const itemIndex of group.itemIndexes) outcomes.set(itemIndex, outcome);
	};

	if (groups.size > 0) {
		const firstItem = [...groups.values()][0].itemIndexes[0];
		let existing: Map<string, IDataObject> | undefined;
		try {
			existing = await findCustomersByEmail.call(this, [...groups.keys()], firstItem);
		} catch (error) {
			const failure = itemFailure(this, error, firstItem);
			for (const group of groups.values()) settle(group, failure);
		}

		if (existing) {
			const updates: Group[] = [];
			const creates: Group[] = [];
			for (const [key, group] of groups) {
				const found = existing.get(key);
				if (found) {
					const record: IDataObject = { ...group.record, id: found.id };
					for (const field of CREATE_ONLY) delete record[field];
					updates.push({ ...group, record });
				} else {
					creates.push(group);
				}
			}
			const updated = await writeCustomerBatches(
				updates.map((group) => group.record),
				async (batch) => await updateCustomers.call(this, batch),
			);
			updates.forEach((group, position) => settle(group, updated[position]));
			const created = await writeCustomerBatches(
				creates.map((group) => group.record),
				// Only e-mails the look-up above did not find are created.
				async (batch) => await createCustomers.call(this, batch, true),
			);
			creates.forEach((group, position) => settle(group, created[position]));
		}
	}

	return await emitOutcomes(this, items, (itemIndex) => {
		const input = inputs[itemIndex];
		if (!input.ok) return input;
		const outcome = outcomes.get(itemIndex);
		if (!outcome) return { ok: true, value: {} };
		return outcome.ok ? { ok: true, value: simplified(this, outcome.value, itemIndex) } : outcome;
	});
}
