// The store's request scheduler on its own: how many requests it lets be in flight per endpoint,
// inventory adjustments alone, and the quota spread over its window. Each test holds the places
// it is given for a while, as requests do, and records what was in flight at once.

import { getEventListeners } from 'events';

import {
	DEFAULT_CONCURRENCY,
	StoreScheduler,
	allowedConcurrency,
	schedulerFor,
	type RequestRoute,
	type Slot,
} from '../../nodes/BigCommerce/transport/scheduler';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Span {
	route: string;
	start: number;
	end: number;
}

/** Sends each request through the scheduler, holding its place `holdMs`, and records when. */
async function sendAll(
	scheduler: StoreScheduler,
	requests: Array<RequestRoute & { runLimit?: number }>,
	holdMs = 15,
	answer?: (slot: Slot, index: number) => void,
): Promise<Span[]> {
	const spans: Span[] = [];
	await Promise.all(
		requests.map(async (request, index) => {
			const slot = await scheduler.acquire(request);
			const start = performance.now();
			await pause(holdMs);
			answer?.(slot, index);
			spans.push({ route: `${request.method} ${request.path}`, start, end: performance.now() });
			slot.release();
		}),
	);
	return spans;
}

/** The most spans (matching `which`) that overlap at one moment. */
function peak(spans: Span[], which: (span: Span) => boolean = () => true): number {
	const events = spans
		.filter(which)
		.flatMap((span) => [
			{ at: span.start, step: 1 },
			{ at: span.end, step: -1 },
		])
		// At the same instant an end comes before a start: the place was given back first.
		.sort((a, b) => a.at - b.at || a.step - b.step);
	let now = 0;
	let most = 0;
	for (const event of events) {
		now += event.step;
		most = Math.max(most, now);
	}
	return most;
}

const times = (count: number, route: RequestRoute) => Array.from({ length: count }, () => ({ ...route }));

describe('request scheduler: requests in flight per endpoint', () => {
	it('keeps customer updates to 3 in flight, customer addresses to 10, category tree reads to 1', async () => {
		const scheduler = new StoreScheduler();

		const spans = await sendAll(scheduler, [
			...times(12, { method: 'PUT', path: '/v3/customers' }),
			...times(14, { method: 'POST', path: '/v3/customers/addresses' }),
			...times(4, { method: 'GET', path: '/v3/catalog/trees/1/categories' }),
		]);

		expect(peak(spans, (s) => s.route === 'PUT /v3/customers')).toBe(3);
		expect(peak(spans, (s) => s.route === 'POST /v3/customers/addresses')).toBe(10);
		expect(peak(spans, (s) => s.route.startsWith('GET /v3/catalog/trees'))).toBe(1);
		expect(spans).toHaveLength(30);
		expect(scheduler.active).toBe(0);
	});

	it('elsewhere allows the moderate default, counting one endpoint whatever the ID in its path', async () => {
		const scheduler = new StoreScheduler();

		const spans = await sendAll(
			scheduler,
			Array.from({ length: 25 }, (_, i) => ({ method: 'GET', path: `/v3/catalog/products/${i + 1}` })),
		);

		expect(peak(spans)).toBe(DEFAULT_CONCURRENCY);
	});

	it('the run\'s own Max Concurrent Requests lowers every limit, never raises one', async () => {
		const scheduler = new StoreScheduler();

		const spans = await sendAll(scheduler, [
			...times(8, { method: 'PUT', path: '/v3/catalog/products' }).map((r) => ({ ...r, runLimit: 2 })),
			...times(8, { method: 'PUT', path: '/v3/customers' }).map((r) => ({ ...r, runLimit: 5 })),
		]);

		expect(peak(spans, (s) => s.route === 'PUT /v3/catalog/products')).toBe(2);
		expect(peak(spans, (s) => s.route === 'PUT /v3/customers')).toBe(3);
		expect(allowedConcurrency({ method: 'PUT', path: '/v3/customers' }, 8)).toBe(3);
		expect(allowedConcurrency({ method: 'PUT', path: '/v3/catalog/products' }, 4)).toBe(4);
		expect(allowedConcurrency({ method: 'PUT', path: '/v3/catalog/products' })).toBe(DEFAULT_CONCURRENCY);
	});

	it('sends inventory adjustments one at a time, never beside a catalog write, and neither side starves', async () => {
		const scheduler = new StoreScheduler();
		const requests = Array.from({ length: 30 }, (_, i) =>
			i % 3 === 0
				? { method: 'PUT', path: i % 2 ? '/v3/inventory/adjustments/absolute' : '/v3/inventory/adjustments/relative' }
				: { method: i % 2 ? 'PUT' : 'POST', path: '/v3/catalog/products' },
		);

		const spans = await sendAll(scheduler, requests);

		const inventory = (s: Span) => s.route.includes('/inventory/adjustments/');
		expect(peak(spans, inventory)).toBe(1);
		expect(peak(spans, (s) => !inventory(s))).toBeGreaterThan(1);
		for (const adjustment of spans.filter(inventory)) {
			const beside = spans.filter((s) => !inventory(s) && s.start < adjustment.end && adjustment.start < s.end);
			expect(beside).toEqual([]);
		}
		expect(spans.filter(inventory)).toHaveLength(10);
	});

	it('catalog reads may run beside an inventory adjustment', async () => {
		const scheduler = new StoreScheduler();

		const spans = await sendAll(scheduler, [
			{ method: 'PUT', path: '/v3/inventory/adjustments/absolute' },
			...times(3, { method: 'GET', path: '/v3/catalog/variants' }),
		]);

		expect(peak(spans)).toBe(4);
	});

	it('one scheduler per store: the same API URL and store hash share it, another store has its own', () => {
		const a = schedulerFor('https://api.bigcommerce.com/stores/abc123');
		expect(schedulerFor('https://api.bigcommerce.com/stores/abc123')).toBe(a);
		expect(schedulerFor('https://api.bigcommerce.com/stores/xyz789')).not.toBe(a);
		expect(schedulerFor('https://proxy.example.com/stores/abc123')).not.toBe(a);
	});
});

