import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BATCH_LIMITS } from '../../transport';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { ItemOutcomes, pushTo, readEveryItem, type PlannedWrite } from '../common/items';
import { NAME_MAX, namespaceAndKeyProperties, ownerIdProperty, ownerTypeProperty, readBounded, readOwnerId, readOwnerType, type OwnerType } from './owners';
import { deleteMetafields, findMetafields, keyOf, type MetafieldKey } from './requests';
import { itemParameter } from '../common/parameters';

const byKey = { displayOptions: { show: { deleteBy: ['key'] } } };

const properties: INodeProperties[] = [
	ownerTypeProperty,
	{
		displayName: 'Delete By',
		name: 'deleteBy',
		type: 'options',
		default: 'id',
		options: [
			{ name: 'Metafield ID', value: 'id', description: 'The ID BigCommerce gave the metafield' },
			{ name: 'Owner, Namespace and Key', value: 'key', description: 'The metafield of a record by its namespace and key' },
		],
	},
	{
		displayName: 'Metafield ID',
		name: 'metafieldId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description: 'The ID of the metafield to delete',
		displayOptions: { show: { deleteBy: ['id'] } },
	},
	{ ...ownerIdProperty('The ID of the record the metafield belongs to'), ...byKey },
	...namespaceAndKeyProperties('').map((property) => ({ ...property, ...byKey })),
];

export const description = showFor({ show: { resource: ['metafield'], operation: ['delete'] } }, properties);

interface Target {
	type: OwnerType;
	metafieldId?: number;
	key?: MetafieldKey;
}

function readTarget(context: IExecuteFunctions, itemIndex: number): Target {
	const type = readOwnerType(context, itemIndex);
	if (itemParameter(context, 'deleteBy', itemIndex, 'id') === 'id') {
		return { type, metafieldId: readId(context, 'metafieldId', itemIndex, 'Metafield ID') };
	}
	return {
		type,
		key: {
			ownerId: readOwnerId(context, itemIndex),
			namespace: readBounded(context, 'namespace', 'Namespace', NAME_MAX, itemIndex),
			key: readBounded(context, 'key', 'Key', NAME_MAX, itemIndex),
		},
	};
}

/**
 * Deletes metafields in batches per owner type. Those named by owner, namespace and key are
 * looked up first, many owners per request; one the store does not have fails its item.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readTarget(this, itemIndex));
	const outcomes = new ItemOutcomes<IDataObject>(this, items, inputs);
	const byType = new Map<OwnerType, Array<{ target: Target; itemIndex: number }>>();
	inputs.forEach((input, itemIndex) => {
		if (!input.ok) return;
		pushTo(byType, input.value.type, { target: input.value, itemIndex });
	});

	for (const [type, targets] of byType) {
		const named = targets.filter(({ target }) => target.key).map(({ target }) => target.key as MetafieldKey);
		let found = new Map<string, IDataObject>();
		try {
			found = await findMetafields(this, type, named, targets[0].itemIndex);
		} catch (error) {
			const failure = outcomes.fail(targets[0].itemIndex, error);
			for (const { itemIndex } of targets) outcomes.settle(itemIndex, failure);
			continue;
		}
		const plan: Array<PlannedWrite<number>> = [];
		for (const { target, itemIndex } of targets) {
			if (target.metafieldId !== undefined) {
				plan.push({ itemIndexes: [itemIndex], record: target.metafieldId });
				continue;
			}
			const { ownerId, namespace, key } = target.key as MetafieldKey;
			const metafield = found.get(keyOf(ownerId, namespace, key));
			if (metafield) {
				plan.push({ itemIndexes: [itemIndex], record: Number(metafield.id) });
			} else {
				outcomes.fail(
					itemIndex,
					new NodeOperationError(this.getNode(), `No metafield with namespace "${namespace}" and key "${key}" on ${type} ${ownerId}`, { itemIndex }),
				);
			}
		}
		await outcomes.write(
			plan,
			{ batchSize: BATCH_LIMITS.metafields, send: async (ids) => await deleteMetafields(this, type, ids) },
			(id) => ({ deleted: true, id, owner_type: type }),
		);
	}
	return await outcomes.emit((result) => result);
}
