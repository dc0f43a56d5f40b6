import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest, toNodeApiError } from '../../transport';
import { idLocator } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { atItem, ItemOutcomes, readEveryItem, type PlannedWrite } from '../common/items';
import { readId } from '../common/inputs';
import { customerIdLocator } from './options';
import { CUSTOMER_WRITES, updateCustomers } from './requests';

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
	const inputs = await readEveryItem(this, items, (itemIndex) => ({
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

	// Items whose group does not exist fail on their own, without a request; without Continue On
	// Fail the first of them stops the node before any customer is changed.
	const outcomes = new ItemOutcomes<IDataObject>(this, items, inputs);
	const plan: Array<PlannedWrite<IDataObject>> = [];
	inputs.forEach((input, itemIndex) => {
		if (!input.ok) return;
		const problem = groupProblems.get(input.value.customer_group_id);
		if (problem) outcomes.fail(itemIndex, problem);
		else plan.push({ itemIndexes: [itemIndex], record: { ...input.value } });
	});
	// PUT /v3/customers sets the group of up to 10 customers per request.
	await outcomes.write(
		plan,
		{ ...CUSTOMER_WRITES, send: async (batch) => await updateCustomers.call(this, batch) },
		(customer) => ({ id: customer.id, email: customer.email, customer_group_id: customer.customer_group_id }),
	);
	return await outcomes.emit((membership) => membership);
}
