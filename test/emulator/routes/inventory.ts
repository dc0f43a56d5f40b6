// /v3/inventory: absolute and relative adjustments, items across locations or at one, and
// locations. Adjustments are all-or-nothing: one bad item rejects the request.

import { randomUUID } from 'crypto';
import { Ctx, ERROR_TYPE, Reply, isObject, isoDate, parseId, v3Error } from '../http';
import { Pageable, fromArray, v3List } from '../pagination';
import { bool, intList, strList } from '../query';
import type { Router } from '../router';
import type { StoreState } from '../state';
import type { Location, Product, Stock, Variant } from '../types';
import { DEFAULT_LOCATION_ID, MAX_STOCK, recomputeInventory, writeStock } from '../model/inventory';
import { emitProductInventory, emitVariantInventory } from '../model/products';

const MAX_ITEMS = 2000;
/** The Inventory API documents a limit of 1,000 items per payload for its item lists. */
const ITEMS_MAX_LIMIT = 1000;

/** One stock-keeping unit as the Inventory API sees it. */
interface Unit {
	product: Product;
	variant: Variant | null;
}

function unitsOf(state: StoreState, p: Product): Unit[] {
	if (p.inventory_tracking === 'variant') {
		return p.variantIds.map((id) => ({ product: p, variant: state.variants.get(id) ?? null })).filter((u) => u.variant);
	}
	return [{ product: p, variant: p.base_variant_id ? (state.variants.get(p.base_variant_id) ?? null) : null }];
}

function unitCount(p: Product): number {
	return p.inventory_tracking === 'variant' ? p.variantIds.length : 1;
}

function stockOf(u: Unit): Stock {
	return u.product.inventory_tracking === 'variant' && u.variant ? u.variant.stock : u.product.stock;
}

function identity(u: Unit): Record<string, unknown> {
	const v = u.variant;
	return {
		sku: u.product.inventory_tracking === 'variant' && v ? v.sku : u.product.sku,
		variant_id: v ? v.id : null,
		product_id: u.product.id,
		sku_id: v ? v.sku_id : null,
	};
}

function settingsOf(u: Unit, qty: number): Record<string, unknown> {
	const warning = u.product.inventory_tracking === 'variant' && u.variant ? u.variant.inventory_warning_level : u.product.inventory_warning_level;
	return { safety_stock: 0, is_in_stock: qty > 0, warning_level: warning, bin_picking_number: u.variant?.bin_picking_number ?? '' };
}

/** Every unit of the store in product id order, paged without building the whole list. */
function allUnits(state: StoreState): Pageable<Unit> {
	let size = 0;
	for (const p of state.products.values()) size += unitCount(p);
	return {
		size,
		slice(offset, limit) {
			const out: Unit[] = [];
			let pos = 0;
			for (const p of state.products.values()) {
				const n = unitCount(p);
				if (pos + n <= offset) {
					pos += n;
					continue;
				}
				for (const u of unitsOf(state, p)) {
					if (pos >= offset && out.length < limit) out.push(u);
					pos++;
				}
				if (out.length >= limit) break;
			}
			return out;
		},
	};
}

function filteredUnits(ctx: Ctx): Pageable<Unit> {
	const { state } = ctx.core;
	const q = ctx.query;
	const skus = strList(q, 'sku:in')?.map((s) => s.toLowerCase());
	const variants = intList(q, 'variant_id:in');
	const products = intList(q, 'product_id:in');
	if (!skus && !variants && !products) return allUnits(state);
	// Narrow to the products the keys can belong to, through the indexes.
	const productIds = new Set<number>(products ?? []);
	for (const key of skus ?? []) {
		const owner = state.skuIndex.get(key);
		if (owner) productIds.add(owner.productId);
	}
	for (const vid of variants ?? []) {
		const v = state.variants.get(vid);
		if (v) productIds.add(v.product_id);
	}
	const candidates: Product[] = [];
	for (const id of [...productIds].sort((a, b) => a - b)) {
		const p = state.products.get(id);
		if (p) candidates.push(p);
	}
	const out: Unit[] = [];
	for (const p of candidates) {
		if (products && !products.includes(p.id)) continue;
		for (const u of unitsOf(state, p)) {
			const id = identity(u);
			if (skus && !skus.includes(String(id.sku).toLowerCase())) continue;
			if (variants && !variants.includes(id.variant_id as number)) continue;
			out.push(u);
		}
	}
	return fromArray(out);
}

function locationFilter(ctx: Ctx): Location[] {
	const ids = intList(ctx.query, 'location_id:in');
	return ctx.core.state.locations.filter((l) => !ids || ids.includes(l.id));
}

