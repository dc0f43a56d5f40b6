import { normalizeApiUrl, normalizeStoreHash } from '../../nodes/BigCommerce/transport';
import { credentialTestUrl, runCredentialTest } from '../helpers/credentialTest';
import { useStore } from '../helpers/store';

describe('BigCommerce API credential', () => {
	const READ_ORDERS = 'orders-only-token';
	const store = useStore({ tokens: { [READ_ORDERS]: ['store_v2_orders_read_only'] } });

	const base = () => ({ storeHash: store.emulator.storeHash, accessToken: store.emulator.token, apiUrl: store.emulator.baseUrl });

	it('passes its test against the store, calling GET /v2/store', async () => {
		store.emulator.clearRequests();
		expect(await runCredentialTest(base())).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(store.requestLines()).toEqual(['GET /v2/store']);
	});

	it('accepts a pasted API path as the store hash', async () => {
		const result = await runCredentialTest({
			...base(),
			storeHash: `https://api.bigcommerce.com/stores/${store.emulator.storeHash}/v3/`,
		});
		expect(result.status).toBe('OK');
	});

	it('reports a wrong token in plain words', async () => {
		const result = await runCredentialTest({ ...base(), accessToken: 'not-the-token' });
		expect(result).toEqual({
			status: 'Error',
			message: 'The access token was refused. Copy it again from the store-level API account.',
		});
	});

	it('reports a missing scope in plain words', async () => {
		const result = await runCredentialTest({ ...base(), accessToken: READ_ORDERS });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/lacks the "Information & settings" read scope/);
	});

	it('reports an unknown or malformed store hash', async () => {
		for (const storeHash of ['zzz999', 'abc/../v3/hooks']) {
			const result = await runCredentialTest({ ...base(), storeHash });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^No store found at this Store Hash\. Copy the Store Hash from the API account's API path/);
		}
	});
});

describe('store hash and API URL checks', () => {
	it.each([
		['abc123', 'abc123'],
		['  ABC123 ', 'abc123'],
		['https://api.bigcommerce.com/stores/abc123/v3/', 'abc123'],
		['https://api.bigcommerce.com/stores/abc123/v2', 'abc123'],
		['abc123/', 'abc123'],
	])('reduces %j to %j', (input, expected) => {
		expect(normalizeStoreHash(input)).toBe(expected);
	});

	it.each(['', 'abc/../hooks', 'abc?x=1', 'abc#x', 'ab c', 'abc%2F..', 'https://evil.example/stores/a/b/c', 'ä1'])(
		'refuses %j',
		(input) => {
			expect(normalizeStoreHash(input)).toBeUndefined();
		},
	);

	it.each([
		['https://api.bigcommerce.com', 'https://api.bigcommerce.com'],
		['https://api.bigcommerce.com/', 'https://api.bigcommerce.com'],
		['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
		['http://localhost:4000/emulator/', 'http://localhost:4000/emulator'],
		['http://[::1]:4000', 'http://[::1]:4000'],
		['http://127.1:4000', 'http://127.0.0.1:4000'],
		['https://proxy.example.com/bigcommerce/', 'https://proxy.example.com/bigcommerce'],
		['', 'https://api.bigcommerce.com'],
	])('accepts API URL %j as %j', (input, expected) => {
		expect(normalizeApiUrl(input)).toBe(expected);
	});

	it.each([
		'ftp://api.bigcommerce.com',
		'https://user:pass@api.bigcommerce.com',
		'https://api.bigcommerce.com@evil.example',
		'https://api.bigcommerce.com/?a=1',
		'https://api.bigcommerce.com/#x',
		'https://api.bigcommerce.com/../x',
		'not a url',
		'http://api.bigcommerce.com',
		'http://192.168.1.10:4000',
		'http://10.0.0.1',
		'http://127.0.0.1.example.com',
		'http://localhost.example.com',
	])('refuses API URL %j', (input) => {
		expect(normalizeApiUrl(input)).toBeUndefined();
	});

	it.each([
		['https://proxy.example.com/bc', 'https://proxy.example.com/bc/stores/abc123/v2/store'],
		['http://127.0.0.1:4000', 'http://127.0.0.1:4000/stores/abc123/v2/store'],
		['http://localhost:4000', 'http://localhost:4000/stores/abc123/v2/store'],
		['http://[::1]:4000', 'http://[::1]:4000/stores/abc123/v2/store'],
		['http://api.bigcommerce.com', 'https://api-url-must-use-https-except-on-localhost.invalid/stores/abc123/v2/store'],
		['http://192.168.1.10:4000', 'https://api-url-must-use-https-except-on-localhost.invalid/stores/abc123/v2/store'],
		['http://127.0.0.1.example.com', 'https://api-url-must-use-https-except-on-localhost.invalid/stores/abc123/v2/store'],
	])('the credential Test sends API URL %j to %j', (apiUrl, expected) => {
		expect(credentialTestUrl({ storeHash: 'abc123', accessToken: 'x', apiUrl })).toBe(expected);
	});
});
