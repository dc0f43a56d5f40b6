import type { IDataObject, IHttpRequestMethods, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeScope } from './scopes';

interface FailedCall {
	method: IHttpRequestMethods;
	path: string;
	statusCode: number;
	body: unknown;
	itemIndex?: number;
	attempts?: number;
	/** The request may still have been applied (see outcomeUnknown). */
	ambiguous?: boolean;
	/** The credential's token and client secret: removed from any server text the error quotes. */
	secrets?: string[];
}

const REDACTED = '[redacted]';

function secretForms(secrets: string[] | undefined): string[] {
	const forms = new Set<string>();
	// A very short value would blank out ordinary words; real tokens are long.
	for (const secret of secrets ?? []) {
		if (typeof secret !== 'string' || secret.length < 6) continue;
		forms.add(secret);
		forms.add(encodeURIComponent(secret));
		forms.add(Buffer.from(secret).toString('base64'));
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * A proxy or a misconfigured server may echo the request, X-Auth-Token included, into its
 * error body: every string taken from a response passes through here before it reaches an error.
 */
function redactSecrets<T>(value: T, secrets: string[] | undefined): T {
	const forms = secretForms(secrets);
	if (!forms.length) return value;
	const clean = (v: unknown): unknown => {
		if (typeof v === 'string') return forms.reduce((text, form) => text.split(form).join(REDACTED), v);
		if (Array.isArray(v)) return v.map(clean);
		if (v && typeof v === 'object') {
			return Object.fromEntries(Object.entries(v as IDataObject).map(([key, item]) => [clean(key) as string, clean(item)]));
		}
		return v;
	};
	return clean(value) as T;
}

// Only transport marks an error `context.outcomeUnknown`, because only it knows what was sent.
function marked(error: NodeApiError, ambiguous: boolean | undefined): NodeApiError {
	if (ambiguous) error.context.outcomeUnknown = true;
	return error;
}

/**
 * Whether BigCommerce may have applied the failed request although it reported a failure: a
 * request that is not safe to repeat (POST) was sent and then its connection failed, or it was
 * answered with a 5xx or an unreadable success. Such a request is never sent again by transport:
 * the caller checks the store first (see actions/common/createOnce.ts). A refusal (4xx, 429), a
 * connection that never carried the request, and any failure of a repeatable request are not.
 */
export function outcomeUnknown(error: unknown): boolean {
	return (error as { context?: IDataObject } | null)?.context?.outcomeUnknown === true;
}

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}

function fieldErrors(errors: unknown): string[] {
	if (!errors || typeof errors !== 'object') return [];
	// A list of { message } (GraphQL's shape) reads as its messages.
	if (Array.isArray(errors)) {
		return errors.map((entry) => (entry && typeof entry === 'object' && 'message' in entry ? text((entry as IDataObject).message) : text(entry))).filter(Boolean);
	}
	return Object.entries(errors as IDataObject).map(([field, message]) => `${field}: ${text(message)}`);
}

/**
 * Reads BigCommerce's own words from either error shape: v2 answers an array of
 * { status, message, details }, v3 an object { status, title, errors: { field: message } },
 * and batch variant writes { batch_errors: [...] }.
 */
export function readBigCommerceError(body: unknown): { message?: string; details: string[] } {
	if (Array.isArray(body)) {
		const messages = body
			.map((entry) => (entry && typeof entry === 'object' ? text((entry as IDataObject).message) : text(entry)))
			.filter(Boolean);
		const details = body.flatMap((entry) =>
			entry && typeof entry === 'object' && (entry as IDataObject).details
				? fieldErrors((entry as IDataObject).details)
				: [],
		);
		return { message: messages.join(' ') || undefined, details };
	}
	if (body && typeof body === 'object') {
		const data = body as IDataObject;
		if (Array.isArray(data.batch_errors)) {
			const nested = data.batch_errors.map((entry) => readBigCommerceError(entry));
			return {
				message: nested.map((n) => n.message).filter(Boolean).join(' ') || undefined,
				details: nested.flatMap((n) => n.details),
			};
		}
		// Payment actions answer some refusals as { data: [{ status, title }] }.
		if (Array.isArray(data.data) && !data.title && !data.message) {
			const nested = data.data.map((entry) => readBigCommerceError(entry));
			const message = nested.map((n) => n.message).filter(Boolean).join(' ');
			if (message) return { message, details: nested.flatMap((n) => n.details) };
		}
		const message = text(data.title) || text(data.message) || text(data.error) || undefined;
		return { message, details: fieldErrors(data.errors) };
	}
	if (typeof body === 'string' && body.trim() !== '' && body.length < 500) {
		return { message: body.trim(), details: [] };
	}
	return { details: [] };
}

// BigCommerce answers 404 for any path below a store hash it does not know, naming the store
// rather than a record: that is a wrong credential, not a missing record.
const STORE_NOT_FOUND = /\bstore\b[^.]*\b(not found|does not exist|doesn't exist)\b/i;

function headline(call: FailedCall, bcMessage?: string): { message: string; hint?: string } {
	const { statusCode, method, path } = call;
	switch (statusCode) {
		case 400:
			return { message: `BigCommerce refused the request: ${bcMessage ?? 'bad request'}` };
		case 401:
			return {
				message: 'BigCommerce refused the access token',
				hint: 'Check the Access Token in the BigCommerce API credential: it must belong to a store-level API account of this store.',
			};
		case 403: {
			const scope = describeScope(path, method);
			return {
				message: 'The API account is not allowed to do this',
				hint: scope
					? `Give the store-level API account the ${scope}. Scopes cannot be changed later: create a new API account with it.`
					: 'Give the store-level API account the scope this resource needs.',
			};
		}
		case 404:
			if (bcMessage && STORE_NOT_FOUND.test(bcMessage)) {
				return {
					message: 'No store found at the credential\'s Store Hash',
					hint: 'Check the Store Hash in the BigCommerce API credential: use the hash from the API account\'s API path, e.g. abc123 in https://api.bigcommerce.com/stores/abc123/v3/.',
				};
			}
			return {
				message: `Not found: ${bcMessage ?? 'the requested record does not exist'}`,
				hint: 'Check the ID. The record may have been deleted, or belong to another store.',
			};
		case 409:
			return {
				message: `Conflict: ${bcMessage ?? 'the record conflicts with an existing one'}`,
				hint: 'Names and SKUs must be unique (SKUs across products and variants, ignoring letter case), and referenced categories, brands and tax classes must exist.',
			};
		case 413:
			return {
				message: `Too much in one request: ${bcMessage ?? 'a limit or batch size was exceeded'}`,
			};
		case 422:
			return { message: `Invalid data: ${bcMessage ?? 'BigCommerce could not process the record'}` };
		case 429:
			return {
				message: 'BigCommerce\'s rate limit was still exceeded after waiting',
				hint: 'The store\'s request quota is shared with its other apps. Run the workflow later or with fewer items at a time.',
			};
		case 507:
			return { message: `The store's plan limit was reached: ${bcMessage ?? ''}`.trim() };
		default:
			if (statusCode >= 300 && statusCode < 400) {
				return {
					message: `The API URL answered with a redirect (${statusCode}), which is not followed`,
					hint: 'BigCommerce\'s API never redirects. Check the API URL in the BigCommerce API credential: leave it as https://api.bigcommerce.com unless you use a proxy.',
				};
			}
			if (statusCode >= 500) {
				return {
					message: `BigCommerce is not answering properly (${statusCode})${call.attempts && call.attempts > 1 ? ` after ${call.attempts} attempts` : ''}`,
					hint: 'BigCommerce or the network had a temporary fault. Try again in a few minutes.',
				};
			}
			return { message: `BigCommerce answered ${statusCode}${bcMessage ? `: ${bcMessage}` : ''}` };
	}
}

/** Turns a failed call into a NodeApiError in plain words, built only from the response body. */
export function toNodeApiError(node: INode, failed: FailedCall): NodeApiError {
	const call = { ...failed, body: redactSecrets(failed.body, failed.secrets) };
	const { message: bcMessage, details } = readBigCommerceError(call.body);
	const { message, hint } = headline(call, bcMessage);
	const description = [
		details.length ? details.join('; ') : undefined,
		bcMessage && !message.includes(bcMessage) ? `BigCommerce says: ${bcMessage}` : undefined,
		hint,
		`${call.method} ${call.path}`,
	]
		.filter(Boolean)
		.join('\n');
	const response: JsonObject = {
		message,
		description,
		httpCode: String(call.statusCode),
		// Only the body: request headers (and so the access token) never enter an error.
		body: (call.body ?? null) as JsonObject,
	};
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: String(call.statusCode),
		itemIndex: call.itemIndex,
	});
	return marked(error, call.ambiguous);
}

