import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { idsFilter, propertiesOf, readFilters, textFilter, type FormField } from '../common/formFields';
import { listOperation, toList } from '../common/lists';
import { priceListIdLocator, readPriceListId } from '../priceList/fields';
import { recordsPath, toCurrency } from './records';

const filters: FormField[] = [
	textFilter('Currencies', 'currencies', 'Only prices in these currencies (3-letter codes), separated by commas', {
		placeholder: 'e.g. USD,EUR',
		key: 'currency:in',
		read: (context: IExecuteFunctions, value: unknown, itemIndex: number) => {
			const codes = toList(value).map((code) => toCurrency(context, code, itemIndex, 'Currencies'));
			return codes.length ? codes : undefined;
		},
	}),
	idsFilter('Product IDs', 'productIds', 'Only prices of these products\' variants, separated by commas', {
		placeholder: 'e.g. 111,112',
		key: 'product_id:in',
	}),
	textFilter('SKUs', 'skus', 'Only prices of the variants with these SKUs, separated by commas', {
		placeholder: 'e.g. TSHIRT-BLK-M,TSHIRT-BLK-L',
		key: 'sku:in',
		read: (_context: IExecuteFunctions, value: unknown) => {
			const skus = toList(value);
			return skus.length ? skus : undefined;
		},
	}),
	idsFilter('Variant IDs', 'variantIds', 'Only prices of these variants, separated by commas', {
		placeholder: 'e.g. 78,79',
		key: 'variant_id:in',
	}),
];

const properties: INodeProperties[] = [priceListIdLocator, ...returnAllOrLimit(), filtersCollection(propertiesOf(filters))];

export const description = showFor({ show: { resource: ['priceListRecord'], operation: ['getAll'] } }, properties);

export const execute = listOperation((context, itemIndex) => ({
	style: 'v3Page',
	path: recordsPath(readPriceListId(context, itemIndex)),
	// Each record with its variant's SKU and its bulk pricing tiers.
	qs: { ...readFilters(context, filters, itemIndex), include: 'bulk_pricing_tiers,sku' },
}));
