import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bigCommerceApiRequest, concurrencyFor, getAllItems, mapConcurrent } from '../../transport';

/** The sub-resources a product is read with when its options ask for "everything". */
export const PRODUCT_INCLUDES = 'variants,images,custom_fields';

// SKUs per look-up request: far below the 250 records a page can hold (each SKU matches at
// most one record, so one page answers a whole chunk), and a query string of a few KB, which
// every HTTP hop between n8n and BigCommerce accepts. BigCommerce documents no cap on `:in`.
const SKUS_PER_LOOKUP = 100;
const MAX_ENCODED_SKU_LIST = 4000;

/** Who owns a SKU: a product (its own SKU), or one option variant of a product. */
export interface SkuOwner {
	productId: number;
	/** Set when the SKU belongs to an option variant rather than to the product itself. */
	variantId?: number;
	/**
	 * For a product's own SKU on a product without options: the ID of its base variant, where
	 * variant-level data of the product (e.g. price list records) lives.
	 */
	baseVariantId?: number;
}

export function skuKey(sku: string): string {
	// BigCommerce treats SKUs as unique regardless of letter case.
	return sku.trim().toLowerCase();
}

/** Splits SKUs into `sku:in` lists of at most 100 SKUs and a few KB each. */
export function chunkSkus(skus: string[]): string[][] {
	const chunks: string[][] = [];
	let chunk: string[] = [];
	let length = 0;
	for (const sku of skus) {
		const encoded = encodeURIComponent(sku).length + 3;
		if (chunk.length && (chunk.length >= SKUS_PER_LOOKUP || length + encoded > MAX_ENCODED_SKU_LIST)) {
			chunks.push(chunk);
			chunk = [];
			length = 0;
		}
		chunk.push(sku);
		length += encoded;
	}
	if (chunk.length) chunks.push(chunk);
	return chunks;
}

async function lookUp(
	context: IExecuteFunctions,
	path: string,
	skus: string[],
	fields: string,
): Promise<IDataObject[]> {
	// A SKU with a comma cannot sit in an `:in` list: it is looked up on its own.
	const listable = skus.filter((sku) => !sku.includes(','));
	const queries: IDataObject[] = [
		...chunkSkus(listable).map((chunk) => ({ 'sku:in': chunk.join(',') })),
		...skus.filter((sku) => sku.includes(',')).map((sku) => ({ sku })),
	];
	// The look-ups are independent: as many at once as the endpoint allows.
	const answers = await mapConcurrent(queries, concurrencyFor(context, { method: 'GET', path }), async (qs) => {
		try {
			return await getAllItems.call(context, {
				style: 'v3Page',
				path,
				qs: { ...qs, include_fields: fields },
				maxPageSize: 250,
			});
		} catch (error) {
			return error instanceof Error ? error : new Error(String(error));
		}
	});
	const failure = answers.find((answer): answer is Error => answer instanceof Error);
	if (failure) throw failure;
	return (answers as IDataObject[][]).flat();
}

/**
 * Finds the owners of many SKUs with few requests, keyed by lower-cased SKU. Variants come
 * first: every product without options has a base variant carrying the product's SKU, so one
 * `sku:in` list over /v3/catalog/variants finds both product and variant SKUs. A product with
 * options has no base variant, so SKUs still unknown are then looked up among products.
 */
export async function findSkuOwners(this: IExecuteFunctions, skus: string[]): Promise<Map<string, SkuOwner>> {
	const unique = [...new Map(skus.map((sku) => [skuKey(sku), sku.trim()])).values()];
	const owners = new Map<string, SkuOwner>();
	if (!unique.length) return owners;

	for (const variant of await lookUp(this, '/v3/catalog/variants', unique, 'id,product_id,sku,option_values')) {
		const optionValues = Array.isArray(variant.option_values) ? variant.option_values : [];
		owners.set(
			skuKey(String(variant.sku)),
			optionValues.length
				? { productId: Number(variant.product_id), variantId: Number(variant.id) }
				: { productId: Number(variant.product_id), baseVariantId: Number(variant.id) },
		);
	}

	const unknown = unique.filter((sku) => !owners.has(skuKey(sku)));
	if (unknown.length) {
		for (const [key, productId] of await findProductIdsBySku.call(this, unknown)) owners.set(key, { productId });
	}
	return owners;
}

/** The IDs of the products whose own SKU is one of these, keyed by lower-cased SKU, few requests. */
export async function findProductIdsBySku(this: IExecuteFunctions, skus: string[]): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	// The product list's include_fields takes field names only: the ID always comes back.
	for (const product of await lookUp(this, '/v3/catalog/products', skus, 'sku')) {
		if (typeof product.sku === 'string') ids.set(skuKey(product.sku), Number(product.id));
	}
	return ids;
}

/** The product with this SKU or name (both unique in a store), with its variants and images. */
export async function findProductByKey(
	this: IExecuteFunctions,
	key: { sku: string } | { name: string },
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const answer = await bigCommerceApiRequest.call(this, {
		method: 'GET',
		path: '/v3/catalog/products',
		qs: { ...key, include: PRODUCT_INCLUDES, limit: 1 },
		itemIndex,
	});
	const data = answer.data;
	return Array.isArray(data) && data.length ? (data[0] as IDataObject) : undefined;
}
