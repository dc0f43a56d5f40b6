// Price lists, their price records (one per variant and currency) and their assignments to
// customer groups and channels: the records and the rules the price list API enforces.

export interface PriceList {
	id: number;
	name: string;
	active: boolean;
	date_created: string;
	date_modified: string;
}

export interface BulkPricingTier {
	quantity_min: number;
	quantity_max: number;
	type: 'fixed' | 'price' | 'percent';
	amount: number;
}

export interface PriceRecord {
	price_list_id: number;
	variant_id: number;
	product_id: number;
	/** Lower-case ISO-4217 code, as the API answers it. */
	currency: string;
	price: number;
	sale_price: number | null;
	retail_price: number | null;
	map_price: number | null;
	bulk_pricing_tiers: BulkPricingTier[];
	date_created: string;
	date_modified: string;
}

export interface PriceListAssignment {
	id: number;
	price_list_id: number;
	customer_group_id: number | null;
	channel_id: number | null;
}

/** The key of a price record within its list: one record per variant and currency. */
export function recordKey(variantId: number, currency: string): string {
	return `${variantId}:${currency.toLowerCase()}`;
}

/**
 * The price records of every list, each list's in the order they were first written. Held apart
 * from the list itself so that a list's read stays cheap with 100,000 records in it.
 */
export class PriceRecordBook {
	private readonly byList = new Map<number, Map<string, PriceRecord>>();

	of(priceListId: number): Map<string, PriceRecord> {
		let records = this.byList.get(priceListId);
		if (!records) this.byList.set(priceListId, (records = new Map()));
		return records;
	}

	dropList(priceListId: number): void {
		this.byList.delete(priceListId);
	}

	clear(): void {
		this.byList.clear();
	}
}

/** The storefront's order of precedence gives a group on a channel, a group, and a channel one list each. */
export function assignmentSlot(a: { customer_group_id: number | null; channel_id: number | null }): string {
	return `${a.customer_group_id ?? '-'}:${a.channel_id ?? '-'}`;
}

export function serializeAssignment(a: PriceListAssignment): Record<string, unknown> {
	const out: Record<string, unknown> = { id: a.id, price_list_id: a.price_list_id };
	if (a.customer_group_id !== null) out.customer_group_id = a.customer_group_id;
	if (a.channel_id !== null) out.channel_id = a.channel_id;
	return out;
}
