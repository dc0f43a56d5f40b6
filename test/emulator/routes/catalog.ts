// /v3/catalog: products, variants, categories (trees and legacy), brands.

import { ApiError, Ctx, NO_CONTENT, Reply, isObject, parseId, v3Data, v3Error, v3Problem } from '../http';
import { fromArray, v3List, v3Paging, v3Page } from '../pagination';
import {
	bool,
	compareBy,
	dateRange,
	intList,
	like,
	num,
	numberRange,
	selectFields,
	strList,
	v3Sort,
} from '../query';
import type { Router } from '../router';
import { productCandidates, variantCandidates } from '../model/lookup';
import type { Category, Product, Variant } from '../types';
import {
	applyProductUpdate,
	applyVariantUpdate,
	checkProductUpdate,
	checkVariantUpdate,
	createProduct,
	createVariant,
	deleteProducts,
	deleteVariant,
	serializeImage,
	serializeProduct,
	serializeVariant,
} from '../model/products';

const PRODUCT_BATCH_MAX = 10;
const VARIANT_BATCH_MAX = 50;
const DELETE_MAX = 250;

const PRODUCT_SORTS = ['id', 'name', 'sku', 'price', 'date_modified', 'date_last_imported', 'inventory_level', 'is_visible', 'total_sold', 'calculated_price'];

// What the product list and product reads accept in `include` and `include_fields`: an API that
// enforces its spec refuses any other value (the ID is always returned, so it is not a field name).
const PRODUCT_INCLUDES = ['bulk_pricing_rules', 'channels', 'custom_fields', 'images', 'modifiers', 'options', 'parent_relations', 'primary_image', 'reviews', 'variants', 'videos'];
const PRODUCT_INCLUDE_FIELDS = [
	'name', 'type', 'sku', 'description', 'weight', 'width', 'depth', 'height', 'price', 'cost_price', 'retail_price',
	'sale_price', 'map_price', 'tax_class_id', 'product_tax_code', 'calculated_price', 'categories', 'brand_id',
	'option_set_id', 'option_set_display', 'inventory_level', 'inventory_warning_level', 'inventory_tracking',
	'reviews_rating_sum', 'reviews_count', 'total_sold', 'fixed_cost_shipping_price', 'is_free_shipping', 'is_visible',
	'is_featured', 'related_products', 'warranty', 'bin_picking_number', 'layout_file', 'upc', 'mpn', 'gtin',
	'date_last_imported', 'search_keywords', 'availability', 'availability_description', 'condition',
	'is_condition_shown', 'order_quantity_minimum', 'order_quantity_maximum', 'page_title', 'meta_keywords',
	'meta_description', 'date_created', 'date_modified', 'view_count', 'preorder_release_date', 'preorder_message',
	'is_preorder_only', 'is_price_hidden', 'price_hidden_label', 'custom_url', 'base_variant_id', 'open_graph_type',
	'open_graph_title', 'open_graph_description', 'open_graph_use_meta_description', 'open_graph_use_product_name',
	'open_graph_use_image',
];

function checkListValues(ctx: Ctx, key: string, allowed: string[]): void {
	const unknown = (strList(ctx.query, key) ?? []).filter((value) => !allowed.includes(value));
	if (unknown.length) {
		throw v3Error(422, `Invalid ${key}: ${unknown.join(', ')}`, { [key]: `each value must be one of ${allowed.join(', ')}` });
	}
}

function includes(ctx: Ctx): Set<string> {
	return new Set(strList(ctx.query, 'include') ?? []);
}

/** The `include` of a product read, refused when it holds a value the API does not know. */
function productIncludes(ctx: Ctx): Set<string> {
	checkListValues(ctx, 'include', PRODUCT_INCLUDES);
	checkListValues(ctx, 'include_fields', PRODUCT_INCLUDE_FIELDS);
	return includes(ctx);
}

