// Product categories typed as text, as a spreadsheet column has them: "Kitchen; Coffee" or
// "12;15", for Create, Update and Create or Update, names found in the store's categories.

import { ROW_PARAMETERS } from '../helpers/productSheet';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';
import { productBySku } from './catalogFixtures';

const store = useStore({ resource: 'product', fresh: 'store' });

function categoryId(name: string): number {
	return store.emulator.state.categories.find((c) => c.name === name)!.id;
}

const CATEGORY_LIST = 'GET /v3/catalog/trees/categories';

describe('product categories given as text', () => {
	it('creates products with categories named in any letter case, listing the categories once', async () => {
		const result = await store.run(
			{
				operation: 'create',
				name: '={{ $json.name }}',
				type: 'physical',
				weight: 1,
				price: 20,
				additionalFields: { sku: '={{ $json.sku }}', categories: '={{ $json.categories }}' },
			},
			{
				input: [
					{ name: 'Moka Pot', sku: 'MOKA-1', categories: 'Kitchen; coffee' },
					{ name: 'Trowel', sku: 'TROWEL-1', categories: ' GARDEN ' },
				],
			},
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((product) => product.categories)).toEqual([
			[categoryId('Kitchen'), categoryId('Coffee')],
			[categoryId('Garden')],
		]);
		expect(store.requestLines().filter((line) => line === CATEGORY_LIST)).toHaveLength(1);
	});

	it('takes IDs separated by semicolons and still takes a list of numbers', async () => {
		const kitchen = categoryId('Kitchen');
		const coffee = categoryId('Coffee');
		const result = await store.run(
			{
				operation: 'create',
				name: '={{ $json.name }}',
				type: 'physical',
				weight: 1,
				price: 20,
				additionalFields: { categories: '={{ $json.categories }}' },
			},
			{ input: [{ name: 'Filter Papers', categories: `${kitchen};${coffee}` }, { name: 'Scoop', categories: [coffee] }] },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((product) => product.categories)).toEqual([[kitchen, coffee], [coffee]]);
		expect(store.requestLines()).not.toContain(CATEGORY_LIST);
	});

	it('updates and upserts products with categories by name', async () => {
		const tee = store.emulator.state.products.find((p) => p.sku === 'OFSUC')!;
		const updated = await store.run({ operation: 'update', productId: tee.id, updateFields: { categories: 'Utility; Shop All' } });
		expect(updated.error).toBeUndefined();
		expect(store.emulator.state.products.find((p) => p.id === tee.id)!.categories).toEqual([
			categoryId('Utility'),
			categoryId('Shop All'),
		]);

		const upserted = await store.run(
			{ operation: 'upsert', ...ROW_PARAMETERS, additionalFields: { categories: '={{ $json.categories }}' } },
			{ input: [{ sku: 'PLANTER-9', name: 'Clay Planter', price: 12, weight: 2, categories: 'Planters;Garden' }] },
		);
		expect(upserted.error).toBeUndefined();
		expect(productBySku(store.emulator, 'PLANTER-9')?.categories).toEqual([categoryId('Planters'), categoryId('Garden')]);
	});

	it('refuses an unknown category name, naming the field and some categories the store has, and creates nothing', async () => {
		const products = store.emulator.state.products.size;
		const result = await store.run({
			operation: 'create',
			name: 'Moka Pot',
			type: 'physical',
			weight: 1,
			price: 20,
			additionalFields: { categories: 'Kitchen; Cofee' },
		});

		expect(result.error?.message).toMatch(/^Categories: the store has no category named "Cofee" \(it has e\.g\. .*Kitchen/);
		expect(store.emulator.state.products.size).toBe(products);
		expect(store.requestLines()).toEqual([CATEGORY_LIST]);
	});
});

describe('product categories field', () => {
	it('tells the user that names or IDs separated by semicolons work', async () => {
		const { BigCommerce } = await import('../../nodes/BigCommerce/BigCommerce.node');
		const collections = new BigCommerce().description.properties.filter((property) =>
			['additionalFields', 'updateFields'].includes(property.name) &&
			(property.displayOptions?.show?.resource as string[] | undefined)?.includes('product'),
		);
		const hints = collections.map(
			(collection) => (collection.options as Array<{ name: string; hint?: string }>).find((option) => option.name === 'categories')?.hint,
		);
		expect(hints).toHaveLength(3);
		expect(new Set(hints)).toEqual(new Set(['Or names or IDs separated by semicolons, e.g. Kitchen; Coffee or 12;15']));
	});
});

describe('the spreadsheet example', () => {
	it('imports catalog-import.csv with its category column as it is, IDs separated by semicolons', async () => {
		const { readFileSync } = await import('fs');
		const { join } = await import('path');
		const examples = join(__dirname, '../../examples');
		const workflow = JSON.parse(readFileSync(join(examples, '02-spreadsheet-catalog-import.json'), 'utf8')) as {
			nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
		};
		const node = workflow.nodes.find((candidate) => candidate.type === 'n8n-nodes-bigcommerce.bigCommerce')!;
		const [header, ...lines] = readFileSync(join(examples, 'catalog-import.csv'), 'utf8').trim().split('\n');
		const columns = header.split(',');
		const rows = lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));

		const result = await store.run(node.parameters as never, { input: rows });

		expect(result.error).toBeUndefined();
		const wrong = rows.filter((row) => {
			const saved = [...(productBySku(store.emulator, String(row.sku))?.categories ?? [])].sort((a, b) => a - b);
			const wanted = String(row.category_ids).split(';').filter(Boolean).map(Number).sort((a, b) => a - b);
			return JSON.stringify(saved) !== JSON.stringify(wanted);
		});
		expect(wrong.map((row) => row.sku)).toEqual([]);
	});
});
