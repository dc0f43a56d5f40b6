import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chunkForBatch, getAllItems } from '../../transport';
import { storeChoiceField } from '../common/formFields';
import { toId } from '../common/inputs';
import { itemParameter } from '../common/parameters';

export const ASSIGNMENTS_PATH = '/v3/pricelists/assignments';

/** An assignment's place: a customer group, a channel, or a group on a channel. */
export interface AssignmentKey {
	price_list_id: number;
	customer_group_id?: number;
	channel_id?: number;
}

export function sameAssignment(a: AssignmentKey, b: IDataObject): boolean {
	return (
		Number(b.price_list_id) === a.price_list_id &&
		(b.customer_group_id === undefined || b.customer_group_id === null ? undefined : Number(b.customer_group_id)) === a.customer_group_id &&
		(b.channel_id === undefined || b.channel_id === null ? undefined : Number(b.channel_id)) === a.channel_id
	);
}

export const customerGroupChoice: INodeProperties = storeChoiceField('Customer Group Name or ID', 'customerGroupId', 'getCustomerGroups', {
	lead: 'The customer group whose members get the list\'s prices; empty for every shopper of the channel',
}).property;

export const channelChoice: INodeProperties = storeChoiceField('Channel Name or ID', 'channelId', 'getChannels', {
	lead: 'The channel (storefront) where the list\'s prices apply; empty for the group on every channel',
}).property;

/** An optional store choice: empty is none, anything else a checked ID. */
export function optionalId(context: IExecuteFunctions, name: string, label: string, itemIndex: number): number | undefined {
	const value = itemParameter(context, name, itemIndex, '');
	if (value === '' || value === undefined || value === null) return undefined;
	return toId(context, value, label, itemIndex);
}

/** Every assignment of these price lists, 250 list IDs per request, all pages. */
export async function findAssignments(context: IExecuteFunctions, priceListIds: number[]): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	for (const chunk of chunkForBatch([...new Set(priceListIds)], 250)) {
		found.push(
			...(await getAllItems.call(context, {
				style: 'v3Page',
				path: ASSIGNMENTS_PATH,
				qs: { 'price_list_id:in': chunk.join(',') },
			})),
		);
	}
	return found;
}
