// Catalog products and variants: creation with the base variant, updates, deletes, the
// unique indexes (name; SKU case-insensitively across products and variants) and the
// serialised v3 shapes.

import { ApiError, isoDate, v3Error } from '../http';
import type { Core } from '../http';
import type { StoreState } from '../state';
import type { Product, ProductImage, ProductOption, Variant, VariantOptionValue } from '../types';
import { downloadedFileName, uploadedImageUrls } from './productImages';
import { DEFAULT_LOCATION_ID, MAX_STOCK, NO_STOCK, recomputeInventory, writeStock } from './inventory';
import { FieldSpec, assignFields, requireFields, validateFields } from './validate';

export const PRODUCT_FIELDS: FieldSpec = {
	name: 'string',
	type: { enum: ['physical', 'digital'] },
	sku: 'string',
	description: 'string',
	weight: 'number',
	width: 'number',
	depth: 'number',
	height: 'number',
	price: 'number',
	cost_price: 'number',
	retail_price: 'number',
	sale_price: 'number',
	map_price: 'number',
	tax_class_id: 'int',
	categories: 'intArray',
	brand_id: 'int',
	inventory_level: 'int',
	inventory_warning_level: 'int',
	inventory_tracking: { enum: ['none', 'product', 'variant'] },
	is_visible: 'bool',
	is_featured: 'bool',
	is_free_shipping: 'bool',
	availability: { enum: ['available', 'disabled', 'preorder'] },
	condition: { enum: ['New', 'Used', 'Refurbished'] },
	upc: 'string',
	mpn: 'string',
	gtin: 'string',
	search_keywords: 'string',
	sort_order: 'int',
	total_sold: 'int',
	custom_url: 'object',
	images: 'array',
	variants: 'array',
	custom_fields: 'array',
};

/** Fields copied straight onto the record (the rest need special handling). */
const PLAIN_PRODUCT_FIELDS: FieldSpec = Object.fromEntries(
	Object.entries(PRODUCT_FIELDS).filter(
		([k]) => !['sku', 'name', 'inventory_level', 'custom_url', 'images', 'variants', 'custom_fields'].includes(k),
	),
);

export const VARIANT_FIELDS: FieldSpec = {
	sku: 'string',
	price: 'nullableNumber',
	sale_price: 'nullableNumber',
	retail_price: 'nullableNumber',
	map_price: 'nullableNumber',
	cost_price: 'nullableNumber',
	weight: 'nullableNumber',
	width: 'nullableNumber',
	height: 'nullableNumber',
	depth: 'nullableNumber',
	inventory_level: 'int',
	inventory_warning_level: 'int',
	purchasing_disabled: 'bool',
	purchasing_disabled_message: 'string',
	image_url: 'string',
	upc: 'string',
	mpn: 'string',
	gtin: 'string',
	bin_picking_number: 'string',
	option_values: 'array',
	product_id: 'int',
	id: 'int',
};

const PLAIN_VARIANT_FIELDS: FieldSpec = Object.fromEntries(
	Object.entries(VARIANT_FIELDS).filter(([k]) => !['sku', 'inventory_level', 'option_values', 'product_id', 'id'].includes(k)),
);

const EMPTY: never[] = Object.freeze([]) as unknown as never[];

export function slug(name: string): string {
	return (
		'/' +
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') +
		'/'
	);
}

function nowIso(): string {
	return isoDate(Date.now());
}

function calculatedPrice(price: number, sale: number | null | undefined): number {
	return sale && sale > 0 ? sale : price;
}

// ------------------------------------------------------------------------------------------
// Unique indexes

/** 409 if the SKU is taken by anything other than `self`. */
export function assertSkuFree(
	state: StoreState,
	sku: string,
	self?: { productId: number; variantId: number | null },
	extraTaken?: Set<string>,
): void {
	if (!sku) return;
	const key = sku.toLowerCase();
	const owner = state.skuIndex.get(key);
	const mine = owner && self && owner.productId === self.productId && owner.variantId === self.variantId;
	if ((owner && !mine) || extraTaken?.has(key)) {
		const where = owner ? (owner.variantId ? `variant ${owner.variantId} of product ${owner.productId}` : `product ${owner.productId}`) : 'another record in this request';
		throw v3Error(409, `The SKU "${sku}" is already in use by ${where}. SKUs must be unique (ignoring case) across products and variants.`, {
			sku: `sku "${sku}" is not unique`,
		});
	}
}

