// Without "Continue On Fail", a fault that does not go away ends the run with one clear error
// naming the item, and the store holds exactly what was written before it: nothing after it.

import { UPSERT_BY_SKU } from '../helpers/productSheet';
import { useStore } from '../helpers/store';
import { credentialsFor, runNode } from '../helpers/workflow';
import { TEST_TOKEN } from './faultRuns';

const store = useStore({ seed: 'empty', token: TEST_TOKEN, scale: { products: 60 } });

const prices = () => new Map([...store.emulator.state.products.values()].map((p) => [p.id, p.price]));

describe('a store that keeps failing, without Continue On Fail', () => {
	it('get-all: one clear error after five tries of the first page, and no items', async () => {
		store.emulator.setFaults([{ kind: '503', method: 'GET', path: '/v3/catalog/products' }]);

		const result = await runNode({ resource: 'product', operation: 'getAll', returnAll: true }, { credentials: credentialsFor(store.emulator) });

		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(/\(503\) after 5 attempts/);
		expect(result.error?.description).toMatch(/GET \/v3\/catalog\/products/);
		expect(store.emulator.requests).toHaveLength(5);
	});

	it('update of 30 products: one clear error on the first item of the failed batch, and no later batch is written', async () => {
		const before = prices();
		const ids = [...store.emulator.state.products.keys()].slice(0, 30);
		store.emulator.setFaults([{ kind: '503', method: 'PUT', path: '/v3/catalog/products' }]);

		const result = await runNode(
			{
				resource: 'product',
				operation: 'update',
				productId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { price: '={{ $json.price }}' },
			},
			{ credentials: credentialsFor(store.emulator), input: ids.map((id) => ({ id, price: 999 })) },
		);

		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(/\(503\) after 5 attempts/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(prices()).toEqual(before);
		// The three batches go out together (10 may be in flight); each is tried five times and none
		// is saved; the node stops at the first failed item, as n8n does.
		expect(store.emulator.countRequests({ method: 'PUT' })).toBe(15);
	}, 60_000);

	it('upsert: a create that keeps failing is tried five times, re-checked by SKU in between, and nothing is duplicated', async () => {
		const existing = [...store.emulator.state.products.values()][40];
		const before = prices();
		store.emulator.setFaults([{ kind: '500', method: 'POST', path: '/v3/catalog/products' }]);

		const result = await runNode(
			UPSERT_BY_SKU,
			{
				credentials: credentialsFor(store.emulator),
				input: [
					{ sku: 'NEVER-SAVED-1', name: 'Never Saved Lamp', price: 10 },
					{ sku: existing.sku, name: existing.name, price: 777 },
				],
			},
		);

		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(/\(500\)/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(store.emulator.state.products.filter((p) => p.sku === 'NEVER-SAVED-1')).toEqual([]);
		expect(prices()).toEqual(before);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(5);
	});
});
