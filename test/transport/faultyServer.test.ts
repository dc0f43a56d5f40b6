// A store address that misbehaves (a broken proxy, a mistyped API URL, a server that never
// finishes) must end the run with a clear error, quickly, in a bounded number of requests and
// without holding more than a bounded answer in memory. Each server here is a small local one on
// 127.0.0.1 that misbehaves in one way, and stops misbehaving after a bound so that a transport
// without the protection still ends (and fails the test) instead of running forever.

import type * as http from 'http';
import type { IDataObject } from 'n8n-workflow';

import { PROBE_TYPE, runNode, type NodeRunResult, type TestCredentials } from '../helpers/workflow';
import { localServer, type LocalServer } from '../security/localServers';

const TOKEN = 'tok_faulty_server_5c9e2b7d1a';
const CLIENT_SECRET = 'cs_faulty_server_8e41f0a6d3';
const STORE = 'abc123';

let server: LocalServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function serve(answer: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void): Promise<LocalServer> {
	server = await localServer((req, res) => answer(req, res, new URL(req.url ?? '/', 'http://store.test')));
	return server;
}

function credentials(overrides: Partial<TestCredentials> = {}): TestCredentials {
	return { storeHash: STORE, accessToken: TOKEN, clientSecret: CLIENT_SECRET, apiUrl: server!.url, ...overrides };
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

async function list(style: 'v3Page' | 'v3Cursor' | 'v2Page', path: string, limit = 0): Promise<NodeRunResult> {
	return await runNode(
		{ mode: 'paginate', style, path, qs: '{}', limit },
		{ credentials: credentials(), type: PROBE_TYPE },
	);
}

async function request(
	parameters: { method?: string; path?: string; timeoutMs?: number; maxWaitMs?: number },
	options: { times?: number; credentials?: Partial<TestCredentials> } = {},
): Promise<NodeRunResult> {
	return await runNode(
		{ mode: 'request', method: 'GET', path: '/v2/store', qs: '{}', body: '', ...parameters },
		{
			credentials: credentials(options.credentials),
			type: PROBE_TYPE,
			input: Array.from({ length: options.times ?? 1 }, () => ({})),
		},
	);
}

/** Records with ids first..first+count-1. */
function records(first: number, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({ id: first + i, name: `Record ${first + i}` }));
}

// A server that answers this many list requests misbehaving, then an empty page, so a
// paginator without the protection ends too (with far more requests than the floor).
const MISBEHAVING_PAGES = 60;

function everything(error: unknown): string {
	return JSON.stringify(error, Object.getOwnPropertyNames(error ?? {}));
}

