// Tests of the store emulator itself, over real HTTP.

import axios, { AxiosInstance } from 'axios';
import { createHmac } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { Emulator, startEmulator } from './index';
import { EXPECT_INVALID_HEADER } from './server';

function client(emu: Emulator, token: string | null = emu.token): AxiosInstance {
	return axios.create({
		baseURL: `${emu.baseUrl}/stores/${emu.storeHash}`,
		headers: token ? { 'X-Auth-Token': token, Accept: 'application/json' } : { Accept: 'application/json' },
		validateStatus: () => true,
	});
}

/** For a request sent invalid on purpose: the spec check then expects the spec to refuse it too. */
const invalid = { headers: { [EXPECT_INVALID_HEADER]: '1' } };

const product = (name: string, extra: Record<string, unknown> = {}) => ({ name, type: 'physical', weight: 1, price: 10, ...extra });

describe('store emulator', () => {
	let emu: Emulator;
	let api: AxiosInstance;

	beforeAll(async () => {
		emu = await startEmulator({
			tokens: { 'read-products': ['store_v2_products_read_only'], 'orders-only': ['store_v2_orders'] },
		});
		api = client(emu);
	});
	afterAll(() => emu.stop());
	beforeEach(() => emu.reset());

	describe('auth and basics', () => {
		it('answers 401 without or with an unknown token, in both shapes', async () => {
			const none = await client(emu, null).get('/v3/catalog/products');
			expect(none.status).toBe(401);
			expect(none.data).toMatchObject({ status: 401, title: expect.any(String) });
			const bad = await client(emu, 'nope').get('/v2/orders');
			expect(bad.status).toBe(401);
			expect(Array.isArray(bad.data)).toBe(true);
			expect(bad.data[0]).toMatchObject({ status: 401, message: expect.any(String) });
		});

		it('answers 403 when the scope is missing, and read-only scopes allow GET only', async () => {
			const ro = client(emu, 'read-products');
			expect((await ro.get('/v3/catalog/products')).status).toBe(200);
			const write = await ro.post('/v3/catalog/products', product('X'));
			expect(write.status).toBe(403);
			expect(write.data.title).toBe('You are authorized but your scope does not include this resource.');
			const v2 = await ro.get('/v2/orders');
			expect(v2.status).toBe(403);
			expect(v2.data[0].status).toBe(403);
			// hooks need no scope
			expect((await client(emu, 'orders-only').get('/v3/hooks')).status).toBe(200);
		});

		it('answers 404 for an unknown store hash and 415 for a non-JSON body', async () => {
			const other = await axios.get(`${emu.baseUrl}/stores/zzz999/v3/catalog/products`, { headers: { 'X-Auth-Token': emu.token }, validateStatus: () => true });
			expect(other.status).toBe(404);
			const r = await api.post('/v3/catalog/products', 'name=x', { headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...invalid.headers } });
			expect(r.status).toBe(415);
		});

		it('serves /v2/store and /v2/time', async () => {
			const s = await api.get('/v2/store');
			expect(s.status).toBe(200);
			expect(s.data).toMatchObject({ id: emu.storeHash, default_channel_id: 1, currency: 'USD' });
			const t = await api.get('/v2/time');
			expect(Math.abs(t.data.time - Date.now() / 1000)).toBeLessThan(5);
		});

		it('logs requests and counts them', async () => {
			await api.get('/v3/catalog/products?limit=5');
			await api.post('/v3/catalog/products', product('Logged'));
			expect(emu.requests).toHaveLength(2);
			expect(emu.requests[0]).toMatchObject({ method: 'GET', path: '/v3/catalog/products', query: { limit: '5' }, status: 200 });
			expect(emu.requests[1].body).toMatchObject({ name: 'Logged' });
			expect(emu.countRequests({ method: 'post' })).toBe(1);
			expect(emu.countRequests({ path: /^\/v3\/catalog/ })).toBe(2);
			emu.clearRequests();
			expect(emu.countRequests()).toBe(0);
		});
	});

	describe('pagination', () => {
		it('v3 page/limit with meta.pagination and 413 over 250', async () => {
			emu.seedScale({ products: 120 });
			const r = await api.get('/v3/catalog/products?limit=50&page=3');
			expect(r.status).toBe(200);
			expect(r.data.data).toHaveLength(20);
			expect(r.data.meta.pagination).toMatchObject({ total: 120, count: 20, per_page: 50, current_page: 3, total_pages: 3 });
			expect(r.data.meta.pagination.links.previous).toBe('?page=2&limit=50');
			expect(r.data.meta.pagination.links.next).toBeUndefined();
			const first = await api.get('/v3/catalog/products');
			expect(first.data.meta.pagination.per_page).toBe(50);
			expect(first.data.meta.pagination.links.next).toBe('?page=2&limit=50');
			expect((await api.get('/v3/catalog/products?limit=251', invalid)).status).toBe(413);
			const single = await api.get(`/v3/catalog/products/${first.data.data[0].id}`);
			expect(single.data.meta).toEqual({});
		});

		it('v3 cursor pagination on customers', async () => {
			emu.seedScale({ customers: 7 });
			const first = await api.get('/v3/customers?limit=3');
			expect(first.data.meta.pagination).toBeDefined();
			expect(first.data.meta.cursor_pagination).toMatchObject({ count: 3, per_page: 3 });
			const ids: number[] = first.data.data.map((c: { id: number }) => c.id);
			let after = first.data.meta.cursor_pagination.end_cursor;
			for (;;) {
				const next = await api.get(`/v3/customers?limit=3&after=${encodeURIComponent(after)}`);
				expect(next.data.meta.pagination).toBeUndefined();
				ids.push(...next.data.data.map((c: { id: number }) => c.id));
				if (!next.data.meta.cursor_pagination.links.next) break;
				after = next.data.meta.cursor_pagination.end_cursor;
			}
			expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
			const page2 = await api.get('/v3/customers?limit=3&page=2');
			expect(page2.data.meta.cursor_pagination).toBeUndefined();
			expect(page2.data.meta.pagination.current_page).toBe(2);
		});

		it('v2 page/limit answers 204 past the end and 413 over 250', async () => {
			for (let i = 0; i < 3; i++) emu.admin.createOrder();
			const r = await api.get('/v2/orders?limit=2');
			expect(r.status).toBe(200);
			expect(r.data).toHaveLength(2);
			expect(typeof r.data[0].total_inc_tax).toBe('string');
			expect(r.data[0].date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
			expect(r.data[0].products.resource).toBe(`/orders/${r.data[0].id}/products`);
			const last = await api.get('/v2/orders?limit=2&page=2');
			expect(last.data).toHaveLength(1);
			const past = await api.get('/v2/orders?limit=2&page=3');
			expect(past.status).toBe(204);
			expect(past.data).toBe('');
			const big = await api.get('/v2/orders?limit=251');
			expect(big.status).toBe(413);
			expect(big.data[0].details).toEqual({ max_limit: 250 });
			expect((await api.get('/v2/customer_groups')).status).toBe(204);
			expect((await api.get('/v2/orders/999999')).data).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
		});

		it('v2 order filters accept RFC-2822 and ISO-8601 and reject junk with 400', async () => {
			emu.admin.createOrder({ date_created: Date.UTC(2024, 0, 10) });
			emu.admin.createOrder({ date_created: Date.UTC(2024, 5, 10) });
			const iso = await api.get('/v2/orders', { params: { min_date_created: '2024-03-01T00:00:00Z' } });
			expect(iso.data).toHaveLength(1);
			const rfc = await api.get('/v2/orders', { params: { max_date_created: 'Fri, 01 Mar 2024 00:00:00 +0000' } });
			expect(rfc.data).toHaveLength(1);
			expect((await api.get('/v2/orders?min_date_created=yesterday-ish')).status).toBe(400);
			const desc = await api.get('/v2/orders?sort=date_created:desc');
			expect(desc.data[0].id).toBeGreaterThan(desc.data[1].id);
			const count = await api.get('/v2/orders/count');
			expect(count.data.count).toBe(2);
		});

		it('lists 100,000 products page by page without trouble', async () => {
			emu.seedScale({ products: 100_000 });
			const last = await api.get('/v3/catalog/products?limit=250&page=400');
			expect(last.data.data).toHaveLength(250);
			expect(last.data.data[249].id).toBe(100_000);
			const filtered = await api.get('/v3/catalog/products?sku:in=SCALE-99999,SCALE-5');
			expect(filtered.data.data.map((p: { id: number }) => p.id)).toEqual([5, 99_999]);
		});
	});

	describe('catalog', () => {
		it('creates a product with its base variant and 422s missing fields', async () => {
			const r = await api.post('/v3/catalog/products', product('Mug', { sku: 'MUG-1', inventory_tracking: 'product', inventory_level: 7 }));
			expect(r.status).toBe(200);
			expect(r.data.data).toMatchObject({ name: 'Mug', sku: 'MUG-1', inventory_level: 7 });
			expect(r.data.data.base_variant_id).toEqual(expect.any(Number));
			expect(r.data.data.variants[0].sku).toBe('MUG-1');
			const bad = await api.post('/v3/catalog/products', { name: 'No price' }, invalid);
			expect(bad.status).toBe(422);
			expect(Object.keys(bad.data.errors)).toEqual(expect.arrayContaining(['type', 'weight', 'price']));
		});

		it('409s a duplicate SKU ignoring case, across products and variants, and a duplicate name', async () => {
			await api.post('/v3/catalog/products', product('Shirt', { sku: 'SHIRT', variants: [{ sku: 'Shirt-Red', option_values: [{ option_display_name: 'Color', label: 'Red' }] }] }));
			expect((await api.post('/v3/catalog/products', product('Other', { sku: 'shirt' }))).status).toBe(409);
			expect((await api.post('/v3/catalog/products', product('Other 2', { sku: 'SHIRT-RED' }))).status).toBe(409);
			expect((await api.post('/v3/catalog/products', product('Shirt'))).status).toBe(409);
			expect((await api.post('/v3/catalog/products', product('Bad cat', { categories: [999] }))).status).toBe(409);
		});

		it('batch updates up to 10 products and 413s more', async () => {
			emu.seedScale({ products: 12 });
			const ok = await api.put('/v3/catalog/products', [{ id: 1, price: 99 }, { id: 2, is_visible: false }]);
			expect(ok.status).toBe(200);
			expect(ok.data.data[0].price).toBe(99);
			const many = Array.from({ length: 11 }, (_, i) => ({ id: i + 1, price: 1 }));
			expect((await api.put('/v3/catalog/products', many)).status).toBe(413);
			const missing = await api.put('/v3/catalog/products', [{ price: 1 }], invalid);
			expect(missing.status).toBe(422);
			expect(missing.data.errors).toEqual({ '[0].id': 'id is required' });
			const ids = Array.from({ length: 251 }, (_, i) => i + 1).join(',');
			expect((await api.delete(`/v3/catalog/products?id:in=${ids}`)).status).toBe(413);
			expect((await api.delete('/v3/catalog/products?id:in=1,2')).status).toBe(204);
			expect(emu.state.products.has(1)).toBe(false);
		});

		it('variants: create, batch update limit 50 and batch_errors', async () => {
			const p = (await api.post('/v3/catalog/products', product('Tee', { inventory_tracking: 'variant' }))).data.data;
			const noOpts = await api.post(`/v3/catalog/products/${p.id}/variants`, { sku: 'TEE-S' });
			expect(noOpts.status).toBe(422);
			const v = await api.post(`/v3/catalog/products/${p.id}/variants`, { sku: 'TEE-S', option_values: [{ option_display_name: 'Size', label: 'S' }] });
			expect(v.status).toBe(200);
			expect(v.data.data.option_values[0]).toMatchObject({ label: 'S', option_display_name: 'Size', option_id: expect.any(Number) });
			expect((await api.post(`/v3/catalog/products/${p.id}/variants`, { sku: 'tee-s', option_values: [{ option_display_name: 'Size', label: 'M' }] })).status).toBe(409);
			const upd = await api.put('/v3/catalog/variants', [{ id: v.data.data.id, price: 12.5, inventory_level: 4 }]);
			expect(upd.data.data[0]).toMatchObject({ price: 12.5, inventory_level: 4 });
			expect((await api.put('/v3/catalog/variants', Array.from({ length: 51 }, () => ({ id: 1 })))).status).toBe(413);
			const bad = await api.put('/v3/catalog/variants', [{ id: 424242, price: 1 }]);
			expect(bad.status).toBe(422);
			expect(bad.data.batch_errors[0]).toMatchObject({ status: 422 });
			const list = await api.get(`/v3/catalog/variants?sku:in=TEE-S`);
			expect(list.data.data).toHaveLength(1);
		});
	});

	describe('customers and groups', () => {
		it('creates customers (max 10), 422s missing fields and duplicate e-mails', async () => {
			const ok = await api.post('/v3/customers', [{ email: 'a@example.com', first_name: 'A', last_name: 'B' }]);
			expect(ok.status).toBe(200);
			const dup = await api.post('/v3/customers', [{ email: 'A@example.com', first_name: 'A', last_name: 'B' }]);
			expect(dup.status).toBe(422);
			expect(dup.data.title).toContain('A@example.com');
			const missing = await api.post('/v3/customers', [{ email: 'c@example.com' }], invalid);
			expect(missing.status).toBe(422);
			expect(missing.data.errors).toEqual({ '.customer_create[0].first_name': 'first_name is required', '.customer_create[0].last_name': 'last_name is required' });
			const many = Array.from({ length: 11 }, (_, i) => ({ email: `m${i}@example.com`, first_name: 'M', last_name: 'N' }));
			expect((await api.post('/v3/customers', many)).status).toBe(413);
			const badGroup = await api.put('/v3/customers', [{ id: ok.data.data[0].id, customer_group_id: 77 }]);
			expect(badGroup.status).toBe(422);
			expect((await api.delete('/v3/customers', invalid)).status).toBe(204);
			expect(emu.state.customers.size).toBe(1);
		});

		it('customer groups v2: create, 409 duplicate, 400 missing name', async () => {
			const g = await api.post('/v2/customer_groups', { name: 'Wholesale' });
			expect(g.status).toBe(200);
			const dup = await api.post('/v2/customer_groups', { name: 'wholesale' });
			expect(dup.status).toBe(409);
			expect(Array.isArray(dup.data)).toBe(true);
			expect((await api.post('/v2/customer_groups', {})).status).toBe(400);
			const assign = await api.put('/v3/customers', [{ id: (await api.post('/v3/customers', [{ email: 'x@example.com', first_name: 'X', last_name: 'Y' }])).data.data[0].id, customer_group_id: g.data.id }]);
			expect(assign.data.data[0].customer_group_id).toBe(g.data.id);
		});
	});

	describe('inventory', () => {
		it('adjusts absolute and relative stock with tracking rules', async () => {
			const p = (await api.post('/v3/catalog/products', product('Lamp', { sku: 'LAMP', inventory_tracking: 'product' }))).data.data;
			const abs = await api.put('/v3/inventory/adjustments/absolute', { reason: 'count', items: [{ location_id: 1, product_id: p.id, quantity: 20 }] });
			expect(abs.status).toBe(200);
			expect(abs.data.transaction_id).toEqual(expect.any(String));
			const rel = await api.post('/v3/inventory/adjustments/relative', { items: [{ location_id: 1, product_id: p.id, quantity: -5 }] });
			expect(rel.status).toBe(200);
			expect(emu.state.products.get(p.id)?.inventory_level).toBe(15);
			// A simple product's base variant id and SKU write the product's own stock.
			const byBase = await api.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, variant_id: p.base_variant_id, quantity: 15 }] });
			expect(byBase.status).toBe(200);
			const bySku = await api.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'lamp', quantity: 15 }] });
			expect(bySku.status).toBe(200);
			expect(emu.state.products.get(p.id)?.inventory_level).toBe(15);
			// An option variant of a product tracked at product level is refused.
			const shirt = (await api.post('/v3/catalog/products', product('Shirt', { sku: 'SHIRT', inventory_tracking: 'product' }))).data.data;
			const small = (await api.post(`/v3/catalog/products/${shirt.id}/variants`, { sku: 'SHIRT-S', option_values: [{ option_display_name: 'Size', label: 'S' }] })).data.data;
			const wrong = await api.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, variant_id: small.id, quantity: 1 }] });
			expect(wrong.status).toBe(422);
			expect(wrong.headers['content-type']).toContain('application/problem+json');
			expect(wrong.data.title).toBe(`Item with variant_id ${small.id} is tracked by product, please update stock by product id`);
			const unknown = await api.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'NOPE', quantity: 1 }] });
			expect(unknown.data.title).toContain('NOPE');
			const tooMany = await api.put('/v3/inventory/adjustments/absolute', { items: Array.from({ length: 2001 }, () => ({ location_id: 1, product_id: p.id, quantity: 1 })) });
			expect(tooMany.status).toBe(413);
			expect((await api.get('/v3/inventory/items?limit=1000')).status).toBe(200);
			expect((await api.get('/v3/inventory/items?limit=1001')).status).toBe(413);
			const items = await api.get(`/v3/inventory/items?product_id:in=${p.id}`);
			expect(items.data.data[0].identity).toMatchObject({ product_id: p.id, sku: 'LAMP' });
			expect(items.data.data[0].locations[0]).toMatchObject({ location_id: 1, available_to_sell: 15 });
		});
	});

	describe('rate limits', () => {
		it('sends the headers on every answer and 429s over quota', async () => {
			const r = await api.get('/v2/time');
			for (const h of ['x-rate-limit-time-window-ms', 'x-rate-limit-time-reset-ms', 'x-rate-limit-requests-quota', 'x-rate-limit-requests-left']) {
				expect(r.headers[h]).toBeDefined();
			}
			emu.setRateLimit({ quota: 3, windowMs: 60_000 });
			const statuses: number[] = [];
			for (let i = 0; i < 5; i++) statuses.push((await api.get('/v2/time')).status);
			expect(statuses).toEqual([200, 200, 200, 429, 429]);
			const limited = await api.get('/v2/time');
			expect(limited.headers['x-rate-limit-requests-left']).toBe('0');
			expect(Number(limited.headers['x-rate-limit-time-reset-ms'])).toBeGreaterThan(0);
			expect(limited.data).toMatchObject({ status: 429 });
			expect(emu.rateLimitStats.limited).toBe(3);
			emu.setRateLimit({ quota: 2, windowMs: 100 });
			await api.get('/v2/time');
			await api.get('/v2/time');
			expect((await api.get('/v2/time')).status).toBe(429);
			await new Promise((r) => setTimeout(r, 120));
			expect((await api.get('/v2/time')).status).toBe(200);
			emu.setRateLimit(false);
		});
	});

	describe('faults', () => {
		it.each(['500', '502', '503', '429'] as const)('injects %s', async (kind) => {
			emu.setFaults([{ kind, path: '/v2/time', count: 1 }]);
			expect((await api.get('/v2/time')).status).toBe(Number(kind));
			expect((await api.get('/v2/time')).status).toBe(200);
			expect(emu.faultStats[kind]).toBe(1);
		});

		it('429-no-headers has no rate headers and an empty body', async () => {
			emu.setFaults([{ kind: '429-no-headers' }]);
			const r = await api.get('/v2/time');
			expect(r.status).toBe(429);
			expect(r.headers['x-rate-limit-requests-left']).toBeUndefined();
			expect(r.data).toBe('');
		});

		it('reset drops the connection before anything is committed', async () => {
			emu.setFaults([{ kind: 'reset', method: 'POST' }]);
			await expect(api.post('/v3/catalog/products', product('Never'))).rejects.toThrow();
			expect(emu.state.products.size).toBe(0);
		});

		it('reset-after-commit drops the connection after the write', async () => {
			emu.setFaults([{ kind: 'reset-after-commit', method: 'POST', count: 1 }]);
			await expect(api.post('/v3/catalog/products', product('Saved'))).rejects.toThrow();
			expect(emu.state.products.size).toBe(1);
			expect((await api.post('/v3/catalog/products', product('Saved'))).status).toBe(409);
		});

		it('stall never answers within the client timeout; delay answers late', async () => {
			emu.setFaults([{ kind: 'stall', delayMs: 2000, count: 1 }]);
			await expect(api.get('/v2/time', { timeout: 200 })).rejects.toThrow();
			emu.setFaults([{ kind: 'delay', delayMs: 150 }]);
			const t = Date.now();
			expect((await api.get('/v2/time')).status).toBe(200);
			expect(Date.now() - t).toBeGreaterThanOrEqual(140);
		});

		it('malformed-json answers 200 with a truncated body', async () => {
			emu.setFaults([{ kind: 'malformed-json' }]);
			const r = await api.get('/v2/store', { transformResponse: (x) => x });
			expect(r.status).toBe(200);
			expect(() => JSON.parse(r.data)).toThrow();
		});

		it('207 on a catalog batch saves every record but the stock of every second one, and errors is one object naming those', async () => {
			emu.seedScale({ products: 4 });
			const stockBefore = emu.state.products.get(2)!.inventory_level;
			emu.setFaults([{ kind: '207', path: '/v3/catalog/products' }]);
			const r = await api.put('/v3/catalog/products', [1, 2, 3, 4].map((id) => ({ id, price: 55, inventory_level: 70 })));
			expect(r.status).toBe(207);
			expect(r.data.data.map((p: { id: number }) => p.id)).toEqual([1, 2, 3, 4]);
			expect(Array.isArray(r.data.errors)).toBe(false);
			expect(r.data.errors).toMatchObject({ status: 207, title: expect.stringMatching(/secondary update/) });
			expect(Object.keys(r.data.errors.errors)).toEqual(['[1].inventory_level', '[3].inventory_level']);
			expect(emu.state.products.get(2)?.price).toBe(55);
			expect(emu.state.products.get(2)?.inventory_level).toBe(stockBefore);
			expect(emu.state.products.get(1)?.inventory_level).toBe(70);
			// Nothing secondary to fail: a plain 200.
			expect((await api.put('/v3/catalog/products', [{ id: 2, price: 56 }])).status).toBe(200);
			// GETs are untouched by a 207 rule
			expect((await api.get('/v3/catalog/products')).status).toBe(200);
		});

		it('probabilistic faults are repeatable with the same seed', async () => {
			const run = async () => {
				emu.reset();
				emu.setFaults([{ kind: '503', rate: 0.5 }]);
				const out: number[] = [];
				for (let i = 0; i < 12; i++) out.push((await api.get('/v2/time')).status);
				return out;
			};
			const a = await run();
			expect(a).toContain(503);
			expect(a).toContain(200);
			expect(await run()).toEqual(a);
		});
	});

	describe('webhooks', () => {
		let receiver: http.Server;
		let receiverUrl: string;
		const received: { headers: http.IncomingHttpHeaders; body: string; url: string }[] = [];
		let signed: Emulator;

		beforeAll(async () => {
			receiver = http.createServer((req, res) => {
				let body = '';
				req.on('data', (c) => (body += c));
				req.on('end', () => {
					received.push({ headers: req.headers, body, url: req.url ?? '' });
					res.writeHead(200);
					res.end();
				});
			});
			await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
			receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
			signed = await startEmulator({
				clientSecret: 'shhh-secret',
				deliveryRewrite: (d) => `${receiverUrl}${new URL(d).pathname}`,
			});
		});
		afterAll(async () => {
			await signed.stop();
			await new Promise((r) => receiver.close(r));
		});
		beforeEach(() => {
			received.length = 0;
			signed.reset();
		});

		it('hook CRUD with validation', async () => {
			const h = client(signed);
			const missing = await h.post('/v3/hooks', { scope: 'store/order/created' }, invalid);
			expect(missing.status).toBe(422);
			expect(missing.data.errors).toEqual({ destination: 'error.path.missing' });
			expect((await h.post('/v3/hooks', { scope: 'store/order/created', destination: 'http://example.com/hook' })).status).toBe(422);
			expect((await h.post('/v3/hooks', { scope: 'store/order/created', destination: 'https://example.com:8443/hook' })).status).toBe(422);
			const created = await h.post('/v3/hooks', { scope: 'store/order/created', destination: 'https://example.com/hook', headers: { 'x-secret': 'abc' } });
			expect(created.status).toBe(200);
			expect(created.data.data).toMatchObject({ scope: 'store/order/created', is_active: true, headers: { 'x-secret': 'abc' } });
			expect(created.data.data.created_at).toBeLessThan(1e11);
			expect((await h.post('/v3/hooks', { scope: 'store/order/created', destination: 'https://example.com/hook' })).status).toBe(422);
			const id = created.data.data.id;
			const list = await h.get('/v3/hooks');
			expect(list.data.meta.pagination.total).toBe(1);
			expect((await h.put(`/v3/hooks/${id}`, { is_active: false })).data.data.is_active).toBe(false);
			const del = await h.delete(`/v3/hooks/${id}`);
			expect(del.status).toBe(200);
			expect(del.data.data.id).toBe(id);
			const gone = await h.get(`/v3/hooks/${id}`);
			expect(gone.status).toBe(404);
			expect(gone.data.title).toBe(`Webhook with id [${id}] not found`);
		});

		it('delivers matching events with registered headers and a valid signature', async () => {
			const h = client(signed);
			await h.post('/v3/hooks', { scope: 'store/order/*', destination: 'https://hooks.example.com/bc/orders', headers: { 'x-secret': 's3' } });
			await h.post('/v3/hooks', { scope: 'store/customer/created', destination: 'https://hooks.example.com/bc/customers' });
			const order = signed.admin.createOrder();
			signed.admin.setOrderStatus(order.id, 2);
			await signed.waitForDeliveries();
			const scopes = signed.deliveries.map((d) => d.scope).sort();
			expect(scopes).toEqual(['store/order/created', 'store/order/statusUpdated', 'store/order/updated']);
			expect(received).toHaveLength(3);
			const r = received.find((x) => JSON.parse(x.body).scope === 'store/order/statusUpdated');
			if (!r) throw new Error('missing delivery');
			expect(r.url).toBe('/bc/orders');
			expect(r.headers['x-secret']).toBe('s3');
			expect(r.headers['content-type']).toBe('application/json');
			const payload = JSON.parse(r.body);
			expect(payload).toMatchObject({
				scope: 'store/order/statusUpdated',
				store_id: expect.stringMatching(/^\d+$/),
				producer: `stores/${signed.storeHash}`,
				data: { type: 'order', id: order.id, status: { previous_status_id: 11, new_status_id: 2 } },
				hash: expect.stringMatching(/^[0-9a-f]{40}$/),
			});
			const id = r.headers['webhook-id'] as string;
			const ts = r.headers['webhook-timestamp'] as string;
			const expected = createHmac('sha256', Buffer.from('shhh-secret')).update(`${id}.${ts}.${r.body}`).digest('base64');
			expect(r.headers['webhook-signature']).toBe(`v1,${expected}`);
		});

		it('inactive hooks get nothing; failures are logged and the hook stays active', async () => {
			const h = client(signed);
			const hook = (await h.post('/v3/hooks', { scope: 'store/product/*', destination: 'https://hooks.example.com/p' })).data.data;
			await h.post('/v3/catalog/products', product('Widget', { inventory_tracking: 'product', inventory_level: 3 }));
			await signed.waitForDeliveries();
			expect(signed.deliveries.map((d) => d.scope).sort()).toEqual(['store/product/created', 'store/product/inventory/updated']);
			signed.admin.deactivateHook(hook.id);
			signed.emit('store/product/updated', { type: 'product', id: 1 });
			await signed.waitForDeliveries();
			expect(signed.deliveries).toHaveLength(2);
			const failing = await startEmulator({ deliveryRewrite: () => 'http://127.0.0.1:1/nowhere' });
			try {
				const fh = client(failing);
				const fhook = (await fh.post('/v3/hooks', { scope: 'store/order/created', destination: 'https://x.example.com/' })).data.data;
				failing.admin.createOrder();
				await failing.waitForDeliveries();
				expect(failing.deliveries[0].status).toBe('error');
				expect(failing.state.hooks.get(fhook.id)?.is_active).toBe(true);
			} finally {
				await failing.stop();
			}
		});
	});

	describe('more resources', () => {
		it('orders: POST and PUT emit the real scopes', async () => {
			const recv: string[] = [];
			const h = await startEmulator({ deliveryRewrite: () => 'http://127.0.0.1:9/unused' });
			try {
				const c = client(h);
				await c.post('/v3/hooks', { scope: 'store/order/*', destination: 'https://example.com/o' });
				const p = (await c.post('/v3/catalog/products', product('Book', { price: 12 }))).data.data;
				const created = await c.post('/v2/orders', { billing_address: { first_name: 'A', last_name: 'B', email: 'a@b.example', zip: '10001' }, products: [{ product_id: p.id, quantity: 2 }] });
				expect(created.status).toBe(200);
				expect(created.data).toMatchObject({ status_id: 1, subtotal_ex_tax: '24.0000', items_total: 2 });
				expect((await c.post('/v2/orders', { products: [] })).status).toBe(400);
				const upd = await c.put(`/v2/orders/${created.data.id}`, { status_id: 11, staff_notes: 'rush' });
				expect(upd.data).toMatchObject({ status_id: 11, status: 'Awaiting Fulfillment', staff_notes: 'rush' });
				expect((await c.get(`/v2/orders/${created.data.id}/products`)).data[0]).toMatchObject({ product_id: p.id, quantity: 2, price_ex_tax: '12.0000' });
				expect((await c.get(`/v2/orders/${created.data.id}/shipping_addresses`)).data).toHaveLength(1);
				expect((await c.get(`/v2/orders/${created.data.id}/coupons`)).status).toBe(204);
				expect((await c.get('/v2/order_statuses')).data).toHaveLength(15);
				expect((await c.delete(`/v2/orders/${created.data.id}`)).status).toBe(204);
				expect((await c.get('/v2/orders')).status).toBe(204);
				await h.waitForDeliveries();
				recv.push(...h.deliveries.map((d) => d.scope));
				expect(recv.sort()).toEqual(['store/order/archived', 'store/order/created', 'store/order/statusUpdated', 'store/order/updated']);
			} finally {
				await h.stop();
			}
		});

		it('customer addresses, includes and filters', async () => {
			const c = (await api.post('/v3/customers', [{ email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee', company: 'Acme', addresses: [{ first_name: 'Ann', last_name: 'Lee', address1: '1 Road', city: 'Leeds', country_code: 'GB' }] }])).data.data[0];
			const missing = await api.post('/v3/customers/addresses', [{ customer_id: c.id, first_name: 'Ann' }], invalid);
			expect(missing.status).toBe(422);
			const added = await api.post('/v3/customers/addresses', [{ customer_id: c.id, first_name: 'Ann', last_name: 'Lee', address1: '2 Road', city: 'York', state_or_province: 'North Yorkshire', postal_code: 'YO1 7HH', country_code: 'GB' }]);
			expect(added.data.data[0]).toMatchObject({ customer_id: c.id, country: 'United Kingdom' });
			const got = await api.get('/v3/customers', { params: { 'email:in': 'ANN@example.com', include: 'addresses,storecredit' } });
			expect(got.data.data[0].addresses).toHaveLength(2);
			expect(got.data.data[0].store_credit_amounts).toEqual([{ amount: 0 }]);
			expect((await api.get('/v3/customers', { params: { 'name:like': 'ann' } })).data.data).toHaveLength(1);
			expect((await api.get('/v3/customers', { params: { 'company:in': 'acme' } })).data.data).toHaveLength(1);
			expect((await api.get('/v3/customers/addresses', { params: { 'customer_id:in': c.id } })).data.meta.pagination.total).toBe(2);
		});

		it('catalog reads: include_fields, categories, brands, channels, locations', async () => {
			emu.seedDemo();
			const sparse = await api.get('/v3/catalog/products', { params: { include_fields: 'name,price', limit: 1 } });
			expect(Object.keys(sparse.data.data[0]).sort()).toEqual(['id', 'name', 'price']);
			const withVariants = await api.get('/v3/catalog/products', { params: { keyword: 'T-Shirt', include: 'variants,images' } });
			expect(withVariants.data.data[0].variants.length).toBeGreaterThan(1);
			const trees = await api.get('/v3/catalog/trees/categories', { params: { 'parent_id:in': 0 } });
			expect(trees.data.data[0]).toMatchObject({ category_id: expect.any(Number), tree_id: 1, url: { path: expect.any(String) } });
			const legacy = await api.get(`/v3/catalog/categories/${trees.data.data[0].category_id}`);
			expect(legacy.data.data.id).toBe(trees.data.data[0].category_id);
			const brands = await api.get('/v3/catalog/brands', { params: { 'name:like': 'co' } });
			expect(brands.data.data.length).toBeGreaterThan(0);
			expect((await api.get('/v3/catalog/brands/999')).status).toBe(404);
			expect((await api.get('/v3/channels/1')).data.data).toMatchObject({ id: 1, type: 'storefront' });
			expect((await api.get('/v3/inventory/locations')).data.data.map((l: { id: number }) => l.id)).toEqual([1, 2, 3]);
			const byCat = await api.get('/v3/catalog/products', { params: { 'categories:in': trees.data.data[0].category_id } });
			expect(byCat.data.meta.pagination.total).toBeGreaterThan(0);
		});

		it('variant-tracked inventory by SKU, and relative needs an absolute level away from the default location', async () => {
			const p = (await api.post('/v3/catalog/products', product('Cap', { inventory_tracking: 'variant', variants: [{ sku: 'CAP-R', option_values: [{ option_display_name: 'Color', label: 'Red' }] }, { sku: 'CAP-B', option_values: [{ option_display_name: 'Color', label: 'Blue' }] }] }))).data.data;
			expect(p.base_variant_id).toBeNull();
			expect((await api.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'cap-r', quantity: 4 }, { location_id: 1, sku: 'CAP-B', quantity: 6 }] })).status).toBe(200);
			expect((await api.get(`/v3/catalog/products/${p.id}`)).data.data.inventory_level).toBe(10);
			const byProduct = await api.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, product_id: p.id, quantity: 1 }] });
			expect(byProduct.data.title).toBe(`Item with product_id ${p.id} is tracked by variant, please update stock by variant id or sku`);
			const rel = await api.post('/v3/inventory/adjustments/relative', { items: [{ location_id: 2, sku: 'CAP-R', quantity: 1 }] });
			expect(rel.status).toBe(422);
			const untracked = (await api.post('/v3/catalog/products', product('Free', { sku: 'FREE' }))).data.data;
			expect((await api.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, product_id: untracked.id, quantity: 1 }] })).status).toBe(422);
			const at1 = await api.get('/v3/inventory/locations/1/items', { params: { 'sku:in': 'CAP-R' } });
			expect(at1.data.data[0]).toMatchObject({ identity: { sku: 'CAP-R' }, available_to_sell: 4 });
		});

		it('variant delete and the base variant', async () => {
			const p = (await api.post('/v3/catalog/products', product('Hat', { sku: 'HAT' }))).data.data;
			expect((await api.delete(`/v3/catalog/products/${p.id}/variants/${p.base_variant_id}`)).status).toBe(422);
			const v = (await api.post(`/v3/catalog/products/${p.id}/variants`, { sku: 'HAT-L', option_values: [{ option_display_name: 'Size', label: 'L' }] })).data.data;
			expect((await api.get(`/v3/catalog/products/${p.id}`)).data.data.base_variant_id).toBeNull();
			expect((await api.delete(`/v3/catalog/products/${p.id}/variants/${v.id}`)).status).toBe(204);
			expect((await api.get(`/v3/catalog/products/${p.id}/variants/${v.id}`)).status).toBe(404);
			expect((await api.post('/v3/catalog/products', product('Hat 2', { sku: 'hat-l' }))).status).toBe(200);
		});

		it('admin carts and shipments emit their scopes', async () => {
			const h = await startEmulator({ seed: 'demo', deliveryRewrite: () => 'http://127.0.0.1:9/unused' });
			try {
				const c = client(h);
				await c.post('/v3/hooks', { scope: 'store/cart/*', destination: 'https://example.com/c' });
				await c.post('/v3/hooks', { scope: 'store/shipment/created', destination: 'https://example.com/s' });
				const cart = h.admin.createCart();
				const order = h.admin.convertCart(cart.id);
				const shipment = h.admin.createShipment(order.id);
				expect(h.state.orders.get(order.id)?.status_id).toBe(2);
				await h.waitForDeliveries();
				const scopes = h.deliveries.map((d) => d.scope);
				expect(scopes).toEqual(expect.arrayContaining(['store/cart/created', 'store/cart/lineItem/created', 'store/cart/converted', 'store/shipment/created']));
				const s = h.deliveries.find((d) => d.scope === 'store/shipment/created');
				expect(s?.payload.data).toEqual({ type: 'shipment', id: shipment.id, orderId: order.id });
			} finally {
				await h.stop();
			}
		});
	});

	describe('admin HTTP routes', () => {
		it('drives the store over /__admin/', async () => {
			const admin = axios.create({ baseURL: `${emu.baseUrl}/__admin`, validateStatus: () => true });
			await admin.post('/seed', { demo: true });
			expect(emu.state.products.size).toBeGreaterThan(10);
			const o = await admin.post('/orders', {});
			expect(o.data.id).toEqual(expect.any(Number));
			expect((await admin.post(`/orders/${o.data.id}/status`, { status_id: 10 })).status).toBe(200);
			expect(emu.state.orders.get(o.data.id)?.status_id).toBe(10);
			await admin.post('/faults', [{ kind: '503', path: '/v2/*' }]);
			expect((await api.get('/v2/time')).status).toBe(503);
			await admin.post('/faults', []);
			await admin.post('/rate-limit', { quota: 1, windowMs: 60000 });
			await api.get('/v2/time');
			expect((await api.get('/v2/time')).status).toBe(429);
			await admin.post('/rate-limit', { enabled: false });
			const reqs = await admin.get('/requests');
			expect(reqs.data.length).toBeGreaterThan(0);
			await admin.post('/reset');
			expect(emu.state.products.size).toBe(0);
		});
	});
});

