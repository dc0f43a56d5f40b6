import { sleep } from 'n8n-workflow';

import type { RateLimitState } from './rateLimit';

/**
 * One scheduler per store (API URL + store hash), shared by every execution in this process:
 * two workflows writing to one store take turns on its quota instead of each believing it owns
 * it. Each request waits here for a place among the requests in flight its endpoint allows, and
 * for its turn in the window's quota, spread over the window from the rate-limit headers of the
 * answers (which also carry what other processes and apps spent).
 */

/** Requests in flight at once to an endpoint BigCommerce states no limit for. */
export const DEFAULT_CONCURRENCY = 10;
/** Requests in flight at once to one store, all endpoints together. */
const STORE_CONCURRENCY = 20;
// A few milliseconds past the announced reset, so the new window has surely begun.
const RESET_MARGIN_MS = 5;
// Pauses shorter than this are carried over to the next request instead of slept.
const MIN_PAUSE_MS = 1;
// No single pause longer than this (a window is 30 s at most; a larger reset is a fault).
const MAX_QUOTA_PAUSE_MS = 60_000;

/**
 * Inventory adjustments: one at a time, and not beside bulk catalog or order writes
 * (BigCommerce's inventory guide). The two groups exclude each other.
 */
type ExclusiveGroup = 'inventory' | 'catalogWrite';

interface EndpointRule {
	methods: string[];
	pattern: RegExp;
	limit: number;
	group?: ExclusiveGroup;
}

const WRITES = ['POST', 'PUT', 'DELETE'];

