// An ambiguous create: the store saved the product, but the connection dropped before its answer
// arrived. The node must neither create it twice in the same run nor in a later run of the same
// import.

import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { UPSERT_BY_SKU } from '../helpers/productSheet';
import { useStore } from '../helpers/store';
import { credentialsFor, jsonOf, runNode } from '../helpers/workflow';
import { outputCapture } from '../security/outputCapture';
import { TEST_TOKEN } from './faultRuns';

const capture = outputCapture();
const store = useStore({ token: TEST_TOKEN });

const lamp = { sku: 'AMBIG-LAMP-01', name: 'Ambiguous Desk Lamp', price: 49 };

function upsert(row: IDataObject, options: { continueOnFail?: boolean } = {}) {
	return runNode(
		UPSERT_BY_SKU,
		{ credentials: credentialsFor(store.emulator), input: [row], ...options },
	);
}

function productsWithSku(sku: string) {
	return store.emulator.state.products.filter((product) => product.sku.toLowerCase() === sku.toLowerCase());
}

describe('an upsert whose create the store saved but never answered', () => {
	it('is found again by SKU in the same run: one product, reported as created, the POST sent once', async () => {
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await upsert(lamp);

		expect(result.error).toBeUndefined();
		expect(productsWithSku(lamp.sku)).toHaveLength(1);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ sku: lamp.sku, action: 'created', id: productsWithSku(lamp.sku)[0].id })]);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
		expect(store.emulator.faultStats['reset-after-commit']).toBe(1);
	});

	it('is updated, not created again, when the same upsert runs again after the first run could not check', async () => {
		const sku = 'AMBIG-LAMP-02';
		// The SKU look-up before the create passes (a zero delay uses up the first rule); the create is
		// saved but its answer lost; every later product look-up fails, so the run cannot re-check.
		store.emulator.setFaults([
			{ kind: 'delay', delayMs: 0, method: 'GET', path: '/v3/catalog/products', count: 1 },
			{ kind: 'reset-after-commit', method: 'POST', path: '/v3/catalog/products', count: 1 },
			{ kind: '503', method: 'GET', path: '/v3/catalog/products' },
		]);

		const first = await upsert({ ...lamp, sku, name: 'Ambiguous Floor Lamp' });

		expect(first.error?.message).toBe('Could not reach BigCommerce: the connection was reset');
		expect(first.error?.description).toMatch(/BigCommerce may or may not have saved it\. Check the store before running this item again\./);
		expect(capture.lastNodeErrors.at(-1)).toBeInstanceOf(NodeApiError);
		expect(productsWithSku(sku)).toHaveLength(1);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);

		// The store answers again; the user runs the same import again.
		store.emulator.setFaults([]);
		store.emulator.clearRequests();
		const again = await upsert({ ...lamp, sku, name: 'Ambiguous Floor Lamp', price: 52 });

		expect(again.error).toBeUndefined();
		expect(productsWithSku(sku)).toHaveLength(1);
		expect(productsWithSku(sku)[0].price).toBe(52);
		expect(jsonOf(again)).toEqual([expect.objectContaining({ sku, action: 'updated', id: productsWithSku(sku)[0].id })]);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(0);
	});

	it('tells the user, when it cannot check, that the product may have been saved', async () => {
		const sku = 'AMBIG-LAMP-03';
		store.emulator.setFaults([
			{ kind: 'delay', delayMs: 0, method: 'GET', path: '/v3/catalog/products', count: 1 },
			{ kind: 'reset-after-commit', method: 'POST', path: '/v3/catalog/products', count: 1 },
			{ kind: '503', method: 'GET', path: '/v3/catalog/products' },
		]);

		const result = await upsert({ ...lamp, sku, name: 'Ambiguous Wall Lamp' }, { continueOnFail: true });

		expect(productsWithSku(sku)).toHaveLength(1);
		const [item] = jsonOf(result);
		expect(`${String(item.error)}\n${String(item.errorDescription)}`).toMatch(/may (or may not )?have (been )?saved|may already exist|may have been created/i);
	});

	it.each(['reset-after-commit', 'malformed-json', '500', '502', '503', 'reset'] as const)(
		'a create that meets %s once ends as one product in the store',
		async (kind) => {
			const sku = `AMBIG-ONCE-${kind}`.toUpperCase();
			store.emulator.setFaults([{ kind, method: 'POST', path: '/v3/catalog/products', count: 1 }]);

			const result = await upsert({ ...lamp, sku, name: `Once Only Lamp ${kind}` });

			expect(result.error).toBeUndefined();
			expect(productsWithSku(sku)).toHaveLength(1);
			expect(jsonOf(result)).toEqual([expect.objectContaining({ sku, action: 'created' })]);
		},
	);
});

