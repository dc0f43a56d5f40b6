// Inventory: stock sync from an ERP or warehouse (absolute levels for many SKUs per location),
// relative adjustments and stock reads, through WorkflowExecute against the store emulator.

import type { IDataObject } from 'n8n-workflow';

import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const UUID = /^[0-9a-f-]{36}$/;

const store = useStore({ resource: 'inventory' });
const { run } = store;

function owner(sku: string) {
	const found = store.emulator.state.skuIndex.get(sku.toLowerCase());
	if (!found) throw new Error(`no SKU ${sku} in the demo store`);
	return found;
}
const productOf = (sku: string) => store.emulator.state.products.get(owner(sku).productId)!;
const variantOf = (sku: string) => store.emulator.state.variants.get(owner(sku).variantId!)!;

/** A product with options that keeps one stock level for all of them (inventory_tracking product). */
let giftBoxId: number | undefined;
function giftBox() {
	giftBoxId ??= store.emulator.admin.createProduct({
		name: 'Gift Box',
		sku: 'GIFTBOX',
		type: 'physical',
		price: 30,
		weight: 1,
		inventory_tracking: 'product',
		variants: ['S', 'L'].map((size) => ({
			sku: `GIFTBOX-${size}`,
			option_values: [{ option_display_name: 'Size', label: size }],
		})),
	}).id;
	return store.emulator.state.products.get(giftBoxId)!;
}

const adjustmentRequests = (on = store.emulator) =>
	on.requests.filter((r) => r.path.startsWith('/v3/inventory/adjustments/'));
const itemsOf = (body: unknown) => (body as { items: IDataObject[] }).items;

