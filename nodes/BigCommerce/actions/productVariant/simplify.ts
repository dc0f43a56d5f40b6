import type { IDataObject } from 'n8n-workflow';

import { moneyToNumber } from '../common/conversions';

/**
 * A variant as a flat, readable record. Its option values read as one line
 * (e.g. "Color: Red, Size: M"); a price of null means the variant sells at the product's price.
 */
export function toSimpleVariant(variant: IDataObject): IDataObject {
	const optionValues = Array.isArray(variant.option_values) ? (variant.option_values as IDataObject[]) : [];
	return {
		id: variant.id,
		product_id: variant.product_id,
		sku: variant.sku,
		options: optionValues.map((value) => `${value.option_display_name}: ${value.label}`).join(', '),
		price: moneyToNumber(variant.price),
		sale_price: moneyToNumber(variant.sale_price),
		cost_price: moneyToNumber(variant.cost_price),
		retail_price: moneyToNumber(variant.retail_price),
		calculated_price: moneyToNumber(variant.calculated_price),
		weight: moneyToNumber(variant.weight),
		inventory_level: variant.inventory_level,
		purchasing_disabled: variant.purchasing_disabled,
		image_url: variant.image_url || null,
		upc: variant.upc || null,
		mpn: variant.mpn || null,
		gtin: variant.gtin || null,
	};
}
