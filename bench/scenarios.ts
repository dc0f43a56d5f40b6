// The jobs a store owner runs, at the sizes they run them: what the store holds first, what
// the BigCommerce node is asked to do, what the same job costs with HTTP Request nodes, and
// the fewest requests the API allows for it.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultKind, FaultRule } from '../test/emulator/types';
import type { Expectation, Fixture, StoreSetup } from './types';

// BigCommerce's limits the floors are made of (bigcommerce-api-facts.md, sections 2-4).
const PAGE = 250;
const PRODUCT_PUT_BATCH = 10;
const CUSTOMER_PUT_BATCH = 10;
const INVENTORY_BATCH = 2000;
const SKU_LOOKUP = 100;
const PRICE_RECORD_BATCH = 1000;

/** BigCommerce's Standard plan quota, 150 requests per 30 s, scaled to a 3 s window. */
export const SCALED_QUOTA = { quota: 150, windowMs: 3000 };

export interface NodeJob {
	parameters: INodeParameters;
	input: IDataObject[];
}

export interface Floor {
	requests: number;
	note: string;
}

export interface Scenario {
	id: string;
	title: string;
	/** The job, as a store owner would say it. */
	job: string;
	defaultSize: number;
	kind: 'standard' | 'overhead' | 'memory';
	setup(size: number): StoreSetup;
	floor(size: number): Floor;
	pack(fixture: Fixture, size: number): NodeJob;
	/** The same job with HTTP Request nodes; absent where the yardstick is a replay instead. */
	baseline?(fixture: Fixture, size: number, concurrency: number): NodeJob;
	expect?(fixture: Fixture, size: number): Expectation;
	/** For overhead scenarios: how the replay yardstick emits items. */
	replayOutput?: 'records' | 'perInput';
	/** A run over a network: the store's round trip, and the job's phases for its concurrency floor. */
	network?: { latencyMs: number; phases(size: number): Phase[] };
	/** How many runs `packParallel` starts together. */
	parallel?: number;
	/** Several runs of the node started together against the one store, instead of `pack`'s one. */
	packParallel?(fixture: Fixture, size: number): NodeJob[];
	baselineParallel?(fixture: Fixture, size: number, concurrency: number): NodeJob[];
}

/** One step of a job: its requests, and how many BigCommerce allows in flight at once. */
export interface Phase {
	requests: number;
	concurrency: number;
	what: string;
}

const ONE_ITEM: IDataObject[] = [{}];

function byId(field: string): INodeParameters {
	return { __rl: true, mode: 'id', value: `={{ $json.${field} }}` };
}

/** Rules that fire with these exclusive probabilities (rules are tried in order). */
function exclusiveFaults(rates: Array<[FaultKind, number]>): FaultRule[] {
	let left = 1;
	return rates.map(([kind, rate]) => {
		const rule = { kind, rate: rate / left };
		left -= rate;
		return rule;
	});
}

// ------------------------------------------------------------------------------------------
// Lists

function listScenario(options: {
	id: string;
	title: string;
	job: string;
	defaultSize: number;
	kind?: 'standard' | 'memory';
	resource: string;
	seed: (size: number) => StoreSetup;
	path: string;
	style: 'v3' | 'v2' | 'cursor';
}): Scenario {
	return {
		id: options.id,
		title: options.title,
		job: options.job,
		defaultSize: options.defaultSize,
		kind: options.kind ?? 'standard',
		setup: options.seed,
		floor: (size) =>
			options.style === 'v2'
				? {
						requests: Math.floor(size / PAGE) + 1,
						note: 'v2 has no total: pages of 250 until a short page or 204',
					}
				: { requests: Math.ceil(size / PAGE), note: 'pages of 250' },
		pack: () => ({ parameters: { resource: options.resource, operation: 'getAll', returnAll: true }, input: ONE_ITEM }),
		// HTTP Request node pagination, 250 per page, complete when a page is empty (v3) or
		// the status is 204 (v2).
		baseline: () => ({
			parameters: {
				mode: 'paginate',
				path: options.path,
				pageSize: PAGE,
				completeWhen: options.style === 'v2' ? 'status204' : 'emptyData',
			},
			input: ONE_ITEM,
		}),
		replayOutput: 'records',
	};
}

