import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BATCH_LIMITS } from '../../transport';
import { additionalFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { ItemOutcomes, readEveryItem, type PlannedWrite } from '../common/items';
import { toId, toText } from '../common/inputs';
import { findSkuOwners, skuKey, type SkuOwner } from '../product/lookups';
import { priceListIdLocator, readPriceListId } from '../priceList/fields';
import {
	identifyByField,
	readPrice,
	readRecordExtras,
	recordAdditionalFields,
	toCurrency,
	upsertRecords,
	type RecordWrite,
} from './records';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	priceListIdLocator,
	identifyByField,
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. TSHIRT-BLK-M',
		description: 'The SKU of the variant, or of a product without options',
		displayOptions: { show: { identifyBy: ['sku'] } },
	},
	{
		displayName: 'Variant ID',
		name: 'variantId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 78',
		description: 'The ID of the variant',
		displayOptions: { show: { identifyBy: ['variantId'] } },
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'USD',
		placeholder: 'e.g. USD',
		description: 'The 3-letter code of the currency the price is in (ISO 4217); one record per variant and currency',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		required: true,
		default: 0,
		description: 'The variant\'s price in this list and currency, replacing the catalog price where the list applies',
	},
	additionalFieldsCollection(recordAdditionalFields),
];

export const description = showFor({ show: { resource: ['priceListRecord'], operation: ['upsert'] } }, properties);

interface PriceRow {
	priceListId: number;
	sku?: string;
	variantId?: number;
	record: IDataObject;
}

function readRow(context: IExecuteFunctions, itemIndex: number): PriceRow {
	const priceListId = readPriceListId(context, itemIndex);
	const identifyBy = itemParameter(context, 'identifyBy', itemIndex, 'sku') as string;
	const row: PriceRow = { priceListId, record: {} };
	if (identifyBy === 'variantId') {
		row.variantId = toId(context, itemParameter(context, 'variantId', itemIndex, ''), 'Variant ID', itemIndex);
	} else {
		row.sku = toText(context, itemParameter(context, 'sku', itemIndex, ''), 'SKU', itemIndex);
	}
	const price = readPrice(context, itemIndex);
	const extras = readRecordExtras(context, itemParameter(context, 'additionalFields', itemIndex, {}) as IDataObject, itemIndex);
	const currency = toCurrency(context, itemParameter(context, 'currency', itemIndex, ''), itemIndex);
	row.record = { currency, price, ...extras };
	return row;
}

/** The variant a SKU's price record belongs to, or why the SKU cannot hold one. */
function variantOfSku(context: IExecuteFunctions, sku: string, owner: SkuOwner | undefined, itemIndex: number): number {
	const variantId = owner?.variantId ?? owner?.baseVariantId;
	if (variantId !== undefined) return variantId;
	if (owner) {
		throw new NodeOperationError(context.getNode(), `SKU ${sku} is the SKU of product ${owner.productId}, which has options`, {
			itemIndex,
			description: 'Price records belong to variants: give each of the product\'s variants its price by the variant\'s own SKU.',
		});
	}
	throw new NodeOperationError(context.getNode(), `No product or variant has the SKU ${sku}`, {
		itemIndex,
		description: 'Check the SKU (letter case does not matter), or create the product first.',
	});
}

/**
 * Checks every row first, finds the variants of all SKUs with the shared look-up (100 SKUs per
 * request), then writes each list's records 1,000 per request. Rows naming the same variant and
 * currency of a list are one record: the last row's values are written, and each such row
 * reports them. One output item per row, in order, with what was written.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const inputs = await readEveryItem(this, items, (itemIndex) => readRow(this, itemIndex));
	const outcomes = new ItemOutcomes<RecordWrite>(this, items, inputs);

	const skus = inputs.flatMap((input) => (input.ok && input.value.sku !== undefined ? [input.value.sku] : []));
	let owners = new Map<string, SkuOwner>();
	let lookupFailure: unknown;
	if (skus.length) {
		try {
			owners = await findSkuOwners.call(this, skus);
		} catch (error) {
			lookupFailure = error;
		}
	}

	// Per price list: one planned write per variant and currency, in the order first given.
	const plans = new Map<number, Map<string, PlannedWrite<RecordWrite>>>();
	inputs.forEach((input, itemIndex) => {
		if (!input.ok) return;
		const row = input.value;
		let variantId = row.variantId;
		let productId: number | undefined;
		if (row.sku !== undefined) {
			if (lookupFailure !== undefined) {
				outcomes.fail(itemIndex, lookupFailure);
				return;
			}
			const owner = owners.get(skuKey(row.sku));
			try {
				variantId = variantOfSku(this, row.sku, owner, itemIndex);
			} catch (error) {
				outcomes.fail(itemIndex, error);
				return;
			}
			productId = owner?.productId;
		}
		const write: RecordWrite = {
			body: { variant_id: variantId, ...row.record },
			...(row.sku !== undefined ? { sku: row.sku } : {}),
			...(productId !== undefined ? { productId } : {}),
		};
		const plan = plans.get(row.priceListId) ?? new Map<string, PlannedWrite<RecordWrite>>();
		plans.set(row.priceListId, plan);
		const key = `${String(variantId)}:${String(row.record.currency)}`;
		const earlier = plan.get(key);
		plan.set(key, { itemIndexes: [...(earlier?.itemIndexes ?? []), itemIndex], record: write });
	});

	for (const [priceListId, plan] of plans) {
		await outcomes.write(
			[...plan.values()],
			{
				batchSize: BATCH_LIMITS.priceRecords,
				send: async (batch) => await upsertRecords(this, priceListId, batch),
			},
			(written) => written,
		);
	}

	return await outcomes.emit((written, itemIndex) => {
		const input = inputs[itemIndex];
		const priceListId = input.ok ? input.value.priceListId : undefined;
		return {
			price_list_id: priceListId,
			...(written.sku !== undefined ? { sku: written.sku } : {}),
			variant_id: written.body.variant_id,
			...(written.productId !== undefined ? { product_id: written.productId } : {}),
			...written.body,
		} as IDataObject;
	});
}
