// The credential decides where requests go. A Store Hash or API URL that tries to bend the path
// or the host is refused before any request, by the nodes and by the credential's own test, and
// the token never travels to another host, not even by a redirect.

import { NodeOperationError } from 'n8n-workflow';

import { runCredentialTest } from '../helpers/credentialTest';
import { useStore } from '../helpers/store';
import { credentialsFor, jsonOf, runNode, type TestCredentials } from '../helpers/workflow';
import { localServer, redirectingServer, type LocalServer } from './localServers';
import { outputCapture } from './outputCapture';

const capture = outputCapture();
const TOKEN = 'tok_connection_b71e4d2a90c3';

const store = useStore({ token: TOKEN });
/** Stands for a host the token must never reach. */
let elsewhere: LocalServer;

beforeAll(async () => {
	elsewhere = await localServer();
});
afterAll(async () => {
	await elsewhere.close();
});
beforeEach(() => {
	elsewhere.requests.length = 0;
	capture.lastNodeErrors.length = 0;
});

async function getStore(overrides: Partial<TestCredentials>) {
	return await runNode({ resource: 'store', operation: 'get' }, { credentials: credentialsFor(store.emulator, overrides) });
}

function lastError(): unknown {
	return capture.lastNodeErrors.at(-1);
}

const elsewhereHost = () => `127.0.0.1:${elsewhere.port}`;

const storeHashInjections: Array<[string, () => string]> = [
	['a path climbing out of the store', () => 'abc123/../../hooks'],
	['a path into another API', () => 'abc123/v3/hooks'],
	['a query string', () => 'abc123?limit=999'],
	['a fragment', () => 'abc123#x'],
	['an encoded slash', () => 'abc123%2F..%2Fhooks'],
	['a host in the user-info position', () => `abc123@${elsewhereHost()}`],
	['a new header line', () => 'abc123\r\nX-Injected: 1'],
	['a space', () => 'abc 123'],
	['unicode look-alikes', () => 'ａｂｃ１２３'],
	['nothing', () => ''],
];

const apiUrlInjections: Array<[string, () => string]> = [
	['another host in the user-info position', () => `http://api.bigcommerce.com@${elsewhereHost()}`],
	['the store with another host after @', () => `${store.emulator.baseUrl}@${elsewhereHost()}`],
	['a backslash before @', () => `${elsewhere.url}\\@${store.emulator.baseUrl.replace('http://', '')}`],
	['a path that climbs', () => `${store.emulator.baseUrl}/proxy/../..`],
	['a query string', () => `${store.emulator.baseUrl}?next=${elsewhere.url}`],
	['a fragment', () => `${store.emulator.baseUrl}#${elsewhere.url}`],
	['a file URL', () => 'file:///etc/passwd'],
	['an FTP URL', () => `ftp://${elsewhereHost()}`],
	['a protocol-relative address', () => `//${elsewhereHost()}`],
	['a javascript: URL', () => 'javascript:alert(1)'],
	['a new header line', () => `${store.emulator.baseUrl}\r\nX-Injected: 1`],
];

describe('the Store Hash', () => {
	it.each(storeHashInjections)('with %s is refused by the node, naming the field, before any request', async (_case, hash) => {
		const result = await getStore({ storeHash: hash() });

		expect(result.error).toBeDefined();
		expect(lastError()).toBeInstanceOf(NodeOperationError);
		expect((lastError() as Error).message).toMatch(/Store Hash/);
		expect(store.emulator.requests).toEqual([]);
		expect(elsewhere.requests).toEqual([]);
	});

	it('pasted as a whole API path, with any host in it, is reduced to the hash: requests go to the API URL only', async () => {
		const result = await getStore({ storeHash: `http://${elsewhereHost()}/stores/${store.emulator.storeHash}/v3/` });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(1);
		expect(store.requestLines()).toEqual(['GET /v2/store']);
		expect(elsewhere.requests).toEqual([]);
	});

	it.each(storeHashInjections)('with %s sends the credential test nowhere but /stores/<hash>/v2/store', async (_case, hash) => {
		const recorder = await localServer();
		try {
			await runCredentialTest({ storeHash: hash(), accessToken: TOKEN, apiUrl: recorder.url });
			// The recorder answers 200 to anything: what matters is where the test went.
			expect(recorder.requests).toHaveLength(1);
			expect(recorder.requests.map((r) => r.url).filter((url) => !/^\/stores\/[a-z0-9-]+\/v2\/store$/.test(url))).toEqual([]);
			expect(elsewhere.requests).toEqual([]);
		} finally {
			await recorder.close();
		}
	});
});