function productFilter(ctx: Ctx): ((p: Product) => boolean) | undefined {
	const q = ctx.query;
	const tests: ((p: Product) => boolean)[] = [];
	const idTest = numberRange(q, 'id');
	if (idTest) tests.push((p) => idTest(p.id));
	if (q.sku !== undefined) {
		const sku = q.sku.toLowerCase();
		tests.push((p) => p.sku.toLowerCase() === sku);
	}
	const skus = strList(q, 'sku:in');
	if (skus) {
		const set = new Set(skus.map((s) => s.toLowerCase()));
		tests.push((p) => set.has(p.sku.toLowerCase()));
	}
	if (q.name !== undefined) tests.push((p) => p.name === q.name);
	if (q.keyword) {
		const k = q.keyword.toLowerCase();
		tests.push((p) => p.name.toLowerCase().includes(k) || p.sku.toLowerCase().includes(k) || p.description.toLowerCase().includes(k) || p.search_keywords.toLowerCase().includes(k));
	}
	const catIn = intList(q, 'categories:in');
	if (catIn) tests.push((p) => p.categories.some((c) => catIn.includes(c)));
	// `categories=N` matches the exact category list only, as the real API does (so products in
	// several categories are missed: use categories:in).
	const catEq = intList(q, 'categories');
	if (catEq) tests.push((p) => p.categories.length === catEq.length && catEq.every((c) => p.categories.includes(c)));
	const brandTest = numberRange(q, 'brand_id');
	if (brandTest) tests.push((p) => brandTest(p.brand_id));
	const channelIn = intList(q, 'channel_id:in');
	if (channelIn) tests.push((p) => channelIn.some((c) => (ctx.core.state.productChannels.get(p.id) ?? new Set([1])).has(c)));
	const visible = bool(q, 'is_visible');
	if (visible !== undefined) tests.push((p) => p.is_visible === visible);
	const featured = bool(q, 'is_featured');
	if (featured !== undefined) tests.push((p) => p.is_featured === featured);
	const freeShip = bool(q, 'is_free_shipping');
	if (freeShip !== undefined) tests.push((p) => p.is_free_shipping === freeShip);
	if (q.type) tests.push((p) => p.type === q.type);
	if (q.condition) tests.push((p) => p.condition.toLowerCase() === q.condition.toLowerCase());
	if (q.availability) tests.push((p) => p.availability === q.availability);
	if (q.mpn) tests.push((p) => p.mpn === q.mpn);
	if (q.upc) tests.push((p) => p.upc === q.upc);
	const inv = numberRange(q, 'inventory_level');
	if (inv) tests.push((p) => inv(p.inventory_level));
	const price = numberRange(q, 'price');
	if (price) tests.push((p) => price(p.price));
	const weight = numberRange(q, 'weight');
	if (weight) tests.push((p) => weight(p.weight));
	const sold = numberRange(q, 'total_sold');
	if (sold) tests.push((p) => sold(p.total_sold));
	const low = bool(q, 'inventory_low');
	if (low !== undefined) tests.push((p) => (p.inventory_tracking !== 'none' && p.inventory_level <= p.inventory_warning_level) === low);
	const oos = bool(q, 'out_of_stock');
	if (oos !== undefined) tests.push((p) => (p.inventory_tracking !== 'none' && p.inventory_level === 0) === oos);
	const modified = dateRange(q, 'date_modified');
	if (modified) tests.push((p) => modified(p.date_modified));
	if (!tests.length) return undefined;
	return (p) => tests.every((t) => t(p));
}

