// Index lookups for the filters clients use to find records by key (sku:in, id:in,
// email:in...), so an upsert-by-SKU over 100,000 products does not scan the table per request.

import type { StoreState } from '../state';
import type { Customer, Product, Variant } from '../types';
import type { Table } from '../table';
import { intList, strList } from '../query';

type Query = Record<string, string>;

function byIds<T extends { id: number }>(table: Table<T>, ids: number[]): T[] {
	const out: T[] = [];
	for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
		const rec = table.get(id);
		if (rec) out.push(rec);
	}
	return out;
}

function intersect<T extends { id: number }>(a: T[] | undefined, b: T[]): T[] {
	if (!a) return b;
	const ids = new Set(b.map((x) => x.id));
	return a.filter((x) => ids.has(x.id));
}

function skuKeys(q: Query): string[] | undefined {
	const list = strList(q, 'sku:in');
	const one = q.sku !== undefined ? [q.sku] : undefined;
	if (!list && !one) return undefined;
	return [...(list ?? []), ...(one ?? [])].map((s) => s.toLowerCase());
}

/** Products that can match id:in / sku / sku:in, in id order; undefined when no key filter applies. */
export function productCandidates(state: StoreState, q: Query): Product[] | undefined {
	let out: Product[] | undefined;
	const ids = intList(q, 'id:in');
	if (ids) out = byIds(state.products, ids);
	const skus = skuKeys(q);
	if (skus) {
		const found: number[] = [];
		for (const key of skus) {
			const owner = state.skuIndex.get(key);
			if (owner && state.products.get(owner.productId)?.sku.toLowerCase() === key) found.push(owner.productId);
		}
		out = intersect(out, byIds(state.products, found));
	}
	return out;
}

/** Variants that can match id:in / sku / sku:in / product_id:in, in id order. */
export function variantCandidates(state: StoreState, q: Query): Variant[] | undefined {
	let out: Variant[] | undefined;
	const ids = intList(q, 'id:in');
	if (ids) out = byIds(state.variants, ids);
	const skus = skuKeys(q);
	if (skus) {
		const found: number[] = [];
		for (const key of skus) {
			const owner = state.skuIndex.get(key);
			if (!owner) continue;
			const vid = owner.variantId;
			if (vid !== null) found.push(vid);
		}
		out = intersect(out, byIds(state.variants, found));
	}
	const productIds = intList(q, 'product_id:in');
	if (productIds) {
		const found: number[] = [];
		for (const p of byIds(state.products, productIds)) found.push(...p.variantIds);
		out = intersect(out, byIds(state.variants, found));
	}
	return out;
}

/** Customers that can match id:in / email:in, in id order. */
export function customerCandidates(state: StoreState, q: Query): Customer[] | undefined {
	let out: Customer[] | undefined;
	const ids = intList(q, 'id:in');
	if (ids) out = byIds(state.customers, ids);
	const emails = strList(q, 'email:in');
	if (emails) {
		const found: number[] = [];
		for (const e of emails) {
			const id = state.customerEmails.get(e.toLowerCase());
			if (id !== undefined) found.push(id);
		}
		out = intersect(out, byIds(state.customers, found));
	}
	return out;
}