// ------------------------------------------------------------------------------------------
// Spreadsheet import: upsert by SKU, half the rows already in the store.

interface ImportRows {
	rows: IDataObject[];
	existing: number;
}

function importRows(fixture: Fixture, size: number): ImportRows {
	const rows: IDataObject[] = [];
	let existing = 0;
	let created = 0;
	for (let i = 0; i < size; i++) {
		const price = Math.round((19 + (i % 37) + 0.99) * 100) / 100;
		if (i % 2 === 0 && existing < fixture.productSkus.length) {
			rows.push({ sku: fixture.productSkus[existing], name: fixture.productNames[existing], weight: 1, price });
			existing++;
		} else {
			created++;
			rows.push({ sku: `IMPORT-${created}`, name: `Imported Product ${created}`, weight: 2, price });
		}
	}
	return { rows, existing };
}

function upsertScenario(variant: { id: string; title: string; job: string; rateLimit?: boolean; faults?: FaultRule[] }): Scenario {
	return {
		id: variant.id,
		title: variant.title,
		job: variant.job,
		defaultSize: 5000,
		kind: 'standard',
		setup: (size) => ({
			products: Math.floor((size + 1) / 2),
			rateLimit: variant.rateLimit ? SCALED_QUOTA : false,
			faults: variant.faults,
		}),
		floor: (size) => {
			const existing = Math.floor((size + 1) / 2);
			const created = size - existing;
			return {
				requests: Math.ceil(size / PAGE) + created + Math.ceil(existing / PRODUCT_PUT_BATCH),
				note: `SKU look-ups ${PAGE} per request + ${created} creates (one per request) + updates ${PRODUCT_PUT_BATCH} per request`,
			};
		},
		pack: (fixture, size) => ({
			parameters: {
				resource: 'product',
				operation: 'upsert',
				sku: '={{ $json.sku }}',
				name: '={{ $json.name }}',
				type: 'physical',
				weight: '={{ $json.weight }}',
				price: '={{ $json.price }}',
			},
			input: importRows(fixture, size).rows,
		}),
		baseline: (fixture, size, concurrency) => ({
			parameters: {
				mode: 'lookupThenWrite',
				concurrency,
				lookupPath: '/v3/catalog/products',
				lookupQuery: '={{ { sku: $json.sku } }}',
				createPath: '/v3/catalog/products',
				writeBody: "={{ { sku: $json.sku, name: $json.name, type: 'physical', weight: $json.weight, price: $json.price } }}",
			},
			input: importRows(fixture, size).rows,
		}),
		expect: (fixture, size) => {
			const { rows } = importRows(fixture, size);
			return {
				kind: 'productPrices',
				prices: rows.map((row) => [String(row.sku), Number(row.price)]),
				productCount: rows.length,
			};
		},
	};
}

// ------------------------------------------------------------------------------------------

function updateRows(fixture: Fixture, size: number): IDataObject[] {
	return fixture.productIds.slice(0, size).map((id, i) => ({ id, price: Math.round((5 + (i % 71) + 0.5) * 100) / 100 }));
}

function productUpdate(id: string, title: string, defaultSize: number, kind: 'standard' | 'overhead'): Scenario {
	return {
		id,
		title,
		job: 'A price list: set the price of every product in it',
		defaultSize,
		kind,
		setup: (size) => ({ products: size }),
		floor: (size) => ({ requests: Math.ceil(size / PRODUCT_PUT_BATCH), note: `${PRODUCT_PUT_BATCH} products per PUT` }),
		pack: (fixture, size) => ({
			parameters: {
				resource: 'product',
				operation: 'update',
				productId: byId('id'),
				updateFields: { price: '={{ $json.price }}' },
			},
			input: updateRows(fixture, size),
		}),
		baseline:
			kind === 'standard'
				? (fixture, size, concurrency) => ({
						parameters: {
							mode: 'perItem',
							concurrency,
							method: 'PUT',
							path: '=/v3/catalog/products/{{ $json.id }}',
							body: '={{ { price: $json.price } }}',
						},
						input: updateRows(fixture, size),
					})
				: undefined,
		expect: (fixture, size) => ({
			kind: 'productPrices',
			prices: updateRows(fixture, size).map((row, i) => [fixture.productSkus[i], Number(row.price)]),
			productCount: size,
		}),
		replayOutput: 'perInput',
	};
}

