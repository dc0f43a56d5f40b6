import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BATCH_LIMITS, BatchRecordFailure, bigCommerceRequest, outcomeUnknown, readBigCommerceError } from '../../transport';
import { showFor } from '../common/displayOptions';
import { ItemOutcomes, readEveryItem, type PlannedWrite } from '../common/items';
import { priceListIdLocator, readPriceListId } from '../priceList/fields';
import {
	ASSIGNMENTS_PATH,
	channelChoice,
	customerGroupChoice,
	findAssignments,
	optionalId,
	sameAssignment,
	type AssignmentKey,
} from './assignments';

const properties: INodeProperties[] = [
	{ ...priceListIdLocator, description: 'The price list to assign' },
	customerGroupChoice,
	channelChoice,
];

export const description = showFor({ show: { resource: ['priceListAssignment'], operation: ['create'] } }, properties);

function readAssignment(context: IExecuteFunctions, itemIndex: number): AssignmentKey {
	const key: AssignmentKey = { price_list_id: readPriceListId(context, itemIndex) };
	const group = optionalId(context, 'customerGroupId', 'Customer Group', itemIndex);
	const channel = optionalId(context, 'channelId', 'Channel', itemIndex);
	if (group === undefined && channel === undefined) {
		throw new NodeOperationError(context.getNode(), 'Choose a Customer Group, a Channel, or both', {
			itemIndex,
			description: 'A price list applies to a customer group, to every shopper of a channel, or to a group on one channel.',
		});
	}
	if (group !== undefined) key.customer_group_id = group;
	if (channel !== undefined) key.channel_id = channel;
	return key;
}

function notSaved(context: IExecuteFunctions, reason: string | undefined, httpCode: string): NodeApiError {
	const message = `BigCommerce did not save this assignment${reason ? `: ${reason}` : ''}`;
	const description = `A customer group and channel take one price list each; the list, the group and the channel must exist. (POST ${ASSIGNMENTS_PATH})`;
	return new NodeApiError(context.getNode(), { message, description } as JsonObject, { message, description, httpCode });
}

/**
 * Sends up to 25 assignments (POST, one request; never sent twice) and reads the lists'
 * assignments back, as the create answers without them: an assignment found was saved; one
 * not found fails with BigCommerce's error for its position, when it gave one.
 */
async function createAssignments(
	context: IExecuteFunctions,
	batch: AssignmentKey[],
): Promise<Array<IDataObject | BatchRecordFailure>> {
	let refusal: { errors: IDataObject; message?: string; httpCode: string } | undefined;
	try {
		const response = await bigCommerceRequest.call(context, { method: 'POST', path: ASSIGNMENTS_PATH, body: batch as unknown as IDataObject[], allowStatuses: [422] });
		if (response.statusCode === 422) {
			const body = (response.body ?? {}) as IDataObject;
			refusal = { errors: (body.errors ?? {}) as IDataObject, message: readBigCommerceError(body).message, httpCode: '422' };
		}
	} catch (error) {
		// A refusal saved nothing; an answer lost after sending is settled by the read-back.
		if (!outcomeUnknown(error)) return batch.map(() => new BatchRecordFailure(error as NodeApiError));
		refusal = { errors: {}, message: (error as Error).message, httpCode: String((error as NodeApiError).httpCode ?? '') };
	}
	const stored = await findAssignments(context, batch.map((key) => key.price_list_id));
	return batch.map((key, position) => {
		const found = stored.find((assignment) => sameAssignment(key, assignment));
		if (found) return found;
		const own = Object.entries(refusal?.errors ?? {})
			.filter(([field]) => field === String(position) || field.startsWith(`${position}.`) || field.startsWith(`[${position}]`))
			.map(([, reason]) => String(reason));
		return new BatchRecordFailure(notSaved(context, own.join('; ') || refusal?.message, refusal?.httpCode ?? '200'));
	});
}

/**
 * Assigns price lists, 25 per request. The lists' assignments are read first: one already in
 * place is output as it is, so a workflow run twice assigns nothing twice.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readAssignment(this, itemIndex));
	const outcomes = new ItemOutcomes<IDataObject>(this, items, inputs);
	const keys = inputs.flatMap((input) => (input.ok ? [input.value] : []));
	if (!keys.length) return await outcomes.emit((assignment) => assignment);

	let existing: IDataObject[] = [];
	try {
		existing = await findAssignments(this, keys.map((key) => key.price_list_id));
	} catch (error) {
		inputs.forEach((input, itemIndex) => input.ok && outcomes.fail(itemIndex, error));
		return await outcomes.emit((assignment) => assignment);
	}

	const plan = new Map<string, PlannedWrite<AssignmentKey>>();
	inputs.forEach((input, itemIndex) => {
		if (!input.ok) return;
		const found = existing.find((assignment) => sameAssignment(input.value, assignment));
		if (found) {
			outcomes.settle(itemIndex, { ok: true, value: found });
			return;
		}
		const id = JSON.stringify(input.value);
		plan.set(id, { itemIndexes: [...(plan.get(id)?.itemIndexes ?? []), itemIndex], record: input.value });
	});

	await outcomes.write(
		[...plan.values()],
		{ batchSize: BATCH_LIMITS.priceListAssignments, send: async (batch) => await createAssignments(this, batch) },
		(assignment) => assignment,
	);
	return await outcomes.emit((assignment) => assignment);
}
