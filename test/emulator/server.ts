// The HTTP front of the emulator: parses /stores/{hash}/v2|v3 requests, applies latency,
// faults, auth, rate limits and scopes in that order, dispatches to the routes, and logs
// every API request (and, with BIGCOMMERCE_EMULATOR_LOG set, appends each exchange to that file
// for the spec check described in README.md).

import { appendFileSync } from 'fs';
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import { createHash } from 'crypto';
import { ALL_SCOPES, SCOPE_DENIED, clientIdFor, hasScope, requiredScope } from './auth';
import { ConcurrencyMeter } from './concurrency';
import { FaultInjector } from './faults';
import { ApiError, Core, Ctx, Reply, Version, v2Error, v3Problem } from './http';
import { RateLimiter } from './rateLimit';
import { Router } from './router';
import { StoreState } from './state';
import type { EmulatorOptions, FaultRule, RequestLogEntry } from './types';
import { WebhookDispatcher } from './webhooks';
import { registerCatalog } from './routes/catalog';
import { registerChannelAssignments } from './routes/channelAssignments';
import { registerCustomers } from './routes/customers';
import { registerHooks } from './routes/hooks';
import { registerInventory } from './routes/inventory';
import { registerMetafields } from './routes/metafields';
import { registerPriceLists } from './routes/priceLists';
import { registerOrders } from './routes/orders';
import { registerShipments } from './routes/shipments';
import { registerRefunds } from './routes/refunds';
import { acceptsMultipart, multipartLogView, registerProductImages } from './routes/productImages';
import { MultipartForm, parseMultipart } from './model/productImages';
import { registerStore } from './routes/store';
import { registerStorefront } from './routes/storefront';
import { handleGraphql, type GraphqlRequestLogEntry } from './graphql/endpoints';

const MAX_BODY = 50 * 1024 * 1024;

/** Set by tests on a request they send invalid on purpose; marks the exchange in the log file. */
export const EXPECT_INVALID_HEADER = 'x-test-expect-invalid';

export type AdminHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: string) => Promise<void>;

export class EmulatorServer implements Core {
	readonly state = new StoreState();
	readonly storeHash: string;
	readonly storeId: string;
	readonly token: string;
	readonly tokens = new Map<string, string[]>();
	readonly requests: RequestLogEntry[] = [];
	/** Requests to the GraphQL endpoints (storefront and admin), with their headers. */
	readonly graphqlRequests: GraphqlRequestLogEntry[] = [];
	readonly rateLimiter: RateLimiter;
	readonly faults: FaultInjector;
	readonly webhooks: WebhookDispatcher;
	readonly inFlight = new ConcurrencyMeter();
	latencyMs: number;
	storeName = 'Emulated Store';
	baseUrl = '';
	adminHandler?: AdminHandler;

