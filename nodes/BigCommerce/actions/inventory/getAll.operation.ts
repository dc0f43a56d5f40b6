import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { toText } from '../common/inputs';
import { executeList, listOf, putList, toIds } from '../common/lists';

// "Limit of 1000 items for payload length" (Inventory API: Get Inventory at Locations).
const MAX_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Location Names or IDs',
				name: 'locationIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getLocations' },
				default: [],
				description:
					'Only stock at these locations. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Product IDs',
				name: 'productIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 111, 112',
				description: 'Only these products, separated by commas',
			},
			{
				displayName: 'SKUs',
				name: 'skus',
				type: 'string',
				default: '',
				placeholder: 'e.g. TSHIRT-BLK-M, TSHIRT-BLK-L',
				description: 'Only these SKUs, separated by commas',
			},
			{
				displayName: 'Variant IDs',
				name: 'variantIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 78, 79',
				description: 'Only these variants, separated by commas',
			},
		],
	},
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

function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const ids = (name: string, displayName: string) => toIds(context, listOf(filters[name]), displayName, itemIndex);
	const skus = listOf(filters.skus).map((sku) => toText(context, sku, 'SKUs', itemIndex));
	const productIds = ids('productIds', 'Product IDs');
	const variantIds = ids('variantIds', 'Variant IDs');
	const locationIds = ids('locationIds', 'Location');
	putList(qs, 'sku:in', skus);
	putList(qs, 'product_id:in', productIds);
	putList(qs, 'variant_id:in', variantIds);
	putList(qs, 'location_id:in', locationIds);
	return qs;
}

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

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeList.call(this, items, (itemIndex) => {
		const qs = readFilters(this, itemIndex);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return {
			style: 'v3Page',
			path: '/v3/inventory/items',
			qs,
			maxPageSize: MAX_PAGE_SIZE,
			shape: simplify ? byLocation : undefined,
		};
	});
}
