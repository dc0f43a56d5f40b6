import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import {
	idsFilter,
	propertiesOf,
	readFilters,
	storeChoicesField,
	textFilter,
	type FormField,
} from '../common/formFields';
import { toText } from '../common/inputs';
import { listOf, listOperation, simplifiedBy } from '../common/lists';

// "Limit of 1000 items for payload length" (Inventory API: Get Inventory at Locations).
const MAX_PAGE_SIZE = 1000;

const filters: FormField[] = [
	storeChoicesField('Location Names or IDs', 'locationIds', 'getLocations', {
		lead: 'Only stock at these locations',
		key: 'location_id:in',
	}),
	idsFilter('Product IDs', 'productIds', 'Only these products, separated by commas', {
		placeholder: 'e.g. 111, 112',
		key: 'product_id:in',
	}),
	textFilter('SKUs', 'skus', 'Only these SKUs, separated by commas', {
		placeholder: 'e.g. TSHIRT-BLK-M, TSHIRT-BLK-L',
		key: 'sku:in',
		read: (context, value, itemIndex) => listOf(value).map((sku) => toText(context, sku, 'SKUs', itemIndex)),
	}),
	idsFilter('Variant IDs', 'variantIds', 'Only these variants, separated by commas', {
		placeholder: 'e.g. 78, 79',
		key: 'variant_id:in',
	}),
];

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection(propertiesOf(filters)),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return one flat item per SKU and location instead of one nested item per SKU with all its locations',
	},
];

export const description = showFor({ show: { resource: ['inventory'], operation: ['getAll'] } }, properties);

/** One row per SKU and location, e.g. for a sheet. */
function byLocation(record: IDataObject): IDataObject[] {
	const identity = (record.identity ?? {}) as IDataObject;
	const locations = (Array.isArray(record.locations) ? record.locations : []) as IDataObject[];
	return locations.map((location) => {
		const settings = (location.settings ?? {}) as IDataObject;
		return {
			sku: identity.sku,
			product_id: identity.product_id,
			variant_id: identity.variant_id,
			location_id: location.location_id,
			location_code: location.location_code,
			location_name: location.location_name,
			available_to_sell: location.available_to_sell,
			total_inventory_onhand: location.total_inventory_onhand,
			safety_stock: settings.safety_stock,
			warning_level: settings.warning_level,
			is_in_stock: settings.is_in_stock,
			bin_picking_number: settings.bin_picking_number,
		};
	});
}

export const execute = listOperation((context, itemIndex) => ({
	style: 'v3Page',
	path: '/v3/inventory/items',
	qs: readFilters(context, filters, itemIndex),
	maxPageSize: MAX_PAGE_SIZE,
	shape: simplifiedBy(context, itemIndex, byLocation),
}));
