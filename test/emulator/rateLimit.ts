// Fixed-window rate limit per store, with the four X-Rate-Limit-* headers on every answer.

import type { RateLimitSetting } from './types';

/** Used when limiting is off: headers are still sent, with a quota nothing reaches. */
const UNLIMITED: RateLimitSetting = { quota: 1_000_000, windowMs: 30_000 };

export class RateLimiter {
	private setting: RateLimitSetting;
	private enabled: boolean;
	private windowStart = 0;
	private used = 0;
	readonly stats = { limited: 0 };

	constructor(limit: RateLimitSetting | false) {
		this.setting = limit || UNLIMITED;
		this.enabled = limit !== false;
	}

	set(limit: RateLimitSetting | false): void {
		this.setting = limit || UNLIMITED;
		this.enabled = limit !== false;
		this.windowStart = 0;
		this.used = 0;
	}

	private roll(now: number): void {
		if (now >= this.windowStart + this.setting.windowMs) {
			this.windowStart = now;
			this.used = 0;
		}
	}

	/** Counts one request; false when it is over the quota (and then it is not counted). */
	take(now: number): boolean {
		this.roll(now);
		if (this.enabled && this.used >= this.setting.quota) {
			this.stats.limited++;
			return false;
		}
		this.used++;
		return true;
	}

	headers(now: number): Record<string, string> {
		this.roll(now);
		const { quota, windowMs } = this.setting;
		return {
			'X-Rate-Limit-Time-Window-Ms': String(windowMs),
			'X-Rate-Limit-Time-Reset-Ms': String(Math.max(0, this.windowStart + windowMs - now)),
			'X-Rate-Limit-Requests-Quota': String(quota),
			'X-Rate-Limit-Requests-Left': String(Math.max(0, quota - this.used)),
		};
	}

	reset(): void {
		this.windowStart = 0;
		this.used = 0;
		this.stats.limited = 0;
	}
}
