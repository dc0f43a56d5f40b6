// Shapes passed between the runner, the emulator host and the workers.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultRule, RateLimitSetting } from '../test/emulator/types';
import type { RecordedRequest, ReplayPlan } from './nodes/replay';

export type { RecordedRequest };

/** The store a scenario starts from, and the conditions it runs under. */
export interface StoreSetup {
	products?: number;
	variantsPerProduct?: number;
	orders?: number;
	customers?: number;
	/** Inventory locations besides the default location 1. */
	extraLocations?: number;
	/** Creates one customer group to assign customers to. */
	customerGroup?: boolean;
	/** Creates one price list (Wholesale) to write prices into. */
	priceList?: boolean;
	rateLimit?: RateLimitSetting | false;
	faults?: FaultRule[];
	latencyMs?: number;
}

/** What the seeded store holds, for building the input rows. */
export interface Fixture {
	productIds: number[];
	productSkus: string[];
	productNames: string[];
	/** SKUs of option variants (products seeded with variantsPerProduct). */
	variantSkus: string[];
	customerIds: number[];
	customerGroupId?: number;
	priceListId?: number;
	locationIds: number[];
}

export interface Credentials {
	storeHash: string;
	accessToken: string;
	clientSecret: string;
	apiUrl: string;
}

export type Runner = 'pack' | 'baseline';

export interface RunSpec {
	runner: Runner | 'replay';
	parameters: INodeParameters;
	input: IDataObject[];
	continueOnFail: boolean;
	/** Sample memory while the run lasts and measure the output items' own heap size. */
	measureMemory: boolean;
	/** Also force a full collection this often to measure the heap the run holds. */
	collectEveryMs?: number;
	/** For 'replay': what to send, and which parameters the node under test reads. */
	replay?: ReplayPlan;
	/** Runs of the same node started together against the one store (parameters and input each). */
	parallel?: Array<{ parameters: INodeParameters; input: IDataObject[] }>;
}

export interface RunMetrics {
	wallMs: number;
	/** CPU time (user + system) of the worker during the run: the node and n8n, not the store. */
	cpuMs: number;
	/** Clock time (ms since the epoch) the run started, to place the store's request times. */
	startedAt: number;
	outputItems: number;
	failedItems: number;
	/** First error text seen on an item or on the run. */
	firstError?: string;
	/** The run stopped with an error (no output at all). */
	stopped: boolean;
	memory?: {
		heapUsedBefore: number;
		peakHeapUsed: number;
		/** Highest heap right after a full collection (forced every collectEveryMs, and at the end with the result): what the run holds. */
		peakHeldHeap: number;
		rssBefore: number;
		peakRss: number;
		/** The kernel's peak RSS for the whole worker (startup included). */
		maxRss: number;
		/** Heap retained by the run's result (the output items n8n holds), measured by GC. */
		itemsHeap: number;
		/** The output items as JSON. */
		itemsJson: number;
	};
}

export interface RequestSummary {
	total: number;
	byStatus: Record<string, number>;
	/** 'GET /v3/catalog/products' -> count (ids collapsed to :id). */
	byRoute: Record<string, number>;
	/** 429s sent because the quota ran out. */
	rateLimited: number;
	/** All 429 answers (quota or injected). */
	status429: number;
	/** Injected faults by kind. */
	faults: Record<string, number>;
	/** Requests dropped without an answer (resets). */
	dropped: number;
	/** Creates (POST) hit by an injected fault: each needs a check by its unique key before it is sent again. */
	faultedCreates: number;
	/** Clock times (ms since the epoch) of the first and last request. */
	firstAt?: number;
	lastAt?: number;
	/** Sum of the gaps of more than 100 ms between consecutive requests (quota pauses, back-offs). */
	pausedMs: number;
	/** The most requests in flight at once, per route and in all (the emulator counts them). */
	inFlightPeak?: { routes: Record<string, number>; total: number };
}

/** What the store must hold after a write scenario. */
export type Expectation =
	| { kind: 'productPrices'; prices: Array<[sku: string, price: number]>; productCount: number }
	| { kind: 'stock'; levels: Array<[sku: string, locationId: number, quantity: number]> }
	| { kind: 'customerGroups'; customerIds: number[]; groupId: number }
	| { kind: 'priceRecords'; priceListId: number; prices: Array<[sku: string, currency: string, price: number]> };

export interface Verification {
	ok: boolean;
	detail: string;
}