function listProducts(ctx: Ctx): Reply {
	const { state } = ctx.core;
	const inc = productIncludes(ctx);
	// Options and modifiers make the real API cap pages at 10.
	const maxLimit = inc.has('options') || inc.has('modifiers') ? 10 : 250;
	let paging = v3Paging(ctx.query, 250);
	if (paging.limit > maxLimit) paging = { ...paging, limit: maxLimit };
	const filter = productFilter(ctx);
	const sort = v3Sort(ctx.query, PRODUCT_SORTS);
	let source;
	if (!filter && (!sort || (sort.field === 'id' && !sort.desc))) source = state.products;
	else {
		const candidates = productCandidates(state, ctx.query);
		const items = candidates
			? candidates.filter(filter ?? (() => true))
			: filter
				? state.products.filter(filter)
				: [...state.products.values()];
		if (sort) items.sort(compareBy<Product>(sort.field, sort.desc));
		source = fromArray(items);
	}
	const result = v3Page(source, paging);
	const data = result.items.map((p) => selectFields(serializeProduct(state, p, inc), ctx.query));
	return { status: 200, body: { data, meta: { pagination: result.pagination } } };
}

function productOr404(ctx: Ctx, raw?: string): Product {
	const id = parseId(raw ?? ctx.params.id);
	const p = id === null ? undefined : ctx.core.state.products.get(id);
	if (!p) throw v3Error(404, `Product with id ${raw ?? ctx.params.id} not found.`);
	return p;
}

function bodyArray(ctx: Ctx, max: number, what: string): Record<string, unknown>[] {
	if (!Array.isArray(ctx.body)) throw v3Error(422, 'JSON data is missing or invalid', { body: `the body must be an array of ${what}` });
	if (ctx.body.length > max) {
		throw v3Error(413, `The request contains ${ctx.body.length} ${what}: the maximum items allowed in the array is ${max}.`);
	}
	if (!ctx.body.length) throw v3Error(422, 'JSON data is missing or invalid', { body: 'the array is empty' });
	return ctx.body.map((x, i) => {
		if (!isObject(x)) throw v3Error(422, 'JSON data is missing or invalid', { [`[${i}]`]: 'each item must be an object' });
		return x;
	});
}

function bodyObject(ctx: Ctx): Record<string, unknown> {
	if (!isObject(ctx.body)) throw v3Error(422, 'JSON data is missing or invalid', { body: 'the body must be a JSON object' });
	return ctx.body;
}

/** Error of one record inside a batch, re-keyed with the record's index. */
function indexed(e: unknown, i: number): ApiError {
	if (!(e instanceof ApiError)) throw e;
	const body = e.reply.body as Record<string, unknown>;
	const errors = (body.errors ?? {}) as Record<string, string>;
	const keyed: Record<string, string> = {};
	for (const [k, v] of Object.entries(errors)) keyed[k.startsWith('[') ? k : `[${i}].${k}`] = v;
	if (!Object.keys(keyed).length) keyed[`[${i}]`] = String(body.title);
	return v3Error(e.reply.status, String(body.title), keyed);
}

/**
 * The records whose secondary part (stock, custom URL) a '207' fault makes fail in a catalog
 * write: every second one of a batch, or a lone record.
 */
function secondaryFailsUnderMultiStatus(i: number, n: number): boolean {
	return n === 1 || i % 2 === 1;
}

/** The fields BigCommerce saves apart from a catalog record's own: what a 207 reports as not saved. */
const SECONDARY_FIELDS = ['inventory_level', 'custom_url'];

/**
 * Under a '207' fault, the part of a record's input that is not saved (its secondary fields),
 * keyed as the error names them, and the input without it. Nothing for a record unaffected.
 */
function splitSecondary(
	ctx: Ctx,
	kind: string,
	id: number | undefined,
	input: Record<string, unknown>,
	i: number,
	n: number,
	prefix: string,
): { input: Record<string, unknown>; failed: Record<string, string> } {
	if (!ctx.multiStatus || !secondaryFailsUnderMultiStatus(i, n)) return { input, failed: {} };
	const failed: Record<string, string> = {};
	const kept = { ...input };
	for (const field of SECONDARY_FIELDS) {
		if (kept[field] === undefined) continue;
		delete kept[field];
		const what = field === 'inventory_level' ? 'the stock (inventory_level)' : 'the custom URL';
		failed[`${prefix}${field}`] = `${kind}${id === undefined ? '' : ` ${id}`}: ${what} was not updated; update it again`;
	}
	return { input: kept, failed };
}