export function assertNameFree(state: StoreState, name: string, selfId?: number, extraTaken?: Set<string>): void {
	const key = name.trim().toLowerCase();
	const owner = state.productNames.get(key);
	if ((owner !== undefined && owner !== selfId) || extraTaken?.has(key)) {
		throw v3Error(409, `The product name "${name}" is a duplicate: product names must be unique.`, {
			name: `name "${name}" is already used by product ${owner ?? '(same request)'}`,
		});
	}
}

function assertReferences(state: StoreState, input: Record<string, unknown>): void {
	if (Array.isArray(input.categories)) {
		const missing = (input.categories as number[]).filter((id) => !state.categories.has(id));
		if (missing.length) {
			throw v3Error(409, `Category ${missing.join(', ')} does not exist.`, { categories: `unknown category_id: ${missing.join(', ')}` });
		}
	}
	if (typeof input.brand_id === 'number' && input.brand_id !== 0 && !state.brands.has(input.brand_id)) {
		throw v3Error(409, `Brand ${input.brand_id} does not exist.`, { brand_id: `unknown brand_id: ${input.brand_id}` });
	}
}

// ------------------------------------------------------------------------------------------
// Products

function checkProductInput(input: Record<string, unknown>, creating: boolean, prefix = ''): Record<string, string> {
	const errors = validateFields(input, PRODUCT_FIELDS, prefix);
	if (creating) requireFields(input, ['name', 'type', 'weight', 'price'], prefix, errors);
	if (typeof input.name === 'string' && (input.name.trim().length < 1 || input.name.length > 250)) {
		errors[`${prefix}name`] = 'name must be 1 to 250 characters';
	}
	if (typeof input.inventory_level === 'number' && (input.inventory_level < 0 || input.inventory_level > MAX_STOCK)) {
		errors[`${prefix}inventory_level`] = `inventory_level must be between 0 and ${MAX_STOCK}`;
	}
	return errors;
}

function invalid(errors: Record<string, string>): ApiError {
	return v3Error(422, 'JSON data is missing or invalid', errors);
}

export interface CreateProductOptions {
	/** Skip events (seeding). */
	silent?: boolean;
}

export function createProduct(core: Core, input: Record<string, unknown>, opts: CreateProductOptions = {}): Product {
	const { state } = core;
	const errors = checkProductInput(input, true);
	const nested = Array.isArray(input.variants) ? (input.variants as Record<string, unknown>[]) : [];
	nested.forEach((v, i) => {
		if (typeof v !== 'object' || v === null) errors[`variants[${i}]`] = 'variant must be an object';
		else checkVariantInput(v, true, `variants[${i}].`, errors);
	});
	if (Object.keys(errors).length) throw invalid(errors);
	const name = input.name as string;
	assertNameFree(state, name);
	const sku = typeof input.sku === 'string' ? input.sku : '';
	assertSkuFree(state, sku);
	const batchSkus = new Set<string>(sku ? [sku.toLowerCase()] : []);
	for (const v of nested) {
		assertSkuFree(state, v.sku as string, undefined, batchSkus);
		batchSkus.add((v.sku as string).toLowerCase());
	}
	assertReferences(state, input);

	const now = nowIso();
	const id = state.products.allocateId();
	const product = productRecord({ id, name, type: input.type as Product['type'], sku, custom_url: { url: slug(name), is_customized: false } }, now);
	assignFields(product, input, PLAIN_PRODUCT_FIELDS);
	if (input.custom_url && typeof input.custom_url === 'object') {
		const cu = input.custom_url as { url?: unknown; is_customized?: unknown };
		if (typeof cu.url === 'string') product.custom_url = { url: cu.url, is_customized: cu.is_customized !== false };
	}
	product.calculated_price = calculatedPrice(product.price, product.sale_price);
	state.products.insert(product);
	state.productNames.set(name.trim().toLowerCase(), id);
	if (typeof input.inventory_level === 'number') writeStock(product, DEFAULT_LOCATION_ID, input.inventory_level);

	if (Array.isArray(input.images)) product.images = buildImages(state, id, input.images as Record<string, unknown>[]);
	if (Array.isArray(input.custom_fields)) {
		product.customFields = (input.custom_fields as Record<string, unknown>[]).map((f) => ({
			id: state.nextSeq('customField'),
			name: String(f.name ?? ''),
			value: String(f.value ?? ''),
		}));
	}

	if (nested.length) {
		for (const v of nested) insertVariant(core, product, v, true);
	} else {
		const base = newVariantRecord(state, product, sku, []);
		state.variants.insert(base);
		product.base_variant_id = base.id;
		product.variantIds = [base.id];
	}
	if (sku) state.skuIndex.set(sku.toLowerCase(), { productId: id, variantId: product.base_variant_id });
	recomputeInventory(state, product);

	if (!opts.silent) {
		core.emit('store/product/created', { type: 'product', id });
		if (product.inventory_tracking === 'product' && typeof input.inventory_level === 'number') {
			emitProductInventory(core, product, 'absolute', input.inventory_level);
		}
	}
	return product;
}

