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

// No single pause longer than this, whatever a header announces: BigCommerce's windows are
// 30 s at most, so a longer reset is a fault, and a proxy's 2,000,000,000 ms would be 23 days.
export const MAX_PAUSE_MS = 60_000;
// 429s one request may meet before the run gives up on it.
export const MAX_RATE_LIMIT_RETRIES = 6;
// A reset of 0 ms (or a few) would otherwise re-send at once, thousands of times a minute.
const MIN_429_WAIT_MS = 100;
// A few milliseconds past the announced reset, so the new window has surely begun.
const RESET_MARGIN_MS = 5;

/**
 * How long to pause after a successful answer: when the window's quota is used up, wait
 * for its reset instead of spending a request on a sure 429.
 */
export function pauseBeforeQuotaRunsOut(state: RateLimitState): number {
	if (state.requestsLeft === undefined || state.resetMs === undefined) return 0;
	return state.requestsLeft <= 0 ? Math.min(MAX_PAUSE_MS, Math.max(0, state.resetMs) + RESET_MARGIN_MS) : 0;
}

/**
 * Wait before retrying the `count`-th 429 of one request. With headers: the announced reset
 * (at least 100 ms), doubled for each further 429 in a row, since another app is then taking
 * the new window's quota first. Without headers the platform is under load: 1 s, 2 s, 4 s ...
 * up to 30 s. Never more than a minute.
 */
export function waitAfter429(state: RateLimitState, count: number): number {
	const growth = 2 ** Math.max(0, count - 1);
	if (state.resetMs !== undefined) {
		const announced = Math.max(MIN_429_WAIT_MS, Math.max(0, state.resetMs) + RESET_MARGIN_MS);
		return Math.min(MAX_PAUSE_MS, announced * growth);
	}
	return Math.min(30_000, 1000 * growth);
}

/** Exponential back-off with full jitter for transient faults. */
export function transientBackoff(attempt: number, baseMs = 250, capMs = 8000): number {
	const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