/**
 * A catalog write's 207, in the documented shape: `data` holds every record (each was saved),
 * and `errors` is one problem object naming the parts that were not saved. With nothing that
 * failed the write is a plain 200, and the fault is used up.
 */
function catalogMultiStatus(ctx: Ctx, kind: string, data: unknown, failed: Record<string, string>): Reply {
	ctx.multiStatus = false;
	if (!Object.keys(failed).length) return v3Data(data);
	const errors = v3Problem(207, `Partial success: the ${kind} was saved, but a secondary update failed`, failed);
	return { status: 207, body: { data, errors, meta: {} } };
}

function updateProductsBatch(ctx: Ctx): Reply {
	const { state } = ctx.core;
	const items = bodyArray(ctx, PRODUCT_BATCH_MAX, 'products');
	const names = new Set<string>();
	const skus = new Set<string>();
	const products = items.map((item, i) => {
		try {
			const id = item.id;
			if (!Number.isInteger(id)) throw v3Error(422, 'JSON data is missing or invalid', { [`[${i}].id`]: 'id is required' });
			const p = state.products.get(id as number);
			if (!p) throw v3Error(422, `Product with id ${String(id)} not found.`, { [`[${i}].id`]: `product ${String(id)} does not exist` });
			checkProductUpdate(state, p, item, '', names, skus);
			if (typeof item.name === 'string') names.add(item.name.trim().toLowerCase());
			if (typeof item.sku === 'string' && item.sku) skus.add(item.sku.toLowerCase());
			return p;
		} catch (e) {
			throw indexed(e, i);
		}
	});
	const data: unknown[] = [];
	const failed: Record<string, string> = {};
	items.forEach((item, i) => {
		const part = splitSecondary(ctx, 'product', products[i].id, item, i, items.length, `[${i}].`);
		Object.assign(failed, part.failed);
		applyProductUpdate(ctx.core, products[i], part.input);
		data.push(serializeProduct(state, products[i]));
	});
	if (ctx.multiStatus) return catalogMultiStatus(ctx, 'product', data, failed);
	return v3Data(data);
}

function deleteProductsByQuery(ctx: Ctx): Reply {
	const ids = intList(ctx.query, 'id:in');
	const filterKeys = Object.keys(ctx.query).filter((k) => k !== 'id:in');
	if (!ids && !filterKeys.length) {
		throw v3Error(422, 'A filter is required to delete products (for example id:in=1,2,3).', { 'id:in': 'a filter is required' });
	}
	if (ids && ids.length > DELETE_MAX) {
		throw v3Error(413, `Too many ids: at most ${DELETE_MAX} products can be deleted per request.`);
	}
	const { state } = ctx.core;
	let targets: number[];
	if (ids) targets = ids;
	else {
		const filter = productFilter(ctx);
		targets = filter ? state.products.filter(filter).map((p) => p.id) : [];
	}
	deleteProducts(ctx.core, targets);
	return NO_CONTENT;
}

// ------------------------------------------------------------------------------------------
// Variants

function variantOr404(ctx: Ctx, product: Product): Variant {
	const vid = parseId(ctx.params.variantId);
	const v = vid === null ? undefined : ctx.core.state.variants.get(vid);
	if (!v || v.product_id !== product.id) throw v3Error(404, `Variant with id ${ctx.params.variantId} not found.`);
	return v;
}

function variantFilter(ctx: Ctx): ((v: Variant) => boolean) | undefined {
	const q = ctx.query;
	const tests: ((v: Variant) => boolean)[] = [];
	const idTest = numberRange(q, 'id');
	if (idTest) tests.push((v) => idTest(v.id));
	if (q.sku !== undefined) {
		const s = q.sku.toLowerCase();
		tests.push((v) => v.sku.toLowerCase() === s);
	}
	const skus = strList(q, 'sku:in');
	if (skus) {
		const set = new Set(skus.map((s) => s.toLowerCase()));
		tests.push((v) => set.has(v.sku.toLowerCase()));
	}
	const pid = numberRange(q, 'product_id');
	if (pid) tests.push((v) => pid(v.product_id));
	if (q.upc) tests.push((v) => v.upc === q.upc);
	if (!tests.length) return undefined;
	return (v) => tests.every((t) => t(v));
}

