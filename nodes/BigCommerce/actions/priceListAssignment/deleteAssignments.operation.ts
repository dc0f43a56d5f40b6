import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { chooseFromList } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { priceListIdLocator, readPriceListId } from '../priceList/fields';
import { ASSIGNMENTS_PATH, channelChoice, customerGroupChoice, optionalId } from './assignments';

const properties: INodeProperties[] = [
	{ ...priceListIdLocator, description: 'The price list to unassign' },
	{ ...customerGroupChoice, description: chooseFromList('one', 'Only its assignment to this customer group; empty for any group') },
	{ ...channelChoice, description: chooseFromList('one', 'Only its assignment on this channel; empty for any channel') },
];

export const description = showFor({ show: { resource: ['priceListAssignment'], operation: ['delete'] } }, properties);

/** Removes the price list's assignments that match (DELETE by filter, one request). */
export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const qs: IDataObject = { price_list_id: readPriceListId(this, itemIndex) };
	const group = optionalId(this, 'customerGroupId', 'Customer Group', itemIndex);
	const channel = optionalId(this, 'channelId', 'Channel', itemIndex);
	if (group !== undefined) qs.customer_group_id = group;
	if (channel !== undefined) qs.channel_id = channel;
	await bigCommerceRequest.call(this, { method: 'DELETE', path: ASSIGNMENTS_PATH, qs, itemIndex });
	return { deleted: true, ...qs };
}
