// A batched update of 2,000 products (10 per request) and a get-all of 5,000 products while 10% of
// the store's answers are faults of one kind. (Stalls: stallFaults.test.ts.)

import { FAULT_KINDS, printFigures, runConcurrently } from './faultRuns';
import { expectImportIntact, expectListIntact, expectPartialUpdatesReported, getAllRun, updateRun } from './scenarios';

afterAll(() => printFigures('Batched update and get-all with 10% faults of each kind:'));

const KINDS = FAULT_KINDS.filter((kind) => kind !== 'stall');
const updateOf = runConcurrently(KINDS, updateRun);
const listOf = runConcurrently(KINDS, getAllRun);

describe('product.update of 2,000 products with Continue On Fail, 10% of the answers faulty', () => {
	it.each(KINDS)('%s: every product has its new price exactly where its item says so', (kind) => {
		const outcome = updateOf(kind);
		expect(outcome.faults).toBeGreaterThan(0);
		expectImportIntact(outcome);
	});

	it.each(KINDS.filter((kind) => kind !== '207'))('%s: every update goes through (PUTs are retried)', (kind) => {
		expect(updateOf(kind).check.reported).toBe(0);
	});

	it('207: each product of a batch BigCommerce saved only in part is sent again on its own; what still fails is on its own item, naming the product and the reason', () => {
		expectPartialUpdatesReported(updateOf('207'));
	});
});

describe('product.getAll of 5,000 products, 10% of the answers faulty', () => {
	it.each(KINDS.filter((kind) => kind !== '207'))('%s: all 5,000 products, once each, in order', (kind) => {
		const outcome = listOf(kind);
		expect(outcome.faults).toBeGreaterThan(0);
		expectListIntact(outcome);
	});

	it('207 is an answer to writes only: the store never gives it to a read, and the list is complete', () => {
		const outcome = listOf('207');
		expect(outcome.faults).toBe(0);
		expectListIntact(outcome);
	});
});
