// Store information: what an agent or a workflow reads to know the store's name, plan and currency.

import { startEmulator, type Emulator } from '../emulator';
import { credentialsFor, jsonOf, runNode } from '../helpers/workflow';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ seed: 'demo' });
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => emulator.clearRequests());

describe('store get', () => {
	it('reads the store\'s name, domain, plan and currency in one request', async () => {
		const result = await runNode(
			{ resource: 'store', operation: 'get' },
			{ credentials: credentialsFor(emulator) },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				name: 'Emulated Demo Store',
				domain: `store-${emulator.storeHash}.mybigcommerce.com`,
				currency: 'USD',
				plan_name: expect.any(String),
				default_channel_id: 1,
			}),
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/store']);
	});

	it('answers once per input item', async () => {
		const result = await runNode(
			{ resource: 'store', operation: 'get' },
			{ credentials: credentialsFor(emulator), input: [{}, {}] },
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(emulator.requests).toHaveLength(2);
	});

	it('reports a refused token in plain words', async () => {
		const result = await runNode(
			{ resource: 'store', operation: 'get' },
			{ credentials: credentialsFor(emulator, { accessToken: 'not-the-token' }) },
		);

		expect(result.error?.message).toBe('BigCommerce refused the access token');
		expect(result.error?.httpCode).toBe('401');
	});
});
