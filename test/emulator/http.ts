// Reply and error helpers shared by every route: the v3 envelope and problem shape, the v2
// bare array/object and error array.

import type { StoreState } from './state';

/** The `type` BigCommerce puts in v3 error bodies. */
export const ERROR_TYPE = '/api-docs/getting-started/api-status-codes';

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
}

export class ApiError extends Error {
	constructor(public readonly reply: Reply) {
		super(describe(reply));
	}
}

function describe(reply: Reply): string {
	const b = reply.body as Record<string, unknown> | { message?: string }[] | undefined;
	if (Array.isArray(b)) return `${reply.status} ${b.map((e) => e.message).join('; ')}`;
	if (b && typeof b === 'object') return `${reply.status} ${String((b as Record<string, unknown>).title ?? '')}`;
	return String(reply.status);
}

export type Version = 'v2' | 'v3';

/** Everything a route handler needs. */
export interface Core {
	readonly state: StoreState;
	readonly storeHash: string;
	/** Numeric store id (a string), as webhooks and /v2/store carry it. */
	readonly storeId: string;
	/** e.g. http://127.0.0.1:4000/stores/abc123 */
	readonly apiBase: string;
	emit(scope: string, data: Record<string, unknown>): void;
}

export interface Ctx {
	core: Core;
	method: string;
	/** Path without /stores/{hash}. */
	path: string;
	version: Version;
	query: Record<string, string>;
	body: unknown;
	params: Record<string, string>;
	clientId: string;
	/**
	 * A '207' fault is active: batch writes fail some records and answer Multi-Status. A route
	 * that answers it itself sets it back to false, so the generic 207 is not applied on top.
	 */
	multiStatus: boolean;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export function v3Problem(
	status: number,
	title: string,
	errors?: Record<string, string>,
	extra?: Record<string, unknown>,
): Record<string, unknown> {
	const body: Record<string, unknown> = { status, title, type: ERROR_TYPE };
	if (errors && Object.keys(errors).length) body.errors = errors;
	return { ...body, ...extra };
}

export function v3Error(
	status: number,
	title: string,
	errors?: Record<string, string>,
	extra?: Record<string, unknown>,
): ApiError {
	return new ApiError({ status, body: v3Problem(status, title, errors, extra) });
}

export function v2Error(status: number, message: string, details?: Record<string, unknown>): ApiError {
	const e: Record<string, unknown> = { status, message };
	if (details) e.details = details;
	return new ApiError({ status, body: [e] });
}

/** Error in the shape of the API version the request used. */
export function apiError(version: Version, status: number, message: string, errors?: Record<string, string>): ApiError {
	return version === 'v2' ? v2Error(status, message) : v3Error(status, message, errors);
}

export function notFound(ctx: Ctx, what?: string): ApiError {
	return ctx.version === 'v2'
		? v2Error(404, 'The requested resource was not found.')
		: v3Error(404, what ?? 'The requested resource was not found.');
}

export function v3Data(data: unknown, meta: Record<string, unknown> = {}): Reply {
	return { status: 200, body: { data, meta } };
}

export function json(body: unknown, status = 200): Reply {
	return { status, body };
}

export const NO_CONTENT: Reply = { status: 204 };

// ------------------------------------------------------------------------------------------
// Formats

/** ISO-8601 the way v3 writes it: 2024-05-01T10:20:30+00:00 */
export function isoDate(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** RFC-2822 the way v2 writes it: Tue, 20 Nov 2012 00:00:00 +0000 */
export function rfc2822(ms: number): string {
	return new Date(ms).toUTCString().replace('GMT', '+0000');
}

const moneyStrings = new Map<number, string>();

/** v2 money string: 54 -> "54.0000". Common values are shared, which matters at 100,000 orders. */
export function money(n: number): string {
	const rounded = Math.round(n * 10000) / 10000;
	let s = moneyStrings.get(rounded);
	if (s === undefined) {
		s = rounded.toFixed(4);
		if (moneyStrings.size < 100_000) moneyStrings.set(rounded, s);
	}
	return s;
}

export function parseId(raw: string | undefined): number | null {
	if (raw === undefined || !/^\d+$/.test(raw)) return null;
	const n = Number(raw);
	return Number.isSafeInteger(n) ? n : null;
}

export function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
