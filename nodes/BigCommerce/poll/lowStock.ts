import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getAllItems } from '../transport';

// "Limit of 1000 items for payload length" (Inventory API: Get Inventory at Locations).
const INVENTORY_PAGE_SIZE = 1000;

export interface LowStockSettings {
	threshold: number;
	/** A location's stock, or undefined for the total over every location. */
	locationId?: number;
}

/** Threshold and location as entered, refused before any request when unusable. */
export function readLowStockSettings(context: IPollFunctions): LowStockSettings {
	const threshold = Number(context.getNodeParameter('threshold', 0));
	if (!Number.isFinite(threshold)) {
		throw new NodeOperationError(context.getNode(), 'Threshold must be a number');
	}
	if (context.getNodeParameter('stockAt', 'total') !== 'location') return { threshold };
	const raw = context.getNodeParameter('locationId', '') as unknown;
	const locationId = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(String(raw)) ? Number(raw) : NaN;
	if (!Number.isInteger(locationId) || locationId <= 0) {
		throw new NodeOperationError(context.getNode(), `Location Name or ID must be a location's ID, got "${String(raw).slice(0, 60)}"`);
	}
	return { threshold, locationId };
}

/** One SKU's stock as the rule sees it. */
interface StockLevel {
	key: string;
	available: number;
	record: IDataObject;
}

function levelOf(record: IDataObject, locationId: number | undefined): StockLevel | undefined {
	const identity = (record.identity ?? {}) as IDataObject;
	const productId = Number(identity.product_id);
	if (!Number.isInteger(productId) || productId <= 0) return undefined;
	const locations = (Array.isArray(record.locations) ? record.locations : []) as IDataObject[];
	const counted = locationId === undefined ? locations : locations.filter((l) => Number(l.location_id) === locationId);
	if (!counted.length) return undefined;
	const available = counted.reduce((sum, l) => sum + (Number(l.available_to_sell) || 0), 0);
	const variantId = Number(identity.variant_id);
	return { key: `${productId}:${Number.isInteger(variantId) ? variantId : 0}`, available, record };
}

function toItem(level: StockLevel, settings: LowStockSettings): IDataObject {
	const identity = (level.record.identity ?? {}) as IDataObject;
	return {
		sku: identity.sku ?? null,
		product_id: identity.product_id ?? null,
		variant_id: identity.variant_id ?? null,
		location_id: settings.locationId ?? null,
		available_to_sell: level.available,
		threshold: settings.threshold,
		inventory: level.record,
	};
}

/** Every SKU at or below the threshold now, lowest stock first. */
async function lowLevels(context: IPollFunctions, settings: LowStockSettings): Promise<StockLevel[]> {
	const qs: IDataObject = settings.locationId === undefined ? {} : { 'location_id:in': settings.locationId };
	const records = await getAllItems.call(context, {
		style: 'v3Page',
		path: '/v3/inventory/items',
		qs,
		maxPageSize: INVENTORY_PAGE_SIZE,
	});
	const low: StockLevel[] = [];
	for (const record of records) {
		const level = levelOf(record, settings.locationId);
		if (level && level.available <= settings.threshold) low.push(level);
	}
	return low.sort((a, b) => a.available - b.available || a.key.localeCompare(b.key));
}

export interface LowStockPollResult {
	items: IDataObject[];
	/** Every SKU low now: one that stays low is not emitted again, one that recovers is forgotten. */
	lowKeys: string[];
}

/**
 * One poll: the SKUs that went to or below the threshold since the previous poll. `previous`
 * undefined (the first poll) records the SKUs low now without emitting them.
 */
export async function pollLowStock(
	context: IPollFunctions,
	settings: LowStockSettings,
	previous: string[] | undefined,
): Promise<LowStockPollResult> {
	const low = await lowLevels(context, settings);
	const known = new Set(previous ?? []);
	const items = previous === undefined ? [] : low.filter((level) => !known.has(level.key)).map((level) => toItem(level, settings));
	return { items, lowKeys: low.map((level) => level.key) };
}

/** "Fetch Test Event": the SKU with the lowest stock at or below the threshold. */
export async function sampleLowStock(context: IPollFunctions, settings: LowStockSettings): Promise<IDataObject[]> {
	const low = await lowLevels(context, settings);
	return low.length ? [toItem(low[0], settings)] : [];
}