function listAllVariants(ctx: Ctx): Reply {
	const { state } = ctx.core;
	const filter = variantFilter(ctx);
	const candidates = variantCandidates(state, ctx.query);
	const source = candidates
		? fromArray(candidates.filter(filter ?? (() => true)))
		: filter
			? fromArray(state.variants.filter(filter))
			: state.variants;
	return v3List(source, ctx.query, (v) => selectFields(serializeVariant(v), ctx.query));
}

function updateVariantsBatch(ctx: Ctx): Reply {
	const { state } = ctx.core;
	if (!Array.isArray(ctx.body)) throw v3Error(422, 'JSON data is missing or invalid', { body: 'the body must be an array of variants' });
	if (ctx.body.length > VARIANT_BATCH_MAX) {
		throw v3Error(413, `The request contains ${ctx.body.length} variants: the maximum items allowed in the array is ${VARIANT_BATCH_MAX}.`);
	}
	const items = ctx.body as unknown[];
	const skus = new Set<string>();
	const batchErrors: Record<string, unknown>[] = [];
	const variants: Variant[] = [];
	items.forEach((raw, i) => {
		try {
			if (!isObject(raw)) throw v3Error(422, 'JSON data is missing or invalid', { [`[${i}]`]: 'each item must be an object' });
			if (!Number.isInteger(raw.id)) throw v3Error(422, 'JSON data is missing or invalid', { id: 'id is required to update a variant' });
			const v = state.variants.get(raw.id as number);
			if (!v) throw v3Error(422, `Variant with id ${String(raw.id)} not found.`, { id: `variant ${String(raw.id)} does not exist` });
			if (raw.product_id !== undefined && raw.product_id !== v.product_id) {
				throw v3Error(422, 'JSON data is missing or invalid', { product_id: `variant ${v.id} belongs to product ${v.product_id}` });
			}
			checkVariantUpdate(state, v, raw, '', skus);
			if (typeof raw.sku === 'string') skus.add(raw.sku.toLowerCase());
			variants.push(v);
		} catch (e) {
			if (!(e instanceof ApiError)) throw e;
			const body = e.reply.body as Record<string, unknown>;
			batchErrors.push({ ...body, instance: `[${i}]`, errors: { ...(body.errors as object), index: String(i) } });
		}
	});
	// Bad records reject the whole request, in the batch_errors shape.
	if (batchErrors.length) return { status: 422, body: { batch_errors: batchErrors } };
	const data: unknown[] = [];
	const failed: Record<string, string> = {};
	items.forEach((raw, i) => {
		const part = splitSecondary(ctx, 'variant', variants[i].id, raw as Record<string, unknown>, i, items.length, `[${i}].`);
		Object.assign(failed, part.failed);
		applyVariantUpdate(ctx.core, variants[i], part.input);
		data.push(serializeVariant(variants[i]));
	});
	return v3Data(data);
}

// ------------------------------------------------------------------------------------------
// Categories and brands

function serializeTreeCategory(c: Category): Record<string, unknown> {
	return {
		category_id: c.id,
		category_uuid: `00000000-0000-4000-8000-${String(c.id).padStart(12, '0')}`,
		parent_id: c.parent_id,
		tree_id: c.tree_id,
		name: c.name,
		description: c.description,
		views: 0,
		sort_order: c.sort_order,
		page_title: c.page_title,
		meta_keywords: [],
		meta_description: '',
		layout_file: 'category.html',
		image_url: c.image_url,
		is_visible: c.is_visible,
		search_keywords: '',
		default_product_sort: 'use_store_settings',
		url: { path: c.url, is_customized: false },
	};
}

