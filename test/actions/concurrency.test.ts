// Requests in flight at once, through n8n's WorkflowExecute against the store emulator with a
// round trip of its own: batched writes send several batches at once but never more than the
// endpoint allows, inventory adjustments go alone, two runs against one store share its quota,
// and item order, stop-at-first-failure and Continue On Fail stay what they were.

import type { IDataObject } from 'n8n-workflow';

import type { InFlightSpan } from '../emulator/concurrency';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const store = useStore({ fresh: 'store' });


const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

afterEach(() => store.emulator.setLatency(0));

/** The first `count` scale products: their IDs, in order. */
function scaleProducts(count: number): number[] {
	store.emulator.seedScale({ products: count });
	const ids = [...store.emulator.state.products.values()].filter((p) => p.sku.startsWith('SCALE-')).map((p) => p.id);
	store.emulator.clearRequests();
	return ids.slice(0, count);
}

const priceOf = (id: number) => store.emulator.state.products.get(id)!.price;
const updatePrices = { resource: 'product', operation: 'update', productId: '={{ $json.id }}', updateFields: { price: '={{ $json.price }}' } };
const statuses = (status: number) => store.emulator.requests.filter((r) => r.status === status).length;

describe('batched writes in flight at once', () => {
	it('updates 200 products in 20 requests, several at once but never more than 10, output in input order', async () => {
		const ids = scaleProducts(200);
		store.emulator.setLatency(25);

		const result = await store.run(updatePrices, { input: ids.map((id, i) => ({ id, price: 100 + i })) });

		expect(result.error).toBeUndefined();
		expect(store.emulator.countRequests({ method: 'PUT', path: '/v3/catalog/products' })).toBe(20);
		const peak = store.emulator.inFlightPeak().routes['PUT /v3/catalog/products'];
		expect(peak).toBeGreaterThan(1);
		expect(peak).toBeLessThanOrEqual(10);
		expect(jsonOf(result).map((p) => [p.id, p.price])).toEqual(ids.map((id, i) => [id, 100 + i]));
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		ids.forEach((id, i) => expect(priceOf(id)).toBe(100 + i));
	});

	it('Max Concurrent Requests lowers how many are in flight', async () => {
		const ids = scaleProducts(100);
		store.emulator.setLatency(20);

		const result = await store.run(
			{ ...updatePrices, requestOptions: { maxConcurrentRequests: 2 } },
			{ input: ids.map((id) => ({ id, price: 42 })) },
		);

		expect(result.error).toBeUndefined();
		expect(store.emulator.inFlightPeak().routes['PUT /v3/catalog/products']).toBe(2);
	});

	it('keeps customer updates to the 3 in flight BigCommerce allows', async () => {
		store.emulator.seedScale({ customers: 80 });
		const customers = [...store.emulator.state.customers.values()].filter((c) => c.email.startsWith('scale.customer.'));
		const vip = [...store.emulator.state.customerGroups.values()].find((g) => g.name === 'VIP')!;
		store.emulator.clearRequests();
		store.emulator.setLatency(25);

		const result = await store.run(
			{ resource: 'customer', operation: 'assignGroup', customerId: byId('={{ $json.id }}'), customerGroupId: byId(vip.id) },
			{ input: customers.map((c) => ({ id: c.id })) },
		);

		expect(result.error).toBeUndefined();
		expect(store.emulator.countRequests({ method: 'PUT', path: '/v3/customers' })).toBe(8);
		expect(store.emulator.inFlightPeak().routes['PUT /v3/customers']).toBe(3);
		expect(jsonOf(result).map((c) => c.id)).toEqual(customers.map((c) => c.id));
		for (const c of customers) expect(store.emulator.state.customers.get(c.id)!.customer_group_id).toBe(vip.id);
	});

	it('a row that repeats a product of an earlier batch is written after it: the later row wins', async () => {
		const ids = scaleProducts(30);
		store.emulator.setLatency(15);
		// Rows 0-29 set each price; rows 30-39 set the first ten again.
		const input = [...ids.map((id) => ({ id, price: 1 })), ...ids.slice(0, 10).map((id) => ({ id, price: 2 }))];

		const result = await store.run(updatePrices, { input });

		expect(result.error).toBeUndefined();
		ids.forEach((id, i) => expect(priceOf(id)).toBe(i < 10 ? 2 : 1));
	});
});