function buildImages(state: StoreState, productId: number, images: Record<string, unknown>[]): ProductImage[] {
	const now = nowIso();
	return images.map((img, i) => ({
		id: state.nextSeq('image'),
		product_id: productId,
		is_thumbnail: img.is_thumbnail === true,
		sort_order: typeof img.sort_order === 'number' ? img.sort_order : i,
		description: typeof img.description === 'string' ? img.description : '',
		image_url: typeof img.image_url === 'string' ? img.image_url : '',
		date_modified: now,
	}));
}

export interface ProductUpdatePlan {
	product: Product;
	input: Record<string, unknown>;
}

/** Validation of one update without applying it (batch writes validate everything first). */
export function checkProductUpdate(
	state: StoreState,
	product: Product,
	input: Record<string, unknown>,
	prefix = '',
	batchNames?: Set<string>,
	batchSkus?: Set<string>,
): void {
	const errors = checkProductInput(input, false, prefix);
	if (Object.keys(errors).length) throw invalid(errors);
	if (typeof input.name === 'string') assertNameFree(state, input.name, product.id, batchNames);
	if (typeof input.sku === 'string') assertSkuFree(state, input.sku, { productId: product.id, variantId: product.base_variant_id }, batchSkus);
	assertReferences(state, input);
}

export function applyProductUpdate(core: Core, product: Product, input: Record<string, unknown>): void {
	const { state } = core;
	if (typeof input.name === 'string' && input.name !== product.name) {
		state.productNames.delete(product.name.trim().toLowerCase());
		product.name = input.name;
		state.productNames.set(input.name.trim().toLowerCase(), product.id);
		if (!product.custom_url.is_customized) product.custom_url = { url: slug(input.name), is_customized: false };
	}
	if (typeof input.sku === 'string' && input.sku !== product.sku) setProductSku(state, product, input.sku);
	assignFields(product, input, PLAIN_PRODUCT_FIELDS);
	if (input.custom_url && typeof input.custom_url === 'object') {
		const cu = input.custom_url as { url?: unknown; is_customized?: unknown };
		if (typeof cu.url === 'string') product.custom_url = { url: cu.url, is_customized: cu.is_customized !== false };
	}
	if (Array.isArray(input.images)) product.images = [...product.images, ...buildImages(state, product.id, input.images as Record<string, unknown>[])];
	product.calculated_price = calculatedPrice(product.price, product.sale_price);
	const before = product.inventory_level;
	if (typeof input.inventory_level === 'number' && product.inventory_tracking !== 'variant') {
		writeStock(product, DEFAULT_LOCATION_ID, input.inventory_level);
	}
	recomputeInventory(state, product);
	product.date_modified = nowIso();
	core.emit('store/product/updated', { type: 'product', id: product.id });
	if (product.inventory_tracking === 'product' && typeof input.inventory_level === 'number' && before !== product.inventory_level) {
		emitProductInventory(core, product, 'absolute', input.inventory_level);
	}
}

function setProductSku(state: StoreState, product: Product, sku: string): void {
	if (product.sku) state.skuIndex.delete(product.sku.toLowerCase());
	product.sku = sku;
	if (sku) state.skuIndex.set(sku.toLowerCase(), { productId: product.id, variantId: product.base_variant_id });
	const base = product.base_variant_id ? state.variants.get(product.base_variant_id) : undefined;
	if (base) base.sku = sku;
}