function serializeLegacyCategory(c: Category): Record<string, unknown> {
	return {
		id: c.id,
		parent_id: c.parent_id,
		name: c.name,
		description: c.description,
		views: 0,
		sort_order: c.sort_order,
		page_title: c.page_title,
		search_keywords: '',
		meta_keywords: [],
		meta_description: '',
		layout_file: 'category.html',
		is_visible: c.is_visible,
		default_product_sort: 'use_store_settings',
		image_url: c.image_url,
		custom_url: { url: c.url, is_customized: false },
	};
}

function categoryFilter(ctx: Ctx, idKey: string): (c: Category) => boolean {
	const q = ctx.query;
	const ids = intList(q, `${idKey}:in`);
	const idEq = q[idKey] !== undefined ? Number(q[idKey]) : undefined;
	const parents = intList(q, 'parent_id:in');
	const parentEq = num(q, 'parent_id');
	const trees = intList(q, 'tree_id:in');
	const visible = bool(q, 'is_visible');
	return (c) =>
		(!ids || ids.includes(c.id)) &&
		(idEq === undefined || c.id === idEq) &&
		(!parents || parents.includes(c.parent_id)) &&
		(parentEq === undefined || c.parent_id === parentEq) &&
		(!trees || trees.includes(c.tree_id)) &&
		(q.name === undefined || c.name === q.name) &&
		(q['name:like'] === undefined || like(c.name, q['name:like'])) &&
		(q.keyword === undefined || like(c.name, q.keyword)) &&
		(visible === undefined || c.is_visible === visible);
}

function serializeBrand(b: { id: number; name: string; page_title: string; meta_keywords: string[]; meta_description: string; search_keywords: string; image_url: string; url: string }): Record<string, unknown> {
	return {
		id: b.id,
		name: b.name,
		page_title: b.page_title,
		meta_keywords: [...b.meta_keywords],
		meta_description: b.meta_description,
		image_url: b.image_url,
		search_keywords: b.search_keywords,
		custom_url: { url: b.url, is_customized: false },
	};
}

