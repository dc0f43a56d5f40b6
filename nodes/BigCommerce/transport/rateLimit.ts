import type { IDataObject } from 'n8n-workflow';

export interface RateLimitState {
	requestsLeft?: number;
	resetMs?: number;
	windowMs?: number;
	quota?: number;
}

function headerNumber(headers: IDataObject, name: string): number | undefined {
	const value = headers[name];
	const number = Number(Array.isArray(value) ? value[0] : value);
	return value === undefined || value === null || value === '' || !Number.isFinite(number)
		? undefined
		: number;
}

/** BigCommerce's quota headers; names are case-insensitive, so headers are read lowercased. */
export function readRateLimit(headers: IDataObject): RateLimitState {
	return {
		requestsLeft: headerNumber(headers, 'x-rate-limit-requests-left'),
		resetMs: headerNumber(headers, 'x-rate-limit-time-reset-ms'),
		windowMs: headerNumber(headers, 'x-rate-limit-time-window-ms'),
		quota: headerNumber(headers, 'x-rate-limit-requests-quota'),
	};
}

/**
 * How long to pause after a successful answer: when the window's quota is used up, wait
 * for its reset instead of spending a request on a sure 429.
 */
export function pauseBeforeQuotaRunsOut(state: RateLimitState): number {
	if (state.requestsLeft === undefined || state.resetMs === undefined) return 0;
	return state.requestsLeft <= 0 ? Math.max(0, state.resetMs) + RESET_MARGIN_MS : 0;
}

// A few milliseconds past the announced reset, so the new window has surely begun.
const RESET_MARGIN_MS = 5;

/**
 * Wait before retrying a 429: the announced reset when present; without headers the platform
 * is under load, so back off gradually (1 s, 2 s, 4 s ... up to 30 s).
 */
export function waitAfter429(state: RateLimitState, attempt: number): number {
	if (state.resetMs !== undefined) return Math.max(0, state.resetMs) + RESET_MARGIN_MS;
	return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** Exponential back-off with full jitter for transient faults. */
export function transientBackoff(attempt: number, baseMs = 250, capMs = 8000): number {
	const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
