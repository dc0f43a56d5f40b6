// Store information: what an agent or a workflow reads to know the store's name, plan and currency.

import { useStore } from '../helpers/store';
import { credentialsFor, jsonOf, runNode } from '../helpers/workflow';

const demo = useStore({ resource: 'store' });

describe('store get', () => {
	it('reads the store\'s name, domain, plan and currency in one request', async () => {
		const result = await runNode(
			{ resource: 'store', operation: 'get' },
			{ credentials: credentialsFor(demo.emulator) },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				name: 'Emulated Demo Store',
				domain: `store-${demo.emulator.storeHash}.mybigcommerce.com`,
				currency: 'USD',
				plan_name: expect.any(String),
				default_channel_id: 1,
			}),
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(demo.requestLines()).toEqual(['GET /v2/store']);
	});

	it('answers once per input item', async () => {
		const result = await runNode(
			{ resource: 'store', operation: 'get' },
			{ credentials: credentialsFor(demo.emulator), input: [{}, {}] },
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(demo.emulator.requests).toHaveLength(2);
	});

	it('reports a refused token in plain words', async () => {
		const result = await runNode(
			{ resource: 'store', operation: 'get' },
			{ credentials: credentialsFor(demo.emulator, { accessToken: 'not-the-token' }) },
		);

		expect(result.error?.message).toBe('BigCommerce refused the access token');
		expect(result.error?.httpCode).toBe('401');
	});
});