describe('answers in the shapes of the official specs', () => {
	let emu: Emulator;
	let api: AxiosInstance;

	beforeAll(async () => {
		emu = await startEmulator({ seed: 'demo' });
		api = client(emu);
	});
	afterAll(() => emu.stop());

	it('/v2/store gives dimension_decimal_places as a number', async () => {
		const store = await api.get('/v2/store');
		expect(store.data).toMatchObject({ decimal_places: 2, dimension_decimal_places: 2 });
	});

	it("an order's coupons give discount as a number and its products carry no fields outside the spec", async () => {
		const order = emu.admin.createOrder({ coupons: [{ code: 'SAVE5', amount: 5 }] });
		const coupons = await api.get(`/v2/orders/${order.id}/coupons`);
		expect(coupons.data).toEqual([expect.objectContaining({ code: 'SAVE5', amount: '5.0000', discount: 5 })]);
		const lines = await api.get(`/v2/orders/${order.id}/products`);
		expect(lines.data[0]).not.toHaveProperty('fulfillment_source');
	});

	it("a customer group's discount rule amount comes back as a decimal string", async () => {
		const group = await api.post('/v2/customer_groups', { name: 'Spec Shapes', discount_rules: [{ type: 'all', method: 'percent', amount: '15.0000' }] });
		expect(group.data.discount_rules).toEqual([{ type: 'all', method: 'percent', amount: '15.0000' }]);
		const numeric = await api.post('/v2/customer_groups', { name: 'Spec Shapes 2', discount_rules: [{ type: 'all', method: 'percent', amount: 15 }] }, invalid);
		expect(numeric.data.discount_rules[0].amount).toBe('15.0000');
	});

	it('products ignore name:like, which the products API does not document', async () => {
		const all = await api.get('/v3/catalog/products');
		const filtered = await api.get('/v3/catalog/products', { params: { 'name:like': 'T-Shirt' } });
		expect(filtered.data.meta.pagination.total).toBe(all.data.meta.pagination.total);
	});
});

describe('webhook scope matching', () => {
	it('matches exact scopes and * wildcards', async () => {
		const { scopeMatches } = await import('./webhooks');
		expect(scopeMatches('store/order/*', 'store/order/statusUpdated')).toBe(true);
		expect(scopeMatches('store/product/*', 'store/product/inventory/updated')).toBe(true);
		expect(scopeMatches('store/product/*', 'store/sku/created')).toBe(false);
		expect(scopeMatches('store/order/created', 'store/order/created')).toBe(true);
		expect(scopeMatches('store/order/created', 'store/order/updated')).toBe(false);
		expect(scopeMatches('store/channel/*/order/created', 'store/channel/1/order/created')).toBe(true);
		expect(scopeMatches('store/order/*', 'store/order')).toBe(false);
	});
});