describe('the API URL', () => {
	it.each(apiUrlInjections)('with %s is refused by the node, naming the field, before any request', async (_case, apiUrl) => {
		const result = await getStore({ apiUrl: apiUrl() });

		expect(result.error).toBeDefined();
		expect(lastError()).toBeInstanceOf(NodeOperationError);
		expect((lastError() as Error).message).toMatch(/API URL/);
		expect(store.emulator.requests).toEqual([]);
		expect(elsewhere.requests).toEqual([]);
	});

	it.each(apiUrlInjections)('with %s makes the credential test fail without sending the token anywhere', async (_case, apiUrl) => {
		let result: { status: string } | undefined;
		try {
			result = await runCredentialTest({ storeHash: store.emulator.storeHash, accessToken: TOKEN, apiUrl: apiUrl() });
		} catch {
			result = { status: 'Error' };
		}
		expect(result.status).toBe('Error');
		expect(elsewhere.requests).toEqual([]);
	});

	it('of a plain proxy or store.emulator address with a path prefix is used as given', async () => {
		const proxy = await localServer((req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ id: 'proxied', name: 'Through The Proxy' }));
		});
		try {
			const result = await getStore({ apiUrl: `${proxy.url}/bigcommerce/` });
			expect(result.error).toBeUndefined();
			expect(proxy.requests.map((r) => r.url)).toEqual([`/bigcommerce/stores/${store.emulator.storeHash}/v2/store`]);
		} finally {
			await proxy.close();
		}
	});
});

describe('a plain http:// API URL', () => {
	it.each(['http://192.0.2.10:8080', 'http://api.bigcommerce.com', 'http://127.0.0.1.example.com'])(
		'%s, not on this machine, is refused by the node before any request, naming the field',
		async (apiUrl) => {
			const result = await getStore({ apiUrl });

			expect(lastError()).toBeInstanceOf(NodeOperationError);
			expect(result.error?.message).toBe('The credential\'s API URL must start with https://');
			expect(result.error?.description).toMatch(/localhost, 127\.0\.0\.1, ::1/);
		},
	);

	it('on this machine (the store.emulator) is used as given', async () => {
		const result = await getStore({ apiUrl: store.emulator.baseUrl.replace('127.0.0.1', 'localhost') });

		expect(result.error).toBeUndefined();
		expect(store.requestLines()).toEqual(['GET /v2/store']);
	});
});

describe('a redirect from the store address', () => {
	it.each([301, 302, 307, 308])('(%i) to another host never carries the access token there', async (status) => {
		const redirector = await redirectingServer((url) => `${elsewhere.url}${url}`, status);
		try {
			const result = await getStore({ apiUrl: redirector.url });

			expect(redirector.requests).toHaveLength(1);
			expect(elsewhere.requests.filter((r) => JSON.stringify(r.headers).includes(TOKEN))).toEqual([]);
			// A BigCommerce API answer is never a redirect: the run reports it instead of following it.
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toMatch(/redirect/i);
		} finally {
			await redirector.close();
		}
	});
});

describe('a redirect answering the credential\'s Test', () => {
	it.each([301, 302, 307, 308])('(%i) to another host is not followed, so the token never gets there', async (status) => {
		const redirector = await redirectingServer((url) => `${elsewhere.url}${url}`, status);
		try {
			const result = await runCredentialTest({ storeHash: store.emulator.storeHash, accessToken: TOKEN, apiUrl: redirector.url });

			expect(redirector.requests).toHaveLength(1);
			expect(elsewhere.requests).toEqual([]);
			expect(result.status).toBe('Error');
		} finally {
			await redirector.close();
		}
	});
});
