import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { version } from '../../../package.json';
import { storeUrlFromCredentials, type RequestContext } from './connection';
import { toNetworkError, toNodeApiError, toUnreadableAnswerError } from './errors';
import { isAbort, networkReason, timedOut } from './networkFailures';
import { MAX_RATE_LIMIT_RETRIES, readRateLimit, transientBackoff, waitAfter429 } from './rateLimit';
import { runConcurrencyLimit } from './runOptions';
import { schedulerFor, type Slot, type StoreScheduler } from './scheduler';

export interface BigCommerceRequest {
	method: IHttpRequestMethods;
	/** Path below the store, starting with /v2/ or /v3/, e.g. /v3/catalog/products */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** A body sent as given instead of JSON, e.g. a multipart/form-data file upload. */
	rawBody?: { content: Buffer; contentType: string };
	itemIndex?: number;
	/** Statuses the caller handles itself instead of an error (e.g. 404 on a lookup). */
	allowStatuses?: number[];
	/** Wall-clock deadline of each try, from sending to the last byte of the answer. */
	timeoutMs?: number;
	/** The longest this request may wait for the rate limit (429s and quota pauses together). */
	maxWaitMs?: number;
	/**
	 * Whether sending it twice is harmless; by default GET, HEAD, PUT and DELETE are and POST is
	 * not. A POST that creates nothing (a GraphQL query, a refund quote) may say so.
	 */
	repeatable?: boolean;
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
// The largest answer read: a 250-record page with every include is a few MB; a faulty server
// or proxy streaming without end must not fill n8n's memory.
const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
// API paths, and the store's GraphQL Admin endpoint.
const SAFE_PATH = /^(\/v[23]\/[A-Za-z0-9_/-]+|\/graphql)$/;

function repeatableMethod(method: IHttpRequestMethods): boolean {
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
		return Buffer.concat(chunks, size).toString('utf8');
	} finally {
		deadline.removeEventListener('abort', stopAtDeadline);
	}
}

/** Where one exchange goes and how it is sent: the store's API with the credential, or a storefront. */
interface Destination {
	url: string;
	/** Host named in network failures. */
	host: string;
	/** Values removed from any server text an error quotes. */
	secrets: string[];
	/** Extra request headers, e.g. a storefront token. */
	headers?: Record<string, string>;
	/** The store's scheduler, for the store's API; a storefront has quotas of its own. */
	scheduler?: StoreScheduler;
	send: (options: IHttpRequestOptions) => Promise<{ statusCode: number; body: unknown; headers: unknown }>;
}

/** The place of a request no scheduler counts. */
const UNSCHEDULED: Slot = { observe: () => undefined, release: () => undefined };

/**
 * The one retry loop: sends JSON, honours the rate-limit headers, retries what is safe to retry
 * and maps failures to errors in BigCommerce's own words.
 */