/** A failure with no BigCommerce answer to quote: the error carries only our own words. */
function failureWithoutAnswer(
	node: INode,
	failure: { message: string; description: string; httpCode?: string; itemIndex?: number; ambiguous: boolean },
): NodeApiError {
	const { message, description, httpCode, itemIndex } = failure;
	const error = new NodeApiError(node, { message, description } as JsonObject, {
		message,
		description,
		...(httpCode ? { httpCode } : {}),
		itemIndex,
	});
	return marked(error, failure.ambiguous);
}

export function toNetworkError(
	node: INode,
	call: {
		method: IHttpRequestMethods;
		path: string;
		itemIndex?: number;
		attempts: number;
		reason: string;
		/** What to check, naming the credential field; a general check of the API URL otherwise. */
		hint?: string;
		ambiguous: boolean;
	},
): NodeApiError {
	const message = `Could not reach BigCommerce: ${call.reason}`;
	const description = [
		call.ambiguous
			? 'The connection failed after the request was sent, so BigCommerce may or may not have saved it. Check the store before running this item again.'
			: `${call.hint ?? 'Check the network and the API URL in the BigCommerce API credential (https://api.bigcommerce.com unless you use a proxy), then try again.'} Tried ${call.attempts} time${call.attempts === 1 ? '' : 's'}.`,
		`${call.method} ${call.path}`,
	].join('\n');
	return failureWithoutAnswer(node, { message, description, itemIndex: call.itemIndex, ambiguous: call.ambiguous });
}

