// The "From List" searches of the resource locators, as n8n's editor calls them: each reads one
// page of 50 and hands out the token of the next page while a page is full.

import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { INode, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { listSearch } from '../../nodes/BigCommerce/methods';
import { useStore } from '../helpers/store';
import { ACTION_TYPE, additionalDataFor, credentialsFor, nodeTypes } from '../helpers/workflow';

const store = useStore({ resource: 'product' });

function editor(): LoadOptionsContext {
	const node: INode = {
		id: 'b1c2d3e4-0000-4000-8000-0000000000aa',
		name: 'BigCommerce',
		type: ACTION_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'product', operation: 'get' },
		credentials: { bigCommerceApi: { id: '1', name: 'BigCommerce account' } },
	};
	const workflow = new Workflow({ id: 'list-search', name: 'List search', nodes: [node], connections: {}, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', '1', { id: 'list-search', nodes: [node] } as unknown as IWorkflowBase);
	return new LoadOptionsContext(workflow, node, additionalDataFor(credentialsFor(store.emulator), hooks), 'parameters.productId');
}

describe('list searches', () => {
	it('products: the typed text searches by keyword', async () => {
		await listSearch.searchProducts.call(editor(), 'tote');

		expect(store.emulator.requests[0].query).toEqual(expect.objectContaining({ keyword: 'tote' }));
	});

	it('customers: an e-mail searches by e-mail, other text by name, and a short page has no next token', async () => {
		const customer = [...store.emulator.state.customers.values()][0];

		const byEmail = await listSearch.searchCustomers.call(editor(), ` ${customer.email} `);
		await listSearch.searchCustomers.call(editor(), 'smith');

		expect(byEmail.results).toEqual([
			{ name: `${[customer.first_name, customer.last_name].filter(Boolean).join(' ')} <${customer.email}>`, value: String(customer.id) },
		]);
		expect(byEmail.paginationToken).toBeUndefined();
		expect(store.emulator.requests[0].query).toEqual(expect.objectContaining({ 'email:in': customer.email }));
		expect(store.emulator.requests[1].query).toEqual(expect.objectContaining({ 'name:like': 'smith' }));
	});

	it('orders: a number searches from that order ID, that order first (v2 list)', async () => {
		const result = await listSearch.searchOrders.call(editor(), '100');

		expect(store.emulator.requests[0].path).toBe('/v2/orders');
		expect(store.emulator.requests[0].query).toEqual(expect.objectContaining({ min_id: '100' }));
		expect(result.results[0].value).toBe('100');
		for (const option of result.results) expect(option.name).toMatch(/^#\d+/);
	});

	it('orders: in a store of more orders than one page, searching "N" shows order N first, then the next ones', async () => {
		store.emulator.seedScale({ orders: 130 });
		const ids = store.emulator.state.orders.filter((o) => !o.is_deleted).map((o) => o.id);
		const wanted = ids[40];
		expect(ids.filter((id) => id >= wanted).length).toBeGreaterThan(50);
		store.emulator.clearRequests();

		const first = await listSearch.searchOrders.call(editor(), ` ${wanted} `);

		expect(first.results[0].value).toBe(String(wanted));
		expect(first.results.map((r) => Number(r.value))).toEqual(ids.filter((id) => id >= wanted).slice(0, 50));
		expect(first.paginationToken).toBe('2');
		expect(store.emulator.requests).toHaveLength(1);
	});

	it('customer groups: a v2 list, by name', async () => {
		const result = await listSearch.searchCustomerGroups.call(editor());

		expect(store.emulator.requests[0].path).toBe('/v2/customer_groups');
		expect(result.results.length).toBeGreaterThan(0);
		expect(result.results[0]).toEqual({ name: expect.any(String), value: expect.stringMatching(/^\d+$/) });
	});

	it('products: 50 a page, named with their SKU, and the token of the next page', async () => {
		store.emulator.seedScale({ products: 60, variantsPerProduct: 1 });
		store.emulator.clearRequests();
		const first = await listSearch.searchProducts.call(editor());
		const second = await listSearch.searchProducts.call(editor(), undefined, first.paginationToken);

		const products = [...store.emulator.state.products.values()];
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		expect(second.results).toHaveLength(products.length - 50);
		expect(second.paginationToken).toBeUndefined();
		const withSku = products.find((p) => p.sku)!;
		const named = [...first.results, ...second.results].find((r) => r.value === String(withSku.id));
		expect(named?.name).toBe(`${withSku.name} (${withSku.sku})`);
		expect(store.emulator.requests.map((r) => r.query)).toEqual([
			expect.objectContaining({ page: '1', limit: '50', sort: 'name', include_fields: 'name,sku' }),
			expect.objectContaining({ page: '2', limit: '50' }),
		]);
	});
});

describe('price list search', () => {
	it('searches price lists by name and marks the inactive ones', async () => {
		const { state } = store.emulator;
		const now = new Date().toISOString();
		for (const [name, active] of [['Wholesale', true], ['Wholesale EU', false], ['Retail', true]] as const) {
			state.priceLists.insert({ id: state.priceLists.allocateId(), name, active, date_created: now, date_modified: now });
		}
		const found = await listSearch.searchPriceLists.call(editor(), 'whole');
		expect(found.results.map((r) => r.name)).toEqual(['Wholesale', 'Wholesale EU (inactive)']);
		expect(store.emulator.requests[0].query).toEqual(expect.objectContaining({ 'name:like': 'whole' }));
	});
});
