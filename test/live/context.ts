// What every live check works with: the store's settings, the node runner pointed at the
// recording proxy, plain requests for reads that have no node operation, and the failure
// type that carries the request, what the pack expected and what the store answered.

import axios from 'axios';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type TestCredentials } from '../helpers/workflow';
import type { Exchange, RecordingProxy } from './proxy';

export interface LiveSettings {
	storeHash: string;
	accessToken: string;
	clientSecret: string;
	/** The store's API URL (the proxy forwards there). */
	apiUrl: string;
}

/** A named check: it passes unless it throws; the text it returns is shown beside it. */
export interface Step {
	name: string;
	run: () => Promise<string | void>;
}

/** A check that cannot apply to this store (e.g. no product has variants): neither passed nor failed. */
export class Skip extends Error {}

/** A check that failed, with what the pack expected; the runner adds the request and the answer. */
export class CheckFailure extends Error {
	constructor(
		readonly expected: string,
		readonly exchange?: Exchange,
	) {
		super(expected);
	}
}

export function expectThat(condition: unknown, expected: string, exchange?: Exchange): asserts condition {
	if (!condition) throw new CheckFailure(expected, exchange);
}

export interface PlainAnswer {
	status: number;
	body: unknown;
	headers: Record<string, string>;
}

export class LiveContext {
	/** Facts found by earlier checks that later ones use (a product ID, the store's name...). */
	readonly found: IDataObject = {};

	constructor(
		readonly settings: LiveSettings,
		readonly proxy: RecordingProxy,
		readonly runId: string,
	) {}

	/** The credential as the nodes get it: the store's hash and token, the proxy as API URL. */
	get credentials(): TestCredentials {
		return {
			storeHash: this.settings.storeHash,
			accessToken: this.settings.accessToken,
			clientSecret: this.settings.clientSecret,
			apiUrl: this.proxy.url,
		};
	}

	/** Runs the BigCommerce action node through WorkflowExecute; a node error fails the check. */
	async node(parameters: INodeParameters, input?: IDataObject[]): Promise<IDataObject[]> {
		this.proxy.via = 'node';
		const result = await runNode(parameters, { credentials: this.credentials, input });
		if (result.error) {
			const { message, description, httpCode } = result.error;
			throw new CheckFailure(
				`the node to succeed; it stopped with${httpCode ? ` HTTP ${httpCode}:` : ''} ${message}${description ? ` (${description})` : ''}`,
			);
		}
		return result.items.map((item) => item.json);
	}

	/** One authenticated request outside the nodes, through the same proxy (and so recorded). */
	async plain(method: string, path: string, options: { qs?: IDataObject; body?: unknown } = {}): Promise<PlainAnswer> {
		this.proxy.via = 'plain request';
		const response = await axios.request({
			method,
			baseURL: `${this.proxy.url}/stores/${this.settings.storeHash}`,
			url: path,
			params: options.qs,
			data: options.body,
			headers: {
				'X-Auth-Token': this.settings.accessToken,
				Accept: 'application/json',
				...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
			},
			maxRedirects: 0,
			validateStatus: () => true,
			transformResponse: (raw: unknown) => {
				if (typeof raw !== 'string' || raw === '') return raw === '' ? null : raw;
				try {
					return JSON.parse(raw);
				} catch {
					return raw;
				}
			},
		});
		return { status: response.status, body: response.data, headers: response.headers as Record<string, string> };
	}

	/** The exchanges the current check has sent so far. */
	exchanges(): Exchange[] {
		return this.proxy.exchanges.filter((exchange) => exchange.step === this.proxy.step);
	}

	/** The latest exchange of the current check (for a plain request: its own). */
	last(): Exchange | undefined {
		const list = this.exchanges();
		return list[list.length - 1];
	}

	/** Plain request that must answer `status`; returns its body. */
	async plainExpect(status: number, method: string, path: string, options: { qs?: IDataObject; body?: unknown } = {}): Promise<unknown> {
		const answer = await this.plain(method, path, options);
		expectThat(answer.status === status, `HTTP ${status}`, this.last());
		return answer.body;
	}
}

/** The request of an exchange as one line: GET /stores/abc/v3/catalog/products?limit=2 */
export function requestLine(exchange: Exchange): string {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(exchange.query)) {
		for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
	}
	const qs = query.toString();
	const body = exchange.body === null ? '' : ` ${truncate(JSON.stringify(exchange.body), 300)}`;
	return `${exchange.method} ${exchange.path}${qs ? `?${decodeURIComponent(qs)}` : ''}${body}`;
}

/** The answer of an exchange as one line: 404 {"status":404,...} */
export function answerLine(exchange: Exchange): string {
	if (exchange.status === 0) return 'no answer (the connection was closed)';
	const body = exchange.response === null ? '(no body)' : truncate(JSON.stringify(exchange.response), 500);
	return `${exchange.status} ${body}`;
}

function truncate(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;
}
