// Brands: get one, list by name, through WorkflowExecute against the store emulator.


import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const store = useStore({ resource: 'brand' });
const { run } = store;

const named = (name: string) => store.emulator.state.brands.find((b) => b.name === name)!;

describe('brand get', () => {
	it('gets a brand by ID', async () => {
		const brand = named('Sagaform');

		const result = await run({ operation: 'get', brandId: { __rl: true, mode: 'id', value: String(brand.id) } });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id: brand.id, name: 'Sagaform' })]);
		expect(store.requestLines()).toEqual([`GET /v3/catalog/brands/${brand.id}`]);
	});

	it('reports a missing brand in BigCommerce\'s words (v3 error object)', async () => {
		const result = await run({ operation: 'get', brandId: '9999' });

		expect(result.error?.message).toBe('Not found: Brand with id 9999 not found.');
		expect(result.error?.httpCode).toBe('404');
	});

	it('with Continue On Fail, a missing brand fails only its own item', async () => {
		const result = await run(
			{ operation: 'get', brandId: '={{ $json.id }}' },
			{ input: [{ id: named('OFS').id }, { id: 9999 }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].name).toBe('OFS');
		expect(out[1].error).toBe('Not found: Brand with id 9999 not found.');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses a brand ID that is not a whole number before sending anything', async () => {
		const result = await run({ operation: 'get', brandId: '={{ $json.id }}' }, { input: [{ id: '1.5' }] });

		expect(result.error?.message).toBe('Brand ID must be a positive whole number, got "1.5"');
		expect(store.emulator.requests).toHaveLength(0);
	});
});

describe('brand get many', () => {
	it('lists every brand in one request at the largest page size', async () => {
		const result = await run({ operation: 'getAll', returnAll: true });

		expect(jsonOf(result).map((b) => b.name).sort()).toEqual(
			store.emulator.state.brands.filter(() => true).map((b) => b.name).sort(),
		);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0].query).toMatchObject({ limit: '250', page: '1' });
	});

	it('finds brands by exact name or by part of it', async () => {
		const exact = await run({ operation: 'getAll', returnAll: true, filters: { name: 'Barista Co' } });
		expect(jsonOf(exact).map((b) => b.name)).toEqual(['Barista Co']);

		const partial = await run({ operation: 'getAll', limit: 10, filters: { nameLike: 'trail' } });
		expect(jsonOf(partial).map((b) => b.name)).toEqual(['Trailhead']);
		expect(store.emulator.requests[1].query).toMatchObject({ 'name:like': 'trail', limit: '10' });
	});
});
