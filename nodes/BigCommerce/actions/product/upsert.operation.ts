import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { batchWrite, mapConcurrent } from '../../transport';
import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { emitOutcomes, itemFailure, readEveryItem, type ItemOutcome } from '../common/items';
import { toText } from '../common/inputs';
import { toSimpleVariant } from '../productVariant/simplify';
import { putBatchById } from './batchUpdate';
import { createProduct, readNewProduct } from './create.operation';
import { findSkuOwners, skuKey } from './lookups';
import { nameProperty, priceProperty, productFieldOptions, typeProperty, weightProperty } from './productFields';
import { toSimpleProduct } from './simplify';

const properties: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TOTE-NAT-01',
		description:
			'The SKU to match, ignoring letter case: a product or variant with it is updated, otherwise a product is created',
	},
	nameProperty,
	typeProperty,
	weightProperty,
	priceProperty,
	simplifyProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions({
			omit: ['sku'],
			describe: {
				categories:
					'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. On update, the list replaces the current categories.',
				images: 'Images for the products this creates; existing products keep their images',
				custom_fields: 'Custom fields for the products this creates; existing products keep theirs',
			},
		}),
	},
];

export const description = showFor({ show: { resource: ['product'], operation: ['upsert'] } }, properties);

// Products PUT takes at most 10 per request, variants PUT 50.
const PRODUCT_BATCH = 10;
// Creates in flight at once: enough to keep a distant store's quota busy, few enough to be
// polite (BigCommerce caps some endpoints at 3 concurrent requests).
const CONCURRENT_CREATES = 3;
const VARIANT_BATCH = 50;

// What a SKU that belongs to an option variant can change on that variant.
const VARIANT_FIELDS = [
	'price',
	'sale_price',
	'cost_price',
	'retail_price',
	'map_price',
	'weight',
	'width',
	'height',
	'depth',
	'inventory_level',
	'inventory_warning_level',
	'upc',
	'mpn',
	'gtin',
];

// Added again on every run, so only sent when the product is created.
const CREATE_ONLY_FIELDS = ['images', 'custom_fields'];

interface Row {
	itemIndex: number;
	key: string;
	body: IDataObject;
}

interface Outcome {
	record: IDataObject;
	action: 'created' | 'updated';
	isVariant: boolean;
}

function without(body: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
}

function pick(body: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([key]) => keys.includes(key)));
}

/**
 * Creates or updates products by SKU. Every SKU is looked up first, many per request; found
 * products are updated 10 per request and found option variants 50 per request; the rest are
 * created one per request (BigCommerce's limit). A SKU repeated in the input is created once,
 * and its later rows update that product.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const outcomes = new Map<number, ItemOutcome<Outcome>>();
	const fail = (itemIndex: number, error: unknown) => outcomes.set(itemIndex, itemFailure(this, error, itemIndex));

	const inputs = await readEveryItem(this, items, (itemIndex): Row => {
		const sku = toText(this, this.getNodeParameter('sku', itemIndex), 'SKU', itemIndex);
		return { itemIndex, key: skuKey(sku), body: readNewProduct(this, itemIndex, { sku }) };
	});
	const rows: Row[] = [];
	inputs.forEach((input, itemIndex) => {
		if (input.ok) rows.push(input.value);
		else outcomes.set(itemIndex, input);
	});

	const owners = await findSkuOwners.call(
		this,
		rows.map((row) => String(row.body.sku)),
	);

	// A SKU's first row creates it and its later rows update it. Creates take one product per
	// request and are independent of each other, so a few run at once.
	const creates: Row[] = [];
	const creating = new Set<string>();
	for (const row of rows) {
		if (!owners.has(row.key) && !creating.has(row.key)) {
			creating.add(row.key);
			creates.push(row);
		}
	}
	const continueOnFail = this.continueOnFail();
	let stopped = false;
	const results = await mapConcurrent(creates, CONCURRENT_CREATES, async (row) => {
		// Without Continue On Fail the node stops at the first failure: send no further create.
		if (stopped) return undefined;
		try {
			// Only SKUs the look-up above did not find are created.
			return { product: await createProduct.call(this, row.body, row.itemIndex, true) };
		} catch (error) {
			if (!continueOnFail) stopped = true;
			return { error };
		}
	});
	results.forEach((result, position) => {
		const row = creates[position];
		if (!result) return;
		if ('error' in result) {
			fail(row.itemIndex, result.error);
		} else {
			owners.set(row.key, { productId: Number(result.product.id) });
			outcomes.set(row.itemIndex, { ok: true, value: { record: result.product, action: 'created', isVariant: false } });
		}
	});

	const created = new Set(creates.map((row) => row.itemIndex));
	const productUpdates: Row[] = [];
	const variantUpdates: Row[] = [];
	for (const row of rows) {
		if (created.has(row.itemIndex)) continue;
		const owner = owners.get(row.key);
		if (owner?.variantId !== undefined) {
			variantUpdates.push({ ...row, body: { id: owner.variantId, ...pick(row.body, VARIANT_FIELDS) } });
		} else if (owner) {
			// The SKU is left out: it already matches, perhaps in another letter case.
			productUpdates.push({ ...row, body: { id: owner.productId, ...without(row.body, ['sku', ...CREATE_ONLY_FIELDS]) } });
		} else {
			// A later row of a SKU whose create failed: it fails with that create.
			const first = creates.find((c) => c.key === row.key) as Row;
			outcomes.set(row.itemIndex, outcomes.get(first.itemIndex) as ItemOutcome<Outcome>);
		}
	}

	const applyUpdates = async (updates: Row[], path: string, batchSize: number, isVariant: boolean) => {
		const answers = await batchWrite(
			updates.map((row) => row.body),
			batchSize,
			async (batch) => await putBatchById.call(this, path, batch),
			{ isolateFailures: true, stopAfterFailure: !this.continueOnFail() },
		);
		answers.forEach((answer, position) => {
			const { itemIndex } = updates[position];
			if (!answer.ok) fail(itemIndex, answer.error);
			else outcomes.set(itemIndex, { ok: true, value: { record: answer.value, action: 'updated', isVariant } });
		});
	};
	await applyUpdates(productUpdates, '/v3/catalog/products', PRODUCT_BATCH, false);
	await applyUpdates(variantUpdates, '/v3/catalog/variants', VARIANT_BATCH, true);

	return await emitOutcomes(this, items, (itemIndex) => {
		const outcome = outcomes.get(itemIndex);
		if (!outcome) return { ok: true, value: [] };
		if (!outcome.ok) return outcome;
		const { record, action, isVariant } = outcome.value;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		const shape = isVariant ? toSimpleVariant : toSimpleProduct;
		return { ok: true, value: { ...(simplify ? shape(record) : record), action } };
	});
}
