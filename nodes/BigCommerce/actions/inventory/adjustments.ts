import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	batchWrite,
	bigCommerceRequest,
	getAllItems,
	readBigCommerceError,
	toNodeApiError,
} from '../../transport';
import { idLocator } from '../common/descriptions';
import { atItem } from '../common/items';
import { readId, toId, toText, toWholeNumber } from '../common/inputs';

export type AdjustmentMethod = 'absolute' | 'relative';

type Identity = { sku: string } | { product_id: number } | { variant_id: number };

interface Adjustment {
	itemIndex: number;
	identity: Identity;
	/** The SKU the user gave, when it was sent by its product's ID instead. */
	sku?: string;
	locationId: number;
	quantity: number;
	reason: string;
}

/** One node run: the method, and SKUs found to belong to products that track stock per product. */
interface AdjustmentRun {
	method: AdjustmentMethod;
	productIdBySku: Map<string, number>;
}

/** What became of one adjustment: the request's transaction, or its own failure. */
type Settled = { transactionId: string } | { error: NodeApiError | NodeOperationError };

// Inventory adjustments take at most 2,000 items per request (Inventory API limits).
const MAX_ITEMS_PER_REQUEST = 2000;
const MAX_STOCK = 2_147_483_647;
// A product lookup by sku:in reads one page of up to 250; its URL stays well under 8 KB.
const SKU_LOOKUP_MAX = 250;
const SKU_LOOKUP_MAX_CHARS = 4000;

const ENDPOINTS = {
	absolute: { method: 'PUT', path: '/v3/inventory/adjustments/absolute' },
	relative: { method: 'POST', path: '/v3/inventory/adjustments/relative' },
} as const;

/** Identify By, the matching identifier, the given Quantity, Location and Options. */
export function adjustmentProperties(quantity: INodeProperties): INodeProperties[] {
	return [
		{
			displayName: 'Identify By',
			name: 'identifyBy',
			type: 'options',
			options: [
				{
					name: 'Product ID',
					value: 'productId',
					description: 'For products that track inventory per product',
				},
				{
					name: 'SKU',
					value: 'sku',
					description: 'The SKU of a variant, or of a product that tracks inventory per product (sent by its product ID)',
				},
				{
					name: 'Variant ID',
					value: 'variantId',
					description: 'For products that track inventory per variant',
				},
			],
			default: 'sku',
			description: 'How to name the item whose stock changes',
			hint: 'A product that tracks inventory per variant keeps stock on each variant: use the variant\'s SKU or ID. One that tracks it per product keeps one level: use its product ID or its own SKU.',
		},
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. TSHIRT-BLK-M',
			description: 'The SKU of the variant or product',
			displayOptions: { show: { identifyBy: ['sku'] } },
		},
		{
			...idLocator({
				name: 'productId',
				displayName: 'Product',
				searchListMethod: 'searchProducts',
				placeholder: 'e.g. 111',
				description: 'The product, when it tracks inventory per product',
			}),
			displayOptions: { show: { identifyBy: ['productId'] } },
		},
		{
			displayName: 'Variant ID',
			name: 'variantId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 78',
			description: 'The ID of the variant, when its product tracks inventory per variant',
			displayOptions: { show: { identifyBy: ['variantId'] } },
		},
		quantity,
		{
			displayName: 'Location Name or ID',
			name: 'locationId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getLocations' },
			default: 1,
			description:
				'Where the stock is; 1 is the default location. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Reason',
					name: 'reason',
					type: 'string',
					default: '',
					placeholder: 'e.g. Weekly stock count',
					description: 'Why the stock changes, as the store\'s inventory history shows it',
				},
			],
		},
	];
}

