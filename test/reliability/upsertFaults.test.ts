// A spreadsheet import of 2,000 rows by SKU (1,900 products to update, 100 to create) while 10%
// of the store's answers are faults of one kind. The store must end exactly as the items say:
// no row lost, none duplicated, every failure on its own item. (Stalls: stallFaults.test.ts.)

import { FAULT_KINDS, itemError, printFigures, runConcurrently } from './faultRuns';
import { expectImportIntact, expectPartialUpdatesReported, upsertRun } from './scenarios';

afterAll(() => printFigures('Import by SKU with 10% faults of each kind:'));

const KINDS = FAULT_KINDS.filter((kind) => kind !== 'stall');
const outcomeOf = runConcurrently(KINDS, upsertRun);

describe('product.upsert of 2,000 rows with Continue On Fail, 10% of the answers faulty', () => {
	it.each(KINDS)('%s: every row is in the store once, as its item says', (kind) => {
		const outcome = outcomeOf(kind);
		expect(outcome.faults).toBeGreaterThan(0);
		expectImportIntact(outcome);
		outcome.items.forEach((item, index) => {
			if (itemError(item) === undefined) {
				expect(`${index}: ${String(item.json.action)}`).toBe(`${index}: ${outcome.rows[index].id === undefined ? 'created' : 'updated'}`);
			}
		});
	});

	it.each(['500', '502', '503', 'reset', 'reset-after-commit', 'malformed-json', '429', '429-no-headers'] as const)(
		'%s: the import recovers every row (reads and updates are retried, creates re-checked by SKU and sent again)',
		(kind) => {
			// Only a create whose five attempts all met a fault may stay failed (then on its own item).
			expect(outcomeOf(kind).unexplained).toEqual([]);
		},
	);

	it('207: a create the store saved with a part missing says so on its item, in BigCommerce\'s words', () => {
		const { partialCreates } = outcomeOf('207');
		expect(partialCreates.length).toBeGreaterThan(0);
		for (const { row, item } of partialCreates) {
			expect({ row, item: JSON.stringify(item) }).toEqual({ row, item: expect.stringMatching(/secondary update/i) });
		}
	});

	it('207: each product of a batch update BigCommerce saved only in part is sent again on its own; what still fails is on its own item, naming the product and the reason', () => {
		expectPartialUpdatesReported(outcomeOf('207'));
	});
});