describe('inventory set level', () => {
	it('sets a variant\'s stock by its SKU', async () => {
		const result = await run({ operation: 'setLevel', identifyBy: 'sku', sku: 'PJT-M', quantity: 42, locationId: 1 });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([{ sku: 'PJT-M', location_id: 1, quantity: 42, transaction_id: expect.stringMatching(UUID) }]);
		expect(variantOf('PJT-M').stock[1]).toBe(42);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0]).toMatchObject({
			method: 'PUT',
			path: '/v3/inventory/adjustments/absolute',
			body: { items: [{ location_id: 1, sku: 'PJT-M', quantity: 42 }] },
		});
	});

	it('sets a variant\'s stock at another location by its variant ID, with a reason', async () => {
		const variant = variantOf('CSN-RED');

		const result = await run({
			operation: 'setLevel',
			identifyBy: 'variantId',
			variantId: String(variant.id),
			quantity: 7,
			locationId: 2,
			options: { reason: 'Cycle count' },
		});

		expect(jsonOf(result)).toEqual([
			{ variant_id: variant.id, location_id: 2, quantity: 7, reason: 'Cycle count', transaction_id: expect.stringMatching(UUID) },
		]);
		expect(variantOf('CSN-RED').stock[2]).toBe(7);
		expect(store.emulator.requests[0].body).toMatchObject({ reason: 'Cycle count' });
	});

	it('sets a simple product\'s stock by its product ID', async () => {
		const product = productOf('OTL');

		const result = await run({
			operation: 'setLevel',
			identifyBy: 'productId',
			productId: { __rl: true, mode: 'id', value: String(product.id) },
			quantity: 99,
		});

		expect(jsonOf(result)).toEqual([
			{ product_id: product.id, location_id: 1, quantity: 99, transaction_id: expect.stringMatching(UUID) },
		]);
		expect(productOf('OTL').stock[1]).toBe(99);
		expect(productOf('OTL').inventory_level).toBe(99);
	});

	it('sets a simple product\'s stock by its own SKU', async () => {
		const product = productOf('SM13');

		const result = await run({ operation: 'setLevel', identifyBy: 'sku', sku: 'SM13', quantity: 31, locationId: 2 });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ sku: 'SM13', location_id: 2, quantity: 31 });
		expect(productOf('SM13').stock[2]).toBe(31);
		expect(product.inventory_tracking).toBe('product');
	});

	it('sets stock by the own SKU of a product with options that tracks per product: refused once, looked up, sent by product ID', async () => {
		const box = giftBox();
		store.emulator.clearRequests();

		const result = await run(
			{
				operation: 'setLevel',
				identifyBy: 'sku',
				sku: '={{ $json.sku }}',
				quantity: '={{ $json.qty }}',
				locationId: '={{ $json.location }}',
			},
			{ input: [
				{ sku: 'GIFTBOX', qty: 12, location: 1 },
				{ sku: 'giftbox', qty: 3, location: 2 },
			] },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			{ sku: 'GIFTBOX', product_id: box.id, location_id: 1, quantity: 12, transaction_id: expect.stringMatching(UUID) },
			{ sku: 'giftbox', product_id: box.id, location_id: 2, quantity: 3, transaction_id: expect.stringMatching(UUID) },
		]);
		expect(store.emulator.state.products.get(box.id)!.stock).toMatchObject({ 1: 12, 2: 3 });
		// Location 1: refused, one lookup, again by ID. Location 2 knows the product ID already.
		expect(store.requestLines({ status: true })).toEqual([
			'PUT /v3/inventory/adjustments/absolute 422',
			'GET /v3/catalog/products 200',
			'PUT /v3/inventory/adjustments/absolute 200',
			'PUT /v3/inventory/adjustments/absolute 200',
		]);
		expect(store.emulator.requests[1].query).toMatchObject({ 'sku:in': 'GIFTBOX' });
		expect(itemsOf(store.emulator.requests[3].body)).toEqual([{ location_id: 2, product_id: box.id, quantity: 3 }]);
	});

	it('keeps the refusal of a variant SKU of a product that tracks per product, with what to do instead', async () => {
		giftBox();
		const result = await run({ operation: 'setLevel', identifyBy: 'sku', sku: 'GIFTBOX-S', quantity: 4 });

		expect(result.error?.message).toBe('Invalid data: Item with sku GIFTBOX-S is tracked by product, please update stock by product id');
		expect(result.error?.description).toContain('set Identify By to Product ID');
	});

	it('explains a tracking mismatch (422) in plain words: a variant of a product that tracks per product', async () => {
		const box = giftBox();
		const variantId = box.variantIds[1];
		store.emulator.clearRequests();

		const result = await run({ operation: 'setLevel', identifyBy: 'variantId', variantId: String(variantId), quantity: 5 });

		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.message).toBe(
			`Invalid data: Item with variant_id ${variantId} is tracked by product, please update stock by product id`,
		);
		expect(result.error?.description).toContain('tracks inventory per product');
		expect(result.error?.description).toContain('set Identify By to Product ID');
		expect(adjustmentRequests()).toHaveLength(1);
		expect(store.emulator.state.products.get(box.id)!.stock[1]).not.toBe(5);
	});

	it('explains the opposite mismatch: a variant-tracked product set by product ID', async () => {
		const result = await run({
			operation: 'setLevel',
			identifyBy: 'productId',
			productId: String(productOf('WB-CHARCOAL').id),
			quantity: 5,
		});

		expect(result.error?.message).toContain('is tracked by variant');
		expect(result.error?.description).toContain('each variant keeps its own stock');
	});

	it('with Continue On Fail, one unknown SKU gets its own error and the other rows are saved', async () => {
		const result = await run(
			{ operation: 'setLevel', identifyBy: 'sku', sku: '={{ $json.sku }}', quantity: '={{ $json.qty }}', locationId: 1 },
			{ input: [
				{ sku: 'PJT-S', qty: 5 },
				{ sku: 'NO-SUCH-SKU', qty: 3 },
				{ sku: 'PJT-L', qty: 8 },
			], continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ sku: 'PJT-S', quantity: 5, transaction_id: expect.stringMatching(UUID) });
		expect(out[1]).toMatchObject({ error: 'Invalid data: Item with sku NO-SUCH-SKU does not exist' });
		expect(out[1].errorDescription).toContain('no product or variant in the store has it');
		expect(out[2]).toMatchObject({ sku: 'PJT-L', quantity: 8 });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(variantOf('PJT-S').stock[1]).toBe(5);
		expect(variantOf('PJT-L').stock[1]).toBe(8);
		// The refused request, then the two good rows again: not one request per row.
		expect(adjustmentRequests().map((r) => itemsOf(r.body).length)).toEqual([3, 2]);
	});

	it('refuses a negative quantity before sending anything, naming the field', async () => {
		const result = await run(
			{ operation: 'setLevel', identifyBy: 'sku', sku: '={{ $json.sku }}', quantity: '={{ $json.qty }}', locationId: 1 },
			{ input: [
				{ sku: 'PJT-S', qty: 4 },
				{ sku: 'PJT-M', qty: -4 },
			] },
		);

		expect(result.error?.message).toBe('Quantity must be a whole number from 0 to 2147483647, got "-4"');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(store.emulator.requests).toHaveLength(0);
	});

	it('refuses a fractional quantity and a non-numeric variant ID', async () => {
		const fraction = await run({ operation: 'setLevel', identifyBy: 'sku', sku: 'PJT-S', quantity: 2.5 });
		expect(fraction.error?.message).toContain('Quantity must be a whole number');

		const badId = await run({ operation: 'setLevel', identifyBy: 'variantId', variantId: 'abc', quantity: 2 });
		expect(badId.error?.message).toBe('Variant ID must be a positive whole number, got "abc"');

		expect(store.emulator.requests).toHaveLength(0);
	});
});

