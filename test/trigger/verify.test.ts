// The checks every delivery passes: the secret header, Standard Webhooks signatures, parsing.

import { createHmac } from 'crypto';

import { isRepeatedDelivery, parseDelivery, rawBodyOf } from '../../nodes/BigCommerce/trigger/delivery';
import { EVENT_OPTIONS, parseCustomScopes } from '../../nodes/BigCommerce/trigger/events';
import {
	generateWebhookSecret,
	readStandardWebhookHeaders,
	verifyStandardWebhookSignature,
	verifyWebhookSecret,
} from '../../nodes/BigCommerce/trigger/verify';

const SECRET = generateWebhookSecret();
const CLIENT_SECRET = 'client-secret-of-the-app';
const NOW = 1_750_000_000;
const BODY = Buffer.from('{"scope":"store/order/created","data":{"type":"order","id":1},"hash":"abc"}');

function sign(secret: string, id: string, timestamp: number | string, body: Buffer): string {
	const mac = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${id}.${timestamp}.${body.toString('utf8')}`).digest('base64');
	return `v1,${mac}`;
}

describe('verifyWebhookSecret', () => {
	it('accepts exactly the workflow\'s secret', () => {
		expect(verifyWebhookSecret({ 'x-n8n-bigcommerce-secret': SECRET }, SECRET)).toBe(true);
	});

	it.each([
		['another secret', { 'x-n8n-bigcommerce-secret': generateWebhookSecret() }],
		['a prefix of the secret', { 'x-n8n-bigcommerce-secret': SECRET.slice(0, 10) }],
		['the header twice', { 'x-n8n-bigcommerce-secret': [SECRET, SECRET] }],
		['no header', {}],
	])('refuses %s', (_case, headers) => {
		expect(verifyWebhookSecret(headers, SECRET)).toBe(false);
	});

	it('refuses everything while no secret is on record', () => {
		expect(verifyWebhookSecret({ 'x-n8n-bigcommerce-secret': '' }, undefined)).toBe(false);
		expect(verifyWebhookSecret({ 'x-n8n-bigcommerce-secret': '' }, '')).toBe(false);
	});

	it('makes 64-character hex secrets, new every time', () => {
		expect(SECRET).toMatch(/^[0-9a-f]{64}$/);
		expect(generateWebhookSecret()).not.toBe(SECRET);
	});
});

describe('verifyStandardWebhookSignature', () => {
	const headers = (signature: string, timestamp: number | string = NOW) => ({ id: 'msg_1', timestamp: String(timestamp), signature });
	const verify = (h: ReturnType<typeof headers>, nowSeconds = NOW, body = BODY) =>
		verifyStandardWebhookSignature({ clientSecret: CLIENT_SECRET, headers: h, rawBody: body, nowSeconds });

	it('accepts the HMAC-SHA256 of "id.timestamp.body" keyed with the client secret', () => {
		expect(verify(headers(sign(CLIENT_SECRET, 'msg_1', NOW, BODY)))).toBe('valid');
	});

	it('accepts a valid signature among several, whatever their order', () => {
		const good = sign(CLIENT_SECRET, 'msg_1', NOW, BODY);
		expect(verify(headers(`v1,${Buffer.from('x'.repeat(32)).toString('base64')} ${good}`))).toBe('valid');
		expect(verify(headers(`${good} v1a,whatever`))).toBe('valid');
	});

	it.each([
		['another key', sign('other', 'msg_1', NOW, BODY)],
		['another message id', sign(CLIENT_SECRET, 'msg_2', NOW, BODY)],
		['a short signature', 'v1,c2hvcnQ='],
		['an unknown version', sign(CLIENT_SECRET, 'msg_1', NOW, BODY).replace('v1,', 'v2,')],
		['garbage', 'not a signature'],
		['an entry that is not base64 beside a valid one', `v1,not*base64! ${sign(CLIENT_SECRET, 'msg_1', NOW, BODY)}`],
		['base64 with characters after the padding', `${sign(CLIENT_SECRET, 'msg_1', NOW, BODY)}x`],
	])('refuses %s', (_case, signature) => {
		expect(verify(headers(signature))).toBe('invalid');
	});

	it('refuses a changed body', () => {
		expect(verify(headers(sign(CLIENT_SECRET, 'msg_1', NOW, BODY)), NOW, Buffer.from(`${BODY.toString()} `))).toBe('invalid');
	});

	it('allows 5 minutes of clock difference either way, and no more', () => {
		const at = (t: number) => headers(sign(CLIENT_SECRET, 'msg_1', t, BODY), t);
		expect(verify(at(NOW - 300))).toBe('valid');
		expect(verify(at(NOW + 300))).toBe('valid');
		expect(verify(at(NOW - 301))).toBe('stale');
		expect(verify(at(NOW + 301))).toBe('stale');
	});

	it('refuses incomplete or malformed headers', () => {
		const good = sign(CLIENT_SECRET, 'msg_1', NOW, BODY);
		expect(verifyStandardWebhookSignature({ clientSecret: CLIENT_SECRET, headers: { id: 'msg_1', signature: good }, rawBody: BODY, nowSeconds: NOW })).toBe('invalid');
		expect(verify(headers(good, 'soon'))).toBe('invalid');
	});

	it('reads the headers only when a delivery carries any of them', () => {
		expect(readStandardWebhookHeaders({ 'content-type': 'application/json' })).toBeUndefined();
		expect(readStandardWebhookHeaders({ 'webhook-signature': 'v1,x' })).toEqual({ id: undefined, timestamp: undefined, signature: 'v1,x' });
	});
});

describe('parseDelivery', () => {
	it('reads a BigCommerce delivery', () => {
		expect(parseDelivery(BODY)).toEqual({ scope: 'store/order/created', data: { type: 'order', id: 1 }, hash: 'abc' });
	});

	it('gives store events without data an empty data object', () => {
		expect(parseDelivery(Buffer.from('{"scope":"store/app/uninstalled"}'))?.data).toEqual({});
	});

	it.each(['', 'null', '"text"', '[]', '{}', '{"scope":5}', '{"scope":"order/created"}', '{"scope":"store/x","hash":1}', '{"scope":"store/x","data":[1]}', '{'])(
		'refuses %s',
		(raw) => {
			expect(parseDelivery(Buffer.from(raw))).toBeUndefined();
		},
	);

	it('prefers the raw bytes n8n kept over the parsed body', () => {
		expect(rawBodyOf({ rawBody: BODY, body: { other: true } })).toBe(BODY);
		expect(rawBodyOf({ body: { a: 1 } }).toString()).toBe('{"a":1}');
		expect(rawBodyOf({}).length).toBe(0);
	});
});

describe('isRepeatedDelivery', () => {
	const key = (createdAt: number, scope = 'store/order/updated') => ({ scope, hash: 'a'.repeat(40), created_at: createdAt });

	it('remembers a delivery in memory and in static data', () => {
		const staticData = {};
		expect(isRepeatedDelivery('wf-a:node-1', staticData, key(1))).toBe(false);
		expect(isRepeatedDelivery('wf-a:node-1', staticData, key(1))).toBe(true);
		// Another process only has the saved static data.
		expect(isRepeatedDelivery('wf-a:node-1-elsewhere', { ...staticData }, key(1))).toBe(true);
		// Another trigger node has neither.
		expect(isRepeatedDelivery('wf-b:node-1', {}, key(1))).toBe(false);
	});

	it('tells apart events that share a hash but not their time or scope', () => {
		const staticData = {};
		expect(isRepeatedDelivery('wf-c:node-1', staticData, key(1))).toBe(false);
		expect(isRepeatedDelivery('wf-c:node-1', staticData, key(2))).toBe(false);
		expect(isRepeatedDelivery('wf-c:node-1', staticData, key(2, 'store/order/created'))).toBe(false);
	});
});

describe('the event list', () => {
	it('offers every scope once, in groups, with the scope in the description', () => {
		const values = EVENT_OPTIONS.map((o) => String(o.value));
		expect(new Set(values).size).toBe(values.length);
		const groups = [...new Set(EVENT_OPTIONS.map((o) => o.name.split(':')[0]))];
		expect(groups).toEqual([...groups].sort());
		for (const option of EVENT_OPTIONS) expect(option.description).toContain(`(${String(option.value)})`);
		expect(values).toEqual(expect.arrayContaining(['store/order/created', 'store/order/statusUpdated', 'store/product/*', 'store/sku/*', 'store/customer/address/created', 'store/cart/abandoned', 'store/shipment/*', 'store/category/*', 'store/subscriber/*', 'store/channel/*', 'store/app/uninstalled']));
	});

	it('offers only the wildcards BigCommerce documents, each leading its group', () => {
		const groups = [...new Set(EVENT_OPTIONS.map((o) => o.name.split(':')[0]))];
		for (const group of groups) {
			const options = EVENT_OPTIONS.filter((o) => o.name.startsWith(`${group}:`));
			if (options.some((o) => String(o.value).endsWith('*'))) expect(String(options[0].value)).toMatch(/\/\*$/);
		}
		const values = EVENT_OPTIONS.map((o) => String(o.value));
		for (const undocumented of ['store/app/*', 'store/information/*', 'store/priceList/*', 'store/channel/*/inventory/*']) {
			expect(values).not.toContain(undocumented);
		}
	});

	it('offers every price list event BigCommerce documents', () => {
		const values = EVENT_OPTIONS.map((o) => String(o.value)).filter((v) => v.startsWith('store/priceList'));
		expect(values.sort()).toEqual(
			[
				'store/priceList/activated',
				'store/priceList/assignment/deleted',
				'store/priceList/assignment/updated',
				'store/priceList/created',
				'store/priceList/deactivated',
				'store/priceList/deleted',
				'store/priceList/record/created',
				'store/priceList/record/deleted',
				'store/priceList/record/updated',
				'store/priceList/records/created',
				'store/priceList/records/deleted',
				'store/priceList/records/updated',
				'store/priceList/updated',
				'store/priceLists/deleted',
			].sort(),
		);
	});

	it('splits custom scopes and names the ones that are not scopes', () => {
		expect(parseCustomScopes(' store/channel/1/order/created, store/cart/* ')).toEqual({
			scopes: ['store/channel/1/order/created', 'store/cart/*'],
			invalid: [],
		});
		expect(parseCustomScopes('store/order/created https://example.com').invalid).toEqual(['https://example.com']);
		expect(parseCustomScopes(undefined)).toEqual({ scopes: [], invalid: [] });
	});
});