export function deleteProducts(core: Core, ids: number[]): void {
	const { state } = core;
	const variantIds: number[] = [];
	const gone: number[] = [];
	for (const id of ids) {
		const p = state.products.get(id);
		if (!p) continue;
		state.productNames.delete(p.name.trim().toLowerCase());
		if (p.sku) state.skuIndex.delete(p.sku.toLowerCase());
		for (const vid of p.variantIds) {
			const v = state.variants.get(vid);
			if (v?.sku && state.skuIndex.get(v.sku.toLowerCase())?.productId === id) state.skuIndex.delete(v.sku.toLowerCase());
			variantIds.push(vid);
		}
		gone.push(id);
	}
	state.products.deleteMany(gone);
	state.variants.deleteMany(variantIds);
	for (const id of gone) core.emit('store/product/deleted', { type: 'product', id });
}

export function emitProductInventory(core: Core, product: Product, method: 'absolute' | 'relative', value: number, locationId = DEFAULT_LOCATION_ID): void {
	core.emit('store/product/inventory/updated', {
		type: 'product',
		id: product.id,
		inventory: { product_id: product.id, method, value, location_id: locationId },
	});
}

export function emitVariantInventory(core: Core, variant: Variant, method: 'absolute' | 'relative', value: number, locationId = DEFAULT_LOCATION_ID): void {
	core.emit('store/sku/inventory/updated', {
		type: 'sku',
		id: variant.sku_id,
		inventory: { product_id: variant.product_id, method, value, variant_id: variant.id, location_id: locationId },
	});
}

// ------------------------------------------------------------------------------------------
// Variants

function checkVariantInput(input: Record<string, unknown>, creating: boolean, prefix: string, errors: Record<string, string>): void {
	validateFields(input, VARIANT_FIELDS, prefix, errors);
	if (creating) {
		requireFields(input, ['sku'], prefix, errors);
		if (!Array.isArray(input.option_values) || input.option_values.length === 0) {
			errors[`${prefix}option_values`] = 'option_values is required: a variant needs at least one option value';
		} else {
			(input.option_values as unknown[]).forEach((ov, i) => {
				const o = ov as Record<string, unknown>;
				const byName = typeof o?.option_display_name === 'string' && typeof o?.label === 'string';
				const byId = Number.isInteger(o?.id) && Number.isInteger(o?.option_id);
				if (!byName && !byId) {
					errors[`${prefix}option_values[${i}]`] = 'each option value needs option_display_name and label, or id and option_id';
				}
			});
		}
	}
	if (typeof input.inventory_level === 'number' && (input.inventory_level < 0 || input.inventory_level > MAX_STOCK)) {
		errors[`${prefix}inventory_level`] = `inventory_level must be between 0 and ${MAX_STOCK}`;
	}
}

function newVariantRecord(state: StoreState, product: Product, sku: string, optionValues: VariantOptionValue[]): Variant {
	return {
		id: state.variants.allocateId(),
		product_id: product.id,
		sku,
		sku_id: state.nextSeq('sku'),
		price: null,
		sale_price: null,
		retail_price: null,
		map_price: null,
		cost_price: null,
		weight: null,
		width: null,
		height: null,
		depth: null,
		calculated_price: product.calculated_price,
		inventory_level: 0,
		inventory_warning_level: 0,
		purchasing_disabled: false,
		purchasing_disabled_message: '',
		image_url: '',
		upc: '',
		mpn: '',
		gtin: '',
		bin_picking_number: '',
		option_values: optionValues,
		stock: NO_STOCK,
	};
}

/** Finds or creates the option values a variant names (by display name + label, or by ids). */
function resolveOptionValues(state: StoreState, product: Product, raw: Record<string, unknown>[], prefix: string): VariantOptionValue[] {
	const out: VariantOptionValue[] = [];
	for (const [i, ov] of raw.entries()) {
		if (Number.isInteger(ov.id) && Number.isInteger(ov.option_id)) {
			const opt = product.options.find((o) => o.id === ov.option_id);
			const val = opt?.option_values.find((v) => v.id === ov.id);
			if (!opt || !val) {
				throw v3Error(422, 'JSON data is missing or invalid', {
					[`${prefix}option_values[${i}]`]: `option value ${String(ov.id)} of option ${String(ov.option_id)} does not exist on product ${product.id}`,
				});
			}
			out.push({ id: val.id, label: val.label, option_id: opt.id, option_display_name: opt.display_name });
			continue;
		}
		const displayName = String(ov.option_display_name);
		const label = String(ov.label);
		let opt = product.options.find((o) => o.display_name.toLowerCase() === displayName.toLowerCase());
		if (!opt) {
			opt = { id: state.nextSeq('option'), product_id: product.id, display_name: displayName, type: 'radio_buttons', sort_order: product.options.length, option_values: [] };
			product.options = [...product.options, opt];
		}
		let val = opt.option_values.find((v) => v.label.toLowerCase() === label.toLowerCase());
		if (!val) {
			val = { id: state.nextSeq('optionValue'), label, sort_order: opt.option_values.length, is_default: false };
			opt.option_values = [...opt.option_values, val];
		}
		out.push({ id: val.id, label: val.label, option_id: opt.id, option_display_name: opt.display_name });
	}
	return out;
}

