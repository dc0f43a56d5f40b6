// Categories (category trees API): get one, list with filters, through WorkflowExecute.


import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const store = useStore({ resource: 'category' });
const { run } = store;

const named = (name: string) => store.emulator.state.categories.find((c) => c.name === name)!;

describe('category get', () => {
	it('gets a category by ID, flat: its place in the tree, visibility and URL', async () => {
		const coffee = named('Coffee');

		const result = await run({ operation: 'get', categoryId: { __rl: true, mode: 'id', value: String(coffee.id) } });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				id: coffee.id,
				name: 'Coffee',
				parent_id: named('Kitchen').id,
				tree_id: 1,
				is_visible: true,
				url: '/coffee/',
			}),
		]);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0]).toMatchObject({
			path: '/v3/catalog/trees/categories',
			query: { 'category_id:in': String(coffee.id) },
		});
	});

	it('returns the category tree record as BigCommerce sends it when Simplify is off', async () => {
		const coffee = named('Coffee');

		const result = await run({ operation: 'get', categoryId: String(coffee.id), simplify: false });

		expect(jsonOf(result)[0]).toMatchObject({ category_id: coffee.id, url: { path: '/coffee/' } });
	});

	it('reports a category that does not exist as not found, and Continue On Fail goes on', async () => {
		const failed = await run({ operation: 'get', categoryId: '424242' });
		expect(failed.error?.message).toBe('Not found: Category 424242 does not exist');
		expect(failed.error?.httpCode).toBe('404');

		const mixed = await run(
			{ operation: 'get', categoryId: '={{ $json.id }}' },
			{ input: [{ id: 424242 }, { id: named('Garden').id }], continueOnFail: true },
		);
		const out = jsonOf(mixed);
		expect(out[0].error).toBe('Not found: Category 424242 does not exist');
		expect(out[1].name).toBe('Garden');
	});

	it('refuses a non-numeric category ID before sending anything', async () => {
		const result = await run({ operation: 'get', categoryId: '={{ $json.id }}' }, { input: [{ id: 'coffee' }] });

		expect(result.error?.message).toBe('Category ID must be a positive whole number, got "coffee"');
		expect(store.emulator.requests).toHaveLength(0);
	});
});

describe('category get many', () => {
	it('lists every category in one request at the largest page size', async () => {
		const result = await run({ operation: 'getAll', returnAll: true });

		expect(jsonOf(result)).toHaveLength(store.emulator.state.categories.size);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0].query).toMatchObject({ limit: '250', page: '1' });
	});

	it('lists the subcategories of a parent whose name contains a text', async () => {
		const kitchen = named('Kitchen');

		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { parentIds: String(kitchen.id), nameLike: 'coff', isVisible: true, treeIds: '1' },
		});

		expect(jsonOf(result).map((c) => c.name)).toEqual(['Coffee']);
		expect(store.emulator.requests[0].query).toMatchObject({
			'parent_id:in': String(kitchen.id),
			'name:like': 'coff',
			is_visible: 'true',
			'tree_id:in': '1',
		});
	});

	it('lists top-level categories with parent 0, and stops at the Limit', async () => {
		const result = await run({ operation: 'getAll', limit: 2, filters: { parentIds: '0' } });

		const categories = jsonOf(result);
		expect(categories).toHaveLength(2);
		expect(categories.every((c) => c.parent_id === 0)).toBe(true);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0].query).toMatchObject({ limit: '2', 'parent_id:in': '0' });
	});
});
