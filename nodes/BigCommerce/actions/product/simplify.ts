import type { IDataObject } from 'n8n-workflow';

import { moneyToNumber, toIsoDate } from '../common/conversions';

function list(value: unknown): IDataObject[] | undefined {
	return Array.isArray(value) ? (value as IDataObject[]) : undefined;
}

/**
 * The product fields toSimpleProduct reads: a simplified list asks BigCommerce for these alone
 * (`include_fields`; the ID always comes), so pages are a fraction of their full size.
 */
export const SIMPLE_PRODUCT_FIELDS = [
	'name',
	'sku',
	'type',
	'price',
	'sale_price',
	'cost_price',
	'retail_price',
	'calculated_price',
	'weight',
	'inventory_level',
	'inventory_tracking',
	'is_visible',
	'is_featured',
	'categories',
	'brand_id',
	'availability',
	'condition',
	'custom_url',
	'date_created',
	'date_modified',
] as const;

/**
 * A product as a flat, readable record: numbers for money and weights, ISO-8601 dates, the
 * storefront URL path, and image URLs, variant SKUs and custom fields when they were included.
 */
export function toSimpleProduct(product: IDataObject): IDataObject {
	const customUrl = (product.custom_url ?? {}) as IDataObject;
	const simple: IDataObject = {
		id: product.id,
		name: product.name,
		sku: product.sku,
		type: product.type,
		price: moneyToNumber(product.price),
		sale_price: moneyToNumber(product.sale_price),
		cost_price: moneyToNumber(product.cost_price),
		retail_price: moneyToNumber(product.retail_price),
		calculated_price: moneyToNumber(product.calculated_price),
		weight: moneyToNumber(product.weight),
		inventory_level: product.inventory_level,
		inventory_tracking: product.inventory_tracking,
		is_visible: product.is_visible,
		is_featured: product.is_featured,
		categories: product.categories,
		brand_id: product.brand_id,
		availability: product.availability,
		condition: product.condition,
		url: customUrl.url,
		date_created: toIsoDate(product.date_created),
		date_modified: toIsoDate(product.date_modified),
	};

	const images = list(product.images);
	if (images) {
		simple.image_urls = images.map((image) => image.url_standard ?? image.url_zoom);
		const thumbnail = images.find((image) => image.is_thumbnail) ?? images[0];
		simple.thumbnail_url = thumbnail ? (thumbnail.url_thumbnail ?? thumbnail.url_standard) : null;
	}
	const variants = list(product.variants);
	if (variants) {
		simple.variant_count = variants.length;
		simple.variant_skus = variants.map((variant) => variant.sku);
	}
	const customFields = list(product.custom_fields);
	if (customFields) {
		simple.custom_fields = Object.fromEntries(
			customFields.map((field) => [String(field.name), field.value]),
		);
	}
	// A 207 answer's warnings stay visible in the simplified item too.
	if (product.warnings) simple.warnings = product.warnings;
	return simple;
}