function stockRows(fixture: Fixture, size: number): IDataObject[] {
	const locations = fixture.locationIds.slice(0, 2);
	return fixture.variantSkus.slice(0, size).map((sku, i) => ({
		sku,
		locationId: locations[i % locations.length],
		quantity: (i * 7) % 500,
	}));
}

function perLocation(size: number): number[] {
	return [Math.ceil(size / 2), Math.floor(size / 2)];
}

function customerRows(fixture: Fixture, size: number): IDataObject[] {
	return fixture.customerIds.slice(0, size).map((id) => ({ id, groupId: fixture.customerGroupId }));
}

/** A wholesale price sheet: every option variant's SKU priced in USD and in EUR. */
function priceRows(fixture: Fixture, size: number): IDataObject[] {
	const skus = fixture.variantSkus.slice(0, Math.ceil(size / 2));
	return skus
		.flatMap((sku, i) => [
			{ sku, currency: 'USD', price: 5 + (i % 90) },
			{ sku, currency: 'EUR', price: 4.5 + (i % 90) },
		])
		.slice(0, size);
}

// ------------------------------------------------------------------------------------------

export const SCENARIOS: Scenario[] = [
	listScenario({
		id: 'products.getAll',
		title: 'Get many products',
		job: 'Export the catalog to a sheet',
		defaultSize: 25_000,
		resource: 'product',
		seed: (size) => ({ products: size }),
		path: '/v3/catalog/products',
		style: 'v3',
	}),
	listScenario({
		id: 'orders.getAll',
		title: 'Get many orders (v2)',
		job: 'Every order into a report',
		defaultSize: 25_000,
		resource: 'order',
		seed: (size) => ({ orders: size }),
		path: '/v2/orders',
		style: 'v2',
	}),
	listScenario({
		id: 'customers.getAll',
		title: 'Get many customers (cursor)',
		job: 'Every customer into a CRM',
		defaultSize: 10_000,
		resource: 'customer',
		seed: (size) => ({ customers: size }),
		path: '/v3/customers',
		style: 'cursor',
	}),
	upsertScenario({
		id: 'products.upsert',
		title: 'Spreadsheet import (upsert by SKU)',
		job: 'Import a sheet of products by SKU, half of them already in the store',
	}),
	productUpdate('products.update', 'Update products', 5000, 'standard'),
	{
		id: 'inventory.setLevel',
		title: 'Set stock levels (2 locations)',
		job: 'Stock sync from a warehouse system: absolute stock per SKU and location',
		defaultSize: 10_000,
		kind: 'standard',
		// Products with two size variants each, tracked per variant: every SKU is a variant's.
		setup: (size) => ({ products: Math.ceil(size / 2), variantsPerProduct: 2, extraLocations: 1 }),
		floor: (size) => ({
			requests: perLocation(size).reduce((sum, n) => sum + Math.ceil(n / INVENTORY_BATCH), 0),
			note: `${INVENTORY_BATCH} items per adjustment, one location per request (as BigCommerce advises)`,
		}),
		pack: (fixture, size) => ({
			parameters: {
				resource: 'inventory',
				operation: 'setLevel',
				identifyBy: 'sku',
				sku: '={{ $json.sku }}',
				quantity: '={{ $json.quantity }}',
				locationId: '={{ $json.locationId }}',
			},
			input: stockRows(fixture, size),
		}),
		baseline: (fixture, size, concurrency) => ({
			parameters: {
				mode: 'perItem',
				concurrency,
				method: 'PUT',
				path: '=/v3/inventory/adjustments/absolute',
				body: '={{ { items: [{ location_id: $json.locationId, sku: $json.sku, quantity: $json.quantity }] } }}',
			},
			input: stockRows(fixture, size),
		}),
		expect: (fixture, size) => ({
			kind: 'stock',
			levels: stockRows(fixture, size).map((row) => [String(row.sku), Number(row.locationId), Number(row.quantity)]),
		}),
	},
	{
		id: 'customers.assignGroup',
		title: 'Assign customers to a group',
		job: 'B2B: move customers into the Wholesale group',
		defaultSize: 2000,
		kind: 'standard',
		setup: (size) => ({ customers: size, customerGroup: true }),
		floor: (size) => ({ requests: Math.ceil(size / CUSTOMER_PUT_BATCH), note: `${CUSTOMER_PUT_BATCH} customers per PUT` }),
		pack: (fixture, size) => ({
			parameters: {
				resource: 'customer',
				operation: 'assignGroup',
				customerId: byId('id'),
				customerGroupId: byId('groupId'),
			},
			input: customerRows(fixture, size),
		}),
		baseline: (fixture, size, concurrency) => ({
			parameters: {
				mode: 'perItem',
				concurrency,
				method: 'PUT',
				path: '=/v3/customers',
				body: '={{ [{ id: $json.id, customer_group_id: $json.groupId }] }}',
			},
			input: customerRows(fixture, size),
		}),
		expect: (fixture, size) => ({
			kind: 'customerGroups',
			customerIds: fixture.customerIds.slice(0, size),
			groupId: fixture.customerGroupId ?? 0,
		}),
	},
	{
		id: 'priceListRecords.upsert',
		title: '10,000 wholesale prices',
		job: 'B2B: a wholesale price sheet (SKU, currency, price) into a price list, two currencies per SKU',
		defaultSize: 10_000,
		kind: 'standard',
		// Products with two size variants each: every SKU is a variant's, priced in two currencies.
		setup: (size) => ({ products: Math.ceil(size / 4), variantsPerProduct: 2, priceList: true }),
		floor: (size) => ({
			requests: Math.ceil(Math.ceil(size / 2) / SKU_LOOKUP) + Math.ceil(size / PRICE_RECORD_BATCH),
			note: `${SKU_LOOKUP} SKUs per look-up, ${PRICE_RECORD_BATCH} prices per PUT (writing by \`sku\` alone would skip the look-ups, without telling a variant's SKU from a product's with options)`,
		}),
		pack: (fixture, size) => ({
			parameters: {
				resource: 'priceListRecord',
				operation: 'upsert',
				priceListId: { __rl: true, mode: 'id', value: String(fixture.priceListId) },
				identifyBy: 'sku',
				sku: '={{ $json.sku }}',
				currency: '={{ $json.currency }}',
				price: '={{ $json.price }}',
			},
			input: priceRows(fixture, size),
		}),
		baseline: (fixture, size, concurrency) => ({
			parameters: {
				mode: 'perItem',
				concurrency,
				method: 'PUT',
				path: `=/v3/pricelists/${String(fixture.priceListId)}/records`,
				body: '={{ [{ sku: $json.sku, currency: $json.currency, price: $json.price }] }}',
			},
			input: priceRows(fixture, size),
		}),
		expect: (fixture, size) => ({
			kind: 'priceRecords',
			priceListId: fixture.priceListId ?? 0,
			prices: priceRows(fixture, size).map((row) => [String(row.sku), String(row.currency), Number(row.price)]),
		}),
	},
	upsertScenario({
		id: 'products.upsert.rateLimited',
		title: 'Import on a rate-limited store',
		job: `The import again, with a quota of ${SCALED_QUOTA.quota} requests per ${SCALED_QUOTA.windowMs / 1000} s (150 per 30 s, scaled)`,
		rateLimit: true,
	}),
	upsertScenario({
		id: 'products.upsert.faults',
		title: 'Import, rate-limited, 10% faults',
		job: 'The rate-limited import with 10% of requests failing: 5xx and dropped connections (before and after the store saved)',
		rateLimit: true,
		faults: exclusiveFaults([
			['500', 0.025],
			['503', 0.025],
			['reset', 0.025],
			['reset-after-commit', 0.025],
		]),
	}),
	productUpdate('overhead.update', 'Node overhead: update', 10_000, 'overhead'),
	{
		...listScenario({
			id: 'overhead.getAll',
			title: 'Node overhead: get many',
			job: 'Read the catalog, zero latency: time the node spends per item beyond HTTP and n8n',
			defaultSize: 10_000,
			resource: 'product',
			seed: (size) => ({ products: size }),
			path: '/v3/catalog/products',
			style: 'v3',
		}),
		kind: 'overhead',
		baseline: undefined,
	},
	listScenario({
		id: 'memory.products.getAll',
		title: 'Get many products: memory',
		job: 'Export a large catalog: peak memory against the size of the items',
		defaultSize: 100_000,
		kind: 'memory',
		resource: 'product',
		seed: (size) => ({ products: size }),
		path: '/v3/catalog/products',
		style: 'v3',
	}),
];