describe('inventory set level across locations', () => {
	it('without Continue On Fail, a refused row stops the run before the next location is written', async () => {
		const before = variantOf('PJT-S').stock[2];
		const rows = [
			{ sku: 'PJT-M', qty: 3, location: 1 },
			{ sku: 'NO-SUCH-SKU', qty: 1, location: 1 },
			{ sku: 'PJT-S', qty: 9, location: 2 },
		];

		const result = await run(
			{ operation: 'setLevel', identifyBy: 'sku', sku: '={{ $json.sku }}', quantity: '={{ $json.qty }}', locationId: '={{ $json.location }}' },
			{ input: rows },
		);

		expect(result.error?.message).toMatch(/NO-SUCH-SKU/);
		expect(result.error?.context?.itemIndex).toBe(1);
		const locations = adjustmentRequests().flatMap((r) => itemsOf(r.body).map((item) => item.location_id));
		expect(new Set(locations)).toEqual(new Set([1]));
		expect(variantOf('PJT-M').stock[1]).toBe(3);
		expect(variantOf('PJT-S').stock[2]).toBe(before);
	});

	it('with Continue On Fail, writes the other location and reports the refused row on its item', async () => {
		const rows = [
			{ sku: 'PJT-M', qty: 4, location: 1 },
			{ sku: 'NO-SUCH-SKU', qty: 1, location: 1 },
			{ sku: 'PJT-S', qty: 8, location: 2 },
		];

		const result = await store.run(
			{ operation: 'setLevel', identifyBy: 'sku', sku: '={{ $json.sku }}', quantity: '={{ $json.qty }}', locationId: '={{ $json.location }}' },
			{ input: rows, continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out.map((o) => o.sku ?? null)).toEqual(['PJT-M', null, 'PJT-S']);
		expect(String(out[1].error)).toMatch(/NO-SUCH-SKU/);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(variantOf('PJT-M').stock[1]).toBe(4);
		expect(variantOf('PJT-S').stock[2]).toBe(8);
	});
});

describe('inventory set level at scale', () => {
	const big = useStore({ resource: 'inventory', scale: { products: 2500, variantsPerProduct: 1 } });

	it('syncs 2,500 SKUs across 2 locations in 3 requests: 2,187 at location 1 (2,000 + 187) and 313 at location 2', async () => {
		const variants = big.emulator.state.variants.filter((v) => v.sku.startsWith('SCALE-'));
		expect(variants).toHaveLength(2500);
		const rows = variants.map((v, i) => ({ sku: v.sku, qty: (i * 7) % 500, location: i % 8 === 0 ? 2 : 1 }));
		big.emulator.clearRequests();

		const result = await big.run(
			{
				operation: 'setLevel',
				identifyBy: 'sku',
				sku: '={{ $json.sku }}',
				quantity: '={{ $json.qty }}',
				locationId: '={{ $json.location }}',
			},
			{ input: rows },
		);

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(2500);
		expect(out.map((o) => o.sku)).toEqual(rows.map((r) => r.sku));
		expect(result.items[2499].pairedItem).toEqual({ item: 2499 });

		const requests = adjustmentRequests(big.emulator);
		expect(requests).toHaveLength(3);
		const shapes = requests.map((r) => {
			const items = itemsOf(r.body);
			return { size: items.length, locations: [...new Set(items.map((i) => i.location_id))] };
		});
		expect(shapes).toEqual([
			{ size: 313, locations: [2] },
			{ size: 2000, locations: [1] },
			{ size: 187, locations: [1] },
		]);
		variants.forEach((v, i) => expect(big.emulator.state.variants.get(v.id)!.stock[rows[i].location]).toBe(rows[i].qty));
	});

	it('reads the levels of every SKU at 1,000 per request', async () => {
		let units = 0;
		for (const product of big.emulator.state.products.values()) {
			units += product.inventory_tracking === 'variant' ? product.variantIds.length : 1;
		}
		big.emulator.clearRequests();

		const result = await big.run({ operation: 'getAll', returnAll: true, simplify: false });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(units);
		expect(big.emulator.requests.map((r) => [r.query.page, r.query.limit])).toEqual(
			Array.from({ length: Math.ceil(units / 1000) }, (_, i) => [String(i + 1), '1000']),
		);
	});
});

describe('inventory adjust level', () => {
	it('adds and removes stock relative to the current level', async () => {
		const before = variantOf('PJT-XL').stock[1] ?? 0;

		const added = await run({ operation: 'adjustLevel', identifyBy: 'sku', sku: 'PJT-XL', quantity: 5 });
		const removed = await run({ operation: 'adjustLevel', identifyBy: 'sku', sku: 'PJT-XL', quantity: -2 });

		expect(jsonOf(added)).toEqual([{ sku: 'PJT-XL', location_id: 1, adjusted_by: 5, transaction_id: expect.stringMatching(UUID) }]);
		expect(jsonOf(removed)[0]).toMatchObject({ adjusted_by: -2 });
		expect(variantOf('PJT-XL').stock[1]).toBe(before + 3);
		expect(store.requestLines()).toEqual([
			'POST /v3/inventory/adjustments/relative',
			'POST /v3/inventory/adjustments/relative',
		]);
	});

	it('explains that an item needs a level at a location before it can be adjusted there', async () => {
		const result = await run(
			{ operation: 'adjustLevel', identifyBy: 'sku', sku: '={{ $json.sku }}', quantity: 1, locationId: 3 },
			{ input: [{ sku: 'WB-MUSTARD' }, { sku: 'CSN-NAVY' }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].error).toContain('requires absolute adjustment before relative');
		expect(out[0].errorDescription).toContain('set its level once with Set Level');
		expect(out[1].error).toContain('requires absolute adjustment before relative');
		// Both named by the one refusal: nothing is sent again.
		expect(adjustmentRequests()).toHaveLength(1);
	});

	it('refuses a zero adjustment before sending anything', async () => {
		const result = await run({ operation: 'adjustLevel', identifyBy: 'sku', sku: 'PJT-XL', quantity: 0 });

		expect(result.error?.message).toBe('Quantity must not be 0');
		expect(store.emulator.requests).toHaveLength(0);
	});
});

describe('inventory get many', () => {
	it('lists the levels of chosen SKUs, one flat item per SKU and location', async () => {
		const result = await run({ operation: 'getAll', returnAll: true, filters: { skus: 'PJT-S, PJT-M' } });

		expect(result.error).toBeUndefined();
		const rows = jsonOf(result);
		const locations = store.emulator.state.locations.size;
		expect(rows).toHaveLength(2 * locations);
		expect(rows[0]).toEqual(
			expect.objectContaining({
				sku: 'PJT-S',
				product_id: productOf('PJT').id,
				variant_id: variantOf('PJT-S').id,
				location_id: 1,
				available_to_sell: variantOf('PJT-S').stock[1] ?? 0,
			}),
		);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0].query).toMatchObject({ 'sku:in': 'PJT-S,PJT-M', page: '1', limit: '1000' });
	});

	it('keeps BigCommerce\'s nested records when Simplify is off, and filters by location', async () => {
		const result = await run({
			operation: 'getAll',
			limit: 3,
			simplify: false,
			filters: { locationIds: [2], productIds: String(productOf('CSN').id) },
		});

		const records = jsonOf(result);
		expect(records).toHaveLength(3);
		expect(records[0]).toMatchObject({ identity: { sku: 'CSN-RED' }, locations: [expect.objectContaining({ location_id: 2 })] });
		expect(store.emulator.requests[0].query).toMatchObject({ 'location_id:in': '2', limit: '3' });
	});

	it('refuses a non-numeric product ID in the filter before sending anything', async () => {
		const result = await run({ operation: 'getAll', filters: { productIds: '12, twelve' } });

		expect(result.error?.message).toBe('Product IDs must be a positive whole number, got "twelve"');
		expect(store.emulator.requests).toHaveLength(0);
	});
});
