// The emulator's metafields and channel assignments, over real HTTP: the rules the node's
// batches rely on (unique namespace and key per owner, partial success, all-or-nothing
// assignments, scopes by owner).

import axios, { type AxiosInstance } from 'axios';

import { Emulator, startEmulator } from './index';
import { EXPECT_INVALID_HEADER } from './server';

function client(emu: Emulator, token = emu.token): AxiosInstance {
	return axios.create({
		baseURL: `${emu.baseUrl}/stores/${emu.storeHash}`,
		headers: { 'X-Auth-Token': token, Accept: 'application/json' },
		validateStatus: () => true,
	});
}

const metafield = (resourceId: number, key: string, value = 'v') => ({ resource_id: resourceId, namespace: 'ns', key, value, permission_set: 'read' });

describe('emulator metafields and channel assignments', () => {
	let emu: Emulator;
	let api: AxiosInstance;
	beforeAll(async () => {
		emu = await startEmulator({ seed: 'demo', tokens: { 'orders-only': ['store_v2_orders'] } });
		api = client(emu);
	});
	afterAll(() => emu.stop());
	beforeEach(() => {
		emu.reset();
		emu.seedDemo();
	});

	const productIds = () => [...emu.state.products.keys()];

	it('writes a batch partly: a namespace and key the owner has is refused with 422, the rest is written', async () => {
		const [a, b] = productIds();
		expect((await api.post('/v3/catalog/products/metafields', [metafield(a, 'k')])).status).toBe(200);

		const answer = await api.post('/v3/catalog/products/metafields', [metafield(a, 'k', 'again'), metafield(b, 'k'), metafield(999999, 'k')]);

		expect(answer.status).toBe(422);
		expect(answer.data.data).toEqual([expect.objectContaining({ resource_id: b, key: 'k', resource_type: 'product', permission_set: 'read' })]);
		expect(answer.data.errors).toHaveLength(2);
		expect(answer.data.meta).toEqual({ total: 3, success: 1, failed: 2 });
		expect([...emu.state.metafields.values()].map((m) => [m.resource_id, m.value])).toEqual([[a, 'v'], [b, 'v']]);
	});

	it('refuses a second metafield with the same namespace and key on one owner with 409, and lists by namespace', async () => {
		const [a] = productIds();
		const first = await api.post(`/v3/catalog/products/${a}/metafields`, { namespace: 'ns', key: 'k', value: '1', permission_set: 'app_only' });
		expect(first.status).toBe(200);
		const again = await api.post(`/v3/catalog/products/${a}/metafields`, { namespace: 'ns', key: 'k', value: '2', permission_set: 'app_only' });
		expect(again.status).toBe(409);
		const listed = await api.get(`/v3/catalog/products/${a}/metafields`, { params: { namespace: 'ns' } });
		expect(listed.data.data).toEqual([expect.objectContaining({ id: first.data.data.id, value: '1' })]);
		const bad = await api.post(`/v3/catalog/products/${a}/metafields`, { namespace: 'ns', key: 'x', value: '1', permission_set: 'public' }, { headers: { [EXPECT_INVALID_HEADER]: '1' } });
		expect(bad.status).toBe(422);
	});

	it('hides the metafields of a deleted owner', async () => {
		const [a] = productIds();
		await api.post('/v3/catalog/products/metafields', [metafield(a, 'k')]);
		await api.delete(`/v3/catalog/products/${a}`);
		expect((await api.get('/v3/catalog/products/metafields')).data.data).toEqual([]);
	});

	it('asks the owner\'s scope: an orders token writes order metafields, not customer ones', async () => {
		const orders = client(emu, 'orders-only');
		const orderId = [...emu.state.orders.keys()][0];
		const customerId = [...emu.state.customers.keys()][0];
		expect((await orders.post('/v3/orders/metafields', [metafield(orderId, 'k')])).status).toBe(200);
		expect((await orders.post('/v3/customers/metafields', [metafield(customerId, 'k')])).status).toBe(403);
	});

	it('assigns products to channels all or nothing, lists and removes them; a removal needs a filter', async () => {
		const [a, b] = productIds();
		const refused = await api.put('/v3/catalog/products/channel-assignments', [{ product_id: a, channel_id: 2 }, { product_id: 999999, channel_id: 2 }]);
		expect(refused.status).toBe(422);
		expect(refused.data.errors).toEqual({ '1.product_id': 'Product 999999 does not exist' });
		expect(emu.state.productChannels.get(a)).toBeUndefined();

		expect((await api.put('/v3/catalog/products/channel-assignments', [{ product_id: a, channel_id: 2 }, { product_id: b, channel_id: 2 }])).status).toBe(204);
		const listed = await api.get('/v3/catalog/products/channel-assignments', { params: { 'channel_id:in': '2' } });
		expect(listed.data.data).toEqual([{ product_id: a, channel_id: 2 }, { product_id: b, channel_id: 2 }]);

		expect((await api.delete('/v3/catalog/products/channel-assignments')).status).toBe(422);
		expect((await api.delete('/v3/catalog/products/channel-assignments', { params: { 'product_id:in': String(a), 'channel_id:in': '2' } })).status).toBe(204);
		expect([...(emu.state.productChannels.get(a) ?? [])]).toEqual([1]);
		expect([...(emu.state.productChannels.get(b) ?? [])]).toEqual([1, 2]);
	});
});
