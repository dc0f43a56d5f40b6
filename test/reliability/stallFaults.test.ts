// Stalls longer than the request timeout, 10% of the answers, in the three jobs. The store holds a
// stalled request for 1.1 s and then drops it; the request timeout is scaled from 60 s to 0.8 s for
// these stores only (faultRuns.ts: scaleRequestTimeout), so the runs go one after another: a busy
// event loop must not delay a genuine answer past that timeout.

import { printFigures } from './faultRuns';
import { expectImportIntact, expectListIntact, getAllRun, updateRun, upsertRun } from './scenarios';

afterAll(() => printFigures('Stalls past the request timeout:'));

describe('a stall longer than the request timeout, 10% of the answers', () => {
	it('product.upsert of 2,000 rows: every row in the store once, as its item says', async () => {
		const outcome = await upsertRun('stall');
		expect(outcome.faults).toBeGreaterThan(0);
		expectImportIntact(outcome);
		expect(outcome.unexplained).toEqual([]);
	}, 240_000);

	it('product.update of 2,000 products: every new price saved', async () => {
		const outcome = await updateRun('stall');
		expect(outcome.faults).toBeGreaterThan(0);
		expectImportIntact(outcome);
		expect(outcome.check.reported).toBe(0);
	}, 240_000);

	it('product.getAll of 5,000 products: all of them, once each, in order', async () => {
		const outcome = await getAllRun('stall');
		expect(outcome.faults).toBeGreaterThan(0);
		expectListIntact(outcome);
	}, 120_000);
});
