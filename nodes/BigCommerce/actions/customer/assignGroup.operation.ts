import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest, toNodeApiError } from '../../transport';
import { idLocator } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { atItem } from '../common/items';
import { readId } from '../common/inputs';
import { customerIdLocator } from './options';
import { emitOutcomes, readEveryItem, writeForItems, type Prepared } from './prepare';
import { updateCustomers, writeCustomerBatches } from './requests';

const properties: INodeProperties[] = [
	customerIdLocator,
	idLocator({
		name: 'customerGroupId',
		displayName: 'Customer Group',
		searchListMethod: 'searchCustomerGroups',
		description: 'The group the customer joins, leaving any group they were in',
	}),
];

export const description = showFor({ show: { resource: ['customer'], operation: ['assignGroup'] } }, properties);

type Failure = ReturnType<typeof atItem>;

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = readEveryItem(this, items, (itemIndex) => ({
		id: readId(this, 'customerId', itemIndex, 'Customer ID'),
		customer_group_id: readId(this, 'customerGroupId', itemIndex, 'Customer Group ID'),
	}));

	// An unknown group would reject every batch it is in: check each distinct group once.
	const groupProblems = new Map<number, Failure>();
	const checked = new Set<number>();
	for (const [itemIndex, input] of inputs.entries()) {
		if (!input.ok || checked.has(input.value.customer_group_id)) continue;
		const groupId = input.value.customer_group_id;
		checked.add(groupId);
		const path = `/v2/customer_groups/${groupId}`;
		try {
			const response = await bigCommerceRequest.call(this, { method: 'GET', path, itemIndex, allowStatuses: [404] });
			if (response.statusCode === 404) {
				groupProblems.set(
					groupId,
					toNodeApiError(this.getNode(), {
						method: 'GET',
						path,
						statusCode: 404,
						body: [{ status: 404, message: `There is no customer group with ID ${groupId}` }],
						itemIndex,
					}),
				);
			}
		} catch (error) {
			groupProblems.set(groupId, atItem(this, error, itemIndex));
		}
	}

	// Items whose group does not exist fail on their own, without a request.
	const checkedInputs = inputs.map((input): Prepared<IDataObject> => {
		if (!input.ok) return input;
		const problem = groupProblems.get(input.value.customer_group_id);
		return problem ? { ok: false, error: problem } : { ok: true, value: { ...input.value } };
	});
	// PUT /v3/customers sets the group of up to 10 customers per request.
	const outcomes = await writeForItems(checkedInputs, async (records) =>
		await writeCustomerBatches(records, async (batch) => await updateCustomers.call(this, batch)),
	);
	return await emitOutcomes(this, items, (itemIndex) => {
		const outcome = outcomes[itemIndex];
		if (!outcome.ok) return outcome;
		const customer = outcome.value;
		return {
			ok: true,
			value: { id: customer.id, email: customer.email, customer_group_id: customer.customer_group_id },
		};
	});
}
