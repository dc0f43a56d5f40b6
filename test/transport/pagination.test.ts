import { probeList } from '../helpers/probe';
import { useStore } from '../helpers/store';

describe('transport pagination: every record, at the floor number of requests', () => {
	const store = useStore({ seed: 'empty', scale: { products: 1234, orders: 600, customers: 610 } });

	const ids = (records: Array<{ json: { id?: unknown } }>) => records.map((r) => Number(r.json.id));
	const orderIds = () => [...store.emulator.state.orders.keys()].sort((a, b) => a - b);

	it('v3 page/limit: 1,234 products in 5 requests of 250, in id order', async () => {
		const result = await probeList(store.emulator, 'v3Page', '/v3/catalog/products');
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual([...store.emulator.state.products.keys()].sort((a, b) => a - b));
		expect(result.items).toHaveLength(1234);
		expect(store.emulator.countRequests({ method: 'GET', path: '/v3/catalog/products' })).toBe(5);
		expect(store.emulator.requests.every((r) => r.query.limit === '250')).toBe(true);
	});

	it('v3 page/limit with a limit reads only the pages it needs', async () => {
		const result = await probeList(store.emulator, 'v3Page', '/v3/catalog/products', { limit: 300 });
		expect(result.items).toHaveLength(300);
		expect(store.emulator.countRequests({ path: '/v3/catalog/products' })).toBe(2);

		store.emulator.clearRequests();
		const small = await probeList(store.emulator, 'v3Page', '/v3/catalog/products', { limit: 30 });
		expect(small.items).toHaveLength(30);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0].query.limit).toBe('30');
	});

	it('v3 cursor: 610 customers in 3 requests following end_cursor', async () => {
		const result = await probeList(store.emulator, 'v3Cursor', '/v3/customers');
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(610);
		expect(new Set(ids(result.items)).size).toBe(610);
		expect(store.emulator.countRequests({ path: '/v3/customers' })).toBe(3);
		expect(store.emulator.requests[0].query.after).toBeUndefined();
		expect(store.emulator.requests[1].query.after).toBeDefined();
		expect(store.emulator.requests.some((r) => r.query.page !== undefined)).toBe(false);
	});

	it('v2 page/limit: 600 orders end on the short third page', async () => {
		const result = await probeList(store.emulator, 'v2Page', '/v2/orders');
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(orderIds());
		expect(result.items).toHaveLength(600);
		expect(store.emulator.countRequests({ path: '/v2/orders' })).toBe(3);
	});

	it('v2 page/limit: a full last page ends on the 204 that follows it', async () => {
		const first500 = orderIds().slice(0, 500);
		const result = await probeList(store.emulator, 'v2Page', '/v2/orders', { qs: { max_id: first500[499] } });
		expect(ids(result.items)).toEqual(first500);
		expect(store.emulator.countRequests({ path: '/v2/orders' })).toBe(3);
		expect(store.emulator.requests[2].status).toBe(204);
	});

	it('v2 page/limit: no results is an empty list, not a failure', async () => {
		const result = await probeList(store.emulator, 'v2Page', '/v2/orders', { qs: { min_id: 10_000_000 } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		expect(store.emulator.requests).toHaveLength(1);
	});
});

describe('transport pagination: pages read ahead', () => {
	const store = useStore({ seed: 'empty', scale: { products: 5000 } });

	it('keeps 10 pages in flight after the first, never more, each page asked once, in order', async () => {
		store.emulator.setLatency(150);
		const result = await probeList(store.emulator, 'v3Page', '/v3/catalog/products');
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => Number(item.json.id))).toEqual([...store.emulator.state.products.keys()].sort((a, b) => a - b));
		const pages = store.emulator.requests.map((r) => Number(r.query.page));
		expect([...pages].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(pages[0]).toBe(1);
		expect(store.emulator.inFlightPeak().routes['GET /v3/catalog/products']).toBe(10);
	});

	it('with a Limit, never asks past the page the Limit ends on', async () => {
		store.emulator.setLatency(150);
		const result = await probeList(store.emulator, 'v3Page', '/v3/catalog/products', { limit: 3001 });
		expect(result.items).toHaveLength(3001);
		expect(store.emulator.requests.map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 13 }, (_, i) => i + 1),
		);
	});
});
