// Product variants: create, get, get many, update and delete, through WorkflowExecute
// against the store emulator.

import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';
import { byId, productNamed, variantBySku } from './catalogFixtures';

const store = useStore({ resource: 'productVariant', fresh: 'store' });

const shirt = () => productNamed(store.emulator, '[Sample] Pickle Jar T-Shirt');

describe('productVariant create', () => {
	it('adds a size to the T-shirt and returns the variant simplified', async () => {
		const result = await store.run({
			operation: 'create',
			productId: byId(shirt().id),
			sku: 'PJT-XXL',
			optionValues: { optionValue: [{ optionName: 'Size', value: 'XXL' }] },
			additionalFields: { price: 32, inventory_level: 6, upc: '012345678905', purchasing_disabled: false },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				product_id: shirt().id,
				sku: 'PJT-XXL',
				options: 'Size: XXL',
				price: 32,
				inventory_level: 6,
				upc: '012345678905',
				purchasing_disabled: false,
			}),
		]);
		// The look-up by SKU first tells a variant this create saved from one already there.
		expect(store.requestLines()).toEqual(['GET /v3/catalog/variants', `POST /v3/catalog/products/${shirt().id}/variants`]);
		expect(store.emulator.requests[1].body).toEqual({
			sku: 'PJT-XXL',
			option_values: [{ option_display_name: 'Size', label: 'XXL' }],
			price: 32,
			inventory_level: 6,
			upc: '012345678905',
			purchasing_disabled: false,
		});
		expect(variantBySku(store.emulator, 'PJT-XXL')).toEqual(expect.objectContaining({ product_id: shirt().id, price: 32 }));
	});

	it('reports a SKU already in use as a 409 conflict', async () => {
		const result = await store.run({
			operation: 'create',
			productId: byId(shirt().id),
			sku: 'csn-red',
			optionValues: { optionValue: [{ optionName: 'Size', value: 'XS' }] },
		});

		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toMatch(/^Conflict: /);
	});

	it('reports a missing product as 404', async () => {
		const result = await store.run({
			operation: 'create',
			productId: byId(999999),
			sku: 'NOPE-1',
			optionValues: { optionValue: [{ optionName: 'Size', value: 'S' }] },
		});

		expect(result.error?.httpCode).toBe('404');
	});

	it('refuses a variant without option values, or with a negative price, before sending anything', async () => {
		const noOptions = await store.run({ operation: 'create', productId: byId(shirt().id), sku: 'PJT-X', optionValues: {} });
		const negative = await store.run({
			operation: 'create',
			productId: byId(shirt().id),
			sku: 'PJT-X',
			optionValues: { optionValue: [{ optionName: 'Size', value: 'X' }] },
			additionalFields: { price: -3 },
		});

		expect(noOptions.error?.message).toBe('Add at least one option value, e.g. Color: Red');
		expect(negative.error?.message).toMatch(/^Price must be a number of at least 0/);
		expect(store.emulator.requests).toEqual([]);
	});

	it('never duplicates a variant when the connection drops after BigCommerce saved it', async () => {
		const path = `/v3/catalog/products/${shirt().id}/variants`;
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path, count: 1 }]);

		const result = await store.run({
			operation: 'create',
			productId: byId(shirt().id),
			sku: 'PJT-XS',
			optionValues: { optionValue: [{ optionName: 'Size', value: 'XS' }] },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ sku: 'PJT-XS' })]);
		expect(store.emulator.state.variants.filter((v) => v.sku === 'PJT-XS')).toHaveLength(1);
		expect(store.requestLines()).toEqual(['GET /v3/catalog/variants', `POST ${path}`, 'GET /v3/catalog/variants']);
	});

	it('with Continue On Fail, a refused variant fails only its own item', async () => {
		const result = await store.run(
			{
				operation: 'create',
				productId: byId(shirt().id),
				sku: '={{ $json.sku }}',
				optionValues: { optionValue: [{ optionName: 'Size', value: '={{ $json.size }}' }] },
			},
			{ input: [{ sku: 'PJT-XS', size: 'XS' }, { sku: 'PJT-S2', size: 'S' }, { sku: 'PJT-3XL', size: '3XL' }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].sku).toBe('PJT-XS');
		// Size S already exists as PJT-S: the same combination twice is a conflict.
		expect(out[1].error).toMatch(/^Conflict: /);
		expect(out[2].sku).toBe('PJT-3XL');
	});
});