function readAdjustment(context: IExecuteFunctions, itemIndex: number, method: AdjustmentMethod): Adjustment {
	const identifyBy = context.getNodeParameter('identifyBy', itemIndex, 'sku') as string;
	let identity: Identity;
	if (identifyBy === 'productId') identity = { product_id: readId(context, 'productId', itemIndex, 'Product ID') };
	else if (identifyBy === 'variantId') identity = { variant_id: readId(context, 'variantId', itemIndex, 'Variant ID') };
	else identity = { sku: toText(context, context.getNodeParameter('sku', itemIndex, ''), 'SKU', itemIndex) };

	const rawQuantity = context.getNodeParameter('quantity', itemIndex, undefined);
	let quantity: number;
	if (method === 'absolute') {
		quantity = toWholeNumber(context, rawQuantity, 'Quantity', itemIndex, { min: 0, max: MAX_STOCK });
	} else {
		quantity = toWholeNumber(context, rawQuantity, 'Quantity', itemIndex, { min: -MAX_STOCK, max: MAX_STOCK });
		if (quantity === 0) {
			throw new NodeOperationError(context.getNode(), 'Quantity must not be 0', {
				itemIndex,
				description: 'Enter how many to add (e.g. 5) or remove (e.g. -2).',
			});
		}
	}
	const locationId = toId(context, context.getNodeParameter('locationId', itemIndex, 1), 'Location', itemIndex);
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const reason = toText(context, options.reason, 'Reason', itemIndex, false);
	return { itemIndex, identity, locationId, quantity, reason };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether BigCommerce's message names this item, e.g. "Item with variant_id 106 is ...". */
function names(message: string, identity: Identity): boolean {
	const [key, value] = Object.entries(identity)[0] as [string, string | number];
	const pattern = new RegExp(`\\b${key}[\\s:=]+["']?${escapeRegExp(String(value))}["']?(?=$|[\\s,;\\])'"])`, 'i');
	return pattern.test(message);
}

/** The part of a "[message, message]" list that is about this item. */
function partAbout(message: string, identity: Identity): string {
	const parts = message
		.replace(/^\s*\[|\]\s*$/g, '')
		.split(/,\s*(?=Items? with )/i);
	return parts.find((part) => names(part, identity)) ?? message;
}

/** Tracking mismatches and other refusals, in plain words. */
function explain(message: string): string | undefined {
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

function bodyFor(chunk: Adjustment[]): IDataObject {
	return {
		// Items are grouped by location and reason, so one reason fits the whole request.
		...(chunk[0].reason ? { reason: chunk[0].reason } : {}),
		items: chunk.map((a) => ({ location_id: a.locationId, ...a.identity, quantity: a.quantity })),
	};
}

/** SKU lists for sku:in lookups, each short enough for a URL. */
function skuBatches(skus: string[]): string[][] {
	const batches: string[][] = [];
	let batch: string[] = [];
	let chars = 0;
	for (const sku of skus) {
		const size = encodeURIComponent(sku).length + 3; // and the encoded comma
		if (batch.length && (batch.length >= SKU_LOOKUP_MAX || chars + size > SKU_LOOKUP_MAX_CHARS)) {
			batches.push(batch);
			batch = [];
			chars = 0;
		}
		batch.push(sku);
		chars += size;
	}
	if (batch.length) batches.push(batch);
	return batches;
}

/** A SKU already found to be a product's own SKU goes by that product's ID. */
function useKnownProductId(run: AdjustmentRun, adjustment: Adjustment): void {
	if (!('sku' in adjustment.identity)) return;
	const productId = run.productIdBySku.get(adjustment.identity.sku.toLowerCase());
	if (productId === undefined) return;
	adjustment.sku = adjustment.identity.sku;
	adjustment.identity = { product_id: productId };
}

/**
 * A product that tracks inventory per product takes stock by product ID only: its own SKU is
 * refused as "tracked by product". Looks those SKUs up among the products' own SKUs and
 * un-blames the ones found, which then go again by product ID. Returns a note for the rest.
 */
async function resolveProductSkus(
	this: IExecuteFunctions,
	run: AdjustmentRun,
	blamed: Map<Adjustment, string>,
): Promise<string | undefined> {
	const bySku = [...blamed].filter(
		([adjustment, message]) => 'sku' in adjustment.identity && /tracked by product/i.test(message),
	);
	// A SKU with a comma cannot go in a sku:in list.
	const skus = [...new Set(bySku.map(([a]) => (a.identity as { sku: string }).sku))].filter((sku) => !sku.includes(','));
	if (!skus.length) return undefined;
	try {
		for (const batch of skuBatches(skus)) {
			const products = await getAllItems.call(this, {
				style: 'v3Page',
				path: '/v3/catalog/products',
				qs: { 'sku:in': batch.join(','), include_fields: 'sku' },
				maxPageSize: SKU_LOOKUP_MAX,
			});
			for (const product of products) {
				if (typeof product.sku === 'string') run.productIdBySku.set(product.sku.toLowerCase(), Number(product.id));
			}
		}
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return `Looking up the product of this SKU failed too: ${reason}`;
	}
	for (const [adjustment] of bySku) {
		useKnownProductId(run, adjustment);
		if ('product_id' in adjustment.identity) blamed.delete(adjustment);
	}
	return undefined;
}

/**
 * Sends one request's worth of adjustments. BigCommerce refuses the whole request with a 422
 * naming the bad items; those get their own error and the rest are sent again.
 *
 * Sending the rest again is safe for relative adjustments too, although POST is not
 * idempotent: a request is one operation with one transaction_id, which BigCommerce checks
 * whole and then applies or refuses ("the above request would error; stock would be
 * unchanged", Inventory adjustments guide), so after a 4xx nothing of it was applied. A 5xx
 * or a broken connection is different (it may have been applied): transport does not repeat
 * a POST after one, and neither does this.
 */
async function settle(this: IExecuteFunctions, run: AdjustmentRun, chunk: Adjustment[]): Promise<Settled[]> {
	for (const adjustment of chunk) useKnownProductId(run, adjustment);
	const endpoint = ENDPOINTS[run.method];
	const response = await bigCommerceRequest.call(this, {
		method: endpoint.method,
		path: endpoint.path,
		body: bodyFor(chunk),
		itemIndex: chunk.length === 1 ? chunk[0].itemIndex : undefined,
		allowStatuses: [422],
	});
	if (response.statusCode !== 422) {
		const transactionId = String((response.body as IDataObject | undefined)?.transaction_id ?? '');
		return chunk.map(() => ({ transactionId }));
	}

	const failure = (body: unknown) =>
		toNodeApiError(this.getNode(), { method: endpoint.method, path: endpoint.path, statusCode: 422, body });
	const { message = '' } = readBigCommerceError(response.body);
	const fieldErrors = ((response.body as IDataObject | undefined)?.errors ?? {}) as IDataObject;
	const blamed = new Map<Adjustment, string>();
	chunk.forEach((adjustment, position) => {
		// Some answers key their errors by position ("items[3]"); otherwise the title names the item.
		const byPosition = fieldErrors[`items[${position}]`];
		if (typeof byPosition === 'string') blamed.set(adjustment, byPosition);
		else if (message && names(message, adjustment.identity)) blamed.set(adjustment, partAbout(message, adjustment.identity));
	});
	if (!blamed.size) {
		// About the request itself (e.g. the reason): every item shares it, splitting cannot help.
		if (Object.keys(fieldErrors).some((key) => !key.startsWith('items['))) {
			const error = failure(response.body);
			return chunk.map(() => ({ error }));
		}
		// Nothing to pin it on: batchWrite splits the request until each failure sits on its item.
		throw failure(response.body);
	}

	const lookupNote = await resolveProductSkus.call(this, run, blamed);

	const rest = chunk.filter((adjustment) => !blamed.has(adjustment));
	const restSettled = new Map<Adjustment, Settled>();
	const outcomes = await batchWrite(rest, MAX_ITEMS_PER_REQUEST, async (again) => await settle.call(this, run, again), {
		isolateFailures: true,
	});
	outcomes.forEach((outcome, position) =>
		restSettled.set(rest[position], outcome.ok ? outcome.value : { error: outcome.error }),
	);

	return chunk.map((adjustment) => {
		const own = blamed.get(adjustment);
		if (own === undefined) return restSettled.get(adjustment) as Settled;
		const error = failure({ status: 422, title: own, errors: {} });
		const plain = [explain(own), 'sku' in adjustment.identity ? lookupNote : undefined].filter(Boolean).join(' ');
		if (plain) error.description = `${plain}\n${error.description ?? ''}`.trim();
		return { error };
	});
}

function outputFor(method: AdjustmentMethod, adjustment: Adjustment, transactionId: string): IDataObject {
	return {
		...(adjustment.sku !== undefined ? { sku: adjustment.sku } : {}),
		...adjustment.identity,
		location_id: adjustment.locationId,
		...(method === 'absolute' ? { quantity: adjustment.quantity } : { adjusted_by: adjustment.quantity }),
		...(adjustment.reason ? { reason: adjustment.reason } : {}),
		transaction_id: transactionId,
	};
}

/**
 * Checks every item first (bad input sends nothing), then sends the adjustments grouped by
 * location, at most 2,000 per request, as BigCommerce recommends; returns one output item per
 * input item, in order, with failures on their own item.
 */
export async function executeAdjustments(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	method: AdjustmentMethod,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const run: AdjustmentRun = { method, productIdBySku: new Map() };
	const results = new Map<number, Settled>();
	const groups = new Map<string, Adjustment[]>();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const adjustment = readAdjustment(this, itemIndex, method);
			const key = `${adjustment.locationId}\n${adjustment.reason}`;
			const group = groups.get(key) ?? [];
			group.push(adjustment);
			groups.set(key, group);
		} catch (error) {
			const failure = atItem(this, error, itemIndex);
			if (!continueOnFail) throw failure;
			results.set(itemIndex, { error: failure });
		}
	}

	for (const group of groups.values()) {
		const outcomes = await batchWrite(
			group,
			MAX_ITEMS_PER_REQUEST,
			async (chunk) => await settle.call(this, run, chunk),
			{ isolateFailures: true, stopAfterFailure: !continueOnFail },
		);
		outcomes.forEach((outcome, position) =>
			results.set(group[position].itemIndex, outcome.ok ? outcome.value : { error: outcome.error }),
		);
		// Without Continue On Fail the node stops here: no other location's stock is written.
		const failed = continueOnFail ? undefined : group.find((a) => 'error' in (results.get(a.itemIndex) as Settled));
		if (failed) throw atItem(this, (results.get(failed.itemIndex) as { error: unknown }).error, failed.itemIndex);
	}

	const adjustments = new Map<number, Adjustment>();
	for (const group of groups.values()) for (const a of group) adjustments.set(a.itemIndex, a);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = results.get(itemIndex) as Settled;
		if ('transactionId' in result) {
			const adjustment = adjustments.get(itemIndex) as Adjustment;
			output.push({ json: outputFor(method, adjustment, result.transactionId), pairedItem: { item: itemIndex } });
			continue;
		}
		const failure = atItem(this, result.error, itemIndex);
		if (!continueOnFail) throw failure;
		output.push({
			json: { error: failure.message, ...(failure.description ? { errorDescription: failure.description } : {}) },
			pairedItem: { item: itemIndex },
		});
	}
	return output;
}
