import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BATCH_LIMITS } from '../../transport';
import { additionalFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { ItemOutcomes, readEveryItem, type PlannedWrite } from '../common/items';
import {
	DESCRIPTION_MAX,
	NAME_MAX,
	VALUE_MAX,
	namespaceAndKeyProperties,
	ownerIdProperty,
	ownerTypeProperty,
	readBounded,
	readOwnerId,
	readOwnerType,
	type OwnerType,
} from './owners';
import { createMetafields, findMetafields, keyOf, updateMetafields } from './requests';
import { itemParameter } from '../common/parameters';

const PERMISSION_SETS = [
	{ name: 'App Only', value: 'app_only', description: 'Only the API account that wrote it can read or change it' },
	{ name: 'Read', value: 'read', description: 'Other API accounts can read it; only the writer can change it' },
	{ name: 'Read and Storefront', value: 'read_and_sf_access', description: 'As Read, and the storefront (Storefront GraphQL API, themes) can read it too' },
	{ name: 'Write', value: 'write', description: 'Other API accounts can read and change it' },
	{ name: 'Write and Storefront', value: 'write_and_sf_access', description: 'As Write, and the storefront (Storefront GraphQL API, themes) can read it too' },
];

const properties: INodeProperties[] = [
	ownerTypeProperty,
	ownerIdProperty('The ID of the product, order, customer, channel... the metafield belongs to'),
	...namespaceAndKeyProperties(': with the owner it finds the metafield to update, or names the new one'),
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. WH-EAST-2',
		description: 'The text to store (1 to 65,535 characters); an object from an expression is stored as JSON',
	},
	{
		displayName: 'Permission Set',
		name: 'permissionSet',
		type: 'options',
		default: 'app_only',
		options: PERMISSION_SETS,
		description: 'Who may read and change the metafield besides the API account that writes it',
	},
	additionalFieldsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'A note on what the metafield holds (up to 255 characters)',
		},
	]),
];

export const description = showFor({ show: { resource: ['metafield'], operation: ['upsert'] } }, properties);

interface MetafieldRow {
	type: OwnerType;
	ownerId: number;
	namespace: string;
	key: string;
	value: string;
	permission_set: string;
	description?: string;
}

function readRow(context: IExecuteFunctions, itemIndex: number): MetafieldRow {
	const permissionSet = String(itemParameter(context, 'permissionSet', itemIndex, 'app_only'));
	if (!PERMISSION_SETS.some((set) => set.value === permissionSet)) {
		throw new NodeOperationError(
			context.getNode(),
			`Permission Set must be one of ${PERMISSION_SETS.map((set) => set.value).join(', ')}, got "${permissionSet.slice(0, 40)}"`,
			{ itemIndex },
		);
	}
	const additional = itemParameter(context, 'additionalFields', itemIndex, {}) as IDataObject;
	const row: MetafieldRow = {
		type: readOwnerType(context, itemIndex),
		ownerId: readOwnerId(context, itemIndex),
		namespace: readBounded(context, 'namespace', 'Namespace', NAME_MAX, itemIndex),
		key: readBounded(context, 'key', 'Key', NAME_MAX, itemIndex),
		value: readBounded(context, 'value', 'Value', VALUE_MAX, itemIndex),
		permission_set: permissionSet,
	};
	if (additional.description !== undefined) {
		const text = String(additional.description);
		if (text.length > DESCRIPTION_MAX) {
			throw new NodeOperationError(context.getNode(), `Description is too long: ${text.length} characters, BigCommerce takes at most ${DESCRIPTION_MAX}`, { itemIndex });
		}
		row.description = text;
	}
	return row;
}

/** Rows naming the same metafield write it once, with the last row's values; each row gets the result. */
function groupRows(inputs: Array<{ ok: boolean; value?: MetafieldRow }>): Map<OwnerType, Map<string, { row: MetafieldRow; itemIndexes: number[] }>> {
	const byType = new Map<OwnerType, Map<string, { row: MetafieldRow; itemIndexes: number[] }>>();
	inputs.forEach((input, itemIndex) => {
		if (!input.ok || !input.value) return;
		const row = input.value;
		const groups = byType.get(row.type) ?? new Map<string, { row: MetafieldRow; itemIndexes: number[] }>();
		byType.set(row.type, groups);
		const id = keyOf(row.ownerId, row.namespace, row.key);
		const group = groups.get(id);
		if (group) {
			group.row = row;
			group.itemIndexes.push(itemIndex);
		} else {
			groups.set(id, { row, itemIndexes: [itemIndex] });
		}
	});
	return byType;
}

function unchanged(found: IDataObject, row: MetafieldRow): boolean {
	return (
		found.value === row.value &&
		found.permission_set === row.permission_set &&
		(row.description === undefined || found.description === row.description)
	);
}

/**
 * Create or Update by owner, namespace and key: the metafields the rows name are looked up many
 * owners per request, found ones that differ are updated and missing ones created, each kind in
 * batches. A create whose answer was lost is looked up again, never sent blindly twice.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readRow(this, itemIndex));
	const outcomes = new ItemOutcomes<IDataObject>(this, items, inputs);
	const writes = { batchSize: BATCH_LIMITS.metafields };
	const saved = (metafield: IDataObject) => metafield;

	for (const [type, groups] of groupRows(inputs)) {
		const entries = [...groups.values()];
		let existing: Map<string, IDataObject>;
		try {
			existing = await findMetafields(this, type, entries.map(({ row }) => row), entries[0].itemIndexes[0]);
		} catch (error) {
			const failure = outcomes.fail(entries[0].itemIndexes[0], error);
			for (const { itemIndexes } of entries) outcomes.settle(itemIndexes, failure);
			continue;
		}
		const updates: Array<PlannedWrite<IDataObject>> = [];
		const creates: Array<PlannedWrite<IDataObject>> = [];
		for (const { row, itemIndexes } of entries) {
			const found = existing.get(keyOf(row.ownerId, row.namespace, row.key));
			const fields: IDataObject = { value: row.value, permission_set: row.permission_set };
			if (row.description !== undefined) fields.description = row.description;
			if (found && unchanged(found, row)) outcomes.settle(itemIndexes, { ok: true, value: found });
			else if (found) updates.push({ itemIndexes, record: { id: found.id, ...fields } });
			else creates.push({ itemIndexes, record: { resource_id: row.ownerId, namespace: row.namespace, key: row.key, ...fields } });
		}
		await outcomes.write(updates, { ...writes, send: async (batch) => await updateMetafields(this, type, batch) }, saved);
		// Only what the look-up above did not find is created.
		await outcomes.write(creates, { ...writes, send: async (batch) => await createMetafields(this, type, batch, true) }, saved);
	}
	return await outcomes.emit((metafield) => metafield);
}
