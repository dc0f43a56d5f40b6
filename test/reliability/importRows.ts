// The check of what the store holds after a fault run's import (rows: helpers/productSheet.ts):
// every row whose item reports success is in the store exactly as the row says, every row whose item
// reports a failure left the store as it was, and no SKU or name exists twice.

import type { INodeExecutionData } from 'n8n-workflow';

import type { Emulator, Product } from '../emulator';
import type { ImportRow } from '../helpers/productSheet';
import { itemError } from './faultRuns';

export interface ImportCheck {
	/** Items that report success although the store does not hold the row as sent. */
	lost: string[];
	/** SKUs or names the store holds more than once. */
	duplicated: string[];
	/** Items that report a failure: each on its own item. */
	reported: number;
	/** Rows whose item reports a failure but whose row the store holds anyway, or whose failure left a trace. */
	inconsistent: string[];
}

function productsBy(emulator: Emulator, key: (p: Product) => string): Map<string, Product[]> {
	const map = new Map<string, Product[]>();
	for (const product of emulator.state.products.values()) {
		const k = key(product);
		map.set(k, [...(map.get(k) ?? []), product]);
	}
	return map;
}

/** Compares the output items and the store with the rows, one by one. */
export function checkImport(emulator: Emulator, rows: ImportRow[], items: INodeExecutionData[]): ImportCheck {
	const bySku = productsBy(emulator, (p) => p.sku.toLowerCase());
	const byName = productsBy(emulator, (p) => p.name.toLowerCase());
	const check: ImportCheck = { lost: [], duplicated: [], reported: 0, inconsistent: [] };
	for (const [sku, products] of bySku) if (sku && products.length > 1) check.duplicated.push(`SKU ${sku} x${products.length}`);
	for (const [name, products] of byName) if (products.length > 1) check.duplicated.push(`name ${name} x${products.length}`);

	const itemOf = new Map<number, INodeExecutionData>();
	for (const item of items) {
		const paired = (item.pairedItem as { item?: number } | undefined)?.item;
		if (paired !== undefined && !itemOf.has(paired)) itemOf.set(paired, item);
	}
	rows.forEach((row, index) => {
		const item = itemOf.get(index);
		const stored = bySku.get(row.sku.toLowerCase()) ?? [];
		const error = item ? itemError(item) : 'no output item';
		if (error !== undefined) {
			check.reported++;
			if (!item) check.lost.push(`row ${index} (${row.sku}): no output item`);
			// A failed row leaves the store as it was: no new product, the old price. Only an error
			// that says the write may have gone through may leave it behind.
			const ambiguous = /may or may not/i.test(`${error} ${String(item?.json.errorDescription ?? '')}`);
			if (row.id === undefined && stored.length && !ambiguous) check.inconsistent.push(`row ${index} (${row.sku}) failed ("${error}") but the store holds it`);
			// A 207 saved the product but not its stock: the new price, the old stock.
			const partial = /did not save all of/.test(error);
			const allowed = ambiguous || partial ? [row.oldPrice, row.price] : [row.oldPrice];
			if (row.id !== undefined && !allowed.includes(stored[0]?.price)) {
				check.inconsistent.push(`row ${index} (${row.sku}) failed ("${error}") and the store has price ${stored[0]?.price}`);
			}
			// After a 207 the store's answer does not say whether an earlier send set the stock.
			const stockAllowed = ambiguous || partial ? [row.oldStock, row.stock] : [row.oldStock];
			if (row.stock !== undefined && !stockAllowed.includes(stored[0]?.inventory_level)) {
				check.inconsistent.push(`row ${index} (${row.sku}) failed ("${error}") and the store has stock ${stored[0]?.inventory_level}`);
			}
			return;
		}
		const json = item!.json;
		if (stored.length !== 1) check.lost.push(`row ${index} (${row.sku}): reported saved, the store holds ${stored.length}`);
		else if (stored[0].price !== row.price) check.lost.push(`row ${index} (${row.sku}): reported saved, the store has price ${stored[0].price} instead of ${row.price}`);
		else if (row.stock !== undefined && stored[0].inventory_level !== row.stock) check.lost.push(`row ${index} (${row.sku}): reported saved, the store has stock ${stored[0].inventory_level} instead of ${row.stock}`);
		else if (Number(json.id) !== stored[0].id) check.lost.push(`row ${index} (${row.sku}): item id ${String(json.id)} is not the store's ${stored[0].id}`);
	});
	return check;
}