function sameCombination(a: VariantOptionValue[], b: VariantOptionValue[]): boolean {
	if (a.length !== b.length) return false;
	const ids = new Set(a.map((x) => x.id));
	return b.every((x) => ids.has(x.id));
}

/** Adds an option variant; the first one replaces the product's base variant. */
function insertVariant(core: Core, product: Product, input: Record<string, unknown>, silent: boolean): Variant {
	const { state } = core;
	const optionValues = resolveOptionValues(state, product, input.option_values as Record<string, unknown>[], '');
	for (const vid of product.variantIds) {
		const other = state.variants.get(vid);
		if (other && other.option_values.length && sameCombination(other.option_values, optionValues)) {
			throw v3Error(409, `A variant with these option values already exists (variant ${other.id}).`, {
				option_values: 'duplicate option value combination',
			});
		}
	}
	if (product.base_variant_id !== null) {
		// A product with options has no base variant: its own SKU stays on the product.
		state.variants.delete(product.base_variant_id);
		product.variantIds = product.variantIds.filter((v) => v !== product.base_variant_id);
		product.base_variant_id = null;
		if (product.sku) state.skuIndex.set(product.sku.toLowerCase(), { productId: product.id, variantId: null });
	}
	const variant = newVariantRecord(state, product, input.sku as string, optionValues);
	assignFields(variant, input, PLAIN_VARIANT_FIELDS);
	variant.calculated_price = calculatedPrice(variant.price ?? product.price, variant.sale_price ?? product.sale_price);
	state.variants.insert(variant);
	product.variantIds = [...product.variantIds, variant.id];
	state.skuIndex.set(variant.sku.toLowerCase(), { productId: product.id, variantId: variant.id });
	if (typeof input.inventory_level === 'number') writeStock(variant, DEFAULT_LOCATION_ID, input.inventory_level);
	recomputeInventory(state, product);
	if (!silent) {
		core.emit('store/sku/created', { type: 'sku', id: variant.sku_id, sku: { product_id: product.id, variant_id: variant.id } });
		if (product.inventory_tracking === 'variant' && typeof input.inventory_level === 'number') {
			emitVariantInventory(core, variant, 'absolute', input.inventory_level);
		}
	}
	return variant;
}

export function createVariant(core: Core, product: Product, input: Record<string, unknown>): Variant {
	const errors: Record<string, string> = {};
	checkVariantInput(input, true, '', errors);
	if (Object.keys(errors).length) throw invalid(errors);
	assertSkuFree(core.state, input.sku as string);
	const v = insertVariant(core, product, input, false);
	product.date_modified = nowIso();
	return v;
}

export function checkVariantUpdate(
	state: StoreState,
	variant: Variant,
	input: Record<string, unknown>,
	prefix = '',
	batchSkus?: Set<string>,
): void {
	const errors: Record<string, string> = {};
	checkVariantInput(input, false, prefix, errors);
	if (Object.keys(errors).length) throw invalid(errors);
	if (typeof input.sku === 'string') {
		if (!input.sku) throw invalid({ [`${prefix}sku`]: 'sku cannot be empty' });
		assertSkuFree(state, input.sku, { productId: variant.product_id, variantId: variant.id }, batchSkus);
	}
}

