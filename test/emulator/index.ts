// Public entry of the local BigCommerce store emulator (test and demo tooling, not shipped).
//
//   const emu = await startEmulator({ seed: 'demo' });
//   // credential: apiUrl = emu.baseUrl, storeHash = emu.storeHash, accessToken = emu.token
//   ...
//   await emu.stop();

import { AdminHost, EmulatorAdmin, adminHttpHandler, createAdmin } from './admin';
import type { InFlightSpan } from './concurrency';
import { EmulatorServer } from './server';
import type { GraphqlRequestLogEntry } from './graphql/endpoints';
import { StoreState } from './state';
import { ScaleCounts, seedBaseline, seedDemo, seedScale } from './seed';
import type { DeliveryLogEntry, EmulatorOptions, FaultRule, RateLimitSetting, RequestLogEntry } from './types';

export type {
	Brand,
	Cart,
	Category,
	Channel,
	Customer,
	CustomerAddress,
	CustomerGroup,
	DeliveryLogEntry,
	EmulatorOptions,
	FaultKind,
	FaultRule,
	Hook,
	Location,
	Order,
	OrderProduct,
	OrderShippingAddress,
	Product,
	RateLimitSetting,
	RequestLogEntry,
	Shipment,
	Variant,
	WebhookPayload,
} from './types';
export type { AdminCartInput, AdminOrderInput, AdminOrderLine, EmulatorAdmin } from './admin';
export type { ScaleCounts } from './seed';
export type { GraphqlRequestLogEntry } from './graphql/endpoints';
export { StoreState } from './state';
export { Table } from './table';
export { signDelivery, payloadHash, scopeMatches } from './webhooks';

export interface Emulator {
	/** e.g. 'http://127.0.0.1:43123': the credential's apiUrl. API at `${baseUrl}/stores/${storeHash}/v3/...` */
	baseUrl: string;
	storeHash: string;
	/** Full-scope token. */
	token: string;
	/** The live data. */
	state: StoreState;
	/** Every API request, oldest first. */
	requests: RequestLogEntry[];
	/** Every request to the storefront and admin GraphQL endpoints, with its headers, oldest first. */
	graphqlRequests: GraphqlRequestLogEntry[];
	clearRequests(): void;
	/**
	 * Marks the requests of this method and path as sent invalid on purpose in the exchange log
	 * (BIGCOMMERCE_EMULATOR_LOG), until clearRequests or reset.
	 */
	expectInvalidRequests(method: string, path: string): void;
	countRequests(filter?: { method?: string; path?: string | RegExp }): number;
	/** The most API requests in flight at once, per route ("PUT /v3/customers") and in all. */
	inFlightPeak(): { routes: Record<string, number>; total: number };
	/** When each answered API request was in flight (performance.now() times), since the last reset. */
	inFlightSpans(): InFlightSpan[];
	setRateLimit(limit: RateLimitSetting | false): void;
	/** 429s sent because the quota ran out (injected '429' faults count in faultStats). */
	rateLimitStats: { limited: number };
	/** Replaces the fault rules; [] clears them. */
	setFaults(rules: FaultRule[]): void;
	/** Injected faults by kind. */
	faultStats: Record<string, number>;
	setLatency(ms: number): void;
	deliveries: DeliveryLogEntry[];
	/** Resolves when every in-flight webhook delivery has finished. */
	waitForDeliveries(): Promise<void>;
	/** Sends an event to every matching active hook. */
	emit(scope: string, data: Record<string, unknown>): void;
	admin: EmulatorAdmin;
	seedDemo(): void;
	seedScale(counts: ScaleCounts): void;
	/** Empty store (default channel and location only), cleared logs, faults and counters. */
	reset(): void;
	stop(): Promise<void>;
}

class RunningEmulator implements Emulator, AdminHost {
	readonly admin: EmulatorAdmin;

	constructor(readonly server: EmulatorServer) {
		this.admin = createAdmin(server);
	}

	get baseUrl(): string {
		return this.server.baseUrl;
	}
	get storeHash(): string {
		return this.server.storeHash;
	}
	get token(): string {
		return this.server.token;
	}
	get state(): StoreState {
		return this.server.state;
	}
	get requests(): RequestLogEntry[] {
		return this.server.requests;
	}
	get graphqlRequests(): GraphqlRequestLogEntry[] {
		return this.server.graphqlRequests;
	}
	get rateLimitStats(): { limited: number } {
		return this.server.rateLimiter.stats;
	}
	get faultStats(): Record<string, number> {
		return this.server.faults.stats;
	}
	get deliveries(): DeliveryLogEntry[] {
		return this.server.webhooks.deliveries;
	}

	clearRequests(): void {
		this.server.requests.length = 0;
		this.server.graphqlRequests.length = 0;
		this.server.expectInvalid = [];
		this.server.inFlight.reset();
	}

	expectInvalidRequests(method: string, path: string): void {
		this.server.expectInvalid.push({ method: method.toUpperCase(), path });
	}

	inFlightPeak(): { routes: Record<string, number>; total: number } {
		return this.server.inFlight.peak();
	}

	inFlightSpans(): InFlightSpan[] {
		return this.server.inFlight.intervals();
	}

	countRequests(filter: { method?: string; path?: string | RegExp } = {}): number {
		const method = filter.method?.toUpperCase();
		let n = 0;
		for (const r of this.server.requests) {
			if (method && r.method !== method) continue;
			if (filter.path !== undefined) {
				if (filter.path instanceof RegExp ? !filter.path.test(r.path) : r.path !== filter.path) continue;
			}
			n++;
		}
		return n;
	}

	setRateLimit(limit: RateLimitSetting | false): void {
		this.server.rateLimiter.set(limit);
	}

	setFaults(rules: FaultRule[]): void {
		this.server.setFaults(rules);
	}

	setLatency(ms: number): void {
		this.server.latencyMs = ms;
	}

	waitForDeliveries(): Promise<void> {
		return this.server.webhooks.waitForDeliveries();
	}

	emit(scope: string, data: Record<string, unknown>): void {
		this.server.emit(scope, data);
	}

	seedDemo(): void {
		this.server.storeName = 'Emulated Demo Store';
		seedDemo(this.server);
	}

	seedScale(counts: ScaleCounts): void {
		seedScale(this.server, counts);
	}

	reset(): void {
		this.server.webhooks.abortAll();
		this.server.state.clear();
		seedBaseline(this.server, this.server.storeName);
		this.server.requests.length = 0;
		this.server.graphqlRequests.length = 0;
		this.server.expectInvalid = [];
		this.server.webhooks.clearLog();
		this.server.faults.reset();
		this.server.rateLimiter.reset();
		this.server.inFlight.reset();
	}

	stop(): Promise<void> {
		return this.server.close();
	}
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const server = new EmulatorServer(options);
	const emulator = new RunningEmulator(server);
	server.adminHandler = adminHttpHandler(emulator);
	seedBaseline(server, server.storeName);
	if (options.seed === 'demo') emulator.seedDemo();
	await server.listen(options.host ?? '127.0.0.1', options.port ?? 0);
	return emulator;
}