describe('inventory adjustments', () => {
	it('go one at a time and never beside a catalog write, even from two other runs at once', async () => {
		const ids = scaleProducts(120);
		store.emulator.setLatency(20);
		const skus = ids.map((id) => store.emulator.state.products.get(id)!.sku);
		const stock = (quantity: number) => ({
			resource: 'inventory',
			operation: 'setLevel',
			identifyBy: 'sku',
			sku: '={{ $json.sku }}',
			quantity,
			locationId: '={{ $json.location }}',
		});
		// Three locations: three adjustments per run.
		const rows = skus.map((sku, i) => ({ sku, location: (i % 3) + 1 }));

		const results = await Promise.all([
			store.run(stock(7), { input: rows }),
			store.run(updatePrices, { input: ids.map((id) => ({ id, price: 55 })) }),
			store.run(stock(9), { input: rows }),
		]);

		for (const result of results) expect(result.error).toBeUndefined();
		const spans = store.emulator.inFlightSpans();
		const isAdjustment = (s: InFlightSpan) => s.route.startsWith('PUT /v3/inventory/adjustments/');
		const isCatalogWrite = (s: InFlightSpan) => /^(PUT|POST|DELETE) \/v3\/catalog\//.test(s.route);
		expect(spans.filter(isAdjustment)).toHaveLength(6);
		expect(store.emulator.inFlightPeak().routes['PUT /v3/inventory/adjustments/absolute']).toBe(1);
		for (const adjustment of spans.filter(isAdjustment)) {
			const beside = spans.filter((s) => isCatalogWrite(s) && s.start < adjustment.end && adjustment.start < s.end);
			expect(beside).toEqual([]);
		}
		ids.forEach((id) => expect(priceOf(id)).toBe(55));
	});
});

describe('one quota for every run against the store', () => {
	it('two runs updating at once share the quota: every item saved, no 429', async () => {
		const ids = scaleProducts(240);
		store.emulator.setRateLimit({ quota: 10, windowMs: 500 });
		store.emulator.setLatency(10);
		const half = (from: number, price: number): IDataObject[] => ids.slice(from, from + 120).map((id) => ({ id, price }));

		const started = Date.now();
		const [first, second] = await Promise.all([
			store.run(updatePrices, { input: half(0, 11) }),
			store.run(updatePrices, { input: half(120, 22) }),
		]);
		const elapsed = Date.now() - started;

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(store.emulator.countRequests({ method: 'PUT', path: '/v3/catalog/products' })).toBe(24);
		expect(statuses(429)).toBe(0);
		// 24 requests at 10 per 500 ms: the third window is needed, the quota was not exceeded.
		expect(elapsed).toBeGreaterThanOrEqual(1000);
		ids.forEach((id, i) => expect(priceOf(id)).toBe(i < 120 ? 11 : 22));
	});
});

describe('failures under concurrency', () => {
	const input = (ids: number[]) => ids.map((id, i) => ({ id: i === 25 ? 999999 : id, price: 77 }));

	it('without Continue On Fail, stops at the first failing item: in-flight batches finish, no new batch starts', async () => {
		const ids = scaleProducts(100);
		store.emulator.setLatency(20);

		const result = await store.run({ ...updatePrices, requestOptions: { maxConcurrentRequests: 2 } }, { input: input(ids) });

		expect(result.error?.message).toMatch(/999999/);
		expect(result.error?.context?.itemIndex).toBe(25);
		// The batches before the failing one were written; far later ones were never sent.
		ids.slice(0, 20).forEach((id) => expect(priceOf(id)).toBe(77));
		ids.slice(50).forEach((id) => expect(priceOf(id)).not.toBe(77));
		const sentIds = store.emulator.requests.flatMap((r) => (r.body as IDataObject[]).map((record) => Number(record.id)));
		for (const id of ids.slice(50)) expect(sentIds).not.toContain(id);
	});

	it('with Continue On Fail, only the failing item carries an error; every other is written, in order', async () => {
		const ids = scaleProducts(100);
		store.emulator.setLatency(20);

		const result = await store.run(updatePrices, { input: input(ids), continueOnFail: true });

		const out = jsonOf(result);
		expect(out).toHaveLength(100);
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		out.forEach((item, i) => {
			if (i === 25) expect(String(item.error)).toMatch(/999999/);
			else expect([item.id, item.price]).toEqual([ids[i], 77]);
		});
		ids.forEach((id, i) => i !== 25 && expect(priceOf(id)).toBe(77));
	});
});

describe('Get Many in pages read side by side', () => {
	it('reads the pages after the first several at once, hands them on in order, and reads no page a limit does not need', async () => {
		scaleProducts(2400);
		store.emulator.setLatency(20);
		const inStore = [...store.emulator.state.products.values()].map((p) => p.id).sort((a, b) => a - b);

		const all = await store.run({ resource: 'product', operation: 'getAll', returnAll: true, simplify: false });
		const allRequests = store.emulator.countRequests({ method: 'GET', path: '/v3/catalog/products' });
		const peak = store.emulator.inFlightPeak().routes['GET /v3/catalog/products'];
		store.emulator.clearRequests();
		const some = await store.run({ resource: 'product', operation: 'getAll', returnAll: false, limit: 600, simplify: false });

		expect(all.error).toBeUndefined();
		expect(jsonOf(all).map((p) => p.id)).toEqual(inStore);
		expect(allRequests).toBe(Math.ceil(inStore.length / 250));
		expect(peak).toBeGreaterThan(1);
		expect(peak).toBeLessThanOrEqual(10);
		expect(jsonOf(some).map((p) => p.id)).toEqual(inStore.slice(0, 600));
		expect(store.requestLines({ query: true }).filter((line) => line.startsWith('GET /v3/catalog/products'))).toHaveLength(3);
	});
});
