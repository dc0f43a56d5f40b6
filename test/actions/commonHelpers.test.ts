// The shared action helpers on their own: every item's input read first, per-record failures of
// a batch that succeeded, and creates that are never duplicated after an ambiguous failure.

import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createEachOnce, createOnce } from '../../nodes/BigCommerce/actions/common/createOnce';
import { executeBatched, executePerItemReadFirst } from '../../nodes/BigCommerce/actions/common/items';
import { BatchRecordFailure, batchWrite, chunkForBatch, toNodeApiError } from '../../nodes/BigCommerce/transport';
import { toNetworkError } from '../../nodes/BigCommerce/transport/errors';
import { TransportProbe } from '../helpers/transportProbe';
import { credentialsFor, jsonOf, registerNodeType, runNode } from '../helpers/workflow';

const node: INode = {
	id: 'c0ffee00-0000-4000-8000-000000000001',
	name: 'BigCommerce',
	type: 'test.helperProbe',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const context = { getNode: () => node, continueOnFail: () => false } as unknown as IExecuteFunctions;

/** A failure after which the store may have saved the record, as transport reports it. */
function lostAnswer(): NodeApiError {
	return toNetworkError(node, {
		method: 'POST',
		path: '/v3/customers',
		attempts: 1,
		reason: 'the connection was reset',
		ambiguous: true,
	});
}

function refused(status: number, title: string): NodeApiError {
	return toNodeApiError(node, { method: 'POST', path: '/v3/customers', statusCode: status, body: { status, title } });
}

// ---- run through n8n's WorkflowExecute: a node whose writes go to an in-memory store ----

interface Scenario {
	/** Records sent, one list per request. */
	requests: string[][];
	/** Names the store refuses to save although the batch succeeds (a 207). */
	unsaved: Set<string>;
	mode: 'batched' | 'readFirst';
}

let scenario: Scenario;

class HelperProbe implements INodeType {
	description: INodeTypeDescription = {
		...new TransportProbe().description,
		displayName: 'Helper Probe',
		name: 'helperProbe',
		description: 'Runs the shared action helpers against an in-memory store',
		properties: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const readName = (itemIndex: number) => {
			const name = String(this.getNodeParameter('name', itemIndex, ''));
			if (!name) throw new NodeOperationError(this.getNode(), 'Name is required', { itemIndex });
			return name;
		};
		if (scenario.mode === 'readFirst') {
			return [
				await executePerItemReadFirst(this, items, {
					read: readName,
					run: async (name) => {
						scenario.requests.push([name]);
						return { name };
					},
				}),
			];
		}
		const run = executeBatched<string, IDataObject>;
		return [
			await run.call(this, items, {
				batchSize: 10,
				build: readName,
				send: async (names) => {
					scenario.requests.push(names);
					return names.map((name) =>
						scenario.unsaved.has(name)
							? new BatchRecordFailure(refused(422, `The record ${name} was not saved`))
							: { name, saved: true },
					);
				},
				output: (record) => record,
			}),
		];
	}
}

registerNodeType('test.helperProbe', new HelperProbe());

const credentials = credentialsFor({ baseUrl: 'http://127.0.0.1:9', storeHash: 'abc123', token: 'unused' });

async function runProbe(mode: Scenario['mode'], names: string[], options: { unsaved?: string[]; continueOnFail?: boolean } = {}) {
	scenario = { requests: [], unsaved: new Set(options.unsaved ?? []), mode };
	return await runNode(
		{ name: '={{ $json.name }}' },
		{ credentials, type: 'test.helperProbe', input: names.map((name) => ({ name })), continueOnFail: options.continueOnFail },
	);
}

const rows = (count: number) => Array.from({ length: count }, (_, i) => `row-${i + 1}`);

describe('executeBatched: one output per input, a record the store did not save fails on its own item', () => {
	it('writes 25 rows in 3 requests and puts the one unsaved record\'s error on its item only', async () => {
		const result = await runProbe('batched', rows(25), { unsaved: ['row-12'], continueOnFail: true });

		expect(scenario.requests.map((batch) => batch.length)).toEqual([10, 10, 5]);
		expect(result.items).toHaveLength(25);
		expect(result.items.map((item) => item.pairedItem)).toEqual(rows(25).map((_, item) => ({ item })));
		const out = jsonOf(result);
		expect(out[11]).toEqual({ error: 'Invalid data: The record row-12 was not saved', errorDescription: expect.any(String) });
		expect(out.filter((json) => json.error)).toHaveLength(1);
		expect(out[12]).toEqual({ name: 'row-13', saved: true });
	});

	it('without Continue On Fail stops on the unsaved record\'s item and starts no batch after the failure', async () => {
		const result = await runProbe('batched', rows(60), { unsaved: ['row-3'] });

		expect(result.error?.message).toBe('Invalid data: The record row-3 was not saved');
		expect(result.error?.context?.itemIndex).toBe(2);
		// Batches go out a few at a time (three where the endpoint is not named): those already
		// sent beside the failing one finish, and none of the other three starts.
		expect(scenario.requests[0]).toEqual(rows(10));
		expect(scenario.requests.length).toBeLessThanOrEqual(3);
		expect(scenario.requests.flat()).not.toContain('row-31');
	});

	it('sends nothing when any item\'s input is bad', async () => {
		const result = await runProbe('batched', ['row-1', '', 'row-3']);

		expect(result.error?.message).toBe('Name is required');
		expect(scenario.requests).toEqual([]);
	});
});

describe('executePerItemReadFirst: every item is checked before the first request', () => {
	it('sends nothing when the last item is bad', async () => {
		const result = await runProbe('readFirst', ['row-1', 'row-2', '']);

		expect(result.error?.message).toBe('Name is required');
		expect(scenario.requests).toEqual([]);
	});

	it('with Continue On Fail runs the good items and reports the bad one on its item', async () => {
		const result = await runProbe('readFirst', ['row-1', '', 'row-3'], { continueOnFail: true });

		expect(scenario.requests).toEqual([['row-1'], ['row-3']]);
		expect(jsonOf(result)).toEqual([{ name: 'row-1' }, { error: 'Name is required' }, { name: 'row-3' }]);
	});
});

describe('chunkForBatch: batches of at most the size, never across groups', () => {
	it('ends a batch where the group changes, keeps the order, and splits a long group by size', () => {
		const records = ['a1', 'a2', 'a3', 'b1', 'b2', 'a4'];
		expect(chunkForBatch(records, 2, (record) => record[0])).toEqual([['a1', 'a2'], ['a3'], ['b1', 'b2'], ['a4']]);
		expect(chunkForBatch(records, 4)).toEqual([['a1', 'a2', 'a3', 'b1'], ['b2', 'a4']]);
	});
});

describe('batchWrite: a BatchRecordFailure answers for one record of a successful batch', () => {
	it('fails only that record, and halves no batch', async () => {
		const sent: number[][] = [];
		const outcomes = await batchWrite(
			[1, 2, 3, 4],
			2,
			async (batch) => {
				sent.push(batch);
				return batch.map((n) => (n === 3 ? new BatchRecordFailure(refused(422, 'three')) : n * 10));
			},
			{ isolateFailures: true },
		);

		expect(sent).toEqual([[1, 2], [3, 4]]);
		expect(outcomes.map((o) => (o.ok ? o.value : o.error.message))).toEqual([10, 20, 'Invalid data: three', 40]);
	});
});

// ---- createEachOnce / createOnce on their own ----

interface Customer {
	email: string;
	id?: number;
}

/** A store that may lose answers: records `create` saved are found by `lookup`. */
function fakeStore() {
	const saved = new Map<string, Customer>();
	const log: string[] = [];
	let nextId = 1;
	const save = (record: Customer) => {
		const customer = { ...record, id: nextId++ };
		saved.set(record.email, customer);
		return customer;
	};
	return { saved, log, save };
}

describe('createEachOnce: never creates a record twice', () => {
	it('after an ambiguous failure looks the records up and sends only those not saved', async () => {
		const store = fakeStore();
		let first = true;
		const results = await createEachOnce(context, {
			records: [{ email: 'a@x.test' }, { email: 'b@x.test' }],
			checkedAbsent: true,
			create: async (pending) => {
				store.log.push(`create ${pending.map((r) => r.email).join(',')}`);
				if (first) {
					first = false;
					store.save(pending[0]); // saved, but the answer was lost
					throw lostAnswer();
				}
				return pending.map(store.save);
			},
			lookup: async (pending) => {
				store.log.push(`lookup ${pending.map((r) => r.email).join(',')}`);
				return pending.map((record) => store.saved.get(record.email));
			},
		});

		expect(store.log).toEqual(['create a@x.test,b@x.test', 'lookup a@x.test,b@x.test', 'create b@x.test']);
		expect(results).toEqual([
			{ email: 'a@x.test', id: 1 },
			{ email: 'b@x.test', id: 2 },
		]);
		expect(store.saved.size).toBe(2);
	});

	it('sends again only the record a 207 left unsaved, after checking it is not there', async () => {
		const store = fakeStore();
		let round = 0;
		const results = await createEachOnce(context, {
			records: [{ email: 'a@x.test' }, { email: 'b@x.test' }, { email: 'c@x.test' }],
			checkedAbsent: true,
			create: async (pending) => {
				round++;
				store.log.push(`create ${pending.map((r) => r.email).join(',')}`);
				return pending.map((record) =>
					round === 1 && record.email === 'b@x.test'
						? new BatchRecordFailure(refused(422, 'b was not saved'))
						: store.save(record),
				);
			},
			lookup: async (pending) => {
				store.log.push(`lookup ${pending.map((r) => r.email).join(',')}`);
				return pending.map((record) => store.saved.get(record.email));
			},
		});

		expect(store.log).toEqual(['create a@x.test,b@x.test,c@x.test', 'lookup b@x.test', 'create b@x.test']);
		expect(results.map((r) => (r instanceof BatchRecordFailure ? 'failed' : r.email))).toEqual([
			'a@x.test',
			'b@x.test',
			'c@x.test',
		]);
	});

	it('throws a refusal that saved nothing, so that batchWrite can halve the batch', async () => {
		const refusal = refused(422, 'bad e-mail');
		const lookups: number[] = [];

		await expect(
			createEachOnce(context, {
				records: [{ email: 'a@x.test' }],
				checkedAbsent: true,
				create: async () => {
					throw refusal;
				},
				lookup: async (pending) => {
					lookups.push(pending.length);
					return [];
				},
			}),
		).rejects.toBe(refusal);
		expect(lookups).toEqual([]);
	});

	it('when the look-up fails too, keeps the create\'s failure, which says the record may be saved', async () => {
		const results = await createEachOnce(context, {
			records: [{ email: 'a@x.test' }],
			checkedAbsent: true,
			create: async () => {
				throw lostAnswer();
			},
			lookup: async () => {
				throw refused(503, 'unavailable');
			},
		});

		expect(results[0]).toBeInstanceOf(BatchRecordFailure);
		expect((results[0] as BatchRecordFailure).error.description).toMatch(/may or may not have saved it/);
	});

	it('sends a create at most five times, checking the store before each retry', async () => {
		let creates = 0;
		let lookups = 0;
		const results = await createEachOnce(context, {
			records: [{ email: 'a@x.test' }],
			checkedAbsent: true,
			create: async () => {
				creates++;
				throw lostAnswer();
			},
			lookup: async (pending) => {
				lookups++;
				return pending.map(() => undefined);
			},
		});

		expect(creates).toBe(5);
		expect(lookups).toBe(4);
		expect(results[0]).toBeInstanceOf(BatchRecordFailure);
	});

	it('looks the records up before the first send: one the store already had is a conflict after a lost answer', async () => {
		const store = fakeStore();
		store.save({ email: 'old@x.test' });
		let first = true;
		const results = await createEachOnce(context, {
			records: [{ email: 'old@x.test' }, { email: 'new@x.test' }],
			create: async (pending) => {
				store.log.push(`create ${pending.map((r) => r.email).join(',')}`);
				if (first) {
					first = false;
					store.save(pending[1]); // saved, but the answer was lost
					throw lostAnswer();
				}
				return pending.map(store.save);
			},
			lookup: async (pending) => {
				store.log.push(`lookup ${pending.map((r) => r.email).join(',')}`);
				return pending.map((record) => store.saved.get(record.email));
			},
		});

		expect(store.log).toEqual(['lookup old@x.test,new@x.test', 'create old@x.test,new@x.test', 'lookup old@x.test,new@x.test']);
		expect(results[0]).toBeInstanceOf(BatchRecordFailure);
		expect((results[0] as BatchRecordFailure).error.message).toBe('Not created: record 1 (e-mail old@x.test) was already in the store');
		expect(results[1]).toEqual({ email: 'new@x.test', id: 2 });
		expect(store.saved.size).toBe(2);
	});
});

describe('createOnce: one record', () => {
	it('returns the record the look-up finds after a lost answer, without a second create', async () => {
		const store = fakeStore();
		const customer = await createOnce(context, {
			checkedAbsent: true,
			create: async () => {
				store.log.push('create');
				store.save({ email: 'a@x.test' });
				throw lostAnswer();
			},
			lookup: async () => {
				store.log.push('lookup');
				return store.saved.get('a@x.test');
			},
		});

		expect(customer).toEqual({ email: 'a@x.test', id: 1 });
		expect(store.log).toEqual(['create', 'lookup']);
	});

	it('throws the failure of the last create', async () => {
		const last = lostAnswer();
		let creates = 0;

		await expect(
			createOnce(context, {
				create: async () => {
					creates++;
					throw creates === 5 ? last : lostAnswer();
				},
				lookup: async () => undefined,
			}),
		).rejects.toBe(last);
	});
});
