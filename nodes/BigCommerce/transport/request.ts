import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { version } from '../../../package.json';
import { connectionFromCredentials, type RequestContext } from './connection';
import { toNetworkError, toNodeApiError } from './errors';
import { pauseBeforeQuotaRunsOut, readRateLimit, transientBackoff, waitAfter429 } from './rateLimit';

export interface BigCommerceRequest {
	method: IHttpRequestMethods;
	/** Path below the store, starting with /v2/ or /v3/, e.g. /v3/catalog/products */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** Statuses the caller handles itself instead of an error (e.g. 404 on a lookup). */
	allowStatuses?: number[];
	timeoutMs?: number;
}

export interface BigCommerceResponse<T = unknown> {
	statusCode: number;
	body: T;
	headers: IDataObject;
}

const USER_AGENT = `n8n-nodes-bigcommerce/${version}`;
const DEFAULT_TIMEOUT_MS = 60_000;
// Transient 5xx, resets and timeouts: at most this many tries of a repeatable request.
const MAX_TRANSIENT_ATTEMPTS = 5;
// 429s: keep waiting out the quota, but give up after this much waiting for one request.
const MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;
const SAFE_PATH = /^\/v[23]\/[A-Za-z0-9_/-]+$/;

function isRepeatable(method: IHttpRequestMethods): boolean {
	// PUT and DELETE set absolute state, so sending them twice is harmless; POST creates.
	return method === 'GET' || method === 'HEAD' || method === 'PUT' || method === 'DELETE';
}

function lowercaseKeys(headers: unknown): IDataObject {
	const out: IDataObject = {};
	if (headers && typeof headers === 'object') {
		for (const [key, value] of Object.entries(headers as IDataObject)) out[key.toLowerCase()] = value;
	}
	return out;
}

const MALFORMED = Symbol('malformed');

/** v2 answers 204 with no body; a body that is not JSON is a transport fault. */
function parseBody(raw: unknown, statusCode: number): unknown {
	if (statusCode === 204 || raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch {
		return MALFORMED;
	}
}

function networkReason(error: unknown): { reason: string; sent: boolean } {
	const err = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
	const code = err?.cause?.code ?? err?.code;
	const raw = `${err?.cause?.message ?? ''} ${err?.message ?? ''}`;
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(raw)) {
		return { reason: 'the request timed out', sent: true };
	}
	if (code === 'ECONNREFUSED') return { reason: 'the connection was refused', sent: false };
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { reason: 'the host name could not be resolved', sent: false };
	if (code === 'ECONNRESET' || /socket hang up|ECONNRESET/i.test(raw)) {
		return { reason: 'the connection was reset', sent: true };
	}
	return { reason: code ? `network failure (${code})` : 'network failure', sent: true };
}

function isAbort(error: unknown): boolean {
	const err = error as { name?: string; code?: string; cause?: { name?: string; code?: string } };
	return [err?.name, err?.code, err?.cause?.name, err?.cause?.code].some(
		(v) => v === 'AbortError' || v === 'CanceledError' || v === 'ERR_CANCELED',
	);
}

/**
 * The one function that talks to BigCommerce: builds the URL from the credential, sends JSON,
 * honours the rate-limit headers, retries what is safe to retry and maps failures to errors
 * in BigCommerce's own words.
 */
export async function bigCommerceRequest<T = unknown>(
	this: RequestContext,
	request: BigCommerceRequest,
): Promise<BigCommerceResponse<T>> {
	const { method, path, qs, body, itemIndex } = request;
	const node = this.getNode();
	if (!SAFE_PATH.test(path) || path.includes('..')) {
		throw new NodeOperationError(node, `Refusing to call an unsafe API path: ${path}`, { itemIndex });
	}
	const credentials = await this.getCredentials('bigCommerceApi');
	const { storeUrl } = connectionFromCredentials(this, credentials);

	const options: IHttpRequestOptions = {
		method,
		url: `${storeUrl}${path}`,
		headers: {
			Accept: 'application/json',
			'User-Agent': USER_AGENT,
			...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
		},
		json: true,
		// BigCommerce's API does not redirect; following one could carry X-Auth-Token elsewhere.
		disableFollowRedirect: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	if (qs && Object.keys(qs).length) options.qs = qs;
	if (body !== undefined) options.body = body;

	let attempt = 0;
	let rateLimitWaited = 0;
	for (;;) {
		attempt++;
		let response: { statusCode: number; body: unknown; headers: unknown };
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, 'bigCommerceApi', {
				...options,
				headers: { ...options.headers },
			});
		} catch (error) {
			const { reason, sent } = networkReason(error);
			if (!isAbort(error) && (isRepeatable(method) || !sent) && attempt < MAX_TRANSIENT_ATTEMPTS) {
				await sleep(transientBackoff(attempt));
				continue;
			}
			throw toNetworkError(node, {
				method,
				path,
				itemIndex,
				attempts: attempt,
				reason,
				ambiguous: sent && !isRepeatable(method),
			});
		}

		const statusCode = Number(response.statusCode);
		const headers = lowercaseKeys(response.headers);
		const rateLimit = readRateLimit(headers);
		const parsed = parseBody(response.body, statusCode);

		if (statusCode === 429) {
			// A 429 is refused before processing, so even a POST may be sent again.
			const wait = waitAfter429(rateLimit, attempt);
			if (rateLimitWaited + wait <= MAX_RATE_LIMIT_WAIT_MS) {
				rateLimitWaited += wait;
				await sleep(wait);
				continue;
			}
			throw toNodeApiError(node, { method, path, statusCode, body: parsed, itemIndex, attempts: attempt });
		}

		const transient = statusCode >= 500 || parsed === MALFORMED;
		if (transient && isRepeatable(method) && attempt < MAX_TRANSIENT_ATTEMPTS) {
			await sleep(transientBackoff(attempt));
			continue;
		}
		// A request that is not repeated may have been applied when the answer is a 5xx or a
		// success that cannot be read; a 4xx refused it.
		const ambiguous = !isRepeatable(method) && (statusCode >= 500 || (parsed === MALFORMED && statusCode < 400));
		if (parsed === MALFORMED) {
			throw toNodeApiError(node, {
				method,
				path,
				statusCode: statusCode >= 400 ? statusCode : 502,
				body: { title: 'BigCommerce sent a response that is not valid JSON' },
				itemIndex,
				attempts: attempt,
				ambiguous,
			});
		}
		if (statusCode >= 300 && !request.allowStatuses?.includes(statusCode)) {
			throw toNodeApiError(node, { method, path, statusCode, body: parsed, itemIndex, attempts: attempt, ambiguous });
		}

		const pause = pauseBeforeQuotaRunsOut(rateLimit);
		if (pause > 0) await sleep(pause);
		return { statusCode, body: parsed as T, headers };
	}
}

/**
 * The response body only: a v3 envelope { data, meta } or a v2 bare object (a v2 list is
 * an array: read it with bigCommerceRequest). A 204 gives an empty object.
 */
export async function bigCommerceApiRequest(
	this: RequestContext,
	request: BigCommerceRequest,
): Promise<IDataObject> {
	const response = await bigCommerceRequest.call(this, request);
	return (response.body ?? {}) as IDataObject;
}
