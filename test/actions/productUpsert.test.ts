// Product create or update by SKU (upsert): the spreadsheet -> catalog import job, through
// WorkflowExecute against the store emulator.

import type { IDataObject } from 'n8n-workflow';

import { chunkSkus } from '../../nodes/BigCommerce/actions/product/lookups';
import { ROW_PARAMETERS, stockTheStore, teeRows } from '../helpers/productSheet';
import { EXPECT_INVALID_HEADER } from '../emulator/server';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';
import { productBySku, productNamed, variantBySku } from './catalogFixtures';

const store = useStore({ resource: 'product', fresh: 'store' });

const upsert = { operation: 'upsert', ...ROW_PARAMETERS };

function teeProducts() {
	return store.emulator.state.products.filter((p) => p.sku.startsWith('TEE-'));
}

describe('product upsert: the catalog import', () => {
	it('imports 60 rows, 30 new, and the store ends with 60 SKUs at the sheet\'s prices and stock', async () => {
		stockTheStore(store.emulator, teeRows(30));
		const demoProducts = store.emulator.state.products.size - 30;
		// New and existing rows interleaved, as a sheet would have them.
		const all = teeRows(60);
		const rows = all.map((_, i) => (i % 2 === 0 ? all[i / 2] : all[30 + (i - 1) / 2]));
		store.emulator.clearRequests();

		const result = await store.run(upsert, { input: rows });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out.map((p) => p.sku)).toEqual(rows.map((r) => r.sku));
		expect(out.map((p) => p.action)).toEqual(rows.map((_, i) => (i % 2 === 0 ? 'updated' : 'created')));
		expect(result.items.map((item) => item.pairedItem)).toEqual(rows.map((_, i) => ({ item: i })));

		// Lookups of many SKUs per request: the variants list (product and variant SKUs), then
		// the products list for the 30 SKUs still unknown (products with options have no base variant).
		expect(store.emulator.countRequests({ method: 'GET', path: '/v3/catalog/variants' })).toBe(1);
		expect(store.emulator.countRequests({ method: 'GET', path: '/v3/catalog/products' })).toBe(1);
		expect(store.emulator.requests[0].query['sku:in'].split(',')).toHaveLength(60);
		expect(store.emulator.countRequests({ method: 'PUT', path: '/v3/catalog/products' })).toBe(3);
		expect(store.emulator.countRequests({ method: 'POST', path: '/v3/catalog/products' })).toBe(30);
		expect(store.emulator.requests).toHaveLength(35);

		const tees = teeProducts();
		expect(tees.map((p) => p.sku).sort()).toEqual(all.map((r) => r.sku).sort());
		for (const row of all) {
			const product = tees.find((p) => p.sku === row.sku)!;
			expect([product.name, product.price, product.weight, product.inventory_level]).toEqual([
				row.name,
				row.price,
				row.weight,
				row.stock,
			]);
		}
		expect(store.emulator.state.products.size).toBe(demoProducts + 60);
	});

	it('treats an empty image URL in a sheet row as no image, for new and existing SKUs alike', async () => {
		stockTheStore(store.emulator, teeRows(1));
		const rows = [
			{ ...teeRows(1)[0], image: '' },
			{ sku: 'TEE-IMG-NEW', name: 'Tee With Photo', price: 12, weight: 0.2, stock: 3, image: 'https://cdn.example.com/tee.jpg' },
			{ sku: 'TEE-NOIMG-NEW', name: 'Tee Without Photo', price: 12, weight: 0.2, stock: 3, image: '' },
		];
		const withImages = {
			...upsert,
			additionalFields: {
				...(ROW_PARAMETERS.additionalFields as IDataObject),
				images: { image: [{ image_url: '={{ $json.image }}', is_thumbnail: true }] },
			},
		};

		const result = await store.run(withImages, { input: rows });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((p) => p.action)).toEqual(['updated', 'created', 'created']);
		const images = (sku: string) => store.emulator.state.products.find((p) => p.sku === sku)?.images ?? [];
		expect(images('TEE-IMG-NEW').map((i) => i.image_url)).toEqual(['https://cdn.example.com/tee.jpg']);
		expect(images('TEE-NOIMG-NEW')).toEqual([]);
	});

	it('creates a SKU repeated in one input once, and its later rows update that product', async () => {
		const rows: IDataObject[] = [
			{ sku: 'MUG-BLUE', name: 'Enamel Mug Blue', price: 10, weight: 0.3, stock: 5 },
			{ sku: 'TBN', name: '[Sample] Tote Bag Natural', price: 19, weight: 0.5, stock: 8 },
			{ sku: 'mug-blue', name: 'Enamel Mug Blue', price: 12, weight: 0.3, stock: 7 },
		];

		const result = await store.run(upsert, { input: rows });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((p) => p.action)).toEqual(['created', 'updated', 'updated']);
		const mugs = store.emulator.state.products.filter((p) => p.sku.toLowerCase() === 'mug-blue');
		expect(mugs).toHaveLength(1);
		expect([mugs[0].sku, mugs[0].price, mugs[0].inventory_level]).toEqual(['MUG-BLUE', 12, 7]);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
	});

	it('matches SKUs ignoring letter case and keeps the store\'s spelling', async () => {
		const result = await store.run(upsert, {
			input: [{ sku: 'tbn', name: '[Sample] Tote Bag Natural', price: 21, weight: 0.5, stock: 3 }],
		});

		expect(jsonOf(result)).toEqual([expect.objectContaining({ sku: 'TBN', price: 21, action: 'updated' })]);
		expect(productBySku(store.emulator, 'TBN')!.sku).toBe('TBN');
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(0);
	});

	it('updates the variant when the SKU belongs to an option variant, and the product when it is a product with options', async () => {
		const tee = productNamed(store.emulator, '[Sample] Pickle Jar T-Shirt');
		// The shirt tracks stock per variant: the sheet only sets levels.
		const stockOnly = { ...upsert, additionalFields: { inventory_level: '={{ $json.stock }}' } };

		const result = await store.run(stockOnly, {
			input: [
				{ sku: 'PJT-M', name: 'ignored for variants', price: 27, weight: 0.4, stock: 9 },
				{ sku: 'PJT', name: '[Sample] Pickle Jar T-Shirt', price: 26, weight: 0.4, stock: 0 },
			],
		});

		expect(result.error).toBeUndefined();
		const [variant, product] = jsonOf(result);
		expect(variant).toEqual(expect.objectContaining({ sku: 'PJT-M', product_id: tee.id, price: 27, options: 'Size: M', action: 'updated' }));
		expect(product).toEqual(expect.objectContaining({ id: tee.id, sku: 'PJT', price: 26, action: 'updated' }));
		const saved = variantBySku(store.emulator, 'PJT-M')!;
		expect([saved.price, saved.weight, saved.inventory_level]).toEqual([27, 0.4, 9]);
		expect(store.emulator.state.products.get(tee.id)!.price).toBe(26);
		expect(store.requestLines()).toEqual([
			'GET /v3/catalog/variants',
			'GET /v3/catalog/products',
			'PUT /v3/catalog/products',
			'PUT /v3/catalog/variants',
		]);
	});

	it('never duplicates a product when the connection drops after BigCommerce saved it: it re-checks by SKU', async () => {
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await store.run(upsert, { input: teeRows(2) });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((p) => [p.sku, p.action])).toEqual([
			['TEE-0001', 'created'],
			['TEE-0002', 'created'],
		]);
		expect(teeProducts().map((p) => p.sku)).toEqual(['TEE-0001', 'TEE-0002']);
		const recheck = store.emulator.requests.find((r) => r.method === 'GET' && r.query.sku === 'TEE-0001');
		expect(recheck?.path).toBe('/v3/catalog/products');
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(2);
	});

	it('after a 503 on a create, checks the store and sends the create again only because it was not saved', async () => {
		store.emulator.setFaults([{ kind: '503', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await store.run(upsert, { input: teeRows(1) });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ sku: 'TEE-0001', action: 'created' })]);
		expect(teeProducts()).toHaveLength(1);
		expect(store.requestLines()).toEqual([
			'GET /v3/catalog/variants',
			'GET /v3/catalog/products',
			'POST /v3/catalog/products',
			'GET /v3/catalog/products',
			'POST /v3/catalog/products',
		]);
	});

	it('looks up 250 SKUs in 3 requests of at most 100', async () => {
		stockTheStore(store.emulator, teeRows(250));
		store.emulator.clearRequests();

		const result = await store.run(upsert, { input: teeRows(250) });

		expect(result.error).toBeUndefined();
		expect(store.emulator.requests.filter((r) => r.method === 'GET').map((r) => r.query['sku:in'].split(',').length)).toEqual([
			100, 100, 50,
		]);
		expect(store.emulator.countRequests({ method: 'PUT' })).toBe(25);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(0);
	});

	it('with Continue On Fail, a row BigCommerce refuses fails only its own item', async () => {
		stockTheStore(store.emulator, teeRows(3));
		store.emulator.clearRequests();
		const rows = teeRows(5);
		// An existing product renamed to a taken name, and a new SKU with a taken name.
		rows[1].name = '[Sample] Utility Caddy';
		rows[3].name = '[Sample] Oak Cheese Grater';

		const result = await store.run(upsert, { input: rows, continueOnFail: true });

		const out = jsonOf(result);
		expect(out.map((o) => (o.error ? 'error' : o.action))).toEqual(['updated', 'error', 'updated', 'error', 'created']);
		expect(out[1].error).toMatch(/^Conflict: /);
		expect(out[3].error).toMatch(/^Conflict: /);
		expect(result.items.map((item) => item.pairedItem)).toEqual(rows.map((_, i) => ({ item: i })));
		expect(teeProducts().map((p) => p.sku)).toEqual(['TEE-0001', 'TEE-0002', 'TEE-0003', 'TEE-0005']);
	});

	it('without Continue On Fail, stops at a refused row and names it', async () => {
		const rows = teeRows(2);
		rows[1].name = '[Sample] Utility Caddy';

		const result = await store.run(upsert, { input: rows });

		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('refuses bad rows (negative price, no SKU) before sending anything', async () => {
		const negative = teeRows(3);
		negative[2].price = -1;
		const noSku = teeRows(2);
		noSku[0].sku = '  ';

		const first = await store.run(upsert, { input: negative });
		const second = await store.run(upsert, { input: noSku });

		expect(first.error?.message).toMatch(/^Price must be a number of at least 0/);
		expect(first.error?.context?.itemIndex).toBe(2);
		expect(second.error?.message).toBe('SKU is required');
		expect(store.emulator.requests).toEqual([]);
	});

	it('with Continue On Fail, a bad row gets its error and the others are imported', async () => {
		const rows = teeRows(3);
		rows[1].weight = 'heavy';

		const result = await store.run(upsert, { input: rows, continueOnFail: true });

		const out = jsonOf(result);
		expect(out[1].error).toMatch(/^Weight must be a number/);
		expect([out[0].action, out[2].action]).toEqual(['created', 'created']);
		expect(store.emulator.requests[0].query['sku:in']).toBe('TEE-0001,TEE-0003');
	});

	it('an update whose stock BigCommerce keeps answering 207 for is an error item naming the product; the other rows are saved', async () => {
		const [existing] = stockTheStore(store.emulator, teeRows(1));
		store.emulator.setFaults([{ kind: '207', method: 'PUT', path: '/v3/catalog/products' }]);
		const rows: IDataObject[] = teeRows(2).map((row) => ({ ...row, stock: 33 }));

		const result = await store.run(upsert, { input: rows, continueOnFail: true });

		const out = jsonOf(result);
		expect(String(out[0].error)).toMatch(new RegExp(`^BigCommerce did not save all of product ${existing.id}: .*inventory_level`));
		expect(store.emulator.state.products.get(existing.id)!.inventory_level).toBe(1);
		expect(out[1]).toEqual(expect.objectContaining({ sku: rows[1].sku, action: 'created', inventory_level: 33 }));
	});

	it('returns the raw product with its action when Simplify is off', async () => {
		const result = await store.run({ ...upsert, simplify: false }, { input: teeRows(1) });

		expect(jsonOf(result)).toEqual([expect.objectContaining({ sku: 'TEE-0001', action: 'created', custom_url: expect.any(Object) })]);
	});
});

