import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { version } from '../../../package.json';
import { storeUrlFromCredentials, type RequestContext } from './connection';
import { toNetworkError, toNodeApiError, toUnreadableAnswerError } from './errors';
import { isAbort, networkReason, timedOut } from './networkFailures';
import { MAX_RATE_LIMIT_RETRIES, readRateLimit, transientBackoff, waitAfter429 } from './rateLimit';
import { runConcurrencyLimit } from './runOptions';
import { schedulerFor } from './scheduler';

interface BigCommerceRequest {
	method: IHttpRequestMethods;
	/** Path below the store, starting with /v2/ or /v3/, e.g. /v3/catalog/products */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** Statuses the caller handles itself instead of an error (e.g. 404 on a lookup). */
	allowStatuses?: number[];
	/** Wall-clock deadline of each try, from sending to the last byte of the answer. */
	timeoutMs?: number;
	/** The longest this request may wait for the rate limit (429s and quota pauses together). */
	maxWaitMs?: number;
}

interface BigCommerceResponse<T = unknown> {
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
// The largest answer read: a 250-record page with every include is a few MB; a faulty server
// or proxy streaming without end must not fill n8n's memory.
const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
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

class ResponseTooLarge extends Error {}

/**
 * Reads the answer, streamed so that its size can be capped while it arrives (n8n's request
 * helper lets axios read any size). Stops at the try's deadline too, since the answer's bytes
 * may arrive slowly enough never to trip an idle timeout.
 */
async function readBody(body: unknown, deadline: AbortSignal): Promise<unknown> {
	if (!body || typeof body !== 'object' || !(Symbol.asyncIterator in body)) return body;
	const stream = body as AsyncIterable<Buffer | string> & { destroy?: (error?: Error) => void };
	const stopAtDeadline = () => stream.destroy?.(new Error('deadline'));
	deadline.addEventListener('abort', stopAtDeadline, { once: true });
	try {
		if (deadline.aborted) stopAtDeadline();
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of stream) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += bytes.length;
			if (size > MAX_RESPONSE_BYTES) {
				stream.destroy?.();
				throw new ResponseTooLarge();
			}
			chunks.push(bytes);
		}
		return Buffer.concat(chunks).toString('utf8');
	} finally {
		deadline.removeEventListener('abort', stopAtDeadline);
	}
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
	const storeUrl = storeUrlFromCredentials(this, credentials);
	const host = new URL(storeUrl).host;

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
		// Streamed, so that readBody can cap the answer's size.
		encoding: 'stream',
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	if (qs && Object.keys(qs).length) options.qs = qs;
	if (body !== undefined) options.body = body;

	const secrets = [credentials.accessToken, credentials.clientSecret].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxWaitMs = request.maxWaitMs ?? MAX_RATE_LIMIT_WAIT_MS;
	const cancel = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal() : undefined;

	const scheduler = schedulerFor(storeUrl);
	const runLimit = runConcurrencyLimit(this);

	let attempt = 0;
	let rateLimited = 0;
	let rateLimitWaited = 0;
	for (;;) {
		attempt++;
		// The store's scheduler: a place among the requests in flight the endpoint allows, and
		// the request's turn in the window's quota.
		const slot = await scheduler.acquire({
			method,
			path,
			runLimit,
			cancel,
			maxQuotaWaitMs: Math.max(0, maxWaitMs - rateLimitWaited),
		});
		// n8n's timeout only notices silence, so a server sending a byte now and then holds a
		// request forever: each try gets a deadline, and the user's cancel still stops it.
		const deadline = AbortSignal.timeout(timeoutMs);
		const attemptAbort = new AbortController();
		const stopAttempt = () => attemptAbort.abort();
		deadline.addEventListener('abort', stopAttempt, { once: true });
		cancel?.addEventListener('abort', stopAttempt, { once: true });
		if (cancel?.aborted) stopAttempt();
		const signal = attemptAbort.signal;
		let response!: { statusCode: number; body: unknown; headers: unknown };
		let raw: unknown;
		let answeredStatus = 0;
		let retryAfterMs: number | undefined;
		let answered = false;
		try {
			// n8n-core sets the request's abortSignal from getExecutionCancelSignal(), so the
			// helper is given a view of this context whose cancel signal includes the deadline.
			const context = Object.create(this, { getExecutionCancelSignal: { value: () => signal } }) as RequestContext;
			response = await this.helpers.httpRequestWithAuthentication.call(context, 'bigCommerceApi', {
				...options,
				headers: { ...options.headers },
				abortSignal: signal,
			});
			answeredStatus = Number(response.statusCode);
			raw = await readBody(response.body, signal);
			answered = true;
		} catch (error) {
			if (error instanceof ResponseTooLarge) {
				throw toUnreadableAnswerError(node, {
					method,
					path,
					itemIndex,
					statusCode: answeredStatus,
					reason: `it is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB`,
					ambiguous: !isRepeatable(method),
				});
			}
			const pastDeadline = deadline.aborted && !cancel?.aborted;
			const { reason, sent, hint, final } = pastDeadline
				? { ...networkReason({ code: 'ETIMEDOUT' }, timeoutMs, host), reason: timedOut(timeoutMs) }
				: networkReason(error, timeoutMs, host);
			if (!final && (pastDeadline || !isAbort(error)) && (isRepeatable(method) || !sent) && attempt < MAX_TRANSIENT_ATTEMPTS) {
				retryAfterMs = transientBackoff(attempt);
			} else {
				throw toNetworkError(node, {
					method,
					path,
					itemIndex,
					attempts: attempt,
					reason,
					hint,
					ambiguous: sent && !isRepeatable(method),
				});
			}
		} finally {
			deadline.removeEventListener('abort', stopAttempt);
			cancel?.removeEventListener('abort', stopAttempt);
			// Closes whatever is left of this try's connection (nothing after a complete answer).
			stopAttempt();
			// An answer read gives its place back once its headers are read, below.
			if (!answered) slot.release();
		}
		if (retryAfterMs !== undefined) {
			await sleep(retryAfterMs);
			continue;
		}

		const statusCode = Number(response.statusCode);
		const headers = lowercaseKeys(response.headers);
		const rateLimit = readRateLimit(headers);
		slot.observe(rateLimit, statusCode === 429);
		slot.release();
		const parsed = parseBody(raw, statusCode);

		if (statusCode === 429) {
			// A 429 is refused before processing, so even a POST may be sent again.
			rateLimited++;
			const wait = waitAfter429(rateLimit, rateLimited);
			if (rateLimited <= MAX_RATE_LIMIT_RETRIES && rateLimitWaited + wait <= maxWaitMs) {
				rateLimitWaited += wait;
				await sleep(wait);
				continue;
			}
			throw toNodeApiError(node, { method, path, statusCode, body: parsed, itemIndex, attempts: attempt, secrets });
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
			throw toNodeApiError(node, { method, path, statusCode, body: parsed, itemIndex, attempts: attempt, ambiguous, secrets });
		}
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