/** An answer that arrived but was not read (too large to hold). */
export function toUnreadableAnswerError(
	node: INode,
	call: { method: IHttpRequestMethods; path: string; itemIndex?: number; statusCode: number; reason: string; ambiguous: boolean },
): NodeApiError {
	const message = `The answer from the API URL was not read: ${call.reason}`;
	const description = [
		call.ambiguous ? 'The request was sent, so BigCommerce may or may not have saved it. Check the store before running this item again.' : undefined,
		'BigCommerce\'s answers are far smaller. Check the API URL in the BigCommerce API credential (https://api.bigcommerce.com unless you use a proxy).',
		`${call.method} ${call.path}`,
	]
		.filter(Boolean)
		.join('\n');
	return failureWithoutAnswer(node, {
		message,
		description,
		httpCode: String(call.statusCode),
		itemIndex: call.itemIndex,
		ambiguous: call.ambiguous,
	});
}

/**
 * A list whose next page does not advance (a repeated cursor, a page other than the one asked
 * for, the same records again): reading on would never end, so the run stops here.
 */
export function toPaginationError(
	node: INode,
	call: { path: string; itemIndex?: number; reason: string },
): NodeApiError {
	const message = `BigCommerce's list did not advance: ${call.reason}`;
	const description = [
		'Reading on would repeat the same records forever, so the list was stopped. BigCommerce itself never does this: check the API URL in the BigCommerce API credential (a proxy may cache or rewrite the answers).',
		`GET ${call.path}`,
	].join('\n');
	return new NodeApiError(node, { message, description } as JsonObject, {
		message,
		description,
		itemIndex: call.itemIndex,
	});
}

// BigCommerce refuses a query whose computed complexity is above this.
const MAX_GRAPHQL_COMPLEXITY = 10_000;

/** Where a GraphQL error points: its path in the answer (site.products.edges.0) and place in the query. */
function graphqlWhere(error: IDataObject): string {
	const path = Array.isArray(error.path) && error.path.length ? `at ${error.path.join('.')}` : '';
	const location = Array.isArray(error.locations) ? (error.locations[0] as IDataObject | undefined) : undefined;
	const place = location && location.line !== undefined ? `query line ${text(location.line)}, column ${text(location.column)}` : '';
	return [path, place].filter(Boolean).join(', ');
}

/**
 * GraphQL answers 200 with `errors` for a query it could not run: each error's message and
 * where it points, and what to do when the query was too complex.
 */
export function toGraphqlError(
	node: INode,
	failed: { errors: unknown[]; complexity?: number; itemIndex?: number },
): NodeApiError {
	const entries = failed.errors.map((entry) =>
		entry && typeof entry === 'object' ? (entry as IDataObject) : { message: text(entry) },
	);
	const messages = entries.map((entry) => text(entry.message) || 'unnamed error');
	const tooComplex =
		messages.some((message) => /complexity/i.test(message)) ||
		(failed.complexity !== undefined && failed.complexity > MAX_GRAPHQL_COMPLEXITY);
	const message = `The GraphQL query failed: ${messages[0]}${messages.length > 1 ? ` (and ${messages.length - 1} more)` : ''}`;
	const description = [
		...entries.map((entry, i) => {
			const where = graphqlWhere(entry);
			return `${messages[i]}${where ? ` (${where})` : ''}`;
		}),
		tooComplex
			? `The query is too complex for BigCommerce${failed.complexity !== undefined ? ` (complexity ${failed.complexity}; the most allowed is ${MAX_GRAPHQL_COMPLEXITY})` : ` (the most allowed is ${MAX_GRAPHQL_COMPLEXITY})`}. Ask for fewer records per page (a smaller first, e.g. 10 to 50) and fewer fields, or split the query in two.`
			: undefined,
	]
		.filter(Boolean)
		.join('\n');
	return new NodeApiError(node, { message, description, errors: entries } as unknown as JsonObject, {
		message,
		description,
		itemIndex: failed.itemIndex,
	});
}
