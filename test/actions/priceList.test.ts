// Price lists end to end: the lists, their prices (written by SKU or variant ID, many per
// request) and their assignments to customer groups and channels, through WorkflowExecute
// against the store emulator.

import axios from 'axios';

import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';
import { byId } from './catalogFixtures';

// 250 products with 5 option variants each: 1,250 variant SKUs, SCALE-{product}-{1..5}.
const store = useStore({ fresh: 'store', scale: { products: 250, variantsPerProduct: 5 } });
const { run } = store;

function newList(name: string, active = true): number {
	const { state } = store.emulator;
	const now = new Date().toISOString();
	return state.priceLists.insert({ id: state.priceLists.allocateId(), name, active, date_created: now, date_modified: now }).id;
}

const recordsOf = (priceListId: number) => [...store.emulator.state.priceRecords.of(priceListId).values()];
const groupNamed = (name: string) => store.emulator.state.customerGroups.find((g) => g.name === name)!;
const scaleSkus = () =>
	store.emulator.state.variants.filter((v) => v.sku.startsWith('SCALE-') && v.option_values.length > 0).map((v) => v.sku);

/** Rows of a price sheet: SKU, currency and price, read by expressions as a sheet's columns are. */
const rowParameters = (priceListId: number) => ({
	resource: 'priceListRecord',
	operation: 'upsert',
	priceListId: byId(priceListId),
	identifyBy: 'sku',
	sku: '={{ $json.sku }}',
	currency: '={{ $json.currency }}',
	price: '={{ $json.price }}',
});

describe('price list', () => {
	it('is created, read, listed, updated and deleted', async () => {
		const created = await run({ resource: 'priceList', operation: 'create', name: 'Wholesale', additionalFields: { active: false } });
		expect(created.error).toBeUndefined();
		const [list] = jsonOf(created);
		expect(list).toMatchObject({ id: expect.any(Number), name: 'Wholesale', active: false });
		// A look-up by name first (names are unique), then the create.
		expect(store.requestLines({ query: true })).toEqual(['GET /v3/pricelists?name=Wholesale&limit=1', 'POST /v3/pricelists']);

		const got = await run({ resource: 'priceList', operation: 'get', priceListId: { __rl: true, mode: 'list', value: String(list.id) } });
		expect(jsonOf(got)).toEqual([list]);

		const again = await run({ resource: 'priceList', operation: 'create', name: 'Wholesale' });
		expect(again.error?.message).toBe(`A price list named "Wholesale" already exists (ID ${String(list.id)})`);
		// Another spelling: BigCommerce's own refusal.
		const spelled = await run({ resource: 'priceList', operation: 'create', name: 'wholesale' });
		expect(spelled.error?.message).toBe('Conflict: A price list named "wholesale" already exists.');
		const found = await run({ resource: 'priceList', operation: 'create', name: 'Wholesale', options: { useExisting: true } });
		expect(jsonOf(found)).toEqual([list]);
		expect(store.emulator.state.priceLists.size).toBe(1);

		store.emulator.clearRequests();
		const updated = await run({ resource: 'priceList', operation: 'update', priceListId: byId(list.id as number), updateFields: { active: true } });
		expect(jsonOf(updated)).toEqual([expect.objectContaining({ id: list.id, name: 'Wholesale', active: true })]);
		// The update takes the name every time: the unchanged one is read first.
		expect(store.requestLines()).toEqual([`GET /v3/pricelists/${String(list.id)}`, `PUT /v3/pricelists/${String(list.id)}`]);
		expect(store.emulator.requests[1].body).toEqual({ active: true, name: 'Wholesale' });

		const renamed = await run({ resource: 'priceList', operation: 'update', priceListId: byId(list.id as number), updateFields: { name: 'Trade' } });
		expect(jsonOf(renamed)[0]).toMatchObject({ name: 'Trade', active: true });

		newList('Retail Partners');
		const listed = await run({ resource: 'priceList', operation: 'getAll', returnAll: true, filters: { nameLike: 'trade' } });
		expect(jsonOf(listed).map((l) => l.name)).toEqual(['Trade']);

		const deleted = await run({ resource: 'priceList', operation: 'delete', priceListId: byId(list.id as number) });
		expect(jsonOf(deleted)).toEqual([{ deleted: true, id: list.id }]);
		expect(store.emulator.state.priceLists.get(list.id as number)).toBeUndefined();

		const missing = await run({ resource: 'priceList', operation: 'get', priceListId: byId(list.id as number) });
		expect(missing.error?.message).toMatch(/^Not found/);
	});

	it('lists every page, or only the pages Limit needs', async () => {
		for (let i = 1; i <= 260; i++) newList(`List ${i}`);
		const all = await run({ resource: 'priceList', operation: 'getAll', returnAll: true });
		expect(jsonOf(all)).toHaveLength(260);
		expect(store.requestLines({ query: true })).toEqual(['GET /v3/pricelists?limit=250&page=1', 'GET /v3/pricelists?limit=250&page=2']);

		store.emulator.clearRequests();
		const some = await run({ resource: 'priceList', operation: 'getAll', limit: 3 });
		expect(jsonOf(some).map((l) => l.name)).toEqual(['List 1', 'List 2', 'List 3']);
		expect(store.emulator.requests).toHaveLength(1);
	});

	it('refuses a bad ID before any request', async () => {
		const result = await run({ resource: 'priceList', operation: 'get', priceListId: byId('={{ "abc" }}') });
		expect(result.error?.message).toBe('Price List ID must be a positive whole number, got "abc"');
		expect(store.emulator.requests).toHaveLength(0);
	});
});