// ------------------------------------------------------------------------------------------
// Over a network: the same jobs with 100 ms per request, as a store across the internet answers.

const NETWORK_MS = 100;
// Requests in flight BigCommerce allows: the node's default where no lower limit is stated
// (transport/scheduler.ts), customers PUT 3, inventory adjustments 1.
const ALLOWED = { default: 10, customersPut: 3, inventory: 1 };
const SKUS_PER_LOOKUP = 100;

function scenarioById(id: string): Scenario {
	const scenario = SCENARIOS.find((candidate) => candidate.id === id);
	if (!scenario) throw new Error(`no scenario ${id}`);
	return scenario;
}

function overNetwork(id: string, phases: (size: number) => Phase[], changes: Partial<Scenario> = {}): Scenario {
	const base = scenarioById(id);
	return {
		...base,
		id: `network.${id}`,
		title: `${base.title}, ${NETWORK_MS} ms away`,
		job: `${base.job}; ${NETWORK_MS} ms per request`,
		setup: (size) => ({ ...base.setup(size), latencyMs: NETWORK_MS }),
		network: { latencyMs: NETWORK_MS, phases },
		...changes,
	};
}

/** The import's steps: SKU look-ups (variants, then products for the SKUs still unknown), creates, updates. */
function upsertPhases(size: number): Phase[] {
	const existing = Math.floor((size + 1) / 2);
	const created = size - existing;
	return [
		{ requests: Math.ceil(size / SKUS_PER_LOOKUP), concurrency: ALLOWED.default, what: 'variant look-ups' },
		{ requests: Math.ceil(created / SKUS_PER_LOOKUP), concurrency: ALLOWED.default, what: 'product look-ups' },
		{ requests: created, concurrency: ALLOWED.default, what: 'creates' },
		{ requests: Math.ceil(existing / PRODUCT_PUT_BATCH), concurrency: ALLOWED.default, what: 'updates' },
	];
}