describe('pagination that never ends is stopped at the first page that does not advance', () => {
	it('v3 page/limit: meta.pagination always answers page 1 of 99', async () => {
		const s = await serve((_req, res, url) => {
			const n = s.requests.length;
			if (n > MISBEHAVING_PAGES) return json(res, 200, { data: [], meta: { pagination: { current_page: n, total_pages: n } } });
			json(res, 200, { data: records(1, Number(url.searchParams.get('limit'))), meta: { pagination: { current_page: 1, total_pages: 99 } } });
		});

		const result = await list('v3Page', '/v3/catalog/products');

		expect(result.error?.message).toMatch(/page 1 instead of page 2/);
		expect(result.error?.description).toMatch(/API URL/);
		expect(s.requests).toHaveLength(2);
	});

	it('v3 page/limit: every page claims to be the page asked for, with the same records', async () => {
		const s = await serve((_req, res, url) => {
			const page = Number(url.searchParams.get('page'));
			if (s.requests.length > MISBEHAVING_PAGES) return json(res, 200, { data: [], meta: { pagination: { current_page: page, total_pages: page } } });
			json(res, 200, { data: records(1, Number(url.searchParams.get('limit'))), meta: { pagination: { current_page: page, total_pages: page + 1 } } });
		});

		const result = await list('v3Page', '/v3/catalog/products');

		expect(result.error?.message).toMatch(/same records/);
		expect(s.requests).toHaveLength(2);
	});

	it('v3 cursor: the end cursor repeats', async () => {
		const s = await serve((_req, res, url) => {
			const n = s.requests.length;
			const limit = Number(url.searchParams.get('limit'));
			if (n > MISBEHAVING_PAGES) return json(res, 200, { data: [], meta: { cursor_pagination: {} } });
			// Fresh records on every page: only the cursor gives the loop away.
			json(res, 200, {
				data: records(n * limit, limit),
				meta: { cursor_pagination: { end_cursor: 'c2FtZQ', links: { next: '?after=c2FtZQ' } } },
			});
		});

		const result = await list('v3Cursor', '/v3/customers');

		expect(result.error?.message).toMatch(/cursor/);
		expect(s.requests).toHaveLength(2);
		expect(s.requests[1].url).toMatch(/after=c2FtZQ/);
	});

	it('v3 cursor: cursors that cycle back to an earlier one', async () => {
		const s = await serve((_req, res, url) => {
			const n = s.requests.length;
			const limit = Number(url.searchParams.get('limit'));
			if (n > MISBEHAVING_PAGES) return json(res, 200, { data: [], meta: { cursor_pagination: {} } });
			const cursor = n % 2 === 0 ? 'b2Rk' : 'ZXZlbg';
			json(res, 200, { data: records(n * limit, limit), meta: { cursor_pagination: { end_cursor: cursor, links: { next: `?after=${cursor}` } } } });
		});

		const result = await list('v3Cursor', '/v3/customers');

		expect(result.error?.message).toMatch(/cursor/);
		expect(s.requests).toHaveLength(3);
	});

	it('v2 page/limit: the same full page answers every page number', async () => {
		const s = await serve((_req, res, url) => {
			if (s.requests.length > MISBEHAVING_PAGES) {
				res.writeHead(204).end();
				return;
			}
			json(res, 200, records(1, Number(url.searchParams.get('limit'))));
		});

		const result = await list('v2Page', '/v2/orders');

		expect(result.error?.message).toMatch(/same records/);
		expect(s.requests).toHaveLength(2);
	});

	it('a list that legitimately ends is not mistaken for a loop', async () => {
		const s = await serve((_req, res, url) => {
			const page = Number(url.searchParams.get('page'));
			const limit = Number(url.searchParams.get('limit'));
			json(res, 200, { data: records((page - 1) * limit + 1, page < 3 ? limit : 7), meta: { pagination: { current_page: page, total_pages: 3 } } });
		});

		const result = await list('v3Page', '/v3/catalog/products');

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(507);
		expect(s.requests).toHaveLength(3);
	});
});

describe('a server that never finishes its answer', () => {
	// Keeps a request open by sending one byte of JSON whitespace every 100 ms: an idle timeout
	// never fires. Stops by itself after a minute, so the test ends either way.
	function drip(afterHeaders: boolean) {
		return (req: http.IncomingMessage, res: http.ServerResponse) => {
			const socket = res.socket!;
			if (afterHeaders) {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.write('{"id":1');
			} else {
				socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n');
			}
			let sent = 0;
			const timer = setInterval(() => {
				if (++sent > 600) {
					clearInterval(timer);
					socket.destroy();
					return;
				}
				if (afterHeaders) res.write(' ');
				else socket.write('X-Drip: 1\r\n');
			}, 100);
			socket.on('close', () => clearInterval(timer));
			req.on('close', () => undefined);
		};
	}

	it('one byte at a time in the body: each try ends at its deadline, a GET is tried five times', async () => {
		const s = await serve(drip(true));

		const result = await request({ timeoutMs: 800 });

		expect(result.error?.message).toBe('Could not reach BigCommerce: the request timed out (no complete answer within 0.8 seconds)');
		expect(s.requests).toHaveLength(5);
	}, 60_000);

	it('one header line at a time: the deadline holds before the answer begins, and a POST is not repeated', async () => {
		const s = await serve(drip(false));

		const result = await request({ method: 'POST', path: '/v3/catalog/products', timeoutMs: 800 });

		expect(result.error?.message).toBe('Could not reach BigCommerce: the request timed out (no complete answer within 0.8 seconds)');
		expect(result.error?.description).toMatch(/may or may not have saved it/);
		expect(s.requests).toHaveLength(1);
	}, 60_000);

	it('an answer larger than 50 MB is refused once it passes the cap, and not requested again', async () => {
		let bytesSent = 0;
		const s = await serve((_req, res) => {
			// 80 MB of valid JSON: without a cap the whole of it is read and kept.
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.write('{"data":[');
			const chunk = ' '.repeat(1 << 20);
			let left = 80;
			const pump = () => {
				while (left > 0 && !res.destroyed) {
					left--;
					bytesSent += chunk.length;
					if (!res.write(chunk)) return void res.once('drain', pump);
				}
				if (!res.destroyed) res.end(']}');
			};
			res.on('close', () => (left = 0));
			pump();
		});

		const result = await request({ path: '/v3/catalog/products' });

		expect(result.error?.message).toMatch(/larger than 50 MB/);
		expect(s.requests).toHaveLength(1);
		expect(bytesSent).toBeLessThan(80 << 20);
	}, 60_000);
});