describe('price list records', () => {
	it('writes 2,500 prices by SKU in two currencies at the request floor, and a re-run only updates them', async () => {
		const listId = newList('Wholesale');
		const skus = scaleSkus();
		expect(skus).toHaveLength(1250);
		const sheet = (bump: number) =>
			skus.flatMap((sku, i) => [
				{ sku, currency: 'USD', price: 10 + (i % 50) + bump },
				{ sku, currency: 'EUR', price: 9 + (i % 50) + bump },
			]);

		const first = await run(rowParameters(listId), { input: sheet(0) });
		expect(first.error).toBeUndefined();
		const out = jsonOf(first);
		expect(out).toHaveLength(2500);
		const variant = store.emulator.state.variants.find((v) => v.sku === skus[0])!;
		expect(out[0]).toEqual({ price_list_id: listId, sku: skus[0], variant_id: variant.id, product_id: variant.product_id, currency: 'usd', price: 10 });
		expect(out[1]).toMatchObject({ sku: skus[0], currency: 'eur', price: 9 });
		expect(first.items.map((item) => item.pairedItem)).toEqual(out.map((_, item) => ({ item })));

		// The floor: 1,250 SKUs looked up 100 per request, 2,500 records written 1,000 per request.
		const floor = [
			...Array.from({ length: Math.ceil(1250 / 100) }, () => 'GET /v3/catalog/variants'),
			...Array.from({ length: Math.ceil(2500 / 1000) }, () => `PUT /v3/pricelists/${listId}/records`),
		];
		expect(store.requestLines()).toEqual(floor);
		expect(store.emulator.requests.filter((r) => r.method === 'PUT').map((r) => (r.body as unknown[]).length)).toEqual([1000, 1000, 500]);
		expect(recordsOf(listId)).toHaveLength(2500);

		store.emulator.clearRequests();
		const second = await run(rowParameters(listId), { input: sheet(1) });
		expect(second.error).toBeUndefined();
		expect(store.requestLines()).toEqual(floor);
		const records = recordsOf(listId);
		expect(records).toHaveLength(2500);
		expect(new Set(records.map((r) => `${r.variant_id}:${r.currency}`)).size).toBe(2500);
		const firstUsd = records.find((r) => r.variant_id === variant.id && r.currency === 'usd');
		expect(firstUsd?.price).toBe(11);
		expect(jsonOf(second)[1]).toMatchObject({ currency: 'eur', price: 10 });
	});

	it('fails a bad row alone with Continue On Fail, and writes the rest', async () => {
		const listId = newList('Wholesale');
		const [good1, good2] = scaleSkus();
		const parentSku = store.emulator.state.products.find((p) => p.sku.startsWith('SCALE-'))!.sku;
		const result = await run(rowParameters(listId), {
			continueOnFail: true,
			input: [
				{ sku: good1, currency: 'USD', price: 5 },
				{ sku: 'NO-SUCH-SKU', currency: 'USD', price: 5 },
				{ sku: good2, currency: 'US', price: 5 },
				{ sku: good2, currency: 'USD', price: -1 },
				{ sku: parentSku, currency: 'USD', price: 5 },
				{ sku: good2, currency: 'EUR', price: 4.5 },
			],
		});
		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out.map((o) => o.error ?? 'ok')).toEqual([
			'ok',
			'No product or variant has the SKU NO-SUCH-SKU',
			'Currency must be a 3-letter currency code such as USD, got "US"',
			'Price must be a number of at least 0, got "-1"',
			`SKU ${parentSku} is the SKU of product ${store.emulator.state.skuIndex.get(parentSku.toLowerCase())!.productId}, which has options`,
			'ok',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(out.map((_, item) => ({ item })));
		expect(recordsOf(listId).map((r) => [r.currency, r.price])).toEqual([['usd', 5], ['eur', 4.5]]);
		// Bad input is refused before any request; the SKUs unknown among variants are looked up among products.
		expect(store.requestLines()).toEqual(['GET /v3/catalog/variants', 'GET /v3/catalog/products', `PUT /v3/pricelists/${listId}/records`]);
	});

	it('maps a record BigCommerce refuses back to its row, and writes the others', async () => {
		const listId = newList('Wholesale');
		const variants = store.emulator.state.variants.filter((v) => v.sku.startsWith('SCALE-')).slice(0, 3);
		const result = await run(
			{ ...rowParameters(listId), identifyBy: 'variantId', variantId: '={{ $json.variantId }}' },
			{
				continueOnFail: true,
				input: [
					{ variantId: variants[0].id, currency: 'USD', price: 1 },
					{ variantId: 999999, currency: 'USD', price: 2 },
					{ variantId: variants[1].id, currency: 'USD', price: 3 },
				],
			},
		);
		const out = jsonOf(result);
		expect(out[0]).toEqual({ price_list_id: listId, variant_id: variants[0].id, currency: 'usd', price: 1 });
		expect(out[1].error).toBe('Invalid data: BigCommerce did not save this price record');
		expect(String(out[1].errorDescription)).toContain('variant_id: variant 999999 does not exist');
		expect(out[2]).toMatchObject({ variant_id: variants[1].id, price: 3 });
		// The refused record named, the others sent again (a PUT of prices is safe to repeat).
		expect(store.requestLines({ status: true })).toEqual([
			`PUT /v3/pricelists/${listId}/records 422`,
			`PUT /v3/pricelists/${listId}/records 200`,
		]);
		expect(recordsOf(listId).map((r) => r.price)).toEqual([1, 3]);
	});

	it('stops at an unknown SKU without Continue On Fail, before writing anything', async () => {
		const listId = newList('Wholesale');
		const [good] = scaleSkus();
		const result = await run(rowParameters(listId), {
			input: [
				{ sku: good, currency: 'USD', price: 5 },
				{ sku: 'NO-SUCH-SKU', currency: 'USD', price: 5 },
			],
		});
		expect(result.error?.message).toBe('No product or variant has the SKU NO-SUCH-SKU');
		expect(recordsOf(listId)).toHaveLength(0);
		expect(store.emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	it('writes sale, retail and MAP prices and bulk pricing tiers', async () => {
		const listId = newList('Wholesale');
		const [sku] = scaleSkus();
		const result = await run({
			...rowParameters(listId),
			sku,
			currency: 'usd',
			price: 20,
			additionalFields: {
				sale_price: 18,
				retail_price: 25,
				map_price: 19,
				bulkPricingTiers: { tier: [{ quantity_min: 10, quantity_max: 49, type: 'percent', amount: 5 }, { quantity_min: 50, quantity_max: 0, type: 'fixed', amount: 15 }] },
			},
		});
		expect(result.error).toBeUndefined();
		const [record] = recordsOf(listId);
		expect(record).toMatchObject({
			price: 20,
			sale_price: 18,
			retail_price: 25,
			map_price: 19,
			bulk_pricing_tiers: [
				{ quantity_min: 10, quantity_max: 49, type: 'percent', amount: 5 },
				{ quantity_min: 50, quantity_max: 0, type: 'fixed', amount: 15 },
			],
		});

		const json = await run({
			...rowParameters(listId),
			sku,
			currency: 'usd',
			price: 20,
			additionalFields: { bulk_pricing_tiers: '[{"quantity_min": 5, "quantity_max": 2, "type": "price", "amount": 1}]' },
		});
		expect(json.error?.message).toBe('Bulk Pricing Tiers (JSON): tier 1 has quantity_max 2 below quantity_min 5');
	});

	it('lists records with filters, every page or up to Limit', async () => {
		const listId = newList('Wholesale');
		const skus = scaleSkus().slice(0, 300);
		await run(rowParameters(listId), {
			input: skus.flatMap((sku) => [
				{ sku, currency: 'USD', price: 10 },
				{ sku, currency: 'EUR', price: 9 },
			]),
		});
		store.emulator.clearRequests();

		const all = await run({ resource: 'priceListRecord', operation: 'getAll', priceListId: byId(listId), returnAll: true });
		expect(jsonOf(all)).toHaveLength(600);
		expect(store.requestLines()).toHaveLength(3);
		expect(jsonOf(all)[0]).toMatchObject({ sku: skus[0], currency: 'usd', price: 10, bulk_pricing_tiers: [] });

		const euros = await run({
			resource: 'priceListRecord',
			operation: 'getAll',
			priceListId: byId(listId),
			returnAll: true,
			filters: { currencies: 'EUR' },
		});
		expect(jsonOf(euros)).toHaveLength(300);
		expect(jsonOf(euros).every((r) => r.currency === 'eur')).toBe(true);

		const variant = store.emulator.state.variants.find((v) => v.sku === skus[5])!;
		const bySku = await run({
			resource: 'priceListRecord',
			operation: 'getAll',
			priceListId: byId(listId),
			returnAll: true,
			filters: { skus: `${skus[3]}, ${skus[4]}`, currencies: 'usd' },
		});
		expect(jsonOf(bySku).map((r) => r.sku)).toEqual([skus[3], skus[4]]);
		const byVariant = await run({
			resource: 'priceListRecord',
			operation: 'getAll',
			priceListId: byId(listId),
			limit: 1,
			filters: { variantIds: String(variant.id) },
		});
		expect(jsonOf(byVariant)).toEqual([expect.objectContaining({ variant_id: variant.id, currency: 'usd' })]);

		const bad = await run({ resource: 'priceListRecord', operation: 'getAll', priceListId: byId(listId), filters: { currencies: 'dollars' } });
		expect(bad.error?.message).toBe('Currencies must be a 3-letter currency code such as USD, got "dollars"');
	});

	it('deletes records by SKU and variant ID, in one currency or all', async () => {
		const listId = newList('Wholesale');
		const skus = scaleSkus().slice(0, 4);
		await run(rowParameters(listId), { input: skus.flatMap((sku) => [{ sku, currency: 'USD', price: 10 }, { sku, currency: 'EUR', price: 9 }]) });
		store.emulator.clearRequests();
		const variant = store.emulator.state.variants.find((v) => v.sku === skus[2])!;

		const result = await run(
			{
				resource: 'priceListRecord',
				operation: 'delete',
				priceListId: byId(listId),
				skus: '={{ $json.sku ?? "" }}',
				variantIds: '={{ $json.variantId ?? "" }}',
				currency: 'EUR',
			},
			{ input: [{ sku: skus[0] }, { sku: skus[1] }, { variantId: variant.id }] },
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			{ deleted: true, price_list_id: listId, skus: [skus[0]], currency: 'eur' },
			{ deleted: true, price_list_id: listId, skus: [skus[1]], currency: 'eur' },
			{ deleted: true, price_list_id: listId, variant_ids: [variant.id], currency: 'eur' },
		]);
		// The rows of one list and currency go together: one request for the IDs, one for the SKUs.
		expect(store.requestLines({ query: true })).toEqual([
			`DELETE /v3/pricelists/${listId}/records?variant_id%3Ain=${variant.id}&currency=eur`,
			`DELETE /v3/pricelists/${listId}/records?sku%3Ain=${skus[0]}%2C${skus[1]}&currency=eur`,
		]);
		expect(recordsOf(listId).map((r) => r.currency).sort()).toEqual(['eur', 'usd', 'usd', 'usd', 'usd']);

		const refused = await run({ resource: 'priceListRecord', operation: 'delete', priceListId: byId(listId) });
		expect(refused.error?.message).toBe('Give the SKUs or the variant IDs whose prices to remove');
	});
});

describe('price list assignment', () => {
	it('assigns a list to a customer group, a channel and a group on a channel, reads them back, and assigns nothing twice', async () => {
		const listId = newList('Wholesale');
		const wholesale = groupNamed('Wholesale').id;
		const parameters = {
			resource: 'priceListAssignment',
			operation: 'create',
			priceListId: byId(listId),
			customerGroupId: '={{ $json.group ?? "" }}',
			channelId: '={{ $json.channel ?? "" }}',
		};
		const input = [{ group: wholesale }, { channel: 1 }, { group: wholesale, channel: 2 }];
		const created = await run(parameters, { input });
		expect(created.error).toBeUndefined();
		expect(jsonOf(created)).toEqual([
			{ id: expect.any(Number), price_list_id: listId, customer_group_id: wholesale },
			{ id: expect.any(Number), price_list_id: listId, channel_id: 1 },
			{ id: expect.any(Number), price_list_id: listId, customer_group_id: wholesale, channel_id: 2 },
		]);
		// The lists' assignments read, the missing ones created in one request, and read back.
		expect(store.requestLines()).toEqual(['GET /v3/pricelists/assignments', 'POST /v3/pricelists/assignments', 'GET /v3/pricelists/assignments']);

		store.emulator.clearRequests();
		const again = await run(parameters, { input });
		expect(jsonOf(again)).toEqual(jsonOf(created));
		expect(store.requestLines()).toEqual(['GET /v3/pricelists/assignments']);
		expect(store.emulator.state.priceListAssignments.size).toBe(3);

		const byGroup = await run({ resource: 'priceListAssignment', operation: 'getAll', returnAll: true, filters: { customerGroupIds: [wholesale] } });
		expect(jsonOf(byGroup).map((a) => a.channel_id)).toEqual([undefined, 2]);
		const byChannel = await run({ resource: 'priceListAssignment', operation: 'getAll', returnAll: true, filters: { channelIds: [1], priceListIds: String(listId) } });
		expect(jsonOf(byChannel)).toEqual([jsonOf(created)[1]]);

		store.emulator.clearRequests();
		const removed = await run({ resource: 'priceListAssignment', operation: 'delete', priceListId: byId(listId), customerGroupId: wholesale, channelId: '' });
		expect(jsonOf(removed)).toEqual([{ deleted: true, price_list_id: listId, customer_group_id: wholesale }]);
		expect(store.requestLines({ query: true })).toEqual([`DELETE /v3/pricelists/assignments?price_list_id=${listId}&customer_group_id=${wholesale}`]);
		expect([...store.emulator.state.priceListAssignments.values()].map((a) => a.channel_id)).toEqual([1]);
	});

	it('fails an assignment BigCommerce refuses alone, and creates the others', async () => {
		const listId = newList('Wholesale');
		const otherId = newList('Other');
		const retail = groupNamed('Retail').id;
		// The channel's storefront already has a price list.
		store.emulator.state.priceListAssignments.insert({ id: 1, price_list_id: otherId, customer_group_id: null, channel_id: 1 });
		const result = await run(
			{
				resource: 'priceListAssignment',
				operation: 'create',
				priceListId: byId(listId),
				customerGroupId: '={{ $json.group ?? "" }}',
				channelId: '={{ $json.channel ?? "" }}',
			},
			{ continueOnFail: true, input: [{ channel: 1 }, { group: retail }, { group: 9999 }, {}] },
		);
		const out = jsonOf(result);
		expect(out[0].error).toBe('BigCommerce did not save this assignment: this customer group and channel already have a price list assigned');
		expect(out[1]).toEqual({ id: expect.any(Number), price_list_id: listId, customer_group_id: retail });
		expect(out[2].error).toBe('BigCommerce did not save this assignment: customer group 9999 does not exist');
		expect(out[3].error).toBe('Choose a Customer Group, a Channel, or both');
		expect(store.emulator.state.priceListAssignments.size).toBe(2);
	});
});

describe('the store\'s price list endpoints', () => {
	const api = () =>
		axios.create({
			baseURL: `${store.emulator.baseUrl}/stores/${store.emulator.storeHash}`,
			headers: { 'X-Auth-Token': store.emulator.token, Accept: 'application/json' },
			validateStatus: () => true,
		});

	it('refuses more than 1,000 records in one upsert, and a currency that is not a 3-letter code', async () => {
		const listId = newList('Wholesale');
		const variant = store.emulator.state.variants.find((v) => v.sku.startsWith('SCALE-'))!;
		const records = Array.from({ length: 1001 }, () => ({ variant_id: variant.id, currency: 'usd', price: 1 }));
		const tooMany = await api().put(`/v3/pricelists/${listId}/records`, records);
		expect(tooMany.status).toBe(413);
		expect(recordsOf(listId)).toHaveLength(0);

		// The spec gives the currency's format only as ISO-4217: a request the store, not the schema, refuses.
		const mixed = await api().put(`/v3/pricelists/${listId}/records`, [
			{ variant_id: variant.id, currency: 'dollars', price: 1 },
			{ sku: variant.sku.toLowerCase(), currency: 'gbp', price: 2 },
		]);
		expect(mixed.status).toBe(422);
		expect(mixed.data).toEqual({
			batch_errors: [
				{
					data: { price_list_id: listId, variant_id: variant.id, currency: 'dollars' },
					field_errors: { currency: 'currency must be a 3-letter ISO-4217 code' },
				},
			],
		});
		// Non-strict: the good record of the batch is saved.
		expect(recordsOf(listId).map((r) => [r.variant_id, r.currency, r.price])).toEqual([[variant.id, 'gbp', 2]]);
	});

	it('needs a filter to delete assignments, and upserts one assignment per group and channel', async () => {
		const listId = newList('Wholesale');
		const refused = await api().delete('/v3/pricelists/assignments');
		expect(refused.status).toBe(422);

		const wholesale = groupNamed('Wholesale').id;
		const first = await api().put(`/v3/pricelists/${listId}/assignments`, { customer_group_id: wholesale, channel_id: 1 });
		expect(first.data.data).toEqual({ id: expect.any(Number), price_list_id: listId, customer_group_id: wholesale, channel_id: 1 });
		const otherId = newList('Other');
		const moved = await api().put(`/v3/pricelists/${otherId}/assignments`, { customer_group_id: wholesale, channel_id: 1 });
		expect(moved.data.data).toEqual({ ...first.data.data, price_list_id: otherId });
		expect(store.emulator.state.priceListAssignments.size).toBe(1);
	});
});

describe('price list events', () => {
	it('are sent to the hooks of store/priceList/*', async () => {
		const { state } = store.emulator;
		const now = Math.floor(Date.now() / 1000);
		// A destination nobody listens on: the delivery log keeps what was sent either way.
		state.hooks.insert({ id: state.hooks.allocateId(), client_id: 'x', store_hash: store.emulator.storeHash, scope: 'store/priceList/*', destination: 'http://127.0.0.1:9/hook', headers: null, is_active: true, created_at: now, updated_at: now });
		const created = await run({ resource: 'priceList', operation: 'create', name: 'Wholesale' });
		const listId = Number(jsonOf(created)[0].id);
		const [sku] = scaleSkus();
		await run({ ...rowParameters(listId), sku, currency: 'USD', price: 3 });
		await run({ ...rowParameters(listId), sku, currency: 'USD', price: 4 });
		await run({ resource: 'priceListAssignment', operation: 'create', priceListId: byId(listId), customerGroupId: groupNamed('Wholesale').id, channelId: '' });
		await store.emulator.waitForDeliveries();
		const variantId = store.emulator.state.skuIndex.get(sku.toLowerCase())!.variantId;
		// Deliveries go out concurrently: compared in scope order.
		const sent = store.emulator.deliveries.map((d) => [d.scope, d.payload.data]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
		expect(sent).toEqual([
			['store/priceList/activated', { price_list_id: listId }],
			['store/priceList/assignment/updated', { price_list_id: listId, id: expect.any(Number) }],
			['store/priceList/created', { price_list_id: listId }],
			['store/priceList/records/created', [{ price_list_id: listId, variant_id: variantId, currency: 'usd' }]],
			['store/priceList/records/updated', [{ price_list_id: listId, variant_id: variantId, currency: 'usd' }]],
		]);
	});
});
