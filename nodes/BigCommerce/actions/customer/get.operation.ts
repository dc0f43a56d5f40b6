import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { ItemOutcomes, readEveryItem } from '../common/items';
import { readId } from '../common/inputs';
import { customerIdLocator, includeList, includeOptions } from './options';
import { customerNotFound, findCustomersById } from './requests';
import { simplified } from './simplify';
import { itemParameter } from '../common/parameters';

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
		include: includeList(itemParameter(this, 'options', itemIndex, {}) as IDataObject),
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
	const outcomes = new ItemOutcomes<IDataObject>(this, items, inputs);
	for (const group of byInclude.values()) {
		try {
			const found = await findCustomersById.call(this, group.ids, group.include, group.itemIndexes[0]);
			group.itemIndexes.forEach((itemIndex, position) => {
				const customer = found.get(group.ids[position]);
				outcomes.settle(
					itemIndex,
					customer ? { ok: true, value: customer } : { ok: false, error: customerNotFound(this, group.ids[position], itemIndex) },
				);
			});
		} catch (error) {
			outcomes.settle(group.itemIndexes, outcomes.fail(group.itemIndexes[0], error));
		}
	}
	return await outcomes.emit((customer, itemIndex) => simplified(this, customer, itemIndex));
}