describe('product.create whose answer is lost after the store saved it', () => {
	it('returns the saved product and never creates a second one', async () => {
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await runNode(
			{ resource: 'product', operation: 'create', name: 'Lost Answer Kettle', type: 'physical', weight: 1, price: 30, additionalFields: { sku: 'LOST-KETTLE' } },
			{ credentials: credentialsFor(store.emulator) },
		);

		expect(result.error).toBeUndefined();
		expect(productsWithSku('LOST-KETTLE')).toHaveLength(1);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ sku: 'LOST-KETTLE', id: productsWithSku('LOST-KETTLE')[0].id })]);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
	});
});

describe('customer.upsert whose create the store saved but never answered', () => {
	it('is found again by e-mail: one customer, in this run and in a re-run of the same upsert', async () => {
		const email = 'ambiguous.buyer@example.com';
		const customersWithEmail = () => store.emulator.state.customers.filter((c) => c.email.toLowerCase() === email);
		const run = async () =>
			await runNode(
				{ resource: 'customer', operation: 'upsert', email: '={{ $json.email }}', firstName: 'Ada', lastName: 'Buyer' },
				{ credentials: credentialsFor(store.emulator), input: [{ email }] },
			);
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v3/customers', count: 1 }]);

		const first = await run();
		store.emulator.setFaults([]);
		const again = await run();

		expect(first.error).toBeUndefined();
		expect(again.error).toBeUndefined();
		expect(customersWithEmail()).toHaveLength(1);
		expect(store.emulator.countRequests({ method: 'POST', path: '/v3/customers' })).toBe(1);
		expect(jsonOf(again)).toEqual([expect.objectContaining({ id: customersWithEmail()[0].id })]);
	});
});

describe('a create whose answer is lost, of a record the store already had', () => {
	it('product.create: a SKU that belonged to another product is reported as a conflict, never as that product', async () => {
		const existing = store.emulator.state.products.get(1)!;
		const before = { ...existing, categories: [...existing.categories] };
		const productCount = store.emulator.state.products.size;
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await runNode(
			{ resource: 'product', operation: 'create', name: 'Brand new product', type: 'physical', weight: 1, price: 30, additionalFields: { sku: existing.sku } },
			{ credentials: credentialsFor(store.emulator), continueOnFail: true },
		);

		const [item] = jsonOf(result);
		expect(item.id).toBeUndefined();
		expect(String(item.error)).toBe(`Not created: product 1 (SKU ${existing.sku}) was already in the store`);
		expect(store.emulator.state.products.size).toBe(productCount);
		expect(store.emulator.state.products.find((p) => p.name === 'Brand new product')).toBeUndefined();
		expect(store.emulator.state.products.get(1)).toEqual(before);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
	});

	it('product.create without Continue On Fail: the node fails and names the product that was there', async () => {
		const existing = store.emulator.state.products.get(1)!;
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v3/catalog/products', count: 1 }]);

		const result = await runNode(
			{ resource: 'product', operation: 'create', name: 'Brand new product', type: 'physical', weight: 1, price: 30, additionalFields: { sku: existing.sku } },
			{ credentials: credentialsFor(store.emulator) },
		);

		expect(result.error?.message).toBe(`Not created: product 1 (SKU ${existing.sku}) was already in the store`);
		expect(store.emulator.state.products.find((p) => p.name === 'Brand new product')).toBeUndefined();
	});

	it('customer.create: an e-mail that belonged to another customer is reported as a conflict, never as that customer', async () => {
		const existing = store.emulator.state.customers.get(1)!;
		const before = { ...existing };
		const customerCount = store.emulator.state.customers.size;
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v3/customers', count: 1 }]);

		const result = await runNode(
			{ resource: 'customer', operation: 'create', email: existing.email, firstName: 'Brand', lastName: 'New' },
			{ credentials: credentialsFor(store.emulator), continueOnFail: true },
		);

		const [item] = jsonOf(result);
		expect(item.id).toBeUndefined();
		expect(String(item.error)).toBe(`Not created: record 1 (e-mail ${existing.email}) was already in the store`);
		expect(store.emulator.state.customers.size).toBe(customerCount);
		expect(store.emulator.state.customers.get(1)).toEqual(before);
		expect(store.emulator.countRequests({ method: 'POST', path: '/v3/customers' })).toBe(1);
	});
});
