// Products: create, get, get many, update and delete, through WorkflowExecute against the
// store emulator. Create or update by SKU (upsert) is in productUpsert.test.ts.

import { stockTheStore, teeRows } from '../helpers/productSheet';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';
import { byId, productBySku, productNamed } from './catalogFixtures';
import { SIMPLE_PRODUCT_FIELDS, toSimpleProduct } from '../../nodes/BigCommerce/actions/product/simplify';

const store = useStore({ resource: 'product', fresh: 'store' });

describe('product create', () => {
	it('creates a product with categories, brand, stock, images and custom fields, and returns it simplified', async () => {
		const kitchen = store.emulator.state.categories.find((c) => c.name === 'Kitchen')!;
		const coffee = store.emulator.state.categories.find((c) => c.name === 'Coffee')!;
		const brand = store.emulator.state.brands.find((b) => b.name === 'Barista Co')!;

		const result = await store.run({
			operation: 'create',
			name: 'Hario V60 Dripper',
			type: 'physical',
			weight: 0.4,
			price: 24.5,
			additionalFields: {
				sku: 'V60-WHITE',
				categories: [kitchen.id, coffee.id],
				brand_id: brand.id,
				inventory_tracking: 'product',
				inventory_level: 40,
				sale_price: 21,
				is_visible: true,
				description: '<p>Pour-over cone.</p>',
				images: { image: [{ image_url: 'https://cdn.example.com/v60.jpg', is_thumbnail: true, description: 'V60' }] },
				custom_fields: { field: [{ name: 'Material', value: 'Ceramic' }] },
			},
		});

		expect(result.error).toBeUndefined();
		const [product] = jsonOf(result);
		expect(product).toEqual(
			expect.objectContaining({
				name: 'Hario V60 Dripper',
				sku: 'V60-WHITE',
				type: 'physical',
				price: 24.5,
				sale_price: 21,
				weight: 0.4,
				inventory_level: 40,
				inventory_tracking: 'product',
				categories: [kitchen.id, coffee.id],
				brand_id: brand.id,
				url: '/hario-v60-dripper/',
				image_urls: ['https://cdn.example.com/v60.jpg'],
				custom_fields: { Material: 'Ceramic' },
			}),
		);
		expect(product.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		// The look-up by SKU first tells a product this create saved from one already there.
		expect(store.requestLines()).toEqual(['GET /v3/catalog/products', 'POST /v3/catalog/products']);
		const saved = productBySku(store.emulator, 'v60-white')!;
		expect(saved).toEqual(expect.objectContaining({ id: product.id, price: 24.5, inventory_level: 40, brand_id: brand.id }));
	});

	it('returns the raw BigCommerce product when Simplify is off', async () => {
		const result = await store.run({
			operation: 'create',
			name: 'Gift Card Download',
			type: 'digital',
			weight: 0,
			price: 50,
			simplify: false,
		});

		const [product] = jsonOf(result);
		expect(product).toEqual(expect.objectContaining({ name: 'Gift Card Download', type: 'digital', custom_url: expect.any(Object) }));
		expect(product).toHaveProperty('open_graph_type');
	});

	it('reports a duplicate SKU as a 409 conflict', async () => {
		const result = await store.run({
			operation: 'create',
			name: 'Another Terrarium',
			weight: 1,
			price: 10,
			additionalFields: { sku: 'otl' },
		});

		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toMatch(/^Conflict: /);
		expect(store.emulator.state.products.filter((p) => p.name === 'Another Terrarium')).toHaveLength(0);
	});

	it('reports a name BigCommerce refuses as a 422 with the field named', async () => {
		store.emulator.expectInvalidRequests('POST', '/v3/catalog/products');
		const result = await store.run({ operation: 'create', name: 'x'.repeat(251), weight: 1, price: 10 });

		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.description).toMatch(/name/);
	});

	it('with Continue On Fail, a duplicate name fails only its own item', async () => {
		const result = await store.run(
			{ operation: 'create', name: '={{ $json.name }}', weight: 1, price: '={{ $json.price }}' },
			{ input: [{ name: 'Brass Scoop', price: 9 }, { name: '[Sample] Utility Caddy', price: 9 }, { name: 'Linen Apron', price: 30 }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].name).toBe('Brass Scoop');
		expect(out[1].error).toMatch(/^Conflict: /);
		expect(out[2].name).toBe('Linen Apron');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('refuses a negative price before sending anything', async () => {
		const result = await store.run(
			{ operation: 'create', name: '={{ $json.name }}', weight: 1, price: '={{ $json.price }}' },
			{ input: [{ name: 'Fine', price: 5 }, { name: 'Broken', price: -5 }] },
		);

		expect(result.error?.message).toMatch(/^Price must be a number of at least 0/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(store.emulator.requests).toEqual([]);
	});

	it('refuses an image that is not a URL and an unknown inventory tracking before sending anything', async () => {
		const badImage = await store.run({
			operation: 'create',
			name: 'Pictured',
			weight: 1,
			price: 1,
			additionalFields: { images: { image: [{ image_url: 'not a url' }] } },
		});
		const badTracking = await store.run({
			operation: 'create',
			name: 'Tracked',
			weight: 1,
			price: 1,
			additionalFields: { inventory_tracking: '={{ "sometimes" }}' },
		});

		expect(badImage.error?.message).toMatch(/Image URL of image 1 must be an http\(s\) address/);
		expect(badTracking.error?.message).toMatch(/Inventory Tracking must be one of none, product, variant/);
		expect(store.emulator.requests).toEqual([]);
	});

	it('a create BigCommerce answers 207 for returns the product with BigCommerce\'s words about the stock it did not save', async () => {
		store.emulator.setFaults([{ kind: '207', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await store.run({
			operation: 'create',
			name: 'Partly Saved Grinder',
			weight: 1,
			price: 45,
			additionalFields: { sku: 'GRIND-207', inventory_tracking: 'product', inventory_level: 9 },
		});

		expect(result.error).toBeUndefined();
		const stored = productBySku(store.emulator, 'GRIND-207')!;
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				id: stored.id,
				sku: 'GRIND-207',
				warnings: [expect.stringMatching(/^Partial success: .*\(inventory_level: product: the stock \(inventory_level\) was not updated/)],
			}),
		]);
		expect(stored.inventory_level).toBe(0);
	});

	it('never duplicates a product when the connection drops after BigCommerce saved it', async () => {
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await store.run({
			operation: 'create',
			name: 'Moka Pot 6 Cup',
			weight: 1,
			price: 39,
			additionalFields: { sku: 'MOKA-6' },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ name: 'Moka Pot 6 Cup', sku: 'MOKA-6' })]);
		expect(store.emulator.state.products.filter((p) => p.name === 'Moka Pot 6 Cup')).toHaveLength(1);
		expect(store.requestLines()).toEqual(['GET /v3/catalog/products', 'POST /v3/catalog/products', 'GET /v3/catalog/products']);
		expect(store.emulator.requests[2].query).toEqual(expect.objectContaining({ sku: 'MOKA-6' }));
	});

	it('finds the saved product when BigCommerce\'s answer to a create arrives cut off', async () => {
		store.emulator.setFaults([{ kind: 'malformed-json', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await store.run({ operation: 'create', name: 'Pour Over Kettle', weight: 1, price: 59, additionalFields: { sku: 'KETTLE-1' } });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ sku: 'KETTLE-1' })]);
		expect(store.emulator.state.products.filter((p) => p.name === 'Pour Over Kettle')).toHaveLength(1);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
	});

	it('sends the create again only after checking that the dropped one was not saved', async () => {
		store.emulator.setFaults([{ kind: 'reset', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await store.run({ operation: 'create', name: 'Milk Jug', weight: 0.2, price: 12 });

		expect(result.error).toBeUndefined();
		expect(store.emulator.state.products.filter((p) => p.name === 'Milk Jug')).toHaveLength(1);
		// Without a SKU the unique name finds it.
		expect(store.requestLines()).toEqual(['GET /v3/catalog/products', 'POST /v3/catalog/products', 'GET /v3/catalog/products', 'POST /v3/catalog/products']);
		expect(store.emulator.requests[2].query).toEqual(expect.objectContaining({ name: 'Milk Jug' }));
	});
});

describe('product get', () => {
	it('gets a product with its variants and images', async () => {
		const shirt = productNamed(store.emulator, '[Sample] Pickle Jar T-Shirt');

		const result = await store.run({
			operation: 'get',
			productId: byId(shirt.id),
			options: { includeVariants: true, includeImages: true },
		});

		expect(result.error).toBeUndefined();
		const [product] = jsonOf(result);
		expect(product).toEqual(expect.objectContaining({ id: shirt.id, name: '[Sample] Pickle Jar T-Shirt', variant_count: 4 }));
		expect(product.variant_skus).toEqual(expect.arrayContaining([expect.stringMatching(/^PJT/)]));
		expect(store.emulator.requests[0].query).toEqual({ include: 'variants,images' });
	});

	it('reports a missing product as 404 in BigCommerce\'s words', async () => {
		const result = await store.run({ operation: 'get', productId: byId(999999) });

		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Not found: Product with id 999999 not found.');
	});

	it('refuses a product ID that is not a number before sending anything', async () => {
		const result = await store.run({ operation: 'get', productId: '={{ $json.id }}' }, { input: [{ id: 'abc' }] });

		expect(result.error?.message).toBe('Product ID must be a positive whole number, got "abc"');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('product getAll', () => {
	beforeEach(() => {
		store.emulator.reset();
		store.emulator.seedScale({ products: 600 });
		store.emulator.clearRequests();
	});

	it('reads all 600 products in 3 requests of 250', async () => {
		const result = await store.run({ operation: 'getAll', returnAll: true });

		expect(result.items).toHaveLength(600);
		expect(store.emulator.countRequests({ method: 'GET', path: '/v3/catalog/products' })).toBe(3);
		expect(store.emulator.requests.map((r) => r.query.limit)).toEqual(['250', '250', '250']);
		expect(jsonOf(result)[599]).toEqual(expect.objectContaining({ sku: expect.stringMatching(/^SCALE-/), price: expect.any(Number) }));
	});

	it('reads only one page of 30 for a limit of 30', async () => {
		const result = await store.run({ operation: 'getAll', returnAll: false, limit: 30 });

		expect(result.items).toHaveLength(30);
		expect(store.requestLines()).toEqual(['GET /v3/catalog/products']);
		expect(store.emulator.requests[0].query).toEqual(expect.objectContaining({ limit: '30', page: '1' }));
	});

	it('asks only for the fields a simplified item shows, and gives the same items as from whole records', async () => {
		const options = { includeImages: true, includeVariants: true };
		const simplified = await store.run({ operation: 'getAll', returnAll: true, options });
		const lean = store.emulator.requests.map((r) => r.query);
		store.emulator.clearRequests();
		const raw = await store.run({ operation: 'getAll', returnAll: true, simplify: false, options });
		const whole = store.emulator.requests.map((r) => r.query);

		expect(lean.map((q) => [q.include_fields, q.include])).toEqual(lean.map(() => [SIMPLE_PRODUCT_FIELDS.join(','), 'variants,images']));
		expect(whole.map((q) => [q.include_fields, q.include])).toEqual(whole.map(() => [undefined, 'variants,images']));
		expect(jsonOf(simplified)).toHaveLength(600);
		expect(jsonOf(raw)[0]).toHaveProperty('description');
		expect(jsonOf(simplified)[0]).toHaveProperty('variant_skus');
		expect(jsonOf(simplified)).toEqual(jsonOf(raw).map((product) => toSimpleProduct(product)));
	});

	it('reads 260 products in 2 requests for a limit of 260', async () => {
		const result = await store.run({ operation: 'getAll', returnAll: false, limit: 260 });

		expect(result.items).toHaveLength(260);
		expect(store.emulator.countRequests()).toBe(2);
	});
});

describe('product getAll filters', () => {
	it('sends every filter in BigCommerce\'s syntax and returns only matching products', async () => {
		const coffee = store.emulator.state.categories.find((c) => c.name === 'Coffee')!;
		const ofs = store.emulator.state.brands.find((b) => b.name === 'OFS')!;

		const result = await store.run({
			operation: 'getAll',
			returnAll: true,
			filters: {
				categories: [coffee.id],
				brandId: ofs.id,
				isVisible: true,
				minInventoryLevel: 1,
				maxInventoryLevel: 1000,
				minDateModified: '2020-01-01T00:00:00Z',
				maxDateModified: '2099-12-31T23:59:59Z',
				type: 'physical',
			},
			options: { sort: 'name', direction: 'desc' },
		});

		expect(result.error).toBeUndefined();
		expect(store.emulator.requests[0].query).toEqual({
			'categories:in': String(coffee.id),
			brand_id: String(ofs.id),
			is_visible: 'true',
			'inventory_level:min': '1',
			'inventory_level:max': '1000',
			'date_modified:min': '2020-01-01T00:00:00Z',
			'date_modified:max': '2099-12-31T23:59:59Z',
			type: 'physical',
			sort: 'name',
			direction: 'desc',
			include_fields: SIMPLE_PRODUCT_FIELDS.join(','),
			limit: '250',
			page: '1',
		});
		// Of the brand's three coffee products, only the Able Brewing System has stock.
		expect(jsonOf(result).map((p) => p.name)).toEqual(['[Sample] Able Brewing System']);
	});

	it('finds products by SKU, keyword and a list of IDs', async () => {
		const tote = productBySku(store.emulator, 'TBN')!;
		const jar = productBySku(store.emulator, 'SLLPJ')!;

		const bySku = await store.run({ operation: 'getAll', returnAll: true, filters: { sku: 'TBN' } });
		const byKeyword = await store.run({ operation: 'getAll', returnAll: true, filters: { keyword: 'Parfait' } });
		const byIds = await store.run({ operation: 'getAll', returnAll: true, filters: { ids: `${tote.id}, ${jar.id}` } });

		expect(jsonOf(bySku).map((p) => p.id)).toEqual([tote.id]);
		expect(jsonOf(byKeyword).map((p) => p.id)).toEqual([jar.id]);
		expect(jsonOf(byIds).map((p) => p.id).sort()).toEqual([tote.id, jar.id].sort());
		expect(store.emulator.requests[2].query['id:in']).toBe(`${tote.id},${jar.id}`);
	});

	it('adds variant SKUs when variants are included', async () => {
		const result = await store.run({
			operation: 'getAll',
			returnAll: true,
			filters: { keyword: 'Canvas Sneakers' },
			options: { includeVariants: true },
		});

		expect(jsonOf(result)).toEqual([expect.objectContaining({ variant_count: 3, variant_skus: expect.any(Array) })]);
		expect(store.emulator.requests[0].query.include).toBe('variants');
	});

	it('refuses an ID list with a word in it and a date that is not a date before sending anything', async () => {
		const badIds = await store.run({ operation: 'getAll', returnAll: true, filters: { ids: '12, abc' } });
		const badDate = await store.run({ operation: 'getAll', returnAll: true, filters: { minDateModified: 'last week' } });

		expect(badIds.error?.message).toBe('IDs must be a positive whole number, got "abc"');
		expect(badDate.error?.message).toMatch(/^Modified After must be a date/);
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('product update', () => {
	it('updates 25 products in 3 requests (10 + 10 + 5) and returns them in input order', async () => {
		const existing = stockTheStore(store.emulator, teeRows(25));
		store.emulator.clearRequests();

		const result = await store.run(
			{
				operation: 'update',
				productId: '={{ $json.id }}',
				updateFields: { price: '={{ $json.price }}', inventory_level: '={{ $json.stock }}', is_visible: false },
			},
			{ input: existing.map((p, i) => ({ id: p.id, price: 30 + i, stock: 100 + i })) },
		);

		expect(result.error).toBeUndefined();
		expect(store.emulator.countRequests({ method: 'PUT', path: '/v3/catalog/products' })).toBe(3);
		expect(store.emulator.requests.map((r) => (r.body as unknown[]).length)).toEqual([10, 10, 5]);
		expect(jsonOf(result).map((p) => p.id)).toEqual(existing.map((p) => p.id));
		expect(result.items.map((item) => item.pairedItem)).toEqual(existing.map((_, i) => ({ item: i })));
		existing.forEach((p, i) => {
			const saved = store.emulator.state.products.get(p.id)!;
			expect([saved.price, saved.inventory_level, saved.is_visible]).toEqual([30 + i, 100 + i, false]);
		});
	});

	it('with Continue On Fail, a record BigCommerce refuses fails only its own item', async () => {
		const existing = stockTheStore(store.emulator, teeRows(4));
		store.emulator.clearRequests();

		const result = await store.run(
			{ operation: 'update', productId: '={{ $json.id }}', updateFields: { name: '={{ $json.name }}' } },
			{
				input: [
					{ id: existing[0].id, name: 'Tee Renamed One' },
					{ id: existing[1].id, name: '[Sample] Utility Caddy' },
					{ id: 999999, name: 'Ghost' },
					{ id: existing[3].id, name: 'Tee Renamed Four' },
				],
				continueOnFail: true,
			},
		);

		const out = jsonOf(result);
		expect(out[0].name).toBe('Tee Renamed One');
		expect(out[1].error).toMatch(/^Conflict: /);
		expect(out[2].error).toMatch(/999999/);
		expect(out[3].name).toBe('Tee Renamed Four');
		expect(store.emulator.state.products.get(existing[3].id)!.name).toBe('Tee Renamed Four');
		expect(store.emulator.state.products.get(existing[1].id)!.name).toBe(existing[1].name);
	});

	it('without Continue On Fail, stops at the failing item and names it', async () => {
		const result = await store.run(
			{ operation: 'update', productId: '={{ $json.id }}', updateFields: { price: 5 } },
			{ input: [{ id: productBySku(store.emulator, 'TBN')!.id }, { id: 999999 }] },
		);

		expect(result.error?.message).toMatch(/999999/);
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('after a 207 sends each product of the batch again on its own, so a stock change is not lost', async () => {
		const existing = stockTheStore(store.emulator, teeRows(4));
		store.emulator.clearRequests();
		store.emulator.setFaults([{ kind: '207', method: 'PUT', path: '/v3/catalog/products', count: 1 }]);

		const result = await store.run(
			{ operation: 'update', productId: '={{ $json.id }}', updateFields: { price: 77, inventory_level: 30 } },
			{ input: existing.map((p) => ({ id: p.id })) },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((p) => [p.price, p.inventory_level])).toEqual(existing.map(() => [77, 30]));
		expect(store.emulator.requests.map((r) => [r.status, (r.body as unknown[]).length])).toEqual([[207, 4], [200, 1], [200, 1], [200, 1], [200, 1]]);
		for (const p of existing) expect(store.emulator.state.products.get(p.id)!.inventory_level).toBe(30);
	});

	it('a stock change BigCommerce keeps answering 207 for is an error item, naming the product and what was not saved', async () => {
		const [tee] = stockTheStore(store.emulator, teeRows(1));
		store.emulator.setFaults([{ kind: '207', method: 'PUT', path: '/v3/catalog/products' }]);

		const result = await store.run(
			{ operation: 'update', productId: '={{ $json.id }}', updateFields: { price: 66, inventory_level: 25 } },
			{ input: [{ id: tee.id }], continueOnFail: true },
		);

		const [item] = jsonOf(result);
		expect(String(item.error)).toMatch(
			new RegExp(`^BigCommerce did not save all of product ${tee.id}: Partial success: .*\\(\\[0\\]\\.inventory_level: product ${tee.id}: the stock \\(inventory_level\\) was not updated`),
		);
		expect(store.emulator.state.products.get(tee.id)!.inventory_level).toBe(1);
		expect(store.emulator.state.products.get(tee.id)!.price).toBe(66);
	});

	it('without Continue On Fail, a 207 that leaves stock unsaved fails the node, naming the product', async () => {
		const [tee] = stockTheStore(store.emulator, teeRows(1));
		store.emulator.setFaults([{ kind: '207', method: 'PUT', path: '/v3/catalog/products' }]);

		const result = await store.run(
			{ operation: 'update', productId: '={{ $json.id }}', updateFields: { inventory_level: 25 } },
			{ input: [{ id: tee.id }] },
		);

		expect(result.error?.message).toMatch(new RegExp(`^BigCommerce did not save all of product ${tee.id}: `));
		expect(store.emulator.state.products.get(tee.id)!.inventory_level).toBe(1);
	});

	it('updates the same product twice in one input without a conflict', async () => {
		const tote = productBySku(store.emulator, 'TBN')!;

		const result = await store.run(
			{ operation: 'update', productId: '={{ $json.id }}', updateFields: { name: 'Tote Bag Natural', price: '={{ $json.price }}' } },
			{ input: [{ id: tote.id, price: 20 }, { id: tote.id, price: 22 }] },
		);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(store.emulator.state.products.get(tote.id)!.price).toBe(22);
		expect(store.emulator.countRequests({ method: 'PUT' })).toBe(1);
	});

	it('refuses an update with no fields, or a negative price, before sending anything', async () => {
		const tote = productBySku(store.emulator, 'TBN')!;
		const empty = await store.run({ operation: 'update', productId: byId(tote.id), updateFields: {} });
		const negative = await store.run({ operation: 'update', productId: byId(tote.id), updateFields: { sale_price: -1 } });

		expect(empty.error?.message).toBe('Add at least one field to update');
		expect(negative.error?.message).toMatch(/^Sale Price must be a number of at least 0/);
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('product delete', () => {
	it('deletes 300 products in 2 requests (250 + 50)', async () => {
		store.emulator.seedScale({ products: 300 });
		const ids = store.emulator.state.products.filter((p) => p.sku.startsWith('SCALE-')).map((p) => p.id);
		store.emulator.clearRequests();

		const result = await store.run({ operation: 'delete', productId: '={{ $json.id }}' }, { input: ids.map((id) => ({ id })) });

		expect(result.error).toBeUndefined();
		expect(store.requestLines()).toEqual(['DELETE /v3/catalog/products', 'DELETE /v3/catalog/products']);
		expect(store.emulator.requests[0].query['id:in'].split(',')).toHaveLength(250);
		expect(jsonOf(result)).toEqual(ids.map((id) => ({ deleted: true, id })));
		expect(store.emulator.state.products.filter((p) => p.sku.startsWith('SCALE-'))).toHaveLength(0);
	});

	it('reports an ID that was not in the store as deleted, as BigCommerce answers 204 for the whole list', async () => {
		const result = await store.run({ operation: 'delete', productId: byId(999999) });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([{ deleted: true, id: 999999 }]);
		expect(store.emulator.requests[0].status).toBe(204);
	});

	it('with Continue On Fail, a bad ID fails only its own item and the rest are deleted', async () => {
		const tote = productBySku(store.emulator, 'TBN')!;

		const result = await store.run(
			{ operation: 'delete', productId: '={{ $json.id }}' },
			{ input: [{ id: 'twelve' }, { id: tote.id }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].error).toBe('Product ID must be a positive whole number, got "twelve"');
		expect(out[1]).toEqual({ deleted: true, id: tote.id });
		expect(store.emulator.state.products.get(tote.id)).toBeUndefined();
	});

	it('refuses a product ID that is not a number before sending anything', async () => {
		const result = await store.run({ operation: 'delete', productId: '={{ $json.id }}' }, { input: [{ id: 1.5 }] });

		expect(result.error?.message).toBe('Product ID must be a positive whole number, got "1.5"');
		expect(store.emulator.requests).toEqual([]);
	});
});
