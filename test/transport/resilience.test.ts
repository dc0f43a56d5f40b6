import { probeList, probeRequest } from '../helpers/probe';
import { useStore } from '../helpers/store';

describe('transport: rate limits, retries and what is never repeated', () => {
	const store = useStore({ seed: 'empty', scale: { products: 300, orders: 10 } });

	it('500 requests against a quota of 40 per 400 ms all succeed, pausing for each reset', async () => {
		store.emulator.setRateLimit({ quota: 40, windowMs: 400 });
		const result = await probeRequest(store.emulator, { method: 'GET', path: '/v2/store' }, { times: 500 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(500);
		expect(result.items.every((item) => item.json.statusCode === 200)).toBe(true);
		// The transport waits out each window instead of spending requests on 429s.
		expect(store.emulator.rateLimitStats.limited).toBe(0);
		expect(store.emulator.requests).toHaveLength(500);
	});

	it('a quota shared with another app: 429s are waited out and retried, nothing fails', async () => {
		store.emulator.setRateLimit({ quota: 10_000, windowMs: 200 });
		store.emulator.setFaults([{ kind: '429', rate: 0.3 }]);
		const result = await probeRequest(store.emulator, { method: 'GET', path: '/v2/store' }, { times: 40 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(40);
		expect(store.emulator.faultStats['429']).toBeGreaterThan(0);
		expect(store.emulator.requests.filter((r) => r.status === 200)).toHaveLength(40);
	});

	it('a 429 without rate-limit headers backs off and retries', async () => {
		store.emulator.setFaults([{ kind: '429-no-headers', count: 2 }]);
		const result = await probeRequest(store.emulator, { method: 'GET', path: '/v2/store' });
		expect(result.error).toBeUndefined();
		expect(store.emulator.requests.map((r) => r.status)).toEqual([429, 429, 200]);
	});

	it.each(['500', '502', '503', 'reset', 'malformed-json'] as const)(
		'a GET that meets %s is retried and the list is still complete',
		async (kind) => {
			store.emulator.setFaults([{ kind, path: '/v3/catalog/products', count: 2 }]);
			const result = await probeList(store.emulator, 'v3Page', '/v3/catalog/products');
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(300);
			expect(new Set(result.items.map((i) => i.json.id)).size).toBe(300);
		},
	);

	it('a POST that meets a 500 is not sent again, and the failure is reported', async () => {
		store.emulator.setFaults([{ kind: '500', method: 'POST', count: 1 }]);
		const before = store.emulator.state.products.size;
		const result = await probeRequest(store.emulator, {
			method: 'POST',
			path: '/v3/catalog/products',
			body: { name: 'Once Only Lamp', type: 'physical', weight: 1, price: 10, sku: 'ONCE-1' },
		});
		expect(result.error?.message).toMatch(/500/);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
		expect(store.emulator.state.products.size).toBe(before);
	});

	it('a POST whose connection drops after the store saved it is not repeated, and says so', async () => {
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', count: 1 }]);
		const before = store.emulator.state.products.size;
		const result = await probeRequest(store.emulator, {
			method: 'POST',
			path: '/v3/catalog/products',
			body: { name: 'Ambiguous Lamp', type: 'physical', weight: 1, price: 10, sku: 'AMBIG-1' },
		});
		expect(result.error?.message).toMatch(/Could not reach BigCommerce/);
		expect(result.error?.description).toMatch(/may or may not have saved it/);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
		expect(store.emulator.state.products.size).toBe(before + 1);
	});

	it('a PUT that meets a 503 is retried, because setting the same values twice is harmless', async () => {
		const id = [...store.emulator.state.products.keys()][0];
		store.emulator.setFaults([{ kind: '503', method: 'PUT', count: 1 }]);
		const result = await probeRequest(store.emulator, {
			method: 'PUT',
			path: `/v3/catalog/products/${id}`,
			body: { price: 42 },
		});
		expect(result.error).toBeUndefined();
		expect(store.emulator.requests.map((r) => r.status)).toEqual([503, 200]);
		expect(store.emulator.state.products.get(id)?.price).toBe(42);
	});

	it('a GET that keeps failing gives up after five tries with a clear error', async () => {
		store.emulator.setFaults([{ kind: '502', path: '/v2/store' }]);
		const result = await probeRequest(store.emulator, { method: 'GET', path: '/v2/store' });
		expect(result.error?.message).toMatch(/not answering properly \(502\) after 5 attempts/);
		expect(store.emulator.requests).toHaveLength(5);
	});
});