export function applyVariantUpdate(core: Core, variant: Variant, input: Record<string, unknown>): void {
	const { state } = core;
	const product = state.products.get(variant.product_id) as Product;
	if (typeof input.sku === 'string' && input.sku !== variant.sku) {
		if (variant.id === product.base_variant_id) setProductSku(state, product, input.sku);
		else {
			state.skuIndex.delete(variant.sku.toLowerCase());
			variant.sku = input.sku;
			state.skuIndex.set(input.sku.toLowerCase(), { productId: product.id, variantId: variant.id });
		}
	}
	assignFields(variant, input, PLAIN_VARIANT_FIELDS);
	variant.calculated_price = calculatedPrice(variant.price ?? product.price, variant.sale_price ?? product.sale_price);
	const before = variant.inventory_level;
	// inventory_level only counts when the product tracks stock per variant.
	if (typeof input.inventory_level === 'number' && product.inventory_tracking === 'variant') {
		writeStock(variant, DEFAULT_LOCATION_ID, input.inventory_level);
	}
	recomputeInventory(state, product);
	product.date_modified = nowIso();
	core.emit('store/sku/updated', { type: 'sku', id: variant.sku_id, sku: { product_id: product.id, variant_id: variant.id } });
	if (product.inventory_tracking === 'variant' && typeof input.inventory_level === 'number' && before !== variant.inventory_level) {
		emitVariantInventory(core, variant, 'absolute', input.inventory_level);
	}
}

export function deleteVariant(core: Core, product: Product, variant: Variant): void {
	const { state } = core;
	if (variant.id === product.base_variant_id) {
		throw v3Error(422, 'The base variant of a product cannot be deleted; delete the product instead.');
	}
	state.variants.delete(variant.id);
	state.skuIndex.delete(variant.sku.toLowerCase());
	product.variantIds = product.variantIds.filter((v) => v !== variant.id);
	if (!product.variantIds.length) {
		const base = newVariantRecord(state, product, product.sku, []);
		state.variants.insert(base);
		product.base_variant_id = base.id;
		product.variantIds = [base.id];
		if (product.sku) state.skuIndex.set(product.sku.toLowerCase(), { productId: product.id, variantId: base.id });
	}
	recomputeInventory(state, product);
	product.date_modified = nowIso();
	core.emit('store/sku/deleted', { type: 'sku', id: variant.sku_id, sku: { product_id: product.id, variant_id: variant.id } });
}

// ------------------------------------------------------------------------------------------
// Serialisation

export function serializeVariant(v: Variant): Record<string, unknown> {
	return {
		id: v.id,
		product_id: v.product_id,
		sku: v.sku,
		sku_id: v.sku_id,
		price: v.price,
		calculated_price: v.calculated_price,
		sale_price: v.sale_price,
		retail_price: v.retail_price,
		map_price: v.map_price,
		weight: v.weight,
		calculated_weight: v.weight ?? 0,
		width: v.width,
		height: v.height,
		depth: v.depth,
		is_free_shipping: false,
		fixed_cost_shipping_price: null,
		purchasing_disabled: v.purchasing_disabled,
		purchasing_disabled_message: v.purchasing_disabled_message,
		image_url: v.image_url,
		cost_price: v.cost_price,
		upc: v.upc,
		mpn: v.mpn,
		gtin: v.gtin,
		inventory_level: v.inventory_level,
		inventory_warning_level: v.inventory_warning_level,
		bin_picking_number: v.bin_picking_number,
		option_values: v.option_values.map((o) => ({ ...o })),
	};
}

export function serializeImage(img: ProductImage): Record<string, unknown> {
	if (img.upload) {
		const { upload } = img;
		return { ...serializeImage({ ...img, upload: undefined }), image_file: upload.image_file, ...uploadedImageUrls({ ...img, upload }) };
	}
	return {
		id: img.id,
		product_id: img.product_id,
		is_thumbnail: img.is_thumbnail,
		sort_order: img.sort_order,
		description: img.description,
		image_file: downloadedFileName(img),
		url_zoom: img.image_url,
		url_standard: img.image_url,
		url_thumbnail: img.image_url,
		url_tiny: img.image_url,
		date_modified: img.date_modified,
	};
}

function serializeOption(o: ProductOption): Record<string, unknown> {
	return {
		id: o.id,
		product_id: o.product_id,
		name: `${o.display_name}-${o.id}`,
		display_name: o.display_name,
		type: o.type,
		sort_order: o.sort_order,
		option_values: o.option_values.map((v) => ({ ...v, value_data: null })),
	};
}

