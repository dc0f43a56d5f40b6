import type { Identity } from './adjustmentInput';

// Which row of a refused adjustment request BigCommerce blamed, read from its words, and why.

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether BigCommerce's message names this item, e.g. "Item with variant_id 106 is ...". */
export function names(message: string, identity: Identity): boolean {
	const [key, value] = Object.entries(identity)[0] as [string, string | number];
	const pattern = new RegExp(`\\b${key}[\\s:=]+["']?${escapeRegExp(String(value))}["']?(?=$|[\\s,;\\])'"])`, 'i');
	return pattern.test(message);
}

/** The part of a "[message, message]" list that is about this item. */
export function partAbout(message: string, identity: Identity): string {
	const parts = message
		.replace(/^\s*\[|\]\s*$/g, '')
		.split(/,\s*(?=Items? with )/i);
	return parts.find((part) => names(part, identity)) ?? message;
}

/** Tracking mismatches and other refusals, in plain words. */
export function explain(message: string): string | undefined {
	if (/tracked by product/i.test(message)) {
		return 'This product tracks inventory per product (its Inventory Tracking is "product"), so BigCommerce keeps one stock level for the whole product: set Identify By to Product ID and use the product\'s ID.';
	}
	if (/tracked by variant/i.test(message)) {
		return 'This product tracks inventory per variant (its Inventory Tracking is "variant"), so each variant keeps its own stock: identify each variant by its SKU or Variant ID instead of the product.';
	}
	if (/tracking (is )?disabled|not tracked/i.test(message)) {
		return 'This product does not track inventory (its Inventory Tracking is "none"): turn on inventory tracking for it in BigCommerce first.';
	}
	if (/absolute adjustment before relative/i.test(message)) {
		return 'This item has no stock record at this location yet: set its level once with Set Level, then Adjust Level can change it.';
	}
	if (/does not exist|not found/i.test(message)) {
		return 'Check the SKU or ID: no product or variant in the store has it.';
	}
	return undefined;
}
