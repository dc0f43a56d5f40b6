import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { BATCH_LIMITS, concurrencyFor, mapConcurrent } from '../../transport';
import { putBatchById } from '../common/catalogBatchUpdate';
import { additionalFieldsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { ItemOutcomes, plannedPerItem, readEveryItem, type PlannedWrite } from '../common/items';
import { toText } from '../common/inputs';
import { toSimpleVariant } from '../productVariant/simplify';
import { findSkuOwners, skuKey } from './lookups';
import { createProduct, readNewProduct } from './newProduct';
import { nameProperty, priceProperty, productFieldOptions, typeProperty, weightProperty } from './productFields';
import { toSimpleProduct } from './simplify';
import { planProductUpsert, type UpsertRow } from './upsertPlan';
import { itemParameter } from '../common/parameters';

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
	additionalFieldsCollection(productFieldOptions({
		omit: ['sku'],
		describe: {
			categories:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. On update, the list replaces the current categories.',
			images: 'Images for the products this creates; existing products keep their images',
			custom_fields: 'Custom fields for the products this creates; existing products keep theirs',
		},
	})),
];

export const description = showFor({ show: { resource: ['product'], operation: ['upsert'] } }, properties);

interface Upserted {
	record: IDataObject;
	action: 'created' | 'updated';
	isVariant: boolean;
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
	const inputs = await readEveryItem(this, items, async (itemIndex): Promise<UpsertRow> => {
		const sku = toText(this, itemParameter(this, 'sku', itemIndex), 'SKU', itemIndex);
		return { itemIndex, key: skuKey(sku), body: await readNewProduct(this, itemIndex, { sku }) };
	});
	const outcomes = new ItemOutcomes<Upserted>(this, items, inputs);
	const rows = plannedPerItem(inputs).map((entry) => entry.record);
	const owners = await findSkuOwners.call(
		this,
		rows.map((row) => String(row.body.sku)),
	);
	const plan = planProductUpsert(rows, owners);

	// Creates take one product per request and are independent of each other: a few run at once.
	const creates = plan.filter((step) => step.action === 'create');
	const continueOnFail = this.continueOnFail();
	let stopped = false;
	// As many at once as the endpoint allows: a distant store's round trips would otherwise make
	// a long import latency-bound rather than quota-bound.
	const concurrency = concurrencyFor(this, { method: 'POST', path: '/v3/catalog/products' });
	const created = await mapConcurrent(creates, concurrency, async (step) => {
		// Without Continue On Fail the node stops at the first failure: send no further create.
		if (stopped) return undefined;
		try {
			// Only SKUs the look-up above did not find are created.
			return { product: await createProduct.call(this, step.record, step.itemIndex, true) };
		} catch (error) {
			if (!continueOnFail) stopped = true;
			return { error };
		}
	});
	created.forEach((result, position) => {
		const { itemIndex } = creates[position];
		if (!result) return;
		if ('error' in result) outcomes.fail(itemIndex, result.error);
		else outcomes.settle(itemIndex, { ok: true, value: { record: result.product, action: 'created', isVariant: false } });
	});

	const updates: Record<'product' | 'variant', Array<PlannedWrite<IDataObject>>> = { product: [], variant: [] };
	for (const step of plan) {
		if (step.action !== 'update') continue;
		if (step.createdBy === undefined) {
			updates[step.target].push({ itemIndexes: [step.itemIndex], record: step.record });
			continue;
		}
		// A later row of a SKU that an earlier row creates updates that product, or fails with it.
		const creator = outcomes.get(step.createdBy);
		const id = creator?.ok ? Number(creator.value.record.id) : undefined;
		if (id !== undefined) updates.product.push({ itemIndexes: [step.itemIndex], record: { id, ...step.record } });
		else if (creator) outcomes.settle(step.itemIndex, creator);
	}
	for (const target of ['product', 'variant'] as const) {
		await outcomes.write(
			updates[target],
			{
				batchSize: target === 'product' ? BATCH_LIMITS.products : BATCH_LIMITS.variants,
				isolateFailures: true,
				route: { method: 'PUT', path: `/v3/catalog/${target}s` },
				send: async (batch) => await putBatchById.call(this, `/v3/catalog/${target}s`, batch),
			},
			(record) => ({ record, action: 'updated', isVariant: target === 'variant' }),
		);
	}

	return await outcomes.emit(({ record, action, isVariant }, itemIndex) => {
		const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
		const shape = isVariant ? toSimpleVariant : toSimpleProduct;
		return { ...(simplify ? shape(record) : record), action };
	});
}