export function serializeProduct(state: StoreState, p: Product, include: Set<string> = new Set()): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: p.id,
		name: p.name,
		type: p.type,
		sku: p.sku,
		description: p.description,
		weight: p.weight,
		width: p.width,
		depth: p.depth,
		height: p.height,
		price: p.price,
		cost_price: p.cost_price,
		retail_price: p.retail_price,
		sale_price: p.sale_price,
		map_price: p.map_price,
		tax_class_id: p.tax_class_id,
		product_tax_code: '',
		calculated_price: p.calculated_price,
		categories: [...p.categories],
		brand_id: p.brand_id,
		option_set_id: null,
		option_set_display: 'right',
		inventory_level: p.inventory_level,
		inventory_warning_level: p.inventory_warning_level,
		inventory_tracking: p.inventory_tracking,
		reviews_rating_sum: 0,
		reviews_count: 0,
		total_sold: p.total_sold,
		fixed_cost_shipping_price: 0,
		is_free_shipping: p.is_free_shipping,
		is_visible: p.is_visible,
		is_featured: p.is_featured,
		related_products: [-1],
		warranty: '',
		bin_picking_number: '',
		layout_file: 'product.html',
		upc: p.upc,
		mpn: p.mpn,
		gtin: p.gtin,
		date_last_imported: null,
		search_keywords: p.search_keywords,
		availability: p.availability,
		availability_description: '',
		gift_wrapping_options_type: 'any',
		gift_wrapping_options_list: [],
		sort_order: p.sort_order,
		condition: p.condition,
		is_condition_shown: false,
		order_quantity_minimum: 0,
		order_quantity_maximum: 0,
		page_title: '',
		meta_keywords: [],
		meta_description: '',
		date_created: p.date_created,
		date_modified: p.date_modified,
		view_count: 0,
		preorder_release_date: null,
		preorder_message: '',
		is_preorder_only: false,
		is_price_hidden: false,
		price_hidden_label: '',
		custom_url: { ...p.custom_url },
		base_variant_id: p.base_variant_id,
		open_graph_type: 'product',
		open_graph_title: '',
		open_graph_description: '',
		open_graph_use_meta_description: true,
		open_graph_use_product_name: true,
		open_graph_use_image: true,
	};
	if (include.has('variants')) {
		out.variants = p.variantIds.map((id) => state.variants.get(id)).filter((v): v is Variant => !!v).map(serializeVariant);
	}
	if (include.has('images')) out.images = p.images.map(serializeImage);
	if (include.has('primary_image')) {
		const img = p.images.find((i) => i.is_thumbnail) ?? p.images[0];
		out.primary_image = img ? serializeImage(img) : null;
	}
	if (include.has('custom_fields')) out.custom_fields = p.customFields.map((f) => ({ ...f }));
	if (include.has('options')) out.options = p.options.map(serializeOption);
	if (include.has('modifiers')) out.modifiers = [];
	if (include.has('bulk_pricing_rules')) out.bulk_pricing_rules = [];
	if (include.has('videos')) out.videos = [];
	if (include.has('reviews')) out.reviews = [];
	if (include.has('channels')) out.channels = [...(state.productChannels.get(p.id) ?? [1])].sort((a, b) => a - b);
	return out;
}

/**
 * A product with the values BigCommerce gives fields that a create leaves out; the given
 * fields override them. One home for the record's shape, used by creates and by seeding.
 */
export function productRecord(
	fields: Pick<Product, 'id' | 'name' | 'type' | 'sku' | 'custom_url'> & Partial<Product>,
	now: string,
): Product {
	return {
		description: '',
		weight: 0,
		width: 0,
		depth: 0,
		height: 0,
		price: 0,
		cost_price: 0,
		retail_price: 0,
		sale_price: 0,
		map_price: 0,
		calculated_price: 0,
		tax_class_id: 0,
		categories: EMPTY,
		brand_id: 0,
		inventory_level: 0,
		inventory_warning_level: 0,
		inventory_tracking: 'none',
		is_visible: true,
		is_featured: false,
		is_free_shipping: false,
		availability: 'available',
		condition: 'New',
		upc: '',
		mpn: '',
		gtin: '',
		search_keywords: '',
		sort_order: 0,
		total_sold: 0,
		date_created: now,
		date_modified: now,
		base_variant_id: null,
		variantIds: EMPTY,
		images: EMPTY,
		customFields: EMPTY,
		options: EMPTY,
		stock: NO_STOCK,
		...fields,
	};
}
