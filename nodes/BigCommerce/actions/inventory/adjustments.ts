import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { BATCH_LIMITS, BatchRecordFailure, batchWrite, bigCommerceRequest, readBigCommerceError, toNodeApiError } from '../../transport';
import { ItemOutcomes, pushTo, readEveryItem } from '../common/items';
import { findProductIdsBySku, skuKey } from '../product/lookups';
import { readAdjustment, type Adjustment, type AdjustmentMethod } from './adjustmentInput';
import { explain, names, partAbout } from './blame';

/** One node run: the method, and SKUs found to belong to products that track stock per product. */
interface AdjustmentRun {
	method: AdjustmentMethod;
	productIdBySku: Map<string, number>;
}

/**
 * What became of one adjustment: the request's transaction, or its own failure (as a
 * BatchRecordFailure, so that without Continue On Fail no later request is sent).
 */
type Settled = Transaction | BatchRecordFailure;
interface Transaction {
	transactionId: string;
}

const ENDPOINTS = {
	absolute: { method: 'PUT', path: '/v3/inventory/adjustments/absolute' },
	relative: { method: 'POST', path: '/v3/inventory/adjustments/relative' },
} as const;

function bodyFor(chunk: Adjustment[]): IDataObject {
	return {
		// Items are grouped by location and reason, so one reason fits the whole request.
		...(chunk[0].reason ? { reason: chunk[0].reason } : {}),
		items: chunk.map(({ locationId, identity, quantity }) => {
			if ('sku' in identity) return { location_id: locationId, sku: identity.sku, quantity };
			if ('variant_id' in identity) return { location_id: locationId, variant_id: identity.variant_id, quantity };
			return { location_id: locationId, product_id: identity.product_id, quantity };
		}),
	};
}

/** A SKU already found to be a product's own SKU goes by that product's ID. */
function useKnownProductId(run: AdjustmentRun, adjustment: Adjustment): void {
	if (!run.productIdBySku.size || !('sku' in adjustment.identity)) return;
	const productId = run.productIdBySku.get(skuKey(adjustment.identity.sku));
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
		for (const [key, productId] of await findProductIdsBySku.call(this, skus)) run.productIdBySku.set(key, productId);
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
			return chunk.map(() => new BatchRecordFailure(error));
		}
		// Nothing to pin it on: batchWrite splits the request until each failure sits on its item.
		throw failure(response.body);
	}

	const lookupNote = await resolveProductSkus.call(this, run, blamed);

	const rest = chunk.filter((adjustment) => !blamed.has(adjustment));
	const restSettled = new Map<Adjustment, Settled>();
	const outcomes = await batchWrite<Adjustment, Transaction>(
		rest,
		BATCH_LIMITS.inventoryItems,
		async (again) => await settle.call(this, run, again),
		{ isolateFailures: true },
	);
	outcomes.forEach((outcome, position) =>
		restSettled.set(rest[position], outcome.ok ? outcome.value : new BatchRecordFailure(outcome.error)),
	);

	return chunk.map((adjustment) => {
		const own = blamed.get(adjustment);
		if (own === undefined) return restSettled.get(adjustment) as Settled;
		const error = failure({ status: 422, title: own, errors: {} });
		const plain = [explain(own), 'sku' in adjustment.identity ? lookupNote : undefined].filter(Boolean).join(' ');
		if (plain) error.description = `${plain}\n${error.description ?? ''}`.trim();
		return new BatchRecordFailure(error);
	});
}

function outputFor(method: AdjustmentMethod, adjustment: Adjustment, transactionId: string): IDataObject {
	const output: IDataObject = {};
	if (adjustment.sku !== undefined) output.sku = adjustment.sku;
	Object.assign(output, adjustment.identity);
	output.location_id = adjustment.locationId;
	if (method === 'absolute') output.quantity = adjustment.quantity;
	else output.adjusted_by = adjustment.quantity;
	if (adjustment.reason) output.reason = adjustment.reason;
	output.transaction_id = transactionId;
	return output;
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
	const inputs = await readEveryItem(this, items, (itemIndex) => readAdjustment(this, itemIndex, method));
	const outcomes = new ItemOutcomes<{ adjustment: Adjustment; transactionId: string }>(this, items, inputs);
	const groups = new Map<string, Adjustment[]>();
	const groupKey = (adjustment: Adjustment) => `${adjustment.locationId}\n${adjustment.reason}`;
	for (const input of inputs) if (input.ok) pushTo(groups, groupKey(input.value), input.value);
	const grouped = [...groups.values()].flat();

	// One request at a time, each for one location and reason; without Continue On Fail nothing
	// is sent after the first failure, so no other location's stock is written.
	const answers = await batchWrite<Adjustment, Transaction>(
		grouped,
		BATCH_LIMITS.inventoryItems,
		async (chunk) => await settle.call(this, run, chunk),
		{ isolateFailures: true, stopAfterFailure: !continueOnFail, groupOf: groupKey },
	);
	answers.forEach((answer, position) => {
		const adjustment = grouped[position];
		if (!answer.ok) outcomes.fail(adjustment.itemIndex, answer.error);
		else outcomes.settle(adjustment.itemIndex, { ok: true, value: { adjustment, transactionId: answer.value.transactionId } });
	});

	return await outcomes.emit(({ adjustment, transactionId }) => outputFor(method, adjustment, transactionId));
}

/** The execute of Set Level (absolute levels) or Adjust Level (relative changes). */
export function executeAdjustmentsAs(method: AdjustmentMethod) {
	return async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		return await executeAdjustments.call(this, items, method);
	};
}
