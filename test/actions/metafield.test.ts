// Metafields: extra data on products, orders, customers and channels, written by owner,
// namespace and key in batches (found ones updated, missing ones created, never twice), listed
// and deleted, through n8n's WorkflowExecute against the store emulator.

import type { IDataObject } from 'n8n-workflow';

import { BATCH_LIMITS } from '../../nodes/BigCommerce/transport';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

// The demo store plus 120 generated products.
const store = useStore({ resource: 'metafield', fresh: 'store', scale: { products: 120 } });
const { run } = store;

const PRODUCT_BATCH = '/v3/catalog/products/metafields';

const fromRow = {
	ownerType: 'product',
	ownerId: '={{ $json.id }}',
	namespace: 'erp',
	key: '={{ $json.key }}',
	value: '={{ $json.value }}',
	permissionSet: 'write',
};

const scaleProductIds = () =>
	[...store.emulator.state.products.values()].filter((p) => p.sku.startsWith('SCALE-')).map((p) => p.id);
const stored = () => [...store.emulator.state.metafields.values()];
const lines = () => store.requestLines();

describe('metafield upsert', () => {
	it('writes 120 product metafields, then again with new values: 120 metafields, each run at the request floor', async () => {
		const ids = scaleProductIds();
		expect(ids).toHaveLength(120);
		const rowsWith = (prefix: string) => ids.map((id, i) => ({ id, key: 'warehouse', value: `${prefix}-${i}` }));
		const batches = Math.ceil(120 / BATCH_LIMITS.metafields);

		const first = await run(fromRow, { input: rowsWith('WH') });

		expect(first.error).toBeUndefined();
		// One look-up finds none of them (all 120 owners in one request), then the creates.
		expect(lines()).toEqual([`GET ${PRODUCT_BATCH}`, ...Array(batches).fill(`POST ${PRODUCT_BATCH}`)]);
		expect(store.emulator.requests[0].query).toMatchObject({ 'namespace:in': 'erp', 'key:in': 'warehouse' });
		const created = jsonOf(first);
		expect(created).toHaveLength(120);
		created.forEach((metafield, i) =>
			expect(metafield).toMatchObject({ resource_type: 'product', resource_id: ids[i], namespace: 'erp', key: 'warehouse', value: `WH-${i}`, permission_set: 'write' }),
		);
		expect(first.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));

		store.emulator.clearRequests();
		const second = await run(fromRow, { input: rowsWith('EAST') });

		expect(second.error).toBeUndefined();
		expect(lines()).toEqual([`GET ${PRODUCT_BATCH}`, ...Array(batches).fill(`PUT ${PRODUCT_BATCH}`)]);
		const updated = jsonOf(second);
		updated.forEach((metafield, i) => {
			expect(metafield).toMatchObject({ resource_id: ids[i], value: `EAST-${i}` });
			expect(metafield.id).toBe(created[i].id);
		});
		expect(stored()).toHaveLength(120);
		expect(stored().map((m) => m.value).sort()).toEqual(ids.map((_, i) => `EAST-${i}`).sort());

		// A third run with the same values has nothing to write: the look-up alone.
		store.emulator.clearRequests();
		const third = await run(fromRow, { input: rowsWith('EAST') });
		expect(third.error).toBeUndefined();
		expect(lines()).toEqual([`GET ${PRODUCT_BATCH}`]);
		expect(jsonOf(third).map((m) => m.id)).toEqual(created.map((m) => m.id));
	});

	it('does not duplicate a batch whose answer was lost: it looks up and sends only what is missing', async () => {
		const ids = scaleProductIds().slice(0, 60);
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: PRODUCT_BATCH, count: 1 }]);

		const result = await run(fromRow, { input: ids.map((id, i) => ({ id, key: 'bin', value: `B${i}` })) });

		expect(result.error).toBeUndefined();
		// The look-up, both batches (sent side by side, so in either order with the look-up after
		// the lost answer), and nothing sent twice.
		expect([...lines()].sort()).toEqual([`GET ${PRODUCT_BATCH}`, `GET ${PRODUCT_BATCH}`, `POST ${PRODUCT_BATCH}`, `POST ${PRODUCT_BATCH}`]);
		expect(lines()[0]).toBe(`GET ${PRODUCT_BATCH}`);
		expect(stored()).toHaveLength(60);
		const out = jsonOf(result);
		expect(out.map((m) => m.resource_id)).toEqual(ids);
		expect(new Set(out.map((m) => m.id)).size).toBe(60);
		expect(out.map((m) => m.value)).toEqual(ids.map((_, i) => `B${i}`));
	});

	it('sends again what a connection failure before the answer left unsaved, once', async () => {
		const ids = scaleProductIds().slice(0, 3);
		store.emulator.setFaults([{ kind: 'reset', method: 'POST', path: PRODUCT_BATCH, count: 1 }]);

		const result = await run(fromRow, { input: ids.map((id) => ({ id, key: 'bin', value: 'A1' })) });

		expect(result.error).toBeUndefined();
		// Each product's own list before the create, and again after the connection failed.
		const lookups = ids.map((id) => `GET /v3/catalog/products/${id}/metafields`);
		expect(lines()).toEqual([...lookups, `POST ${PRODUCT_BATCH}`, ...lookups, `POST ${PRODUCT_BATCH}`]);
		expect(stored()).toHaveLength(3);
		expect(jsonOf(result).map((m) => m.resource_id)).toEqual(ids);
	});

	it('writes rows that name the same metafield once, with the last row\'s value, and answers every row', async () => {
		const [id] = scaleProductIds();
		const result = await run(fromRow, {
			input: [
				{ id, key: 'color', value: 'red' },
				{ id, key: 'color', value: 'blue' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(lines()).toEqual([`GET /v3/catalog/products/${id}/metafields`, `POST ${PRODUCT_BATCH}`]);
		expect(stored()).toHaveLength(1);
		expect(jsonOf(result).map((m) => m.value)).toEqual(['blue', 'blue']);
	});

	it('refuses bad input before any request, naming the field and the item', async () => {
		const [id] = scaleProductIds();
		const good = { id, key: 'k', value: 'v' };
		const cases: Array<[IDataObject, IDataObject, RegExp, number]> = [
			[{}, { ...good, key: 'x'.repeat(65) }, /Key is too long: 65 characters/, 1],
			[{}, { ...good, value: '' }, /Value is required/, 1],
			[{}, { ...good, id: 'abc' }, /Owner ID must be a positive whole number/, 1],
			[{ namespace: '={{ $json.ns ?? "erp" }}' }, { ...good, ns: ' ' }, /Namespace is required/, 1],
			[{ permissionSet: '={{ $json.set ?? "read" }}' }, { ...good, set: 'public' }, /Permission Set must be one of/, 1],
			[{ ownerType: 'page' }, good, /Owner Type must be one of/, 0],
		];
		for (const [parameters, row, message, itemIndex] of cases) {
			const result = await run({ ...fromRow, ...parameters }, { input: [good, row] });
			expect(result.error?.message).toMatch(message);
			expect(result.error?.context?.itemIndex).toBe(itemIndex);
		}
		expect(lines()).toEqual([]);
		expect(stored()).toHaveLength(0);
	});

	it('fails only the row whose owner the store does not have, with Continue On Fail', async () => {
		const [first, second] = scaleProductIds();
		const input = [
			{ id: first, key: 'k', value: '1' },
			{ id: 999999, key: 'k', value: '2' },
			{ id: second, key: 'k', value: '3' },
		];

		const result = await run(fromRow, { input, continueOnFail: true });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out[0]).toMatchObject({ resource_id: first, value: '1' });
		expect(`${String(out[1].error)} ${String(out[1].errorDescription)}`).toMatch(/999999 not found/);
		expect(out[2]).toMatchObject({ resource_id: second, value: '3' });
		expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(stored().map((m) => m.resource_id).sort()).toEqual([first, second].sort());
	});
});

describe('metafields of orders, customers and channels', () => {
	const owners = () => ({
		order: [...store.emulator.state.orders.keys()][0],
		customer: [...store.emulator.state.customers.keys()][0],
		channel: 2,
	});

	it('writes, lists and deletes metafields of each owner type through its own endpoints', async () => {
		for (const [type, id] of Object.entries(owners())) {
			store.emulator.clearRequests();
			const batch = { order: '/v3/orders/metafields', customer: '/v3/customers/metafields', channel: '/v3/channels/metafields' }[type];
			const own = { order: `/v3/orders/${id}/metafields`, customer: `/v3/customers/${id}/metafields`, channel: `/v3/channels/${id}/metafields` }[type];

			const written = await run(
				{ ...fromRow, ownerType: type, permissionSet: 'read_and_sf_access' },
				{ input: [{ id, key: 'source', value: 'pos' }, { id, key: 'region', value: 'EU' }] },
			);
			expect(written.error).toBeUndefined();
			// One owner: its own list is read, not the type's whole batch list.
			expect(lines()).toEqual([`GET ${own}`, `POST ${batch}`]);
			expect(jsonOf(written)).toEqual([
				expect.objectContaining({ resource_type: type, resource_id: id, key: 'source', value: 'pos', permission_set: 'read_and_sf_access' }),
				expect.objectContaining({ resource_type: type, resource_id: id, key: 'region', value: 'EU' }),
			]);

			const listed = await run({ operation: 'getAll', ownerType: type, ownerId: String(id), returnAll: true, filters: { namespace: 'erp' } });
			expect(listed.error).toBeUndefined();
			expect(jsonOf(listed).map((m) => m.key)).toEqual(['source', 'region']);

			store.emulator.clearRequests();
			const deleted = await run({ operation: 'delete', ownerType: type, deleteBy: 'key', ownerId: String(id), namespace: 'erp', key: 'source' });
			expect(deleted.error).toBeUndefined();
			expect(lines()).toEqual([`GET ${own}`, `DELETE ${batch}`]);
			expect(jsonOf(deleted)).toEqual([{ deleted: true, id: jsonOf(written)[0].id, owner_type: type }]);
			expect(stored().filter((m) => m.resource_type === type).map((m) => m.key)).toEqual(['region']);
		}
	});

	it('writes and lists metafields of variants, categories and brands', async () => {
		const state = store.emulator.state;
		const variant = [...state.variants.keys()][0];
		const category = [...state.categories.keys()][0];
		const brand = [...state.brands.keys()][0];
		// A variant's own list sits under its product: its look-up reads the batch list.
		const targets: Array<[string, number, string, string]> = [
			['variant', variant, '/v3/catalog/variants/metafields', '/v3/catalog/variants/metafields'],
			['category', category, '/v3/catalog/categories/metafields', `/v3/catalog/categories/${category}/metafields`],
			['brand', brand, '/v3/catalog/brands/metafields', `/v3/catalog/brands/${brand}/metafields`],
		];
		for (const [type, id, batch, lookup] of targets) {
			store.emulator.clearRequests();
			const written = await run({ ...fromRow, ownerType: type }, { input: [{ id, key: 'feed', value: 'google' }] });
			expect(written.error).toBeUndefined();
			expect(lines()).toEqual([`GET ${lookup}`, `POST ${batch}`]);
			expect(jsonOf(written)).toEqual([expect.objectContaining({ resource_type: type, resource_id: id, key: 'feed', value: 'google' })]);

			const listed = await run({ operation: 'getAll', ownerType: type, ownerId: String(id), returnAll: true });
			expect(jsonOf(listed).map((m) => [m.resource_id, m.key])).toEqual([[id, 'feed']]);
		}
	});

	it('deletes by metafield ID in one batch request, and fails the ID the store does not have', async () => {
		const { customer } = owners();
		const written = await run(
			{ ...fromRow, ownerType: 'customer' },
			{ input: [{ id: customer, key: 'a', value: '1' }, { id: customer, key: 'b', value: '2' }] },
		);
		const [a, b] = jsonOf(written).map((m) => Number(m.id));
		store.emulator.clearRequests();

		const result = await run(
			{ operation: 'delete', ownerType: 'customer', deleteBy: 'id', metafieldId: '={{ $json.id }}' },
			{ input: [{ id: a }, { id: 987654 }, { id: b }], continueOnFail: true },
		);

		expect(lines()).toEqual(['DELETE /v3/customers/metafields']);
		const out = jsonOf(result);
		expect(out[0]).toEqual({ deleted: true, id: a, owner_type: 'customer' });
		expect(String(out[1].error)).toMatch(/987654 not found/);
		expect(out[2]).toEqual({ deleted: true, id: b, owner_type: 'customer' });
		expect(stored()).toHaveLength(0);
	});

	it('lists every metafield of an owner type, page after page', async () => {
		const ids = scaleProductIds();
		await run(fromRow, { input: ids.map((id) => ({ id, key: 'k', value: 'v' })) });
		store.emulator.clearRequests();

		const all = await run({ operation: 'getAll', ownerType: 'product', ownerId: '', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(jsonOf(all)).toHaveLength(120);

		const some = await run({ operation: 'getAll', ownerType: 'product', ownerId: '', returnAll: false, limit: 5, filters: { key: 'k' } });
		expect(jsonOf(some)).toHaveLength(5);
	});
});