function listPhases(style: 'v3' | 'v2' | 'cursor'): (size: number) => Phase[] {
	return (size) => {
		const pages = style === 'v2' ? Math.floor(size / PAGE) + 1 : Math.ceil(size / PAGE);
		// Page/limit pages can be read side by side once the first tells how many there are;
		// cursors and v2's pages (no total) only one after another.
		return style === 'v3'
			? [
					{ requests: 1, concurrency: 1, what: 'first page' },
					{ requests: pages - 1, concurrency: ALLOWED.default, what: 'other pages' },
				]
			: [{ requests: pages, concurrency: 1, what: 'pages in turn' }];
	};
}

/** Import k of several side by side: its own half of the store's SKUs, and its own new SKUs. */
function importRowsOf(fixture: Fixture, size: number, k: number): IDataObject[] {
	const existing = Math.floor((size + 1) / 2);
	const skus = fixture.productSkus.slice(k * existing, (k + 1) * existing);
	const names = fixture.productNames.slice(k * existing, (k + 1) * existing);
	const rows: IDataObject[] = [];
	let used = 0;
	let created = 0;
	for (let i = 0; i < size; i++) {
		const price = Math.round((19 + ((i + k) % 37) + 0.99) * 100) / 100;
		if (i % 2 === 0 && used < skus.length) {
			rows.push({ sku: skus[used], name: names[used], weight: 1, price });
			used++;
		} else {
			created++;
			rows.push({ sku: `IMPORT-${k + 1}-${created}`, name: `Imported Product ${k + 1}-${created}`, weight: 2, price });
		}
	}
	return rows;
}

