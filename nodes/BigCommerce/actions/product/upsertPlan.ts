import type { IDataObject } from 'n8n-workflow';

import type { SkuOwner } from './lookups';

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

/** One input row of Create or Update: its item, its SKU's key and the product it describes. */
export interface UpsertRow {
	itemIndex: number;
	key: string;
	body: IDataObject;
}

/**
 * What happens to one row. A create sends the row's whole product. An update sends what the
 * existing record can change, with its `id`; a row whose SKU an earlier row creates has no ID
 * yet: `createdBy` names that row, whose new product it updates (or whose failure it shares).
 */
export type UpsertStep =
	| { action: 'create'; itemIndex: number; record: IDataObject }
	| { action: 'update'; target: 'product' | 'variant'; itemIndex: number; record: IDataObject; createdBy?: number };

function without(body: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
}

function pick(body: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([key]) => keys.includes(key)));
}

/**
 * Plans Create or Update by SKU, one step per row, in input order: a SKU nobody owns is created
 * by its first row and updated by its later rows; a product's SKU updates the product, an option
 * variant's SKU updates what a variant can change.
 */
export function planProductUpsert(rows: UpsertRow[], owners: Map<string, SkuOwner>): UpsertStep[] {
	const createdBy = new Map<string, number>();
	return rows.map((row): UpsertStep => {
		const owner = owners.get(row.key);
		if (owner?.variantId !== undefined) {
			const record = { id: owner.variantId, ...pick(row.body, VARIANT_FIELDS) };
			return { action: 'update', target: 'variant', itemIndex: row.itemIndex, record };
		}
		// The SKU is left out of updates: it already matches, perhaps in another letter case.
		const changes = without(row.body, ['sku', ...CREATE_ONLY_FIELDS]);
		if (owner) {
			return { action: 'update', target: 'product', itemIndex: row.itemIndex, record: { id: owner.productId, ...changes } };
		}
		const creator = createdBy.get(row.key);
		if (creator === undefined) {
			createdBy.set(row.key, row.itemIndex);
			return { action: 'create', itemIndex: row.itemIndex, record: row.body };
		}
		return { action: 'update', target: 'product', itemIndex: row.itemIndex, record: changes, createdBy: creator };
	});
}
