// The access token and the client secret never appear in what the pack shows or logs: output
// items, errors (message, description, cause), the trigger's answers, log lines, the nodes'
// descriptions. This file drives the pack through successes and every kind of failure while the
// capture (outputCapture.ts) scans all of it; the other files of the suite are scanned the same way.

import { randomBytes } from 'crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { BigCommerceApi } from '../../credentials/BigCommerceApi.credentials';
import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { BigCommerceTrigger } from '../../nodes/BigCommerce/BigCommerceTrigger.node';
import { signDelivery, type FaultKind } from '../emulator';
import { runCredentialTest } from '../helpers/credentialTest';
import { TriggerTestbed } from '../helpers/trigger';
import { useStore } from '../helpers/store';
import { runNode, type TestCredentials } from '../helpers/workflow';
import { scaleRequestTimeout } from '../reliability/faultRuns';
import { localServer } from './localServers';
import { outputCapture } from './outputCapture';

const capture = outputCapture();

const TOKEN = 'tok_secrets_full_4c1d8e2b7a9f';
const READ_ONLY_TOKEN = 'tok_secrets_information_only_6e3a';
const WRONG_TOKEN = 'tok_secrets_revoked_0b5f9d3c';
const CLIENT_SECRET = 'cs_secrets_webhook_signing_8d2e6f1a';

const store = useStore({ token: TOKEN, tokens: { [READ_ONLY_TOKEN]: ['store_v2_information_read_only'] }, clientSecret: CLIENT_SECRET });

beforeAll(() => {
	for (const [value, label] of [
		[TOKEN, 'access token'],
		[READ_ONLY_TOKEN, 'read-only access token'],
		[WRONG_TOKEN, 'revoked access token'],
		[CLIENT_SECRET, 'client secret'],
	]) {
		capture.registerSecret(value, label);
	}
});

function credentials(overrides: Partial<TestCredentials> = {}): TestCredentials {
	return store.credentials(overrides);
}

async function run(parameters: INodeParameters, overrides: Partial<TestCredentials> = {}, input?: IDataObject[]) {
	const both = [];
	for (const continueOnFail of [false, true]) {
		both.push(await runNode(parameters, { credentials: credentials(overrides), continueOnFail, input }));
	}
	return both;
}

describe('the scan itself', () => {
	it('finds a secret in any encoding, in nested objects and in an error\'s hidden cause', () => {
		const before = capture.leaks.length;
		const hidden = new Error('request failed');
		Object.defineProperty(hidden, 'cause', { value: { config: { headers: { 'X-Auth-Token': TOKEN } } }, enumerable: false });
		capture.scan('self-check', { items: [{ json: { note: `token=${encodeURIComponent(CLIENT_SECRET)}` } }] });
		capture.scan('self-check', Buffer.from(TOKEN).toString('base64'));
		capture.scan('self-check', hidden);
		const found = capture.leaks.splice(before);
		expect(found.map((leak) => leak.secret)).toEqual(['client secret', 'access token', 'access token']);
		expect(found[2].path).toBe('.cause.config.headers.X-Auth-Token');
	});
});

describe('successful runs', () => {
	it.each([
		['store get', { resource: 'store', operation: 'get' }],
		['products get many', { resource: 'product', operation: 'getAll', limit: 5, simplify: false }],
		['orders get many', { resource: 'order', operation: 'getAll', limit: 3 }],
		['customers get many', { resource: 'customer', operation: 'getAll', limit: 3 }],
		['channels get many', { resource: 'channel', operation: 'getAll', returnAll: true }],
	] as Array<[string, INodeParameters]>)('%s shows no secret', async (_case, parameters) => {
		const [result] = await run(parameters);
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
	});

	it('an upsert that creates and updates shows no secret', async () => {
		const [result] = await run(
			{ resource: 'product', operation: 'upsert', sku: '={{ $json.sku }}', name: '={{ $json.name }}', type: 'physical', weight: 1, price: 12 },
			{},
			[{ sku: 'SECRET-SCAN-1', name: 'Secret Scan Lamp' }],
		);
		expect(result.error).toBeUndefined();
	});
});