const CONCURRENT_IMPORTS = 3;

function concurrentImports(): Scenario {
	const base = scenarioById('products.upsert');
	const jobs = (fixture: Fixture, size: number) =>
		Array.from({ length: CONCURRENT_IMPORTS }, (_, k) => importRowsOf(fixture, size, k));
	return {
		...base,
		id: 'network.imports.concurrent3',
		title: `${CONCURRENT_IMPORTS} imports at once, rate-limited, ${NETWORK_MS} ms away`,
		job: `${CONCURRENT_IMPORTS} workflows each importing a sheet into one store at once, ${SCALED_QUOTA.quota} requests per ${SCALED_QUOTA.windowMs / 1000} s (150 per 30 s, scaled), ${NETWORK_MS} ms per request`,
		defaultSize: 2000,
		parallel: CONCURRENT_IMPORTS,
		setup: (size) => ({
			products: CONCURRENT_IMPORTS * Math.floor((size + 1) / 2),
			rateLimit: SCALED_QUOTA,
			latencyMs: NETWORK_MS,
		}),
		floor: (size) => {
			const one = base.floor(size);
			return { requests: CONCURRENT_IMPORTS * one.requests, note: `${CONCURRENT_IMPORTS} × (${one.note})` };
		},
		network: {
			latencyMs: NETWORK_MS,
			phases: (size) => upsertPhases(size).map((phase) => ({ ...phase, requests: CONCURRENT_IMPORTS * phase.requests })),
		},
		pack: (fixture, size) => ({ ...base.pack(fixture, size), input: importRowsOf(fixture, size, 0) }),
		packParallel: (fixture, size) => jobs(fixture, size).map((input) => ({ ...base.pack(fixture, size), input })),
		baselineParallel: (fixture, size, concurrency) =>
			jobs(fixture, size).map((input) => ({ ...(base.baseline as NonNullable<Scenario['baseline']>)(fixture, size, concurrency), input })),
		expect: (fixture, size) => {
			const rows = jobs(fixture, size).flat();
			return {
				kind: 'productPrices',
				prices: rows.map((row) => [String(row.sku), Number(row.price)]),
				productCount: CONCURRENT_IMPORTS * size,
			};
		},
	};
}

SCENARIOS.push(
	overNetwork('products.getAll', listPhases('v3')),
	// v2 pages come one after another: 10,000 orders keep the run at about 4 s.
	overNetwork('orders.getAll', listPhases('v2'), { defaultSize: 10_000 }),
	overNetwork('customers.getAll', listPhases('cursor')),
	overNetwork('products.upsert', upsertPhases),
	overNetwork('products.update', (size) => [
		{ requests: Math.ceil(size / PRODUCT_PUT_BATCH), concurrency: ALLOWED.default, what: 'updates' },
	]),
	overNetwork('inventory.setLevel', (size) => [
		{
			requests: perLocation(size).reduce((sum, n) => sum + Math.ceil(n / INVENTORY_BATCH), 0),
			concurrency: ALLOWED.inventory,
			what: 'adjustments, one at a time',
		},
	]),
	overNetwork('customers.assignGroup', (size) => [
		{ requests: 1, concurrency: 1, what: 'group check' },
		{ requests: Math.ceil(size / CUSTOMER_PUT_BATCH), concurrency: ALLOWED.customersPut, what: 'customer updates' },
	]),
	overNetwork('products.upsert.rateLimited', upsertPhases),
	concurrentImports(),
);
