// Custom API call: any REST path below the store with the credential, the transport's paging,
// retries and error words, and paths that would leave the store refused before sending.

import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const store = useStore({ resource: 'custom', fresh: 'store', tokens: { 'catalog-only': ['store_v2_products'] } });
const { run } = store;

function addBrands(count: number): void {
	const { brands } = store.emulator.state;
	for (let i = 0; i < count; i++) {
		const id = brands.allocateId();
		const name = `Brand ${String(id).padStart(4, '0')}`;
		brands.insert({ id, name, page_title: name, meta_keywords: [], meta_description: '', search_keywords: '', image_url: '', url: `/brands/${id}.html` });
	}
}

const call = (parameters: Record<string, unknown>) => run({ operation: 'apiCall', method: 'GET', ...parameters });

describe('custom API call: reading lists', () => {
	it('reads every brand at the page-size floor, detecting v3 pages from the answer', async () => {
		addBrands(520);
		const all = [...store.emulator.state.brands.values()].map((b) => b.name);
		expect(all).toHaveLength(525);

		const result = await call({ path: '/v3/catalog/brands', pagination: 'detect' });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((b) => b.name)).toEqual(all);
		// ceil(525 / 250) = 3 requests; the first asks for no page, the answer says it is page 1 of 3.
		expect(store.requestLines({ query: true })).toEqual([
			'GET /v3/catalog/brands?limit=250',
			'GET /v3/catalog/brands?limit=250&page=2',
			'GET /v3/catalog/brands?limit=250&page=3',
		]);
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('keeps the user\'s query filters on every page, and a limit given there is the page size', async () => {
		addBrands(30);
		const result = await call({
			path: '/v3/catalog/brands',
			pagination: 'v3Page',
			queryParameters: { parameters: [{ name: 'name:like', value: 'Brand 00' }, { name: 'limit', value: '10' }] },
		});

		const expected = [...store.emulator.state.brands.values()].filter((b) => b.name.includes('Brand 00')).map((b) => b.name);
		expect(expected.length).toBeGreaterThan(20);
		expect(jsonOf(result).map((b) => b.name)).toEqual(expected);
		expect(store.requestLines()).toHaveLength(Math.ceil(expected.length / 10));
		expect(store.emulator.requests.every((r) => r.query['name:like'] === 'Brand 00' && r.query.limit === '10')).toBe(true);
	});

	it('reads a v2 list page by page until BigCommerce answers 204', async () => {
		const orders = store.emulator.state.orders.size;
		const pageSize = 4;
		const result = await call({ path: '/v2/orders', pagination: 'detect', options: { pageSize } });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(orders);
		expect(new Set(jsonOf(result).map((o) => o.id)).size).toBe(orders);
		// Full pages, then a short last page (or one 204 when the count is a multiple of the page size).
		expect(store.requestLines()).toHaveLength(Math.floor(orders / pageSize) + 1);
		expect(store.emulator.requests.map((r) => r.query.page ?? '1')).toEqual(
			Array.from({ length: Math.floor(orders / pageSize) + 1 }, (_, i) => String(i + 1)),
		);
	});

	it('follows v3 cursors (customers), detected from the first answer', async () => {
		const customers = [...store.emulator.state.customers.values()].map((c) => c.id);
		const result = await call({ path: '/v3/customers', pagination: 'detect', options: { pageSize: 3 } });

		expect(jsonOf(result).map((c) => c.id)).toEqual(customers);
		const queries = store.emulator.requests.map((r) => r.query);
		expect(queries).toHaveLength(Math.ceil(customers.length / 3));
		expect(queries[0]).toEqual({ limit: '3' });
		expect(queries.slice(1).every((q) => typeof q.after === 'string' && q.page === undefined)).toBe(true);
	});

	it('without pagination sends one request; a single record comes out as itself, or the whole answer on request', async () => {
		const brand = [...store.emulator.state.brands.values()][0];
		const record = await call({ path: `/v3/catalog/brands/${brand.id}` });
		expect(jsonOf(record)).toEqual([expect.objectContaining({ id: brand.id, name: brand.name })]);

		const whole = await call({ path: `/v3/catalog/brands/${brand.id}`, options: { output: 'body' } });
		expect(jsonOf(whole)).toEqual([{ data: expect.objectContaining({ id: brand.id }), meta: {} }]);

		const storeInfo = await call({ path: '/v2/store' });
		expect(jsonOf(storeInfo)).toEqual([expect.objectContaining({ id: store.emulator.storeHash, currency: 'USD' })]);
		expect(store.requestLines()).toEqual([`GET /v3/catalog/brands/${brand.id}`, `GET /v3/catalog/brands/${brand.id}`, 'GET /v2/store']);
	});
});

describe('custom API call: writes, retries and errors', () => {
	it('sends a JSON body and returns the created record', async () => {
		const result = await run({
			operation: 'apiCall',
			method: 'POST',
			path: '/v2/customer_groups',
			body: '{"name": "Trade partners", "is_default": false}',
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ name: 'Trade partners' })]);
		expect(store.emulator.requests[0]).toMatchObject({ method: 'POST', path: '/v2/customer_groups', body: { name: 'Trade partners', is_default: false } });
	});

	it('refuses a body that is not JSON, saying where, before any request', async () => {
		const result = await run({ operation: 'apiCall', method: 'PUT', path: '/v2/customer_groups/1', body: '{"name": "A",}' });

		expect(result.error?.message).toBe('Body (JSON) is not valid JSON: a property name in double quotes was expected at line 1, column 14 (character 14), found "}"');
		expect(store.emulator.requests).toHaveLength(0);
	});

	it('never sends a POST twice after the connection was reset, and says the outcome is unknown', async () => {
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v2/customer_groups', count: 1 }]);
		const groups = store.emulator.state.customerGroups.size;

		const result = await run({ operation: 'apiCall', method: 'POST', path: '/v2/customer_groups', body: '{"name": "Once only"}' });

		expect(result.error?.message).toBe('Could not reach BigCommerce: the connection was reset');
		expect(result.error?.description).toContain('may or may not have saved it');
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
		expect(store.emulator.state.customerGroups.size).toBe(groups + 1);
	});

	it('retries a GET after a transient 503', async () => {
		store.emulator.setFaults([{ kind: '503', method: 'GET', path: '/v2/store', count: 1 }]);
		const result = await call({ path: '/v2/store' });

		expect(result.error).toBeUndefined();
		expect(store.requestLines({ status: true })).toEqual(['GET /v2/store 503', 'GET /v2/store 200']);
	});

	it('maps API errors to BigCommerce\'s own words, v3 and v2', async () => {
		const missing = await call({ path: '/v3/catalog/brands/99999' });
		expect(missing.error?.message).toBe('Not found: Brand with id 99999 not found.');
		expect(missing.error?.httpCode).toBe('404');

		// Invalid on purpose: BigCommerce's answer to a product without type, weight and price.
		store.emulator.expectInvalidRequests('POST', '/v3/catalog/products');
		const invalid = await run({ operation: 'apiCall', method: 'POST', path: '/v3/catalog/products', body: '{"name": "No type"}' });
		expect(invalid.error?.httpCode).toBe('422');
		expect(invalid.error?.message).toMatch(/^Invalid data: /);
		expect(invalid.error?.description).toMatch(/type/);

		const v2 = await call({ path: '/v2/orders/99999' });
		expect(v2.error?.message).toBe('Not found: The requested resource was not found.');
	});

	it('names the missing scope on a 403', async () => {
		const result = await run({ operation: 'apiCall', method: 'GET', path: '/v2/orders' }, { credentials: { accessToken: 'catalog-only' } });
		expect(result.error?.message).toBe('The API account is not allowed to do this');
		expect(result.error?.description).toContain('Orders (read-only), scope store_v2_orders_read_only');
	});

	it('with Continue On Fail, a failing item carries its error and the others go on', async () => {
		const brand = [...store.emulator.state.brands.values()][0];
		const result = await run(
			{ operation: 'apiCall', method: 'GET', path: '={{ "/v3/catalog/brands/" + $json.id }}' },
			{ input: [{ id: 99999 }, { id: brand.id }], continueOnFail: true },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ error: 'Not found: Brand with id 99999 not found.' }),
			expect.objectContaining({ id: brand.id }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('custom API call: paths that leave the store are refused before sending', () => {
	const refused: Array<[string, string]> = [
		['https://evil.example/v3/catalog/brands', 'names a scheme or host'],
		['http://127.0.0.1:9/v3/catalog/brands', 'names a scheme or host'],
		['//evil.example/v3/catalog/brands', 'contains "//"'],
		['/v3//evil.example/brands', 'contains "//"'],
		['/v3/catalog/../../other/v3/brands', 'contains ".." (or an encoded dot)'],
		['/v3/catalog/%2e%2e/%2E%2E/brands', 'contains ".." (or an encoded dot)'],
		['/v3/catalog/%2fbrands', 'contains an encoded slash'],
		['/v3\\catalog\\brands', 'contains a backslash'],
		['/v3/catalog/brands?limit=1', 'carries a query string: put query parameters in Query Parameters'],
		['/v3/catalog/brands#x', 'carries a query string: put query parameters in Query Parameters'],
		['/stores/other999/v3/catalog/brands', 'names a store: leave out /stores/{store_hash}'],
		['/v3/stores/other999/v3/catalog/brands', 'names a store: leave out /stores/{store_hash}'],
		['/v3/catalog/brands@evil.example', 'names a host'],
		['v3/catalog/brands', 'must start with /v3/ or /v2/'],
		['/v4/catalog/brands', 'must start with /v3/ or /v2/'],
		['/graphql', 'must start with /v3/ or /v2/'],
		['/v3/catalog/brands /x', 'has characters BigCommerce API paths do not use (letters, digits, _, - and / only)'],
		['/v3/catalog/bränds', 'has characters BigCommerce API paths do not use (letters, digits, _, - and / only)'],
	];

	it.each(refused)('%s', async (path, why) => {
		const result = await call({ path });

		expect(result.error?.message).toBe(`Path ${why}: ${path}`);
		expect(result.error?.description).toContain('below the store');
		expect(store.emulator.requests).toHaveLength(0);
	});

	it('an empty path is required', async () => {
		const result = await call({ path: '  ' });
		expect(result.error?.message).toBe('Path is required');
		expect(store.emulator.requests).toHaveLength(0);
	});
});
