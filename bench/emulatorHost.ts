// Child process that runs the store emulator for the benchmarks, so neither its memory nor its
// CPU is counted in the figures of the process that runs the node.

import { startEmulator, type Emulator } from '../test/emulator';
import type { Location } from '../test/emulator/types';
import { serve } from './rpc';
import type { Credentials, Expectation, Fixture, RecordedRequest, RequestSummary, StoreSetup, Verification } from './types';

let emulator: Emulator;

function location(id: number): Location {
	const now = new Date().toISOString();
	return {
		id,
		code: `WH-${id}`,
		label: `Warehouse ${id}`,
		description: '',
		type_id: 'PHYSICAL',
		enabled: true,
		storefront_visibility: true,
		managed_by_external_source: false,
		address: {},
		created_at: now,
		updated_at: now,
	};
}

/** Idle conditions: no quota, no faults, no latency (for seeding and warm-ups). */
function idle(): void {
	emulator.setRateLimit(false);
	emulator.setFaults([]);
	emulator.setLatency(0);
}

/** A fresh store with the scenario's data, under idle conditions (see arm). */
function prepare(setup: StoreSetup): Fixture {
	idle();
	emulator.reset();
	emulator.seedScale({
		products: setup.products,
		variantsPerProduct: setup.variantsPerProduct,
		orders: setup.orders,
		customers: setup.customers,
	});
	const { state } = emulator;
	for (let n = 0; n < (setup.extraLocations ?? 0); n++) state.locations.insert(location(state.locations.allocateId()));
	let customerGroupId: number | undefined;
	if (setup.customerGroup) {
		customerGroupId = state.customerGroups.allocateId();
		const now = new Date().toUTCString();
		state.customerGroups.insert({
			id: customerGroupId,
			name: 'Wholesale',
			is_default: false,
			is_group_for_guests: false,
			category_access: { type: 'all' },
			discount_rules: [],
			date_created: now,
			date_modified: now,
		});
	}
	let priceListId: number | undefined;
	if (setup.priceList) {
		const now = new Date().toISOString();
		priceListId = state.priceLists.insert({ id: state.priceLists.allocateId(), name: 'Wholesale', active: true, date_created: now, date_modified: now }).id;
	}
	const products = [...state.products.values()];
	const fixture: Fixture = {
		productIds: products.map((p) => p.id),
		productSkus: products.map((p) => p.sku),
		productNames: products.map((p) => p.name),
		variantSkus: [...state.variants.values()].filter((v) => v.option_values.length).map((v) => v.sku),
		customerIds: [...state.customers.values()].map((c) => c.id),
		customerGroupId,
		priceListId,
		locationIds: [...state.locations.values()].map((l) => l.id),
	};
	return fixture;
}

/** The scenario's conditions, and a clean request log: the measured run comes next. */
function arm(setup: StoreSetup): void {
	emulator.setRateLimit(setup.rateLimit ?? false);
	emulator.setFaults(setup.faults ?? []);
	emulator.setLatency(setup.latencyMs ?? 0);
	emulator.clearRequests();
	emulator.rateLimitStats.limited = 0;
	for (const kind of Object.keys(emulator.faultStats)) delete emulator.faultStats[kind];
}

/** '/v3/catalog/products/12/variants/3' -> '/v3/catalog/products/:id/variants/:id' */
function route(method: string, path: string): string {
	return `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}

function summary(): RequestSummary {
	const out: RequestSummary = {
		total: 0,
		byStatus: {},
		byRoute: {},
		rateLimited: emulator.rateLimitStats.limited,
		status429: 0,
		faults: { ...emulator.faultStats },
		dropped: 0,
		faultedCreates: 0,
		pausedMs: 0,
	};
	let previous: number | undefined;
	for (const r of emulator.requests) {
		out.firstAt ??= r.time;
		out.lastAt = r.time;
		if (previous !== undefined && r.time - previous > 100) out.pausedMs += r.time - previous;
		previous = r.time;
		out.total++;
		out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + 1;
		const key = route(r.method, r.path);
		out.byRoute[key] = (out.byRoute[key] ?? 0) + 1;
		if (r.status === 429) out.status429++;
		if (r.status === 0) out.dropped++;
		if (r.fault && r.method === 'POST') out.faultedCreates++;
	}
	out.inFlightPeak = emulator.inFlightPeak();
	return out;
}

function requestLog(): RecordedRequest[] {
	return emulator.requests.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.body }));
}

function verify(expectation: Expectation): Verification {
	const { state } = emulator;
	const problems: string[] = [];
	const note = (text: string) => {
		if (problems.length < 3) problems.push(text);
	};
	let checked = 0;
	if (expectation.kind === 'productPrices') {
		if (state.products.size !== expectation.productCount) {
			note(`store holds ${state.products.size} products, expected ${expectation.productCount}`);
		}
		for (const [sku, price] of expectation.prices) {
			checked++;
			const owner = state.skuIndex.get(sku.toLowerCase());
			const product = owner ? state.products.get(owner.productId) : undefined;
			if (!product) note(`SKU ${sku} missing`);
			else if (product.price !== price) note(`SKU ${sku} has price ${product.price}, expected ${price}`);
		}
	} else if (expectation.kind === 'stock') {
		for (const [sku, locationId, quantity] of expectation.levels) {
			checked++;
			const owner = state.skuIndex.get(sku.toLowerCase());
			const product = owner ? state.products.get(owner.productId) : undefined;
			const variant = owner?.variantId ? state.variants.get(owner.variantId) : undefined;
			const holder = product?.inventory_tracking === 'variant' ? variant : product;
			const level = holder?.stock[locationId];
			if (level !== quantity) note(`SKU ${sku} at location ${locationId} holds ${String(level)}, expected ${quantity}`);
		}
	} else if (expectation.kind === 'priceRecords') {
		const records = state.priceRecords.of(expectation.priceListId);
		if (records.size !== expectation.prices.length) note(`price list holds ${records.size} prices, expected ${expectation.prices.length}`);
		for (const [sku, currency, price] of expectation.prices) {
			checked++;
			const variantId = state.skuIndex.get(sku.toLowerCase())?.variantId;
			const record = variantId ? records.get(`${variantId}:${currency.toLowerCase()}`) : undefined;
			if (record?.price !== price) note(`SKU ${sku} in ${currency} has price ${String(record?.price)}, expected ${price}`);
		}
	} else {
		for (const id of expectation.customerIds) {
			checked++;
			const group = state.customers.get(id)?.customer_group_id;
			if (group !== expectation.groupId) note(`customer ${id} is in group ${String(group)}, expected ${expectation.groupId}`);
		}
	}
	return problems.length
		? { ok: false, detail: problems.join('; ') }
		: { ok: true, detail: `${checked} records as expected` };
}

serve({
	start: async (): Promise<Credentials> => {
		emulator = await startEmulator({ seed: 'empty' });
		return { storeHash: emulator.storeHash, accessToken: emulator.token, clientSecret: '', apiUrl: emulator.baseUrl };
	},
	prepare,
	arm,
	summary,
	requestLog,
	clearRequests: () => emulator.clearRequests(),
	verify,
	stop: async () => await emulator.stop(),
});
