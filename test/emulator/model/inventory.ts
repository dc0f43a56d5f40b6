// Stock bookkeeping. Product-tracked (and untracked) products keep stock on the product,
// variant-tracked products on each variant; catalog inventory_level is the sum over locations.

import type { StoreState } from '../state';
import type { Product, Stock, Variant } from '../types';

export const DEFAULT_LOCATION_ID = 1;
export const MAX_STOCK = 2_147_483_647;

/** Shared empty stock: records start with it and writeStock replaces it, so it is never mutated. */
export const NO_STOCK: Stock = Object.freeze({}) as Stock;

export function sumStock(stock: Stock): number {
	let total = 0;
	for (const k in stock) total += stock[k];
	return total;
}

/** Refreshes the cached inventory_level of a product and its variants. */
export function recomputeInventory(state: StoreState, product: Product): void {
	if (product.inventory_tracking === 'variant') {
		let total = 0;
		for (const vid of product.variantIds) {
			const v = state.variants.get(vid);
			if (!v) continue;
			v.inventory_level = sumStock(v.stock);
			total += v.inventory_level;
		}
		product.inventory_level = total;
	} else {
		product.inventory_level = sumStock(product.stock);
		for (const vid of product.variantIds) {
			const v = state.variants.get(vid);
			if (v) v.inventory_level = vid === product.base_variant_id ? product.inventory_level : 0;
		}
	}
}

/** Sets stock at a location on the product (product tracking) or a variant (variant tracking). */
export function writeStock(holder: { stock: Stock }, locationId: number, quantity: number): void {
	// Stock objects may be shared frozen empties from seeding: replace, never mutate in place.
	holder.stock = { ...holder.stock, [locationId]: quantity };
}

export function stockHolder(product: Product, variant: Variant | null): { stock: Stock } {
	return product.inventory_tracking === 'variant' && variant ? variant : product;
}
