// Product Add to Channel / Remove From Channel: listing products on a storefront or marketplace
// in batches over /v3/catalog/products/channel-assignments, through n8n's WorkflowExecute
// against the store emulator.

import { BATCH_LIMITS } from '../../nodes/BigCommerce/transport';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

// The demo store plus 500 generated products; channel 1 is the storefront, 2 a marketplace.
const store = useStore({ resource: 'product', fresh: 'store', scale: { products: 500 } });
const { run } = store;

const PATH = '/v3/catalog/products/channel-assignments';
const MARKETPLACE = 2;
const fromRow = { productId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };

const scaleProductIds = () =>
	[...store.emulator.state.products.values()].filter((p) => p.sku.startsWith('SCALE-')).map((p) => p.id);
const channelsOf = (id: number) => [...(store.emulator.state.productChannels.get(id) ?? [1])].sort();
const onChannel = (channelId: number) =>
	[...store.emulator.state.products.keys()].filter((id) => channelsOf(id).includes(channelId));

describe('product addToChannel / removeFromChannel', () => {
	it('adds 500 products to a channel at the request floor and removes them again', async () => {
		const ids = scaleProductIds();
		expect(ids).toHaveLength(500);
		const input = ids.map((id) => ({ id }));
		const floor = Math.ceil(500 / BATCH_LIMITS.channelAssignments);

		const added = await run({ operation: 'addToChannel', ...fromRow, channelIds: [MARKETPLACE] }, { input });

		expect(added.error).toBeUndefined();
		expect(store.requestLines()).toEqual(Array(floor).fill(`PUT ${PATH}`));
		const sent = store.emulator.requests.flatMap((r) => r.body as Array<{ product_id: number; channel_id: number }>);
		expect(sent).toEqual(ids.map((id) => ({ product_id: id, channel_id: MARKETPLACE })));
		expect(jsonOf(added)).toEqual(ids.map((id) => ({ product_id: id, channel_ids: [MARKETPLACE], assigned: true })));
		const listed = await run({ operation: 'getAll', returnAll: true, filters: { channelIds: [MARKETPLACE] } });
		expect(jsonOf(listed).map((p) => p.id)).toEqual(ids);
		store.emulator.clearRequests();
		expect(added.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(onChannel(MARKETPLACE).sort((a, b) => a - b)).toEqual(ids);
		// The storefront keeps them: adding to one channel leaves the others as they were.
		expect(ids.every((id) => channelsOf(id).includes(1))).toBe(true);

		store.emulator.clearRequests();
		const removed = await run({ operation: 'removeFromChannel', ...fromRow, channelIds: [MARKETPLACE] }, { input });

		expect(removed.error).toBeUndefined();
		const lines = store.requestLines({ query: true });
		expect(lines).toHaveLength(floor);
		lines.forEach((line, batch) => {
			const chunk = ids.slice(batch * BATCH_LIMITS.channelAssignments, (batch + 1) * BATCH_LIMITS.channelAssignments);
			expect(line).toBe(`DELETE ${PATH}?${new URLSearchParams({ 'product_id:in': chunk.join(','), 'channel_id:in': String(MARKETPLACE) }).toString()}`);
		});
		expect(jsonOf(removed)).toEqual(ids.map((id) => ({ product_id: id, channel_ids: [MARKETPLACE], removed: true })));
		expect(onChannel(MARKETPLACE)).toEqual([]);
		expect(ids.every((id) => channelsOf(id).join() === '1')).toBe(true);
	});

	it('puts each product on the channels its row names, in one request', async () => {
		const [first, second] = scaleProductIds();
		const result = await run(
			{ operation: 'addToChannel', ...fromRow, channelIds: '={{ $json.channels }}' },
			{ input: [{ id: first, channels: [1, 2] }, { id: second, channels: '2' }] },
		);

		expect(result.error).toBeUndefined();
		expect(store.requestLines()).toEqual([`PUT ${PATH}`]);
		expect(store.emulator.requests[0].body).toEqual([
			{ product_id: first, channel_id: 1 },
			{ product_id: first, channel_id: 2 },
			{ product_id: second, channel_id: 2 },
		]);
		expect(channelsOf(first)).toEqual([1, 2]);
		expect(channelsOf(second)).toEqual([1, 2]);
		expect(jsonOf(result)).toEqual([
			{ product_id: first, channel_ids: [1, 2], assigned: true },
			{ product_id: second, channel_ids: [2], assigned: true },
		]);
	});

	it('fails only the item whose product the store does not have, with Continue On Fail', async () => {
		const [first, second] = scaleProductIds();
		const input = [{ id: first }, { id: 999999 }, { id: second }];

		const result = await run({ operation: 'addToChannel', ...fromRow, channelIds: [MARKETPLACE] }, { input, continueOnFail: true });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(3);
		expect(out[0]).toEqual({ product_id: first, channel_ids: [MARKETPLACE], assigned: true });
		expect(`${String(out[1].error)} ${String(out[1].errorDescription)}`).toMatch(/Product 999999 does not exist/);
		expect(out[2]).toEqual({ product_id: second, channel_ids: [MARKETPLACE], assigned: true });
		expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(channelsOf(first)).toEqual([1, 2]);
		expect(channelsOf(second)).toEqual([1, 2]);
	});

	it('refuses a missing channel or a product ID that is not a number before any request, naming the field', async () => {
		const [first] = scaleProductIds();
		const noChannel = await run({ operation: 'addToChannel', ...fromRow, channelIds: '={{ [] }}' }, { input: [{ id: first }] });
		expect(noChannel.error?.message).toMatch(/Channel Names or IDs/);

		const badChannel = await run({ operation: 'removeFromChannel', ...fromRow, channelIds: '={{ "web" }}' }, { input: [{ id: first }] });
		expect(badChannel.error?.message).toMatch(/Channel/);

		const badProduct = await run({ operation: 'addToChannel', ...fromRow, channelIds: [2] }, { input: [{ id: first }, { id: 'abc' }] });
		expect(badProduct.error?.message).toMatch(/Product must be a positive whole number/);

		expect(store.requestLines()).toEqual([]);
	});
});
