// The product import sheet, in one place: rows that look like a shop's spreadsheet, the node
// parameters that read them (upsert by SKU), and products put in the store beforehand.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Emulator, Product } from '../emulator';

/** Upsert by SKU reading SKU, name and price from each row; every product weighs 1. */
export const UPSERT_BY_SKU: INodeParameters = {
	resource: 'product',
	operation: 'upsert',
	sku: '={{ $json.sku }}',
	name: '={{ $json.name }}',
	type: 'physical',
	weight: 1,
	price: '={{ $json.price }}',
};

/** Product fields that read each row of `teeRows` by expression: weight and stock too. */
export const ROW_PARAMETERS: INodeParameters = {
	sku: '={{ $json.sku }}',
	name: '={{ $json.name }}',
	type: 'physical',
	weight: '={{ $json.weight }}',
	price: '={{ $json.price }}',
	additionalFields: { inventory_tracking: 'product', inventory_level: '={{ $json.stock }}' },
};

/** Spreadsheet rows of a tee-shirt range: SKU, name, price, weight and stock. */
export function teeRows(count: number, from = 1, prefix = 'TEE'): IDataObject[] {
	return Array.from({ length: count }, (_, i) => {
		const n = String(from + i).padStart(4, '0');
		return {
			sku: `${prefix}-${n}`,
			name: `Organic Cotton Tee ${prefix} ${n}`,
			price: 19 + ((from + i) % 10),
			weight: 0.3,
			stock: (from + i) % 50,
		};
	});
}

/** Puts products in the store as if they had been there before the workflow ran. */
export function stockTheStore(emulator: Emulator, rows: IDataObject[], overrides: IDataObject = {}): Product[] {
	return rows.map((row) =>
		emulator.admin.createProduct({
			name: row.name,
			sku: row.sku,
			type: 'physical',
			price: 5,
			weight: 1,
			inventory_tracking: 'product',
			inventory_level: 1,
			...overrides,
		}),
	);
}

export interface ImportRow extends IDataObject {
	sku: string;
	name: string;
	price: number;
	/** Set for rows whose SKU the store already has. */
	id?: number;
	/** The price the store had before the run (existing rows). */
	oldPrice?: number;
	/** Stock to set (rows of runs that set it), and the stock the store had before the run. */
	stock?: number;
	oldStock?: number;
}

/**
 * `total` rows: every `newEvery`-th row is a SKU the store does not have yet, the others update
 * the store's products in order. Every row sets a new, distinct price.
 */
export function importRows(emulator: Emulator, total: number, newEvery = 0, withStock = false): ImportRow[] {
	const existing = [...emulator.state.products.values()];
	const rows: ImportRow[] = [];
	let next = 0;
	for (let i = 0; i < total; i++) {
		const price = 500 + i;
		if (newEvery && i % newEvery === newEvery - 1) {
			rows.push({ sku: `LAMP-NEW-${String(i).padStart(4, '0')}`, name: `Reliability Lamp ${i}`, price });
			continue;
		}
		const product = existing[next++];
		if (!product) throw new Error(`the store has only ${existing.length} products for ${total} rows`);
		const stock = withStock ? { stock: 1000 + i, oldStock: product.inventory_level } : {};
		rows.push({ sku: product.sku, name: product.name, price, id: product.id, oldPrice: product.price, ...stock });
	}
	return rows;
}
