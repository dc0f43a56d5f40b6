// The polling trigger's memory between polls: where the next poll starts and what it skips.

import {
	LOOKBACK_SECONDS,
	MAX_SEEN,
	advanceWindow,
	unseenRecords,
	windowAt,
	type StampedRecord,
} from '../../nodes/BigCommerce/poll/window';

const at = (id: number, second: number): StampedRecord => ({ id, second, record: { id } });

describe('polling window', () => {
	it('skips what was handled, keeps each record once in its latest state, oldest first', () => {
		const window = windowAt(1000, [at(1, 1000), at(2, 1000)]);
		const fresh = unseenRecords(window, [at(1, 1000), at(2, 1000), at(3, 1000), at(5, 1003), at(4, 999), at(5, 1001), at(2, 1002)]);
		expect(fresh.map((r) => [r.id, r.second])).toEqual([
			[3, 1000],
			[2, 1002],
			[5, 1003],
		]);
	});

	it('starts the next poll LOOKBACK_SECONDS before the newest second and forgets older keys', () => {
		const window = advanceWindow({ from: 0, seen: [] }, [at(1, 10), at(2, 500), at(3, 500 + LOOKBACK_SECONDS)]);
		expect(window).toEqual({ from: 500, seen: ['2@500', `3@${500 + LOOKBACK_SECONDS}`] });
		// Nothing new: the window stays where it is.
		expect(advanceWindow(window, [])).toEqual(window);
	});

	it('reads again from an earlier second when told, keeping every key from there', () => {
		const window = advanceWindow({ from: 0, seen: [] }, [at(1, 10), at(2, 500), at(3, 900)], 10);
		expect(window).toEqual({ from: 10, seen: ['1@10', '2@500', '3@900'] });
		// Never before where this poll started reading.
		expect(advanceWindow({ from: 600, seen: [] }, [at(3, 900)], 10).from).toBe(600);
		expect(advanceWindow({ from: 600, seen: [] }, [at(3, 900)], 870).from).toBe(840);
	});

	it('holds at most MAX_SEEN keys, but every key of the newest second', () => {
		const spread = Array.from({ length: MAX_SEEN + 500 }, (_, i) => at(i + 1, 1000 + (i % 50)));
		const bounded = advanceWindow({ from: 1000, seen: [] }, spread);
		expect(bounded.seen.length).toBeLessThanOrEqual(MAX_SEEN);
		expect(bounded.seen).toContain(`${MAX_SEEN + 500}@1049`);
		expect(unseenRecords(bounded, spread.filter((r) => r.second >= bounded.from))).toEqual([]);

		const crowded = Array.from({ length: MAX_SEEN + 10 }, (_, i) => at(i + 1, 2000));
		const kept = advanceWindow({ from: 1990, seen: [] }, crowded);
		expect(kept.from).toBe(2000);
		expect(kept.seen).toHaveLength(MAX_SEEN + 10);
		expect(unseenRecords(kept, crowded)).toEqual([]);
	});
});