describe('productVariant get', () => {
	it('gets one variant of a product', async () => {
		const variant = variantBySku(store.emulator, 'PJT-L')!;

		const result = await store.run({ operation: 'get', productId: byId(shirt().id), variantId: String(variant.id) });

		expect(jsonOf(result)).toEqual([expect.objectContaining({ id: variant.id, sku: 'PJT-L', options: 'Size: L' })]);
		expect(store.requestLines()).toEqual([`GET /v3/catalog/products/${shirt().id}/variants/${variant.id}`]);
	});

	it('reports a variant of another product as 404', async () => {
		const other = variantBySku(store.emulator, 'CSN-RED')!;

		const result = await store.run({ operation: 'get', productId: byId(shirt().id), variantId: String(other.id) });

		expect(result.error?.httpCode).toBe('404');
	});

	it('refuses a variant ID that is not a number before sending anything', async () => {
		const result = await store.run({ operation: 'get', productId: byId(shirt().id), variantId: 'large' });

		expect(result.error?.message).toBe('Variant ID must be a positive whole number, got "large"');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('productVariant getAll', () => {
	it('lists every variant of a product in one request', async () => {
		const result = await store.run({ operation: 'getAll', productId: byId(shirt().id), returnAll: true });

		expect(jsonOf(result).map((v) => v.sku)).toEqual(['PJT-S', 'PJT-M', 'PJT-L', 'PJT-XL']);
		expect(store.emulator.requests[0].query).toEqual({ limit: '250', page: '1' });
	});

	it('reads 600 variants in 3 requests, and a limit of 2 in one request of 2', async () => {
		store.emulator.seedScale({ products: 1, variantsPerProduct: 600 });
		const big = store.emulator.state.products.find((p) => p.sku.startsWith('SCALE-'))!;
		store.emulator.clearRequests();

		const all = await store.run({ operation: 'getAll', productId: byId(big.id), returnAll: true });
		expect(all.items).toHaveLength(600);
		expect(store.emulator.countRequests()).toBe(3);

		store.emulator.clearRequests();
		const two = await store.run({ operation: 'getAll', productId: byId(big.id), returnAll: false, limit: 2 });
		expect(two.items).toHaveLength(2);
		expect(store.emulator.requests.map((r) => r.query.limit)).toEqual(['2']);
	});

	it('filters by SKUs through the store-wide variant list', async () => {
		const result = await store.run({
			operation: 'getAll',
			productId: byId(shirt().id),
			returnAll: true,
			filters: { skus: 'PJT-M, pjt-xl, CSN-RED' },
		});

		expect(jsonOf(result).map((v) => v.sku)).toEqual(['PJT-M', 'PJT-XL']);
		expect(store.requestLines()).toEqual(['GET /v3/catalog/variants']);
		expect(store.emulator.requests[0].query).toEqual(
			expect.objectContaining({ 'product_id:in': String(shirt().id), 'sku:in': 'PJT-M,pjt-xl,CSN-RED' }),
		);
	});

	it('reports a missing product as 404', async () => {
		const result = await store.run({ operation: 'getAll', productId: byId(999999), returnAll: true });

		expect(result.error?.httpCode).toBe('404');
	});
});

describe('productVariant update', () => {
	it('updates 120 variants in 3 requests (50 + 50 + 20), one output item per input item', async () => {
		store.emulator.seedScale({ products: 2, variantsPerProduct: 60 });
		const variants = store.emulator.state.variants.filter((v) => v.sku.startsWith('SCALE-'));
		store.emulator.clearRequests();

		const result = await store.run(
			{ operation: 'update', variantId: '={{ $json.id }}', updateFields: { price: '={{ $json.price }}', inventory_level: 4 } },
			{ input: variants.map((v, i) => ({ id: v.id, price: 10 + i })) },
		);

		expect(result.error).toBeUndefined();
		expect(store.emulator.countRequests({ method: 'PUT', path: '/v3/catalog/variants' })).toBe(3);
		expect(store.emulator.requests.map((r) => (r.body as unknown[]).length)).toEqual([50, 50, 20]);
		expect(jsonOf(result).map((v) => v.id)).toEqual(variants.map((v) => v.id));
		variants.forEach((v, i) => {
			const saved = store.emulator.state.variants.get(v.id)!;
			expect([saved.price, saved.inventory_level]).toEqual([10 + i, 4]);
		});
	});

	it('with Continue On Fail, a SKU already in use fails only its own item', async () => {
		const [small, medium, large] = ['PJT-S', 'PJT-M', 'PJT-L'].map((sku) => variantBySku(store.emulator, sku)!);

		const result = await store.run(
			{ operation: 'update', variantId: '={{ $json.id }}', updateFields: { sku: '={{ $json.sku }}' } },
			{
				input: [
					{ id: small.id, sku: 'PJT-SMALL' },
					{ id: medium.id, sku: 'CSN-RED' },
					{ id: large.id, sku: 'PJT-LARGE' },
				],
				continueOnFail: true,
			},
		);

		const out = jsonOf(result);
		expect(out[0].sku).toBe('PJT-SMALL');
		expect(out[1].error).toMatch(/CSN-RED/);
		expect(out[2].sku).toBe('PJT-LARGE');
		expect(store.emulator.state.variants.get(medium.id)!.sku).toBe('PJT-M');
	});

	it('refuses an update with no fields, or a variant ID that is not a number, before sending anything', async () => {
		const empty = await store.run({ operation: 'update', variantId: '5', updateFields: {} });
		const badId = await store.run({ operation: 'update', variantId: '-5', updateFields: { price: 1 } });

		expect(empty.error?.message).toBe('Add at least one field to update');
		expect(badId.error?.message).toBe('Variant ID must be a positive whole number, got "-5"');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('productVariant delete', () => {
	it('deletes a variant and returns { deleted: true, id }', async () => {
		const variant = variantBySku(store.emulator, 'PJT-XL')!;

		const result = await store.run({ operation: 'delete', productId: byId(shirt().id), variantId: String(variant.id) });

		expect(jsonOf(result)).toEqual([{ deleted: true, id: variant.id }]);
		expect(store.emulator.state.variants.get(variant.id)).toBeUndefined();
		expect(store.requestLines()).toEqual([`DELETE /v3/catalog/products/${shirt().id}/variants/${variant.id}`]);
	});

	it('with Continue On Fail, a missing variant fails only its own item', async () => {
		const variant = variantBySku(store.emulator, 'PJT-S')!;

		const result = await store.run(
			{ operation: 'delete', productId: byId(shirt().id), variantId: '={{ $json.id }}' },
			{ input: [{ id: 999999 }, { id: variant.id }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].error).toMatch(/^Not found: /);
		expect(out[1]).toEqual({ deleted: true, id: variant.id });
	});
});
