// Channel-scoped events: the trigger offers one storefront's or marketplace's events
// (store/channel/{channel_id}/...) with a channel list, and registers the scope of the channel
// chosen there.

import { randomBytes } from 'crypto';

import { EVENT_OPTIONS } from '../../nodes/BigCommerce/trigger/events';
import { TriggerTestbed, type TriggerHarness } from '../helpers/trigger';

let bed: TriggerTestbed;

beforeAll(async () => {
	bed = await TriggerTestbed.start();
});
afterAll(async () => {
	await bed.stop();
});
beforeEach(async () => {
	await bed.reset();
});

const scopesOf = (harness: TriggerHarness) =>
	bed.emulator.state.hooks.filter((h) => h.destination === harness.webhookUrl).map((h) => h.scope).sort();

describe('channel events', () => {
	it('offers the channels of the store by name', async () => {
		const trigger = await bed.trigger({ events: ['store/channel/{channel_id}/order/created'] });
		const channels = await trigger.loadOptions('getChannels');
		expect(channels).toEqual(
			expect.arrayContaining([expect.objectContaining({ value: 1 }), expect.objectContaining({ value: 2, name: expect.stringContaining('Marketplace') })]),
		);
	});

	it('registers the channel-scoped scopes of the chosen channel beside the store events', async () => {
		const trigger = await bed.trigger({
			events: ['store/channel/{channel_id}/order/created', 'store/channel/{channel_id}/product/assigned', 'store/order/created'],
			channelId: 2,
		});
		await trigger.activate();

		expect(scopesOf(trigger)).toEqual(['store/channel/2/order/created', 'store/channel/2/product/assigned', 'store/order/created']);
		expect(bed.emulator.countRequests({ method: 'POST', path: '/v3/hooks' })).toBe(3);

		// A delivery for that channel starts the workflow with the event as BigCommerce sent it.
		const delivered = await trigger.deliver({
			headers: { 'x-n8n-bigcommerce-secret': String(trigger.nodeStaticData.secret) },
			body: {
				scope: 'store/channel/2/product/assigned',
				store_id: '1025646',
				data: { product_id: 77 },
				hash: randomBytes(20).toString('hex'),
				created_at: Math.floor(Date.now() / 1000),
				producer: `stores/${bed.emulator.storeHash}`,
			},
		});
		expect(delivered.executed).toBe(true);
	});

	it('refuses channel events without a channel before registering anything', async () => {
		const trigger = await bed.trigger({ events: ['store/channel/{channel_id}/cart/*'] });
		await expect(trigger.activate()).rejects.toThrow('Channel is required for the Channel events');
		expect(bed.emulator.countRequests({ method: 'POST', path: '/v3/hooks' })).toBe(0);
	});

	it('lists the channel events in groups of their own, each with its documented scope', () => {
		const channelOptions = EVENT_OPTIONS.filter((o) => String(o.value).startsWith('store/channel/{channel_id}/'));
		expect(channelOptions.map((o) => String(o.name).split(':')[0])).toEqual(
			expect.arrayContaining(['Channel Cart', 'Channel Catalog', 'Channel Order', 'Channel Settings', 'Channel Storefront']),
		);
		expect(channelOptions.map((o) => o.value)).toEqual(
			expect.arrayContaining(['store/channel/{channel_id}/order/*', 'store/channel/{channel_id}/order/statusUpdated', 'store/channel/{channel_id}/product/unassigned']),
		);
	});
});
