import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getAllItems } from '../../transport';
import { filtersCollection, returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readReturnAllOrLimit, toText } from '../common/inputs';
import { executePerItem } from '../common/items';
import { OWNERS, ownerIdProperty, ownerTypeProperty, readOwnerId, readOwnerType } from './owners';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	ownerTypeProperty,
	ownerIdProperty('The ID of the record whose metafields to list; leave empty to list the metafields of every record of the Owner Type', false),
	...returnAllOrLimit(),
	filtersCollection([
		{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Only metafields with this key' },
		{ displayName: 'Namespace', name: 'namespace', type: 'string', default: '', description: 'Only metafields in this namespace' },
	]),
];

export const description = showFor({ show: { resource: ['metafield'], operation: ['getAll'] } }, properties);

/**
 * Lists one owner's metafields, or every metafield of the owner type, filtered by namespace and
 * key, every page (or up to Limit). A variant's own list sits under its product, so a variant's
 * metafields are read from the batch list and kept by variant ID.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await executePerItem.call(this, items, async (itemIndex) => {
		const type = readOwnerType(this, itemIndex);
		const given = String(itemParameter(this, 'ownerId', itemIndex, '') ?? '').trim();
		const ownerId = given === '' ? undefined : readOwnerId(this, itemIndex);
		const { limit } = readReturnAllOrLimit(this, itemIndex);
		const filters = itemParameter(this, 'filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		for (const name of ['namespace', 'key']) {
			const value = toText(this, filters[name], name, itemIndex, false);
			if (value !== '') qs[name] = value;
		}
		const owner = OWNERS[type];
		if (ownerId !== undefined && owner.ownPath) {
			return await getAllItems.call(this, { style: 'v3Page', path: owner.ownPath(ownerId), qs, limit, itemIndex });
		}
		if (ownerId === undefined) {
			return await getAllItems.call(this, { style: 'v3Page', path: owner.batchPath, qs, limit, itemIndex });
		}
		const all = await getAllItems.call(this, { style: 'v3Page', path: owner.batchPath, qs, itemIndex });
		const own = all.filter((metafield) => Number(metafield.resource_id) === ownerId);
		return limit === undefined ? own : own.slice(0, limit);
	});
}