function serializeLocation(l: Location): Record<string, unknown> {
	return {
		id: l.id,
		code: l.code,
		label: l.label,
		description: l.description,
		managed_by_external_source: l.managed_by_external_source,
		type_id: l.type_id,
		enabled: l.enabled,
		operating_hours: {},
		time_zone: 'Etc/UTC',
		created_at: l.created_at,
		updated_at: l.updated_at,
		address: { ...l.address },
		storefront_visibility: l.storefront_visibility,
		special_hours: [],
	};
}

// ------------------------------------------------------------------------------------------
// Adjustments

interface Resolved {
	product: Product;
	variant: Variant | null;
	holder: { stock: Stock };
	locationId: number;
	quantity: number;
}

function problem(messages: string[], errors: Record<string, string>): Reply {
	return {
		status: 422,
		contentType: 'application/problem+json',
		body: { status: 422, title: messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`, type: ERROR_TYPE, errors },
	};
}

function resolveItem(state: StoreState, item: Record<string, unknown>): Omit<Resolved, 'locationId' | 'quantity'> | string {
	const ways = Number(item.sku !== undefined) + Number(item.product_id !== undefined) + Number(item.variant_id !== undefined);
	if (ways !== 1) return 'Each item needs exactly one of sku, product_id or variant_id';
	if (item.product_id !== undefined) {
		const id = item.product_id;
		const p = Number.isInteger(id) ? state.products.get(id as number) : undefined;
		if (!p) return `Item with product_id ${String(id)} does not exist`;
		if (p.inventory_tracking === 'variant') return `Item with product_id ${p.id} is tracked by variant, please update stock by variant id or sku`;
		if (p.inventory_tracking === 'none') return `Item with product_id ${p.id} has inventory tracking disabled: set inventory_tracking to product first`;
		return { product: p, variant: null, holder: p };
	}
	let variant: Variant | undefined;
	let label: string;
	if (item.variant_id !== undefined) {
		const id = item.variant_id;
		variant = Number.isInteger(id) ? state.variants.get(id as number) : undefined;
		label = `variant_id ${String(id)}`;
		if (!variant) return `Item with ${label} does not exist`;
	} else {
		const sku = String(item.sku);
		label = `sku ${sku}`;
		const owner = state.skuIndex.get(sku.toLowerCase());
		if (!owner) return `Item with ${label} does not exist`;
		const vid = owner.variantId ?? state.products.get(owner.productId)?.base_variant_id ?? null;
		variant = vid !== null ? state.variants.get(vid) : undefined;
		if (!variant) {
			const p = state.products.get(owner.productId) as Product;
			if (p.inventory_tracking === 'product') return `Item with ${label} is tracked by product, please update stock by product id`;
			return `Item with ${label} does not exist`;
		}
	}
	const product = state.products.get(variant.product_id) as Product;
	// A simple product's base variant is the product itself: BigCommerce's own adjustment
	// examples write a simple product's stock by its base variant id or SKU.
	if (product.inventory_tracking === 'product' && variant.id === product.base_variant_id) {
		return { product, variant: null, holder: product };
	}
	if (product.inventory_tracking === 'product') return `Item with ${label} is tracked by product, please update stock by product id`;
	if (product.inventory_tracking === 'none') return `Item with ${label} has inventory tracking disabled: set inventory_tracking on product ${product.id} first`;
	return { product, variant, holder: variant };
}

/** Checks one item against the store and the levels projected so far; a message if refused. */
function checkItem(
	state: StoreState,
	raw: unknown,
	method: 'absolute' | 'relative',
	projected: Map<number, Map<{ stock: Stock }, number>>,
	resolved: Resolved[],
): string | undefined {
	if (!isObject(raw)) return 'Each item must be an object';
	if (!Number.isInteger(raw.location_id)) return 'location_id is required';
	const location = state.locations.get(raw.location_id as number);
	if (!location) return `Location with id ${String(raw.location_id)} does not exist`;
	if (!location.enabled) return `Location with id ${location.id} is disabled`;
	if (!Number.isInteger(raw.quantity)) return 'quantity must be an integer';
	const r = resolveItem(state, raw);
	if (typeof r === 'string') return r;
	const quantity = raw.quantity as number;
	let levels = projected.get(location.id);
	if (!levels) projected.set(location.id, (levels = new Map()));
	const current = levels.has(r.holder) ? levels.get(r.holder) : r.holder.stock[location.id];
	let next: number;
	if (method === 'absolute') {
		if (quantity < 0) return 'quantity must be 0 or more for an absolute adjustment';
		next = quantity;
	} else {
		// The default location always has a record; others need an absolute level first.
		if (current === undefined && location.id !== DEFAULT_LOCATION_ID) {
			return `Item at location ${location.id} requires absolute adjustment before relative`;
		}
		next = (current ?? 0) + quantity;
		if (next < 0) return `Adjustment would make stock negative (${next}) at location ${location.id}`;
	}
	if (next > MAX_STOCK) return `Quantity exceeds the maximum of ${MAX_STOCK}`;
	levels.set(r.holder, next);
	resolved.push({ product: r.product, variant: r.variant, holder: r.holder, locationId: location.id, quantity });
	return undefined;
}

function adjust(ctx: Ctx, method: 'absolute' | 'relative'): Reply {
	const { state } = ctx.core;
	if (!isObject(ctx.body)) throw v3Error(422, 'JSON data is missing or invalid', { body: 'the body must be a JSON object with items' });
	const items = ctx.body.items;
	if (!Array.isArray(items) || !items.length) throw v3Error(422, 'JSON data is missing or invalid', { items: 'items is required' });
	if (items.length > MAX_ITEMS) {
		return {
			status: 413,
			contentType: 'application/problem+json',
			body: { status: 413, title: `The request contains ${items.length} items: the maximum is ${MAX_ITEMS} per request.`, type: ERROR_TYPE },
		};
	}
	if (ctx.body.reason !== undefined && typeof ctx.body.reason !== 'string') {
		throw v3Error(422, 'JSON data is missing or invalid', { reason: 'reason must be a string' });
	}
	const messages: string[] = [];
	const errors: Record<string, string> = {};
	const resolved: Resolved[] = [];
	// Projected level per location and holder, so repeated items in one request add up.
	const projected = new Map<number, Map<{ stock: Stock }, number>>();
	for (let i = 0; i < items.length; i++) {
		const message = checkItem(state, items[i], method, projected, resolved);
		if (message === undefined) continue;
		messages.push(message);
		errors[`items[${i}]`] = message;
	}
	if (messages.length) return problem(messages, errors);
	const touched = new Set<Product>();
	for (const [locationId, levels] of projected) {
		for (const [holder, level] of levels) writeStock(holder, locationId, level);
	}
	for (const r of resolved) touched.add(r.product);
	const modified = isoDate(Date.now());
	for (const p of touched) {
		recomputeInventory(state, p);
		p.date_modified = modified;
	}
	for (const r of resolved) {
		if (r.variant && r.product.inventory_tracking === 'variant') emitVariantInventory(ctx.core, r.variant, method, r.quantity, r.locationId);
		else emitProductInventory(ctx.core, r.product, method, r.quantity, r.locationId);
	}
	return { status: 200, body: { transaction_id: randomUUID() } };
}

export function registerInventory(router: Router): void {
	router
		.put('/v3/inventory/adjustments/absolute', (ctx) => adjust(ctx, 'absolute'))
		.post('/v3/inventory/adjustments/relative', (ctx) => adjust(ctx, 'relative'))
		.get('/v3/inventory/items', (ctx) => {
			const locations = locationFilter(ctx);
			return v3List(filteredUnits(ctx), ctx.query, (u) => {
				const stock = stockOf(u);
				return {
					identity: identity(u),
					locations: locations.map((l) => {
						const qty = stock[l.id] ?? 0;
						return {
							location_id: l.id,
							location_code: l.code,
							location_name: l.label,
							available_to_sell: qty,
							total_inventory_onhand: qty,
							location_enabled: l.enabled,
							settings: settingsOf(u, qty),
						};
					}),
				};
			}, ITEMS_MAX_LIMIT);
		})
		.get('/v3/inventory/locations/:id/items', (ctx) => {
			const id = parseId(ctx.params.id);
			const location = id === null ? undefined : ctx.core.state.locations.get(id);
			if (!location) throw v3Error(404, `Location with id ${ctx.params.id} not found.`);
			return v3List(filteredUnits(ctx), ctx.query, (u) => {
				const qty = stockOf(u)[location.id] ?? 0;
				return { identity: identity(u), available_to_sell: qty, total_inventory_onhand: qty, settings: settingsOf(u, qty) };
			}, ITEMS_MAX_LIMIT);
		})
		.get('/v3/inventory/locations', (ctx) => {
			const q = ctx.query;
			const ids = intList(q, 'location_id:in');
			const codes = strList(q, 'location_code:in');
			const active = bool(q, 'is_active');
			const items = ctx.core.state.locations.filter(
				(l) => (!ids || ids.includes(l.id)) && (!codes || codes.includes(l.code)) && (active === undefined || l.enabled === active),
			);
			// BigCommerce has no GET /v3/inventory/locations/{id}: a single location is read from
			// this list with location_id:in.
			return v3List(fromArray(items), q, serializeLocation);
		});
}
