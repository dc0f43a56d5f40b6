import { MAX_PAUSE_MS, pauseBeforeQuotaRunsOut, waitAfter429 } from '../../nodes/BigCommerce/transport/rateLimit';

describe('rate-limit waits are bounded', () => {
	it('a used-up quota pauses until the announced reset, but never longer than a minute', () => {
		expect(pauseBeforeQuotaRunsOut({ requestsLeft: 0, resetMs: 400 })).toBe(405);
		expect(pauseBeforeQuotaRunsOut({ requestsLeft: 0, resetMs: 2_000_000_000 })).toBe(MAX_PAUSE_MS);
		expect(MAX_PAUSE_MS).toBe(60_000);
		expect(pauseBeforeQuotaRunsOut({ requestsLeft: 3, resetMs: 2_000_000_000 })).toBe(0);
	});

	it('repeated 429s back off further each time, from the announced reset (at least 100 ms) up to a minute', () => {
		const waits = (resetMs: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => waitAfter429({ resetMs }, n));
		expect(waits(0)).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200]);
		expect(waits(1000)).toEqual([1005, 2010, 4020, 8040, 16080, 32160, 60000, 60000, 60000, 60000]);
		expect(waits(2_000_000_000).every((w) => w === MAX_PAUSE_MS)).toBe(true);
		// Without headers: 1 s, 2 s, 4 s ... up to 30 s.
		expect([1, 2, 6, 9].map((n) => waitAfter429({}, n))).toEqual([1000, 2000, 30_000, 30_000]);
	});
});
