import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BATCH_LIMITS, bigCommerceRequest, chunkForBatch } from '../../transport';
import { showFor } from '../common/displayOptions';
import { ItemOutcomes, pushTo, readEveryItem } from '../common/items';
import { toIds, toList } from '../common/lists';
import { chunkSkus } from '../product/lookups';
import { priceListIdLocator, readPriceListId } from '../priceList/fields';
import { recordsPath, toCurrency } from './records';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	priceListIdLocator,
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		placeholder: 'e.g. TSHIRT-BLK-M,TSHIRT-BLK-L',
		description: 'The SKUs of the variants whose prices to remove, separated by commas',
	},
	{
		displayName: 'Variant IDs',
		name: 'variantIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 78,79',
		description: 'The IDs of the variants whose prices to remove, separated by commas',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'e.g. EUR',
		description: 'Only the prices in this currency (3-letter code); empty removes the variants\' prices in every currency',
	},
];

export const description = showFor({ show: { resource: ['priceListRecord'], operation: ['delete'] } }, properties);

interface Removal {
	priceListId: number;
	currency?: string;
	skus: string[];
	variantIds: number[];
}

function readRemoval(context: IExecuteFunctions, itemIndex: number): Removal {
	const priceListId = readPriceListId(context, itemIndex);
	const skus = toList(itemParameter(context, 'skus', itemIndex, ''));
	const variantIds = toIds(context, toList(itemParameter(context, 'variantIds', itemIndex, '')), 'Variant IDs', itemIndex);
	if (!skus.length && !variantIds.length) {
		throw new NodeOperationError(context.getNode(), 'Give the SKUs or the variant IDs whose prices to remove', {
			itemIndex,
			description: 'To remove every price of the list, delete the price list instead.',
		});
	}
	const withComma = skus.find((sku) => sku.includes(','));
	if (withComma !== undefined) {
		throw new NodeOperationError(context.getNode(), `SKUs cannot hold a SKU with a comma: "${withComma}"`, { itemIndex });
	}
	const rawCurrency = String(itemParameter(context, 'currency', itemIndex, '') ?? '').trim();
	const currency = rawCurrency === '' ? undefined : toCurrency(context, rawCurrency, itemIndex);
	return { priceListId, currency, skus, variantIds };
}

/**
 * Removes prices by filter (DELETE with `variant_id:in` / `sku:in` and `currency`): the rows of
 * one list and currency go together, 250 variant IDs or 100 SKUs per request. Each row is
 * answered by the requests that carried its SKUs and IDs.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readRemoval(this, itemIndex));
	const outcomes = new ItemOutcomes<Removal>(this, items, inputs);
	const groups = new Map<string, Array<{ itemIndex: number; removal: Removal }>>();
	inputs.forEach((input, itemIndex) => {
		if (!input.ok) return;
		const key = `${input.value.priceListId}:${input.value.currency ?? ''}`;
		pushTo(groups, key, { itemIndex, removal: input.value });
	});

	for (const rows of groups.values()) {
		const { priceListId, currency } = rows[0].removal;
		const filters: Array<{ key: string; values: Array<string | number>; owners: (value: string | number) => number[] }> = [];
		const ownersOf = (pick: (removal: Removal) => Array<string | number>, normalize: (value: string | number) => string) => {
			const map = new Map<string, number[]>();
			for (const { itemIndex, removal } of rows) {
				for (const value of pick(removal)) pushTo(map, normalize(value), itemIndex);
			}
			return map;
		};
		const byId = ownersOf((r) => r.variantIds, String);
		const bySku = ownersOf((r) => r.skus, (sku) => String(sku).toLowerCase());
		for (const chunk of chunkForBatch([...byId.keys()], BATCH_LIMITS.deleteIds)) {
			filters.push({ key: 'variant_id:in', values: chunk, owners: (value) => byId.get(String(value)) ?? [] });
		}
		const skus = [...new Map(rows.flatMap(({ removal }) => removal.skus.map((sku) => [sku.toLowerCase(), sku]))).values()];
		for (const chunk of chunkSkus(skus)) {
			filters.push({ key: 'sku:in', values: chunk, owners: (value) => bySku.get(String(value).toLowerCase()) ?? [] });
		}

		const failed = new Set<number>();
		for (const filter of filters) {
			const itemIndexes = [...new Set(filter.values.flatMap(filter.owners))].filter((index) => !failed.has(index));
			if (!itemIndexes.length) continue;
			const qs: IDataObject = { [filter.key]: filter.values.join(',') };
			if (currency !== undefined) qs.currency = currency;
			try {
				await bigCommerceRequest.call(this, { method: 'DELETE', path: recordsPath(priceListId), qs });
			} catch (error) {
				for (const itemIndex of itemIndexes) {
					failed.add(itemIndex);
					outcomes.fail(itemIndex, error);
				}
			}
		}
		for (const { itemIndex, removal } of rows) {
			if (!failed.has(itemIndex)) outcomes.settle(itemIndex, { ok: true, value: removal });
		}
	}

	return await outcomes.emit((removal) => ({
		deleted: true,
		price_list_id: removal.priceListId,
		...(removal.skus.length ? { skus: removal.skus } : {}),
		...(removal.variantIds.length ? { variant_ids: removal.variantIds } : {}),
		...(removal.currency !== undefined ? { currency: removal.currency } : {}),
	}));
}