async function exchange<T>(
	context: RequestContext,
	destination: Destination,
	request: BigCommerceRequest,
): Promise<BigCommerceResponse<T>> {
	const { method, path, qs, body, rawBody, itemIndex } = request;
	const node = context.getNode();
	const { host, secrets } = destination;
	const repeatable = request.repeatable ?? repeatableMethod(method);

	const options: IHttpRequestOptions = {
		method,
		url: destination.url,
		headers: {
			Accept: 'application/json',
			'User-Agent': USER_AGENT,
			...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
			...destination.headers,
			...(rawBody ? { 'Content-Type': rawBody.contentType } : {}),
		},
		json: true,
		// BigCommerce's API does not redirect; following one could carry a token elsewhere.
		disableFollowRedirect: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Streamed, so that readBody can cap the answer's size.
		encoding: 'stream',
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	if (qs && Object.keys(qs).length) options.qs = qs;
	// Serialised once, before the wait for a place in the scheduler: a request queued behind
	// another is ready to leave the moment that one is answered, and a retry sends the same bytes.
	if (body !== undefined) options.body = Buffer.from(JSON.stringify(body));
	if (rawBody) options.body = rawBody.content;

	const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxWaitMs = request.maxWaitMs ?? MAX_RATE_LIMIT_WAIT_MS;
	const cancel = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;

	const { scheduler } = destination;
	const runLimit = runConcurrencyLimit(context);

	let attempt = 0;
	let rateLimited = 0;
	let rateLimitWaited = 0;
	for (;;) {
		attempt++;
		// The store's scheduler: a place among the requests in flight the endpoint allows, and
		// the request's turn in the window's quota.
		const slot = !scheduler
			? UNSCHEDULED
			: await scheduler.acquire({
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
			response = await destination.send({ ...options, headers: { ...options.headers }, abortSignal: signal });
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
					ambiguous: !repeatable,
				});
			}
			const pastDeadline = deadline.aborted && !cancel?.aborted;
			const { reason, sent, hint, final } = pastDeadline
				? { ...networkReason({ code: 'ETIMEDOUT' }, timeoutMs, host), reason: timedOut(timeoutMs) }
				: networkReason(error, timeoutMs, host);
			if (!final && (pastDeadline || !isAbort(error)) && (repeatable || !sent) && attempt < MAX_TRANSIENT_ATTEMPTS) {
				retryAfterMs = transientBackoff(attempt);
			} else {
				throw toNetworkError(node, {
					method,
					path,
					itemIndex,
					attempts: attempt,
					reason,
					hint,
					ambiguous: sent && !repeatable,
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
		if (transient && repeatable && attempt < MAX_TRANSIENT_ATTEMPTS) {
			await sleep(transientBackoff(attempt));
			continue;
		}
		// A request that is not repeated may have been applied when the answer is a 5xx or a
		// success that cannot be read; a 4xx refused it.
		const ambiguous = !repeatable && (statusCode >= 500 || (parsed === MALFORMED && statusCode < 400));
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
 * The one function that talks to the store's API: builds the URL from the credential and
 * sends through n8n's authenticated request helper (see exchange).
 */
export async function bigCommerceRequest<T = unknown>(
	this: RequestContext,
	request: BigCommerceRequest,
): Promise<BigCommerceResponse<T>> {
	const { path, itemIndex } = request;
	if (!SAFE_PATH.test(path) || path.includes('..')) {
		throw new NodeOperationError(this.getNode(), `Refusing to call an unsafe API path: ${path}`, { itemIndex });
	}
	const credentials = await this.getCredentials('bigCommerceApi');
	const storeUrl = storeUrlFromCredentials(this, credentials);
	const secrets = [credentials.accessToken, credentials.clientSecret].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	const send = async (options: IHttpRequestOptions) => {
		// n8n-core sets the request's abortSignal from getExecutionCancelSignal(), so the
		// helper is given a view of this context whose cancel signal includes the deadline.
		const signal = options.abortSignal;
		const context = Object.create(this, { getExecutionCancelSignal: { value: () => signal } }) as RequestContext;
		return await this.helpers.httpRequestWithAuthentication.call(context, 'bigCommerceApi', options);
	};
	return await exchange<T>(
		this,
		{ url: `${storeUrl}${path}`, host: new URL(storeUrl).host, secrets, scheduler: schedulerFor(storeUrl), send },
		request,
	);
}

/**
 * A request to an absolute URL outside the store's API (a channel's storefront), with the
 * given headers and none of the credential's: the same retries, limits and error words.
 */
export async function absoluteUrlRequest<T = unknown>(
	this: RequestContext,
	target: { url: string; headers: Record<string, string>; secrets: string[] },
	request: BigCommerceRequest,
): Promise<BigCommerceResponse<T>> {
	const send = async (options: IHttpRequestOptions) => {
		const signal = options.abortSignal;
		const context = Object.create(this, { getExecutionCancelSignal: { value: () => signal } }) as RequestContext;
		return await this.helpers.httpRequest.call(context, options);
	};
	return await exchange<T>(
		this,
		{ url: target.url, host: new URL(target.url).host, secrets: target.secrets, headers: target.headers, send },
		request,
	);
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

/**
 * Which store and API account the credential is: a key for what may be kept between requests
 * for this credential only (a minted storefront token), holding no secret itself.
 */
export async function credentialKey(this: RequestContext): Promise<string> {
	const credentials = await this.getCredentials('bigCommerceApi');
	const storeUrl = storeUrlFromCredentials(this, credentials);
	const account = createHash('sha256').update(String(credentials.accessToken ?? '')).digest('base64');
	return `${storeUrl} ${account}`;
}
