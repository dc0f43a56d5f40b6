import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { emitOutcomes, itemFailure, readEveryItem, type ItemFailure } from '../common/items';
import { readId } from '../common/inputs';
import { customerIdLocator, includeOptions } from './options';
import { customerNotFound, findCustomersById, includeList } from './requests';
import { toSimpleCustomer } from './simplify';

const properties: INodeProperties[] = [
	customerIdLocator,
	simplifyProperty,
	optionsCollection(includeOptions),
];

export const description = showFor({ show: { resource: ['customer'], operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => ({
		id: readId(this, 'customerId', itemIndex, 'Customer ID'),
		include: includeList(this.getNodeParameter('options', itemIndex, {}) as IDataObject),
	}));

	// v3 has no single-customer GET: look every item's customer up by `id:in`, 250 per
	// request, one round per distinct set of sub-resources.
	const byInclude = new Map<string, { include: string[]; ids: number[]; itemIndexes: number[] }>();
	inputs.forEach((input, itemIndex) => {
		if (!input.ok) return;
		const key = input.value.include.join(',');
		const group = byInclude.get(key) ?? { include: input.value.include, ids: [], itemIndexes: [] };
		group.ids.push(input.value.id);
		group.itemIndexes.push(itemIndex);
		byInclude.set(key, group);
	});
	const found = new Map<string, Map<number, IDataObject>>();
	const failed = new Map<string, ItemFailure>();
	for (const [key, group] of byInclude) {
		try {
			found.set(key, await findCustomersById.call(this, group.ids, group.include, group.itemIndexes[0]));
		} catch (error) {
			failed.set(key, itemFailure(this, error, group.itemIndexes[0]));
		}
	}

	return await emitOutcomes(this, items, (itemIndex) => {
		const input = inputs[itemIndex];
		if (!input.ok) return input;
		const key = input.value.include.join(',');
		const failure = failed.get(key);
		if (failure) return failure;
		const customer = found.get(key)?.get(input.value.id);
		if (!customer) return { ok: false, error: customerNotFound(this, input.value.id, itemIndex) };
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return { ok: true, value: simplify ? toSimpleCustomer(customer) : customer };
	});
}