export function registerCatalog(router: Router): void {
	router
		.get('/v3/catalog/products', listProducts)
		.post('/v3/catalog/products', (ctx) => {
			const input = bodyObject(ctx);
			// A product always gets a URL: under a 207 its stock fails if sent, its URL otherwise.
			const part = splitSecondary(ctx, 'product', undefined, input, 0, 1, '');
			if (ctx.multiStatus && !Object.keys(part.failed).length) part.failed.custom_url = 'product: the custom URL was not updated; update it again';
			const p = createProduct(ctx.core, part.input);
			const data = serializeProduct(ctx.core.state, p, new Set(['variants', 'images', 'custom_fields']));
			// The documented 207 of a create lists the product, where its 200 has it alone.
			if (ctx.multiStatus) return catalogMultiStatus(ctx, 'product', [data], part.failed);
			return v3Data(data);
		})
		.put('/v3/catalog/products', updateProductsBatch)
		.delete('/v3/catalog/products', deleteProductsByQuery)
		.get('/v3/catalog/products/:id', (ctx) => {
			const inc = productIncludes(ctx);
			const p = productOr404(ctx);
			return v3Data(selectFields(serializeProduct(ctx.core.state, p, inc), ctx.query));
		})
		.put('/v3/catalog/products/:id', (ctx) => {
			const p = productOr404(ctx);
			const input = bodyObject(ctx);
			checkProductUpdate(ctx.core.state, p, input);
			applyProductUpdate(ctx.core, p, input);
			return v3Data(serializeProduct(ctx.core.state, p, includes(ctx)));
		})
		.delete('/v3/catalog/products/:id', (ctx) => {
			const p = productOr404(ctx);
			deleteProducts(ctx.core, [p.id]);
			return NO_CONTENT;
		})
		.get('/v3/catalog/products/:id/images', (ctx) => {
			const p = productOr404(ctx);
			return v3List(fromArray(p.images), ctx.query, serializeImage);
		})
		.get('/v3/catalog/products/:id/options', (ctx) => {
			const p = productOr404(ctx);
			return v3List(fromArray(p.options), ctx.query, (o) => ({ ...o, name: `${o.display_name}-${o.id}` }));
		})
		.get('/v3/catalog/products/:id/variants', (ctx) => {
			const p = productOr404(ctx);
			const variants = p.variantIds.map((id) => ctx.core.state.variants.get(id)).filter((v): v is Variant => !!v);
			return v3List(fromArray(variants), ctx.query, (v) => selectFields(serializeVariant(v), ctx.query));
		})
		.post('/v3/catalog/products/:id/variants', (ctx) => {
			const p = productOr404(ctx);
			return v3Data(serializeVariant(createVariant(ctx.core, p, bodyObject(ctx))));
		})
		.get('/v3/catalog/products/:id/variants/:variantId', (ctx) => {
			const p = productOr404(ctx);
			return v3Data(selectFields(serializeVariant(variantOr404(ctx, p)), ctx.query));
		})
		.put('/v3/catalog/products/:id/variants/:variantId', (ctx) => {
			const p = productOr404(ctx);
			const v = variantOr404(ctx, p);
			const input = bodyObject(ctx);
			checkVariantUpdate(ctx.core.state, v, input);
			applyVariantUpdate(ctx.core, v, input);
			return v3Data(serializeVariant(v));
		})
		.delete('/v3/catalog/products/:id/variants/:variantId', (ctx) => {
			const p = productOr404(ctx);
			deleteVariant(ctx.core, p, variantOr404(ctx, p));
			return NO_CONTENT;
		})
		.get('/v3/catalog/variants', listAllVariants)
		.put('/v3/catalog/variants', updateVariantsBatch)
		.get('/v3/catalog/trees/categories', (ctx) => {
			const filter = categoryFilter(ctx, 'category_id');
			return v3List(fromArray(ctx.core.state.categories.filter(filter)), ctx.query, (c) => selectFields(serializeTreeCategory(c), ctx.query));
		})
		.get('/v3/catalog/trees', (ctx) =>
			v3List(fromArray([{ id: 1, name: 'Default tree', channels: [1] }]), ctx.query, (t) => t),
		)
		.get('/v3/catalog/categories', (ctx) => {
			const filter = categoryFilter(ctx, 'id');
			return v3List(fromArray(ctx.core.state.categories.filter(filter)), ctx.query, (c) => selectFields(serializeLegacyCategory(c), ctx.query));
		})
		.get('/v3/catalog/categories/:id', (ctx) => {
			const id = parseId(ctx.params.id);
			const c = id === null ? undefined : ctx.core.state.categories.get(id);
			if (!c) throw v3Error(404, `Category with id ${ctx.params.id} not found.`);
			return v3Data(selectFields(serializeLegacyCategory(c), ctx.query));
		})
		.get('/v3/catalog/brands', (ctx) => {
			const q = ctx.query;
			const idTest = numberRange(q, 'id');
			const items = ctx.core.state.brands.filter(
				(b) =>
					(!idTest || idTest(b.id)) &&
					(q.name === undefined || b.name === q.name) &&
					(q['name:like'] === undefined || like(b.name, q['name:like'])) &&
					(q.page_title === undefined || b.page_title === q.page_title),
			);
			const sort = v3Sort(q, ['id', 'name']);
			if (sort) items.sort(compareBy(sort.field, sort.desc));
			return v3List(fromArray(items), q, (b) => selectFields(serializeBrand(b), q));
		})
		.get('/v3/catalog/brands/:id', (ctx) => {
			const id = parseId(ctx.params.id);
			const b = id === null ? undefined : ctx.core.state.brands.get(id);
			if (!b) throw v3Error(404, `Brand with id ${ctx.params.id} not found.`);
			return v3Data(selectFields(serializeBrand(b), ctx.query));
		});
}