describe('product upsert: requests an API that enforces its spec accepts', () => {
	it('looks SKUs up among products with include_fields the product list allows (the ID comes back anyway)', async () => {
		const row = { sku: 'SPEC-NEW-01', name: 'Spec Checked Tote', price: 12, weight: 0.5, stock: 4 };

		const result = await store.run(upsert, { input: [row] });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ sku: row.sku, action: 'created' })]);
		const productLookups = store.emulator.requests.filter((r) => r.method === 'GET' && r.path === '/v3/catalog/products');
		expect(productLookups.map((r) => r.query.include_fields)).toEqual(['sku']);
		expect(productLookups.map((r) => r.status)).toEqual([200]);
	});

	it('the store refuses a product list or read whose include or include_fields holds a value it does not know', async () => {
		const url = `${store.emulator.baseUrl}/stores/${store.emulator.storeHash}/v3/catalog/products`;
		const get = async (path: string, invalidOnPurpose = true) => {
			const headers: Record<string, string> = { 'X-Auth-Token': store.emulator.token, Accept: 'application/json' };
			if (invalidOnPurpose) headers[EXPECT_INVALID_HEADER] = '1';
			return (await fetch(`${url}${path}`, { headers })).status;
		};

		expect(await get('?include_fields=id,sku')).toBe(422);
		expect(await get('?include=variants,everything')).toBe(422);
		expect(await get('/1?include_fields=id')).toBe(422);
		expect(await get('?include_fields=sku&include=variants,images,custom_fields', false)).toBe(200);
	});
});

describe('SKU look-up lists', () => {
	it('hold at most 100 SKUs and about 4 KB each, so the URL stays short', () => {
		const short = Array.from({ length: 250 }, (_, i) => `SKU-${i}`);
		const long = Array.from({ length: 120 }, (_, i) => `${'LONG-SKU-'.repeat(10)}${i}`);

		expect(chunkSkus(short).map((chunk) => chunk.length)).toEqual([100, 100, 50]);
		for (const chunk of chunkSkus(long)) {
			expect(encodeURIComponent(chunk.join(',')).length).toBeLessThanOrEqual(4000);
		}
		expect(chunkSkus(long).flat()).toEqual(long);
	});
});
