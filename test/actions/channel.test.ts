// Sales channels: list every storefront and marketplace of the store.

import { useStore } from '../helpers/store';
import { credentialsFor, jsonOf, runNode } from '../helpers/workflow';

const store = useStore({ resource: 'channel' });

describe('channel get many', () => {
	it('lists every channel in one request at the largest page size', async () => {
		const result = await runNode(
			{ resource: 'channel', operation: 'getAll', returnAll: true },
			{ credentials: credentialsFor(store.emulator) },
		);

		expect(result.error).toBeUndefined();
		const channels = jsonOf(result);
		expect(channels.map((c) => c.id)).toEqual([1, 2]);
		expect(channels[1]).toMatchObject({ name: 'Marketplace', platform: 'amazon', type: 'marketplace' });
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0]).toMatchObject({ path: '/v3/channels', query: { limit: '250', page: '1' } });
	});

	it('stops at the Limit: one channel, one request of one', async () => {
		const result = await runNode(
			{ resource: 'channel', operation: 'getAll', limit: 1 },
			{ credentials: credentialsFor(store.emulator) },
		);

		expect(jsonOf(result)).toHaveLength(1);
		expect(store.emulator.requests[0].query).toMatchObject({ limit: '1' });
	});

	it('refuses a Limit below 1 before sending anything', async () => {
		const result = await runNode(
			{ resource: 'channel', operation: 'getAll', limit: '={{ 0 }}' },
			{ credentials: credentialsFor(store.emulator) },
		);

		expect(result.error?.message).toBe('Limit must be a whole number from 1 to 1000000, got "0"');
		expect(store.emulator.requests).toHaveLength(0);
	});
});