describe('rate-limit headers that would stall the run', () => {
	const quotaGone = (resetMs: number) => ({
		'X-Rate-Limit-Requests-Left': '0',
		'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
		'X-Rate-Limit-Time-Window-Ms': '30000',
		'X-Rate-Limit-Requests-Quota': '150',
	});

	it('a 200 announcing a reset in 23 days pauses no longer than the request\'s wait budget', async () => {
		const s = await serve((_req, res) => json(res, 200, { id: 'store' }, quotaGone(2_000_000_000)));

		const result = await request({ maxWaitMs: 1500 }, { times: 2 });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(s.requests).toHaveLength(2);
	}, 30_000);

	it('a 429 announcing a reset of 0 is retried a bounded number of times, then reported', async () => {
		const s = await serve((_req, res) =>
			json(res, 429, { status: 429, title: 'Too many requests' }, quotaGone(0)),
		);

		const result = await request({});

		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toMatch(/rate limit was still exceeded/);
		// The first try and six retries, backing off 0.1, 0.2, 0.4 ... 3.2 s.
		expect(s.requests).toHaveLength(7);
	}, 60_000);

	it('a 429 that repeats backs off further each time, never below the announced reset', async () => {
		const s = await serve((_req, res) =>
			json(res, 429, { status: 429, title: 'Too many requests' }, quotaGone(100)),
		);

		// Waits of 105, 210, 420 and 840 ms fit a 1.6 s budget; the next (1,680 ms) does not.
		// Waiting the same 105 ms each time would have sent sixteen requests.
		const result = await request({ maxWaitMs: 1600 });

		expect(result.error?.httpCode).toBe('429');
		expect(s.requests).toHaveLength(5);
	}, 30_000);
});

describe('server text quoted in an error never carries the secrets', () => {
	it.each([
		['a JSON title', (res: http.ServerResponse, headers: string) => json(res, 400, { title: `Proxy refused the request. ${headers}` })],
		['a v2 error array', (res: http.ServerResponse, headers: string) => json(res, 422, [{ status: 422, message: `Bad request with ${headers}` }])],
		['field errors', (res: http.ServerResponse, headers: string) => json(res, 422, { title: 'Invalid', errors: { 'x-auth-token': headers } })],
		['a bare JSON string', (res: http.ServerResponse, headers: string) => json(res, 404, `No such route. ${headers}`)],
	])('%s echoing the request headers', async (_case, answer) => {
		await serve((req, res) => {
			const echoed = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join('; ');
			answer(res, `${echoed}; encoded ${encodeURIComponent(TOKEN)}; secret ${CLIENT_SECRET}`);
		});

		const result = await request({});

		expect(result.error).toBeDefined();
		const seen = everything(result.error);
		expect(seen).not.toContain(TOKEN);
		expect(seen).not.toContain(encodeURIComponent(TOKEN));
		expect(seen).not.toContain(CLIENT_SECRET);
		expect(seen).toContain('[redacted]');
	});
});

describe('a network failure names the API URL in plain words', () => {
	it('nothing listening at the address', async () => {
		const closed = await localServer();
		const port = closed.port;
		await closed.close();
		server = await localServer();

		const result = await request({}, { credentials: { apiUrl: `http://127.0.0.1:${port}` } });

		expect(result.error?.message).toBe('Could not reach BigCommerce: nothing answered at the API URL');
		expect(result.error?.description).toMatch(/API URL in the BigCommerce API credential/);
	}, 30_000);
});
