import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { BATCH_LIMITS, bigCommerceRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { ItemOutcomes, plannedPerItem, readEveryItem, type PlannedWrite } from '../common/items';
import { readId } from '../common/inputs';
import { customerIdLocator } from './options';
import { CUSTOMERS_PATH, customerNotFound, findCustomersById } from './requests';

const properties: INodeProperties[] = [customerIdLocator];

export const description = showFor({ show: { resource: ['customer'], operation: ['delete'] } }, properties);

/**
 * Deletes customers 250 per request. DELETE /v3/customers answers 204 whether or not the IDs
 * exist, so they are looked up first: a wrong ID is reported instead of silently "deleted".
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readId(this, 'customerId', itemIndex, 'Customer ID'));
	const outcomes = new ItemOutcomes<IDataObject>(this, items, inputs);
	const ids = plannedPerItem(inputs);
	if (!ids.length) return await outcomes.emit((deleted) => deleted);

	const firstItem = ids[0].itemIndexes[0];
	let existing: Map<number, IDataObject>;
	try {
		existing = await findCustomersById.call(this, ids.map((entry) => entry.record), [], firstItem);
	} catch (error) {
		const failure = outcomes.fail(firstItem, error);
		for (const entry of ids) outcomes.settle(entry.itemIndexes, failure);
		return await outcomes.emit((deleted) => deleted);
	}

	// An unknown ID fails on its item; without Continue On Fail the node stops before deleting.
	const plan = new Map<number, PlannedWrite<number>>();
	for (const { itemIndexes, record: id } of ids) {
		if (!existing.has(id)) outcomes.fail(itemIndexes[0], customerNotFound(this, id, itemIndexes[0]));
		else plan.set(id, { itemIndexes: [...(plan.get(id)?.itemIndexes ?? []), ...itemIndexes], record: id });
	}
	await outcomes.write(
		[...plan.values()],
		{
			batchSize: BATCH_LIMITS.deleteIds,
			send: async (batch) => {
				await bigCommerceRequest.call(this, {
					method: 'DELETE',
					path: CUSTOMERS_PATH,
					qs: { 'id:in': batch.join(',') },
					itemIndex: firstItem,
				});
				return batch;
			},
		},
		(id) => ({ deleted: true, id }),
	);
	return await outcomes.emit((deleted) => deleted);
}