describe('failures: what the store refuses', () => {
	it.each([
		['a missing product (404)', { resource: 'product', operation: 'get', productId: { __rl: true, mode: 'id', value: '987654' } }, {}, NodeApiError, /^Not found: Product with id 987654 not found/],
		['a duplicate product name (409)', { resource: 'product', operation: 'create', name: '={{ $json.taken }}', type: 'physical', weight: 1, price: 1 }, {}, NodeApiError, /^Conflict: The product name ".+" is a duplicate/],
		['a revoked token (401)', { resource: 'product', operation: 'getAll', limit: 1 }, { accessToken: WRONG_TOKEN }, NodeApiError, /^BigCommerce refused the access token/],
		['a token without the scope (403)', { resource: 'product', operation: 'getAll', limit: 1 }, { accessToken: READ_ONLY_TOKEN }, NodeApiError, /^The API account is not allowed to do this/],
		['garbage input', { resource: 'product', operation: 'get', productId: { __rl: true, mode: 'id', value: '={{ "1/../../hooks" }}' } }, {}, NodeOperationError, /^Product ID must be a positive whole number/],
		['an invalid store hash', { resource: 'store', operation: 'get' }, { storeHash: 'abc123/../x' }, NodeOperationError, /^The credential's Store Hash is not valid/],
		['an invalid API URL', { resource: 'store', operation: 'get' }, { apiUrl: 'http://user:pass@127.0.0.1:1' }, NodeOperationError, /^The credential's API URL is not valid/],
	] as Array<[string, INodeParameters, Partial<TestCredentials>, typeof NodeApiError | typeof NodeOperationError, RegExp]>)(
		'%s: the error shows no secret',
		async (_case, parameters, overrides, errorClass, message) => {
			const [stopped, continued] = await run(parameters, overrides, [{ taken: [...store.emulator.state.products.values()][0].name }]);
			expect(stopped.error?.message).toMatch(message);
			expect(capture.lastNodeErrors.at(-1)).toBeInstanceOf(errorClass);
			expect(continued.items.map((item) => item.json.error)).toEqual([expect.stringMatching(message)]);
		},
	);

	it('an unreachable store: the network error shows no secret', async () => {
		const gone = await localServer();
		const apiUrl = gone.url;
		await gone.close();
		const result = await runNode({ resource: 'store', operation: 'get' }, { credentials: credentials({ apiUrl }), continueOnFail: true });
		expect(String(result.items[0]?.json.error)).toMatch(/Could not reach BigCommerce/);
	});

	it.each(['500', '502', 'reset', 'malformed-json', '429-no-headers'] as FaultKind[])(
		'a store that keeps answering %s: the final error shows no secret',
		async (kind) => {
			store.emulator.setFaults([{ kind, path: '/v2/store', count: kind === '429-no-headers' ? 1 : undefined }]);
			const result = await runNode({ resource: 'store', operation: 'get' }, { credentials: credentials(), continueOnFail: true });
			expect(result.items).toHaveLength(1);
			const [item] = result.items.map((entry) => entry.json);
			if (kind === '429-no-headers') expect(item).toMatchObject({ id: store.emulator.storeHash, name: 'Emulated Demo Store' });
			else if (kind === 'reset') expect(item.error).toBe('Could not reach BigCommerce: the connection was reset');
			else expect(item.error).toBe(`BigCommerce is not answering properly (${kind === '500' ? 500 : 502}) after 5 attempts`);
		},
		30_000,
	);

	it('an ambiguous create (answer lost after the store saved it) shows no secret', async () => {
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', count: 1 }]);
		const created = await runNode(
			{ resource: 'product', operation: 'create', name: 'Secret Scan Kettle', type: 'physical', weight: 1, price: 3 },
			{ credentials: credentials() },
		);
		expect(created.error).toBeUndefined();
		expect(store.emulator.faultStats['reset-after-commit']).toBeGreaterThan(0);
	});

	it('a stall past the request timeout shows no secret', async () => {
		const unscale = scaleRequestTimeout(store.emulator.baseUrl, 300);
		try {
			store.emulator.setFaults([{ kind: 'stall', delayMs: 450, path: '/v2/store' }]);
			const result = await runNode({ resource: 'store', operation: 'get' }, { credentials: credentials() });
			expect(result.error?.message).toMatch(/timed out/);
			expect(result.error).toBeInstanceOf(Object);
			expect(capture.lastNodeErrors.at(-1)).toBeInstanceOf(NodeApiError);
		} finally {
			unscale();
		}
	}, 30_000);

	it('the credential test shows no secret, whatever it answers', async () => {
		const results = [
			await runCredentialTest({ storeHash: store.emulator.storeHash, accessToken: TOKEN, apiUrl: store.emulator.baseUrl }),
			await runCredentialTest({ storeHash: store.emulator.storeHash, accessToken: WRONG_TOKEN, apiUrl: store.emulator.baseUrl }),
			await runCredentialTest({ storeHash: store.emulator.storeHash, accessToken: READ_ONLY_TOKEN.replace('information', 'x'), apiUrl: store.emulator.baseUrl }),
			await runCredentialTest({ storeHash: 'nope/..', accessToken: TOKEN, apiUrl: store.emulator.baseUrl }),
		];
		capture.scan('credential test', results);
		expect(results.map((r) => r.status)).toEqual(['OK', 'Error', 'Error', 'Error']);
	});
});

describe('the trigger', () => {
	let bed: TriggerTestbed;

	beforeAll(async () => {
		bed = await TriggerTestbed.start({ clientSecret: CLIENT_SECRET });
	});
	afterAll(async () => await bed.stop());

	it('activation, genuine and refused deliveries, and deactivation show neither secret nor the workflow\'s webhook secret', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'] });
		await trigger.activate();
		const webhookSecret = String(trigger.nodeStaticData.secret);
		capture.registerSecret(webhookSecret, "the workflow's webhook secret");

		bed.emulator.admin.createOrder();
		await bed.settle();
		const body = JSON.stringify({ scope: 'store/order/created', store_id: '1', data: { type: 'order', id: 100 }, hash: randomBytes(20).toString('hex'), created_at: 1, producer: 'stores/abc123' });
		const now = Math.floor(Date.now() / 1000);
		const answers = [
			await trigger.deliver({ headers: { 'x-n8n-bigcommerce-secret': 'f'.repeat(64) }, raw: body }),
			await trigger.deliver({ headers: {}, raw: body }),
			await trigger.deliver({ headers: { 'x-n8n-bigcommerce-secret': webhookSecret, 'webhook-id': 'msg_1', 'webhook-timestamp': String(now), 'webhook-signature': 'v1,AAAA' }, raw: body }),
			await trigger.deliver({ headers: { 'x-n8n-bigcommerce-secret': webhookSecret, 'webhook-id': 'msg_2', 'webhook-timestamp': String(now - 3600), 'webhook-signature': signDelivery(CLIENT_SECRET, 'msg_2', now - 3600, body) }, raw: body }),
			await trigger.deliver({ headers: { 'x-n8n-bigcommerce-secret': webhookSecret }, raw: '{"scope":' }),
		];
		expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 400]);
		expect(trigger.received.filter((r) => r.executed)).toHaveLength(1);
		await trigger.deactivate();
	});

	it('an activation that cannot work (no HTTPS address) explains itself without a secret', async () => {
		const trigger = await bed.trigger({ events: ['store/order/created'] }, { webhookBaseUrl: 'http://localhost:5678/webhook' });
		await expect(trigger.activate()).rejects.toThrow(/HTTPS/);
	});
});

describe('descriptions', () => {
	it('of the nodes and the credential hold no secret', () => {
		for (const described of [new BigCommerce().description, new BigCommerceTrigger().description, new BigCommerceApi()]) {
			capture.scan('description', described);
		}
		expect(capture.scanned.description).toBe(3);
	});
});

describe('what was scanned', () => {
	it('covers every channel the suite produced', () => {
		expect(capture.secretCount).toBeGreaterThanOrEqual(6);
		expect(capture.scanned['workflow output']).toBeGreaterThan(30);
		expect(capture.scanned['node error']).toBeGreaterThan(5);
		expect(capture.scanned['trigger answer']).toBeGreaterThanOrEqual(6);
		expect(capture.scanned['trigger activation error']).toBe(1);
	});
});