	private readonly router = new Router();
	private readonly server: http.Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(options: EmulatorOptions) {
		this.storeHash = options.storeHash ?? 'abc123';
		// A stable numeric store id derived from the hash (webhooks carry it as a string).
		this.storeId = String(1_000_000 + (parseInt(createHash('sha1').update(this.storeHash).digest('hex').slice(0, 8), 16) % 9_000_000));
		this.token = options.token ?? 'test-token-all-scopes';
		this.tokens.set(this.token, ALL_SCOPES);
		for (const [t, scopes] of Object.entries(options.tokens ?? {})) this.tokens.set(t, scopes);
		this.rateLimiter = new RateLimiter(options.rateLimit ?? false);
		this.faults = new FaultInjector(options.faultSeed ?? 1);
		this.latencyMs = options.latencyMs ?? 0;
		this.webhooks = new WebhookDispatcher({
			state: this.state,
			storeHash: this.storeHash,
			storeId: this.storeId,
			clientSecret: options.clientSecret,
			deliveryRewrite: options.deliveryRewrite ?? ((d) => d),
		});
		// Before the catalog, customers, orders and channels: their batch paths would read as IDs there.
		registerMetafields(this.router);
		registerChannelAssignments(this.router);
		registerCatalog(this.router);
		registerCustomers(this.router);
		registerShipments(this.router);
		registerOrders(this.router);
		registerRefunds(this.router);
		registerInventory(this.router);
		registerHooks(this.router);
		registerProductImages(this.router);
		registerPriceLists(this.router);
		registerStore(this.router, () => this.storeName);
		registerStorefront(this.router);
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((e) => {
				if (!res.headersSent && !res.destroyed) {
					res.writeHead(500, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify({ status: 500, title: String(e instanceof Error ? e.message : e) }));
				}
			});
		});
		// Long keep-alive: clients (Node 20 agents keep sockets alive) then rarely race a server-side
		// close after a pause, e.g. while a test seeds 100,000 records synchronously.
		this.server.keepAliveTimeout = 120_000;
		this.server.headersTimeout = 125_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	get apiBase(): string {
		return `${this.baseUrl}/stores/${this.storeHash}`;
	}

	emit(scope: string, data: Record<string, unknown>): void {
		this.webhooks.emit(scope, data);
	}

	async listen(host: string, port: number): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => resolve());
		});
		const addr = this.server.address() as AddressInfo;
		const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
		this.baseUrl = `http://${h}:${addr.port}`;
	}

	async close(): Promise<void> {
		this.webhooks.abortAll();
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		for (const s of this.sockets) s.destroy();
		await closed;
	}

	setFaults(rules: FaultRule[]): void {
		this.faults.set(rules);
	}

	/**
	 * Requests a test sends invalid on purpose through the nodes (which cannot add the
	 * EXPECT_INVALID_HEADER): marked in the exchange log until the request log is cleared.
	 */
	expectInvalid: Array<{ method: string; path: string }> = [];

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	// ----------------------------------------------------------------------------------------

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://emulator');
		const bytes = await readBody(req);
		const raw = bytes.toString('utf8');
		if (url.pathname.startsWith('/__admin/') || url.pathname === '/__admin') {
			if (this.adminHandler) return this.adminHandler(req, res, url, raw);
		}
		const graphqlHost = { core: this, storeHash: this.storeHash, isAccountToken: (t: string) => this.tokens.has(t), log: this.graphqlRequests };
		if (handleGraphql(graphqlHost, req, res, url.pathname, raw)) return;
		const m = /^\/stores\/([^/]+)\/(v2|v3)(\/.*)?$/.exec(url.pathname);
		if (!m) {
			send(res, { status: 404, body: { status: 404, title: 'Not Found: API paths look like /stores/{store_hash}/v3/...' } }, {});
			return;
		}
		const method = (req.method ?? 'GET').toUpperCase();
		const version = m[2] as Version;
		const path = `/${version}${(m[3] ?? '').replace(/\/+$/, '')}`;
		const query: Record<string, string> = {};
		for (const [k, v] of url.searchParams) query[k] = v;
		let body: unknown = undefined;
		let bodyIsJson = true;
		// A file upload is multipart/form-data: parsed into a MultipartForm, logged as its fields.
		const multipart = /^multipart\/form-data\b/i.test(String(req.headers['content-type'] ?? '')) && acceptsMultipart(method, path);
		let unreadableForm = false;
		if (multipart) {
			try {
				body = parseMultipart(bytes, String(req.headers['content-type']));
			} catch {
				unreadableForm = true;
			}
		} else if (raw.length) {
			try {
				body = JSON.parse(raw);
			} catch {
				body = raw;
				bodyIsJson = false;
			}
		}
		const logged = body instanceof MultipartForm ? multipartLogView(body) : body;
		const entry: RequestLogEntry = { method, path, query, body: logged, status: 0, time: Date.now() };
		this.requests.push(entry);
		const leave = this.inFlight.enter(method, path);
		res.once('finish', leave);
		res.once('close', leave);
		// Every exit below goes through finish (a JSON answer) or record (no JSON answer).
		const expectInvalid =
			req.headers[EXPECT_INVALID_HEADER] === '1' ||
			this.expectInvalid.some((rule) => rule.method === method && rule.path === path);
		const record = (response?: unknown) => appendExchange(entry, response, expectInvalid);
		// The answer leaves `latencyMs` after the request arrived. The store does its work within
		// that time, as a store's servers do theirs side by side: one core working through a
		// burst of requests after their latency would add a queue the real store does not have.
		let dueAt = performance.now() + this.latencyMs;
		const whenDue = async () => {
			const wait = dueAt - performance.now();
			if (wait >= 1) await this.sleep(wait);
		};
		const finish = async (reply: Reply, headers: Record<string, string> | (() => Record<string, string>)) => {
			const bytes = encode(reply);
			await whenDue();
			entry.status = reply.status;
			// The rate-limit headers as they stand when the answer leaves.
			send(res, reply, typeof headers === 'function' ? headers() : headers, bytes);
			record(reply.body);
		};

		if (m[1] !== this.storeHash) {
			return await finish(errorReply(version, 404, `Store ${m[1]} was not found.`), {});
		}

		const fault = this.faults.pick(method, path);
		if (fault) entry.fault = fault.kind;
		// Faults that hold the answer back are on top of the latency.
		if (fault?.kind === 'delay' || fault?.kind === 'stall') {
			await whenDue();
			dueAt = performance.now();
		}
		const rate = () => this.rateLimiter.headers(Date.now());
		switch (fault?.kind) {
			case '429': {
				const reset = fault.delayMs ?? 1000;
				const headers = { ...rate(), 'X-Rate-Limit-Requests-Left': '0', 'X-Rate-Limit-Time-Reset-Ms': String(reset), 'X-Retry-After': String(Math.ceil(reset / 1000)) };
				return await finish({ status: 429, body: v3Problem(429, 'Too many requests: the rate limit of this store has been reached.') }, headers);
			}
			case '429-no-headers':
				await whenDue();
				entry.status = 429;
				res.writeHead(429, { 'Content-Length': '0' });
				res.end();
				record();
				return;
			case '500':
				return await finish(errorReply(version, 500, 'Internal Server Error'), rate);
			case '503':
				return await finish(errorReply(version, 503, 'Service Unavailable: the store is temporarily unavailable.'), rate);
			case '502': {
				await whenDue();
				entry.status = 502;
				const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
				res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(html)) });
				res.end(html);
				record();
				return;
			}
			case 'reset':
				await whenDue();
				req.socket.destroy();
				record();
				return;
			case 'stall':
				await this.sleep(fault.delayMs ?? 60_000);
				req.socket.destroy();
				record();
				return;
			case 'delay':
				await this.sleep(fault.delayMs ?? 1000);
				break;
			default:
				break;
		}

		const token = req.headers['x-auth-token'];
		const scopes = typeof token === 'string' ? this.tokens.get(token) : undefined;
		if (!scopes) {
			const message = token ? 'The access token is invalid or has been revoked.' : 'Missing X-Auth-Token header: an access token is required.';
			return await finish(errorReply(version, 401, message), rate);
		}
		if (!this.rateLimiter.take(Date.now())) {
			const headers = rate();
			headers['X-Retry-After'] = String(Math.ceil(Number(headers['X-Rate-Limit-Time-Reset-Ms']) / 1000));
			return await finish({ status: 429, body: v3Problem(429, 'Too many requests: the rate limit of this store has been reached.') }, headers);
		}
		const scope = requiredScope(path);
		if (scope && !hasScope(scopes, scope, method)) {
			return await finish(errorReply(version, 403, SCOPE_DENIED), rate);
		}
		const accept = req.headers.accept;
		if (accept && !/json|\*\/\*|application\/\*/.test(accept)) {
			return await finish(errorReply(version, 406, 'Not Acceptable: answers are application/json.'), rate);
		}
		if (method === 'POST' || method === 'PUT') {
			const ct = req.headers['content-type'] ?? '';
			if (unreadableForm) return await finish(errorReply(version, 400, 'The multipart/form-data body could not be read.'), rate);
			if (!multipart && !/^application\/json\b/i.test(ct)) {
				return await finish(errorReply(version, 415, 'Unsupported Media Type: send the body as application/json.'), rate);
			}
			if (!bodyIsJson) return await finish(errorReply(version, 400, 'The request body is not valid JSON.'), rate);
		}

		const match = this.router.match(method, path);
		let reply: Reply;
		if (match.kind === 'none') reply = errorReply(version, 404, 'The requested resource was not found.');
		else if (match.kind === 'method-not-allowed') {
			reply = errorReply(version, 405, `Method ${method} is not allowed here.`);
			reply.headers = { Allow: match.allowed.join(', ') };
		} else {
			const ctx: Ctx = {
				core: this,
				method,
				path,
				version,
				query,
				body,
				params: match.params,
				clientId: clientIdFor(token as string),
				multiStatus: fault?.kind === '207',
			};
			try {
				reply = await match.handler(ctx);
			} catch (e) {
				if (e instanceof ApiError) reply = e.reply;
				else reply = errorReply(version, 500, `Emulator error: ${e instanceof Error ? e.message : String(e)}`);
			}
		}
		if (fault?.kind === 'reset-after-commit') {
			// The work is done (state changed, webhooks queued) but the client never hears back.
			await whenDue();
			req.socket.destroy();
			record();
			return;
		}
		if (fault?.kind === 'malformed-json') {
			await whenDue();
			entry.status = 200;
			const text = reply.body === undefined ? '{"data":[{"id":1,"name":"' : JSON.stringify(reply.body);
			const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
			res.writeHead(200, { ...rate(), 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(cut)) });
			res.end(cut);
			record();
			return;
		}
		await finish(reply, rate);
	}
}

