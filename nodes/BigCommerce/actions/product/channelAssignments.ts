import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BATCH_LIMITS, bigCommerceRequest } from '../../transport';
import { idLocator } from '../common/descriptions';
import { storeChoicesField } from '../common/formFields';
import { readId } from '../common/inputs';
import { ItemOutcomes, plannedPerItem, pushTo, readEveryItem, type PlannedWrite } from '../common/items';
import { itemParameter } from '../common/parameters';

export const CHANNEL_ASSIGNMENTS_PATH = '/v3/catalog/products/channel-assignments';

/** One input item: a product and the channels it goes on or comes off. */
export interface ChannelAssignment {
	productId: number;
	channelIds: number[];
}

const channelIdsField = storeChoicesField('Channel Names or IDs', 'channelIds', 'getChannels');

/** The parameters of Add to Channel and Remove From Channel. */
export function channelAssignmentProperties(action: 'add' | 'remove'): INodeProperties[] {
	return [
		idLocator({
			name: 'productId',
			displayName: 'Product',
			searchListMethod: 'searchProducts',
			description: action === 'add' ? 'The product to list on the channels' : 'The product to take off the channels',
		}),
		{
			...channelIdsField.property,
			description: `${action === 'add' ? 'The storefronts or marketplaces to list the product on' : 'The storefronts or marketplaces to take the product off'}. ${channelIdsField.property.description}.`,
		},
	];
}

function readAssignment(context: IExecuteFunctions, itemIndex: number): ChannelAssignment {
	const productId = readId(context, 'productId', itemIndex, 'Product');
	const raw = itemParameter(context, 'channelIds', itemIndex, []);
	const channelIds = (channelIdsField.read(context, raw, itemIndex) as number[] | undefined) ?? [];
	if (!channelIds.length) {
		throw new NodeOperationError(context.getNode(), 'Channel Names or IDs: choose at least one channel', { itemIndex });
	}
	return { productId, channelIds: [...new Set(channelIds)] };
}

function assigned(assignment: ChannelAssignment, done: 'assigned' | 'removed'): IDataObject {
	return { product_id: assignment.productId, channel_ids: assignment.channelIds, [done]: true };
}

/**
 * Add to Channel: every item's product onto its channels, as many assignments per PUT as the
 * batch limit allows. BigCommerce refuses a batch with a product or channel it does not know
 * as a whole, so a refused batch is halved until the refusal sits on its item; assigning again
 * what is assigned changes nothing, so a re-sent half is harmless.
 */
export async function addToChannels(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(context, items, (itemIndex) => readAssignment(context, itemIndex));
	const outcomes = new ItemOutcomes<ChannelAssignment>(context, items, inputs);
	const plan = plannedPerItem(inputs);
	const widest = Math.max(1, ...plan.map((entry) => entry.record.channelIds.length));
	await outcomes.write(
		plan,
		{
			batchSize: Math.max(1, Math.floor(BATCH_LIMITS.channelAssignments / widest)),
			isolateFailures: true,
			send: async (batch) => {
				const body = batch.flatMap(({ productId, channelIds }) =>
					channelIds.map((channelId) => ({ product_id: productId, channel_id: channelId })),
				);
				await bigCommerceRequest.call(context, { method: 'PUT', path: CHANNEL_ASSIGNMENTS_PATH, body });
				return batch;
			},
		},
		(assignment) => assignment,
	);
	return await outcomes.emit((assignment) => assigned(assignment, 'assigned'));
}

/**
 * Remove From Channel: items that leave the same channels share a DELETE, up to the batch limit
 * of products per request (`product_id:in` with `channel_id:in`). BigCommerce answers 204
 * whether or not a product was on the channel: afterwards it is not.
 */
export async function removeFromChannels(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(context, items, (itemIndex) => readAssignment(context, itemIndex));
	const outcomes = new ItemOutcomes<ChannelAssignment>(context, items, inputs);
	const byChannels = new Map<string, Array<PlannedWrite<ChannelAssignment>>>();
	for (const entry of plannedPerItem(inputs)) {
		const key = [...entry.record.channelIds].sort((a, b) => a - b).join(',');
		pushTo(byChannels, key, entry);
	}
	for (const [channels, plan] of byChannels) {
		await outcomes.write(
			plan,
			{
				batchSize: BATCH_LIMITS.channelAssignments,
				send: async (batch) => {
					const products = [...new Set(batch.map((assignment) => assignment.productId))];
					await bigCommerceRequest.call(context, {
						method: 'DELETE',
						path: CHANNEL_ASSIGNMENTS_PATH,
						qs: { 'product_id:in': products.join(','), 'channel_id:in': channels },
					});
					return batch;
				},
			},
			(assignment) => assignment,
		);
	}
	return await outcomes.emit((assignment) => assigned(assignment, 'removed'));
}