describe('request scheduler: the quota', () => {
	const quotaHeaders = (left: number, resetMs: number) => ({ requestsLeft: left, resetMs, quota: 10, windowMs: 600 });

	it('spreads what is left of the window over the time left, instead of sending it at once', async () => {
		const scheduler = new StoreScheduler();
		// The first answer: 5 left in a window that ends in 500 ms.
		const first = await scheduler.acquire({ method: 'GET', path: '/v3/catalog/products' });
		first.observe(quotaHeaders(5, 500), false);
		first.release();
		const began = performance.now();

		const spans = await sendAll(scheduler, times(5, { method: 'GET', path: '/v3/catalog/products' }), 1);

		const starts = spans.map((s) => s.start - began).sort((a, b) => a - b);
		// About 100 ms apart: 0, 100, 200, 300, 400 ms, all inside the window.
		expect(starts[4]).toBeGreaterThan(300);
		expect(starts[4]).toBeLessThan(500);
		for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThan(60);
	});

	it('with the quota used up, nothing starts before the reset, then the new window is spread too', async () => {
		const scheduler = new StoreScheduler();
		const first = await scheduler.acquire({ method: 'GET', path: '/v3/catalog/products' });
		first.observe(quotaHeaders(0, 300), false);
		first.release();
		const began = performance.now();

		const spans = await sendAll(scheduler, times(3, { method: 'GET', path: '/v3/catalog/products' }), 1);

		const starts = spans.map((s) => s.start - began).sort((a, b) => a - b);
		expect(starts[0]).toBeGreaterThanOrEqual(295);
		// 10 per 600 ms in the new window: 60 ms apart.
		expect(starts[2] - starts[0]).toBeGreaterThan(90);
	});

	it('counts the requests still in flight that the store had not yet counted when it answered', async () => {
		const scheduler = new StoreScheduler();
		const route = { method: 'GET', path: '/v3/catalog/products' };
		const slots = await Promise.all([1, 2, 3, 4].map(() => scheduler.acquire(route)));
		// The first answer says 3 left; the three sent after it are still in flight, so none is.
		slots[0].observe(quotaHeaders(3, 400), false);
		slots.forEach((slot) => slot.release());
		const began = performance.now();

		const [span] = await sendAll(scheduler, [route], 1);

		expect(span.start - began).toBeGreaterThanOrEqual(395);
	});

	it('a 429 holds every request of the store until the reset it announces', async () => {
		const scheduler = new StoreScheduler();
		const refused = await scheduler.acquire({ method: 'POST', path: '/v3/catalog/products' });
		refused.observe(quotaHeaders(4, 250), true);
		refused.release();
		const began = performance.now();

		const spans = await sendAll(scheduler, times(2, { method: 'GET', path: '/v3/customers' }), 1);

		expect(Math.min(...spans.map((s) => s.start - began))).toBeGreaterThanOrEqual(245);
	});

	it('a request waits for the quota no longer than its own budget', async () => {
		const scheduler = new StoreScheduler();
		const first = await scheduler.acquire({ method: 'GET', path: '/v3/catalog/products' });
		first.observe(quotaHeaders(0, 30_000), false);
		first.release();
		const began = performance.now();

		const slot = await scheduler.acquire({ method: 'GET', path: '/v3/catalog/products', maxQuotaWaitMs: 200 });
		slot.release();

		expect(performance.now() - began).toBeGreaterThanOrEqual(195);
		expect(performance.now() - began).toBeLessThan(1000);
	});

	it('a cancelled run stops waiting without taking a place', async () => {
		const scheduler = new StoreScheduler();
		const held = await Promise.all([1, 2, 3].map(() => scheduler.acquire({ method: 'PUT', path: '/v3/customers' })));
		const cancel = new AbortController();

		const waiting = scheduler.acquire({ method: 'PUT', path: '/v3/customers', cancel: cancel.signal });
		cancel.abort();
		const slot = await waiting;

		expect(scheduler.active).toBe(3);
		slot.release();
		held.forEach((s) => s.release());
		expect(scheduler.active).toBe(0);
	});

	it('leaves no cancel listener behind once a request has its place', async () => {
		const scheduler = new StoreScheduler();
		const cancel = new AbortController();

		for (let i = 0; i < 30; i++) {
			const slot = await scheduler.acquire({ method: 'GET', path: '/v3/catalog/products', cancel: cancel.signal });
			slot.release();
		}

		expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(0);
	});
});
