// A recording proxy on 127.0.0.1 in front of the store: the credential's API URL points at it,
// so the nodes' own requests (and the credential test's) pass through unchanged and each
// exchange is kept without its headers, hence without the access token.

import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as zlib from 'zlib';

/** One request and its answer, in the JSON Lines shape the spec checker reads (plus where it came from). */
export interface Exchange {
	/** The check that sent it. */
	step: string;
	/** 'node', 'credential test' or 'plain request'. */
	via: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	body: unknown;
	/** 0 when the store sent no answer (connection reset or refused). */
	status: number;
	response: unknown;
	/** The X-Rate-Limit-* headers of the answer, as sent. */
	rateLimit: Record<string, string>;
}

export const RATE_LIMIT_HEADERS = [
	'x-rate-limit-requests-left',
	'x-rate-limit-time-reset-ms',
	'x-rate-limit-requests-quota',
	'x-rate-limit-time-window-ms',
];

// Hop-by-hop headers are the proxy's own business; the rest goes to the store as sent.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);

function parseJson(buffer: Buffer): unknown {
	if (buffer.length === 0) return null;
	const text = buffer.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function decode(buffer: Buffer, encoding: string | undefined): Buffer {
	try {
		if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(buffer);
		if (encoding === 'br') return zlib.brotliDecompressSync(buffer);
		if (encoding === 'deflate') return zlib.inflateSync(buffer);
	} catch {
		// Recorded as it came: the client got the bytes unchanged either way.
	}
	return buffer;
}

function queryOf(url: URL): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of url.searchParams) {
		const seen = query[key];
		query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
	}
	return query;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks);
}

export class RecordingProxy {
	readonly exchanges: Exchange[] = [];
	/** Set by the runner before each check, so every exchange names the check that sent it. */
	step = '';
	via = 'node';

	private constructor(
		private readonly server: http.Server,
		private readonly target: URL,
	) {}

	/** e.g. http://127.0.0.1:43121: the API URL the credential uses during the run. */
	get url(): string {
		const { port } = this.server.address() as AddressInfo;
		return `http://127.0.0.1:${port}`;
	}

	/** Starts a proxy that forwards to `apiUrl` (https://api.bigcommerce.com or an emulator). */
	static async start(apiUrl: string): Promise<RecordingProxy> {
		const target = new URL(apiUrl.replace(/\/+$/, ''));
		let proxy: RecordingProxy | undefined;
		const server = http.createServer((req, res) => {
			proxy?.forward(req, res).catch(() => res.destroy());
		});
		proxy = new RecordingProxy(server, target);
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve());
		});
		return proxy;
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const requestBody = await readAll(req);
		const incoming = new URL(req.url ?? '/', 'http://proxy');
		const upstream = new URL(`${this.target.pathname.replace(/\/+$/, '')}${incoming.pathname}${incoming.search}`, this.target.origin);
		const headers: http.OutgoingHttpHeaders = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
		}
		if (requestBody.length) headers['content-length'] = String(requestBody.length);
		const exchange: Exchange = {
			step: this.step,
			via: this.via,
			method: req.method ?? 'GET',
			path: incoming.pathname,
			query: queryOf(incoming),
			body: parseJson(requestBody),
			status: 0,
			response: null,
			rateLimit: {},
		};
		this.exchanges.push(exchange);

		const send = upstream.protocol === 'https:' ? https.request : http.request;
		await new Promise<void>((resolve) => {
			const outgoing = send(upstream, { method: req.method, headers }, (answer) => {
				readAll(answer)
					.then((raw) => {
						exchange.status = answer.statusCode ?? 0;
						exchange.response = parseJson(decode(raw, answer.headers['content-encoding']));
						for (const name of RATE_LIMIT_HEADERS) {
							const value = answer.headers[name];
							if (value !== undefined) exchange.rateLimit[name] = String(value);
						}
						const back: http.OutgoingHttpHeaders = {};
						for (const [name, value] of Object.entries(answer.headers)) {
							if (!HOP_BY_HOP.has(name) && value !== undefined) back[name] = value;
						}
						back['content-length'] = String(raw.length);
						res.writeHead(exchange.status, back);
						res.end(raw);
					})
					// The store dropped the connection mid-answer: so does the proxy, as the store would.
					.catch(() => res.destroy())
					.finally(resolve);
			});
			outgoing.on('error', () => {
				res.destroy();
				resolve();
			});
			outgoing.end(requestBody);
		});
	}
}