/**
 * One JSON line per exchange, appended synchronously: each test worker runs its own emulators,
 * and a single small append per line keeps the workers' lines whole in the shared file.
 */
function appendExchange(entry: RequestLogEntry, response: unknown, expectInvalid: boolean): void {
	const file = process.env.BIGCOMMERCE_EMULATOR_LOG;
	if (!file) return;
	const line: Record<string, unknown> = { method: entry.method, path: entry.path, query: entry.query, body: entry.body ?? null };
	if (entry.status) line.status = entry.status;
	if (response !== undefined) line.response = response;
	if (expectInvalid) line.expectInvalid = true;
	appendFileSync(file, JSON.stringify(line) + '\n');
}

function errorReply(version: Version, status: number, message: string): Reply {
	if (version === 'v2') return (v2Error(status, message) as ApiError).reply;
	return { status, body: v3Problem(status, message) };
}

/** The answer's body, encoded once: its length is the header, and the socket writes it as it is. */
function encode(reply: Reply): Buffer | undefined {
	return reply.status === 204 || reply.body === undefined ? undefined : Buffer.from(JSON.stringify(reply.body));
}

function send(res: http.ServerResponse, reply: Reply, headers: Record<string, string>, bytes = encode(reply)): void {
	if (res.destroyed) return;
	const all: Record<string, string> = { ...headers, ...(reply.headers ?? {}) };
	if (!bytes) {
		res.writeHead(reply.status, all);
		res.end();
		return;
	}
	all['Content-Type'] = reply.contentType ?? 'application/json';
	all['Content-Length'] = String(bytes.length);
	res.writeHead(reply.status, all);
	res.end(bytes);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY) {
				req.destroy();
				reject(new Error('body too large'));
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}
