import type { IDataObject } from 'n8n-workflow';

import type { ItemOutcome, PlannedWrite } from '../common/items';
import { emailKey } from './fields';

// Left out of updates: the e-mail already matches (its stored spelling is kept), and the
// update API takes no addresses and sends no welcome e-mail.
const CREATE_ONLY = ['email', 'addresses', 'trigger_account_created_notification'];

/**
 * The same e-mail twice in one input is one customer, written once and output on each of its
 * items: its rows' fields merge in input order, later rows winning as if applied one by one.
 * Keyed by lower-cased e-mail, in the order the e-mails first appear.
 */
export function groupByEmail(inputs: Array<ItemOutcome<IDataObject>>): Map<string, PlannedWrite<IDataObject>> {
	const groups = new Map<string, PlannedWrite<IDataObject>>();
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
	return groups;
}

/** Plans Create or Update by e-mail: a customer found by the look-up is updated, the rest created. */
export function planCustomerUpsert(
	groups: Map<string, PlannedWrite<IDataObject>>,
	existing: Map<string, IDataObject>,
): { updates: Array<PlannedWrite<IDataObject>>; creates: Array<PlannedWrite<IDataObject>> } {
	const updates: Array<PlannedWrite<IDataObject>> = [];
	const creates: Array<PlannedWrite<IDataObject>> = [];
	for (const [key, group] of groups) {
		const found = existing.get(key);
		if (!found) {
			creates.push(group);
			continue;
		}
		const record: IDataObject = { ...group.record, id: found.id };
		for (const field of CREATE_ONLY) delete record[field];
		updates.push({ ...group, record });
	}
	return { updates, creates };
}