// The per-endpoint limits BigCommerce's API reference states (customers.v3, category-trees,
// price_lists.v3, orders.v3, inventory guide). Limits above the default change nothing, so only
// the lower ones are listed.
const ENDPOINT_RULES: EndpointRule[] = [
	{ methods: ['PUT'], pattern: /^\/v3\/customers$/, limit: 3 },
	{ methods: ['POST', 'PUT'], pattern: /^\/v3\/customers\/addresses$/, limit: 10 },
	{ methods: ['POST', 'PUT'], pattern: /^\/v3\/customers\/attributes$/, limit: 3 },
	{ methods: ['PUT'], pattern: /^\/v3\/customers\/attribute-values$/, limit: 3 },
	{ methods: ['PUT'], pattern: /^\/v3\/customers\/form-field-values$/, limit: 10 },
	{ methods: ['GET'], pattern: /^\/v3\/catalog\/trees(\/[^/]+)?\/categories$/, limit: 1 },
	{ methods: ['DELETE'], pattern: /^\/v3\/pricelists\/[^/]+$/, limit: 1 },
	{ methods: ['POST'], pattern: /^\/v3\/pricelists\/records$/, limit: 10 },
	{ methods: ['PUT'], pattern: /^\/v3\/pricelists\/records$/, limit: 1 },
	{ methods: ['GET', 'POST'], pattern: /^\/v3\/pricelists\/[^/]+\/records$/, limit: 10 },
	{ methods: ['PUT'], pattern: /^\/v3\/pricelists\/[^/]+\/records$/, limit: 2 },
	// Refunds of one order are processed one after the other.
	{ methods: ['POST'], pattern: /^\/v3\/orders\/[^/]+\/payment_actions\/refunds$/, limit: 1 },
	{ methods: WRITES, pattern: /^\/v3\/inventory\/adjustments\//, limit: 1, group: 'inventory' },
	{ methods: WRITES, pattern: /^\/v3\/catalog\//, limit: DEFAULT_CONCURRENCY, group: 'catalogWrite' },
	{ methods: WRITES, pattern: /^\/v[23]\/orders(\/|$)/, limit: DEFAULT_CONCURRENCY, group: 'catalogWrite' },
];

export interface RequestRoute {
	method: string;
	/** Path below the store, e.g. /v3/catalog/products/12 */
	path: string;
}

interface Endpoint {
	/** Requests to the same endpoint share this key, e.g. "PUT /v3/catalog/products/:id". */
	key: string;
	limit: number;
	group?: ExclusiveGroup;
}

const endpointCache = new Map<string, Endpoint>();

/** The endpoint a request is counted against, with the requests in flight it allows. */
export function endpointOf(route: RequestRoute): Endpoint {
	const method = route.method.toUpperCase();
	const cacheKey = `${method} ${route.path}`;
	const cached = endpointCache.get(cacheKey);
	if (cached) return cached;
	const rule = ENDPOINT_RULES.find((candidate) => candidate.methods.includes(method) && candidate.pattern.test(route.path));
	const generic = route.path.replace(/\/\d+(?=\/|$)/g, '/:id');
	const endpoint: Endpoint = {
		key: rule && rule.limit < DEFAULT_CONCURRENCY ? `${method} ${rule.pattern.source}` : `${method} ${generic}`,
		limit: rule?.limit ?? DEFAULT_CONCURRENCY,
		group: rule?.group,
	};
	// Paths carry IDs, so the cache is kept small rather than exact.
	if (endpointCache.size > 1000) endpointCache.clear();
	endpointCache.set(cacheKey, endpoint);
	return endpoint;
}

/** The requests in flight a run may have to this endpoint: its limit, lowered by the run's own. */
export function allowedConcurrency(route: RequestRoute | undefined, runLimit?: number): number {
	const endpointLimit = route ? endpointOf(route).limit : DEFAULT_CONCURRENCY;
	return Math.max(1, Math.min(endpointLimit, runLimit ?? DEFAULT_CONCURRENCY));
}

export interface SlotRequest extends RequestRoute {
	/** The run's own cap (the node's Max Concurrent Requests option). */
	runLimit?: number;
	/** The execution's cancel signal: a cancelled run stops waiting. */
	cancel?: AbortSignal;
	/** The longest this request waits for the quota; then it goes, and a 429 says the rest. */
	maxQuotaWaitMs?: number;
}

export interface Slot {
	/** Reads an answer's rate-limit headers into the store's quota. */
	observe(state: RateLimitState, rateLimited: boolean): void;
	/** Gives the place back; called once, when the answer is read or the try failed. */
	release(): void;
}

interface Waiter {
	endpoint: Endpoint;
	limit: number;
	/** When the request stops waiting for the quota. */
	quotaDeadline: number;
	grant: (slot: Slot) => void;
}

export class StoreScheduler {
	private readonly inFlight = new Map<string, number>();
	private readonly groupsInFlight = new Map<ExclusiveGroup, number>();
	/** Sequence numbers of the requests in flight, in the order they started. */
	private readonly started = new Set<number>();
	private readonly queue: Waiter[] = [];
	private sequence = 0;
	private total = 0;

	// The quota as the answers tell it: what is left of the window and when it ends.
	private quota?: number;
	private windowMs?: number;
	private left?: number;
	private resetAt?: number;
	private nextStartAt = 0;
	private wakeAt?: number;

	/** Requests in flight now (for tests and diagnostics). */
	get active(): number {
		return this.total;
	}

	/** Waits for a place for this request: its endpoint's limit, its exclusive group, the quota. */
	async acquire(request: SlotRequest): Promise<Slot> {
		const endpoint = endpointOf(request);
		const limit = Math.max(1, Math.min(endpoint.limit, request.runLimit ?? endpoint.limit));
		if (request.cancel?.aborted) return NO_SLOT;
		return await new Promise<Slot>((resolve) => {
			const cancel = request.cancel;
			const onCancel = () => {
				const index = this.queue.indexOf(waiter);
				if (index < 0) return;
				// A cancelled run's request is not sent: it leaves the queue without a place.
				this.queue.splice(index, 1);
				resolve(NO_SLOT);
			};
			const waiter: Waiter = {
				endpoint,
				limit,
				quotaDeadline: Date.now() + (request.maxQuotaWaitMs ?? MAX_QUOTA_PAUSE_MS),
				grant: (slot) => {
					// One listener per waiting request only: a long run sends thousands.
					cancel?.removeEventListener('abort', onCancel);
					resolve(slot);
				},
			};
			this.queue.push(waiter);
			cancel?.addEventListener('abort', onCancel, { once: true });
			this.pump();
		});
	}

	private fits(waiter: Waiter, blocked: Set<ExclusiveGroup>): boolean {
		const { endpoint } = waiter;
		if (this.total >= STORE_CONCURRENCY) return false;
		if ((this.inFlight.get(endpoint.key) ?? 0) >= waiter.limit) return false;
		if (!endpoint.group) return true;
		if (blocked.has(endpoint.group)) return false;
		const other: ExclusiveGroup = endpoint.group === 'inventory' ? 'catalogWrite' : 'inventory';
		return (this.groupsInFlight.get(other) ?? 0) === 0;
	}

	/** How long the quota asks the next request to wait, 0 when it may start now. */
	private quotaPause(now: number): number {
		if (this.resetAt !== undefined && now >= this.resetAt) {
			// The window announced has ended: a fresh one starts with the whole quota.
			this.left = this.quota;
			this.resetAt = this.windowMs !== undefined ? now + this.windowMs : undefined;
			this.nextStartAt = now;
		}
		if (this.left === undefined || this.resetAt === undefined) return 0;
		if (this.left <= 0) return Math.min(MAX_QUOTA_PAUSE_MS, this.resetAt - now + RESET_MARGIN_MS);
		const pause = this.nextStartAt - now;
		return pause >= MIN_PAUSE_MS ? pause : 0;
	}

	private pump(): void {
		// Starts every waiter that fits, in arrival order. A waiter held back by an exclusive
		// group holds back later waiters of its group too, so neither group starves the other.
		const blocked = new Set<ExclusiveGroup>();
		for (let index = 0; index < this.queue.length; ) {
			const waiter = this.queue[index];
			if (!this.fits(waiter, blocked)) {
				if (waiter.endpoint.group) blocked.add(waiter.endpoint.group);
				index++;
				continue;
			}
			const now = Date.now();
			const pause = this.quotaPause(now);
			if (pause > 0 && now < waiter.quotaDeadline) {
				this.wakeIn(Math.min(pause, waiter.quotaDeadline - now), now);
				return;
			}
			this.queue.splice(index, 1);
			waiter.grant(this.start(waiter.endpoint, now));
		}
	}

	private wakeIn(pause: number, now: number): void {
		const at = now + pause;
		if (this.wakeAt !== undefined && this.wakeAt <= at) return;
		this.wakeAt = at;
		void sleep(pause).then(() => {
			if (this.wakeAt === at) this.wakeAt = undefined;
			this.pump();
		});
	}

	private start(endpoint: Endpoint, now: number): Slot {
		const sequence = ++this.sequence;
		this.started.add(sequence);
		this.total++;
		this.inFlight.set(endpoint.key, (this.inFlight.get(endpoint.key) ?? 0) + 1);
		if (endpoint.group) this.groupsInFlight.set(endpoint.group, (this.groupsInFlight.get(endpoint.group) ?? 0) + 1);
		if (this.left !== undefined && this.resetAt !== undefined) {
			this.left--;
			// The rest of the window's quota, spread evenly over the rest of the window: this
			// request was the first of left + 1.
			const spacing = this.left > 0 ? Math.max(0, this.resetAt - now) / (this.left + 1) : 0;
			this.nextStartAt = Math.max(this.nextStartAt, now) + spacing;
		}
		let released = false;
		return {
			observe: (state, rateLimited) => this.observe(sequence, state, rateLimited),
			release: () => {
				if (released) return;
				released = true;
				this.started.delete(sequence);
				this.total--;
				this.inFlight.set(endpoint.key, (this.inFlight.get(endpoint.key) ?? 1) - 1);
				if (endpoint.group) this.groupsInFlight.set(endpoint.group, (this.groupsInFlight.get(endpoint.group) ?? 1) - 1);
				this.pump();
			},
		};
	}

	private observe(sequence: number, state: RateLimitState, rateLimited: boolean): void {
		if (state.requestsLeft === undefined || state.resetMs === undefined) return;
		const now = Date.now();
		const resetMs = Math.min(MAX_QUOTA_PAUSE_MS, Math.max(0, state.resetMs));
		if (state.quota !== undefined && state.quota > 0) this.quota = state.quota;
		if (state.windowMs !== undefined && state.windowMs > 0) this.windowMs = Math.min(MAX_QUOTA_PAUSE_MS, state.windowMs);
		// The store counted this request and those sent before it; the ones started after it
		// (still in flight) are not in its count yet.
		let later = 0;
		for (const other of this.started) if (other > sequence) later++;
		this.left = rateLimited ? 0 : Math.max(0, state.requestsLeft - later);
		this.resetAt = now + resetMs;
		if (this.left > 0) this.nextStartAt = Math.min(this.nextStartAt, now + resetMs / (this.left + 1));
		this.pump();
	}
}

const NO_SLOT: Slot = { observe: () => undefined, release: () => undefined };

const schedulers = new Map<string, StoreScheduler>();

/** The scheduler of the store at this URL (API URL + store hash), made on first use. */
export function schedulerFor(storeUrl: string): StoreScheduler {
	let scheduler = schedulers.get(storeUrl);
	if (!scheduler) {
		scheduler = new StoreScheduler();
		schedulers.set(storeUrl, scheduler);
	}
	return scheduler;
}
