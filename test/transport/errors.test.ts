import { probeList, probeRequest } from '../helpers/probe';
import { useStore } from '../helpers/store';

const TOKEN = 'secret-token-do-not-leak-7f3a';
const READ_ONLY = 'catalog-read-only-token-91bc';

describe('transport: failures read in plain words, never with the token', () => {
	const store = useStore({ token: TOKEN, tokens: { [READ_ONLY]: ['store_v2_products_read_only'] } });

	function expectNoSecrets(error: unknown) {
		const everything = JSON.stringify(error, Object.getOwnPropertyNames(error as object));
		expect(everything).not.toContain(TOKEN);
		expect(everything).not.toContain(READ_ONLY);
	}

	it('v2 error arrays: a missing order names BigCommerce\'s own message and the status', async () => {
		const result = await probeRequest(store.emulator, { method: 'GET', path: '/v2/orders/999999' });
		expect(result.error?.message).toBe('Not found: The requested resource was not found.');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/Check the ID/);
		expectNoSecrets(result.error);
	});

	it.each(['/v2/orders/1', '/v3/catalog/products'])(
		'a store hash BigCommerce does not know names the Store Hash, not a record (%s)',
		async (path) => {
			const result = await probeRequest(store.emulator, { method: 'GET', path }, { credentials: { storeHash: 'zzz999' } });
			expect(result.error?.httpCode).toBe('404');
			expect(result.error?.message).toBe("No store found at the credential's Store Hash");
			expect(result.error?.description).toMatch(/Check the Store Hash in the BigCommerce API credential/);
			expect(result.error?.description).toMatch(/BigCommerce says: Store zzz999 was not found\./);
			expect(result.error?.description).not.toMatch(/Check the ID/);
		},
	);

	it('v3 error objects: a 422 lists the field errors', async () => {
		store.emulator.expectInvalidRequests('POST', '/v3/catalog/products');
		const result = await probeRequest(store.emulator, {
			method: 'POST',
			path: '/v3/catalog/products',
			body: { name: 'No Price Or Weight' },
		});
		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.message).toMatch(/^Invalid data: /);
		expect(result.error?.description).toMatch(/price/);
		expect(result.error?.description).toMatch(/weight/);
		expectNoSecrets(result.error);
	});

	it('409: a duplicate SKU explains that SKUs are unique across products and variants', async () => {
		const existing = [...store.emulator.state.products.values()].find((p) => p.sku)!;
		const result = await probeRequest(store.emulator, {
			method: 'POST',
			path: '/v3/catalog/products',
			body: { name: 'Another Name Entirely', type: 'physical', weight: 1, price: 1, sku: existing.sku!.toLowerCase() },
		});
		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toMatch(/^Conflict: /);
		expect(result.error?.description).toMatch(/ignoring letter case/);
	});

	it('413: an oversized batch says so', async () => {
		const ids = [...store.emulator.state.products.keys()].slice(0, 11);
		const result = await probeRequest(store.emulator, {
			method: 'PUT',
			path: '/v3/catalog/products',
			body: ids.map((id) => ({ id, is_featured: true })),
		});
		expect(result.error?.httpCode).toBe('413');
		expect(result.error?.message).toMatch(/^Too much in one request/);
	});

	it('401: a wrong token is named as the problem, without echoing it', async () => {
		const result = await probeRequest(
			store.emulator,
			{ method: 'GET', path: '/v2/store' },
			{ credentials: { accessToken: 'wrong-token-123' } },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('BigCommerce refused the access token');
		expect(JSON.stringify(result.error, Object.getOwnPropertyNames(result.error))).not.toContain('wrong-token-123');
	});

	it('403: a missing scope names the scope to add', async () => {
		const read = await probeList(store.emulator, 'v3Page', '/v3/catalog/products', {
			credentials: { accessToken: READ_ONLY },
		});
		expect(read.error).toBeUndefined();

		const write = await probeRequest(
			store.emulator,
			{ method: 'PUT', path: `/v3/catalog/products/${[...store.emulator.state.products.keys()][0]}`, body: { price: 1 } },
			{ credentials: { accessToken: READ_ONLY } },
		);
		expect(write.error?.httpCode).toBe('403');
		expect(write.error?.message).toBe('The API account is not allowed to do this');
		expect(write.error?.description).toMatch(/Products \(modify\), scope store_v2_products\b/);

		const orders = await probeList(store.emulator, 'v2Page', '/v2/orders', { credentials: { accessToken: READ_ONLY } });
		expect(orders.error?.description).toMatch(/Orders \(read-only\), scope store_v2_orders_read_only/);
		expectNoSecrets(orders.error);
	});

	it('a store hash that is not [a-z0-9]+ is refused before any request', async () => {
		for (const storeHash of ['abc/../hooks', 'abc?limit=999', 'ab c', '']) {
			const result = await probeRequest(store.emulator, { method: 'GET', path: '/v2/store' }, { credentials: { storeHash } });
			expect(result.error?.message).toBe('The credential\'s Store Hash is not valid');
		}
		expect(store.emulator.requests).toHaveLength(0);
	});

	it('a pasted API path is reduced to the store hash', async () => {
		const result = await probeRequest(
			store.emulator,
			{ method: 'GET', path: '/v2/store' },
			{ credentials: { storeHash: `https://api.bigcommerce.com/stores/${store.emulator.storeHash}/v3/` } },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.statusCode).toBe(200);
	});

	it('an API URL with a user name, query or another scheme is refused before any request', async () => {
		for (const apiUrl of [
			`${store.emulator.baseUrl.replace('http://', 'http://user:pw@')}`,
			`${store.emulator.baseUrl}/?x=1`,
			`${store.emulator.baseUrl}#frag`,
			'ftp://127.0.0.1/',
			'javascript:alert(1)',
		]) {
			const result = await probeRequest(store.emulator, { method: 'GET', path: '/v2/store' }, { credentials: { apiUrl } });
			expect(result.error?.message).toBe('The credential\'s API URL is not valid');
		}
		expect(store.emulator.requests).toHaveLength(0);
	});
});
