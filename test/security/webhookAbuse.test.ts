// 1,000 requests to an active trigger's webhook over HTTP, as an attacker and a flaky network would
// send them: 10% exact duplicates, 5% with a wrong secret, 5% without one, 2% malformed JSON, 1%
// over 1 MB, 3% with a bad signature, 3% signed outside the 5-minute window (the credential has
// a client secret), 2% for a scope the trigger did not register and 2% whose hash is not a SHA-1.
// Forgeries reuse the hashes of genuine deliveries and arrive before them, so a forged request
// must not suppress the real event. Exactly the genuine, unique deliveries start
// the workflow; the rest get their status and nothing runs, not even a request to the store.

import { createHmac, randomBytes } from 'crypto';
import * as http from 'http';
import type { IDataObject } from 'n8n-workflow';

import { signDelivery } from '../emulator';
import { useStore } from '../helpers/store';
import { TriggerHarness } from '../helpers/trigger';
import { credentialsFor } from '../helpers/workflow';
import { outputCapture } from './outputCapture';

const capture = outputCapture();

const TOKEN = 'tok_webhook_abuse_1f7c3a9e05';
const CLIENT_SECRET = 'cs_webhook_abuse_b4e8d21c6f';

type Kind =
	| 'genuine'
	| 'duplicate'
	| 'wrong secret'
	| 'missing secret'
	| 'malformed JSON'
	| 'over 1 MB'
	| 'bad signature'
	| 'stale timestamp'
	| 'unregistered scope'
	| 'malformed hash';

const MIX: Record<Exclude<Kind, 'genuine'>, number> = {
	duplicate: 100,
	'wrong secret': 50,
	'missing secret': 50,
	'malformed JSON': 20,
	'over 1 MB': 10,
	'bad signature': 30,
	'stale timestamp': 30,
	'unregistered scope': 20,
	'malformed hash': 20,
};
const TOTAL = 1000;
const GENUINE = TOTAL - Object.values(MIX).reduce((a, b) => a + b, 0);

const EXPECTED_STATUS: Record<Kind, number> = {
	genuine: 200,
	duplicate: 200,
	'wrong secret': 401,
	'missing secret': 401,
	'malformed JSON': 400,
	'over 1 MB': 413,
	'bad signature': 401,
	'stale timestamp': 401,
	// Acknowledged, so BigCommerce neither retries nor counts it against the hook; nothing runs.
	'unregistered scope': 200,
	'malformed hash': 400,
};

interface Delivery {
	kind: Kind;
	headers: Record<string, string>;
	body: Buffer;
	/** The hash of the genuine delivery this one copies or forges, if any. */
	hash?: string;
	orderId?: number;
}

/** mulberry32: the same mix, in the same order, on every run. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const store = useStore({ token: TOKEN, fresh: false });
let trigger: TriggerHarness;
let webhookUrl: string;
let deliveries: Delivery[];
let answers: Array<{ status: number; body: IDataObject }>;

function signed(secret: string, body: Buffer, timestamp: number, id = `msg_${randomBytes(12).toString('hex')}`): Record<string, string> {
	return {
		'webhook-id': id,
		'webhook-timestamp': String(timestamp),
		'webhook-signature': signDelivery(secret, id, timestamp, body.toString('utf8')),
	};
}

/** The 1,000 requests, shuffled, with every duplicate and forgery placed after or before its genuine one. */
function buildDeliveries(webhookSecret: string, orderIds: number[]): Delivery[] {
	const rand = random(20261126);
	const now = Math.floor(Date.now() / 1000);
	const auth = { 'x-n8n-bigcommerce-secret': webhookSecret };
	const payload = (orderId: number, hash: string, extra: IDataObject = {}, scope = 'store/order/created') =>
		Buffer.from(
			JSON.stringify({
				scope,
				store_id: '1025646',
				data: { type: 'order', id: orderId },
				hash,
				created_at: now,
				producer: `stores/${store.emulator.storeHash}`,
				...extra,
			}),
		);

	const genuine: Delivery[] = Array.from({ length: GENUINE }, (_, i) => {
		const orderId = orderIds[i % orderIds.length];
		const hash = randomBytes(20).toString('hex');
		const body = payload(orderId, hash);
		return { kind: 'genuine', body, headers: { ...auth, ...signed(CLIENT_SECRET, body, now) }, hash, orderId };
	});
	const pick = () => genuine[Math.floor(rand() * genuine.length)];
	const others: Delivery[] = [];
	for (let i = 0; i < MIX.duplicate; i++) {
		const original = pick();
		others.push({ ...original, kind: 'duplicate' });
	}
	for (let i = 0; i < MIX['wrong secret']; i++) {
		const original = pick();
		others.push({ kind: 'wrong secret', body: original.body, headers: { 'x-n8n-bigcommerce-secret': randomBytes(32).toString('hex'), ...signed(CLIENT_SECRET, original.body, now) }, hash: original.hash });
	}
	for (let i = 0; i < MIX['missing secret']; i++) {
		const original = pick();
		others.push({ kind: 'missing secret', body: original.body, headers: signed(CLIENT_SECRET, original.body, now), hash: original.hash });
	}
	const malformed = ['{"scope":"store/order/created","data":{"type":"order","id":', 'scope=store/order/created', '', '[{"scope":"store/order/created"}]', '{"data":{"type":"order","id":1}}', '\u0000\u0001binary', '{"scope":42}', 'null', '"store/order/created"', '{"scope":"store/order/created","data":"order 1"}'];
	for (let i = 0; i < MIX['malformed JSON']; i++) {
		const body = Buffer.from(malformed[i % malformed.length]);
		others.push({ kind: 'malformed JSON', body, headers: { ...auth, ...signed(CLIENT_SECRET, body, now) } });
	}
	for (let i = 0; i < MIX['over 1 MB']; i++) {
		const body = payload(orderIds[0], randomBytes(20).toString('hex'), { padding: 'x'.repeat(1024 * 1024 + i * 1000) });
		others.push({ kind: 'over 1 MB', body, headers: { ...auth, ...signed(CLIENT_SECRET, body, now) } });
	}
	for (let i = 0; i < MIX['bad signature']; i++) {
		const original = pick();
		const id = `msg_${randomBytes(12).toString('hex')}`;
		const forged = [
			signDelivery('cs_not_the_client_secret', id, now, original.body.toString('utf8')),
			signDelivery(CLIENT_SECRET, id, now, `${original.body.toString('utf8')} `),
			`v1,${createHmac('sha256', CLIENT_SECRET).update('something else').digest('base64')}`,
			'v1,not-base64-at-all!!',
			signDelivery(CLIENT_SECRET, id, now, original.body.toString('utf8')).replace('v1,', 'v2,'),
			'',
		][i % 6];
		others.push({ kind: 'bad signature', body: original.body, headers: { ...auth, 'webhook-id': id, 'webhook-timestamp': String(now), 'webhook-signature': forged }, hash: original.hash });
	}
	for (let i = 0; i < MIX['stale timestamp']; i++) {
		const original = pick();
		const offset = (i % 2 === 0 ? -1 : 1) * (400 + Math.floor(rand() * 3200));
		others.push({ kind: 'stale timestamp', body: original.body, headers: { ...auth, ...signed(CLIENT_SECRET, original.body, now + offset) }, hash: original.hash });
	}

	for (let i = 0; i < MIX['unregistered scope']; i++) {
		const original = pick();
		const scope = ['store/product/updated', 'store/customer/deleted', 'store/orders/created', 'store/channel/1/order/created'][i % 4];
		const body = payload(original.orderId!, original.hash!, {}, scope);
		others.push({ kind: 'unregistered scope', body, headers: { ...auth, ...signed(CLIENT_SECRET, body, now) }, hash: original.hash });
	}
	for (let i = 0; i < MIX['malformed hash']; i++) {
		const hash = ['', 'x'.repeat(40), `${randomBytes(20).toString('hex')}0`, 'h'.repeat(200_000)][i % 4];
		const body = payload(orderIds[0], hash);
		others.push({ kind: 'malformed hash', body, headers: { ...auth, ...signed(CLIENT_SECRET, body, now) } });
	}

	// Shuffle the genuine deliveries, then put each other request in a random place: duplicates after
	// their original, forgeries of a genuine delivery before it.
	const sequence = [...genuine].sort(() => rand() - 0.5);
	for (const delivery of others) {
		const at = delivery.hash ? sequence.findIndex((d) => d.kind === 'genuine' && d.hash === delivery.hash) : -1;
		const position =
			delivery.kind === 'duplicate'
				? at + 1 + Math.floor(rand() * (sequence.length - at))
				: at >= 0
					? Math.floor(rand() * (at + 1))
					: Math.floor(rand() * (sequence.length + 1));
		sequence.splice(position, 0, delivery);
	}
	return sequence;
}

function post(url: string, delivery: Delivery, agent: http.Agent): Promise<{ status: number; body: IDataObject }> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{ method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': String(delivery.body.length), ...delivery.headers } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					let body: IDataObject = {};
					try {
						body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as IDataObject;
					} catch {
						body = {};
					}
					resolve({ status: res.statusCode ?? 0, body });
				});
			},
		);
		req.on('error', reject);
		req.end(delivery.body);
	});
}

/** Sends every delivery, a few at a time as a busy store would, keeping each answer in order. */
async function sendAll(url: string, all: Delivery[], inFlight = 6): Promise<Array<{ status: number; body: IDataObject }>> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
	const results: Array<{ status: number; body: IDataObject }> = new Array(all.length);
	let next = 0;
	try {
		await Promise.all(
			Array.from({ length: inFlight }, async () => {
				while (next < all.length) {
					const index = next++;
					results[index] = await post(url, all[index], agent);
				}
			}),
		);
	} finally {
		agent.destroy();
	}
	return results;
}

beforeAll(async () => {
	trigger = new TriggerHarness({
		credentials: credentialsFor(store.emulator, { clientSecret: CLIENT_SECRET }),
		parameters: { events: ['store/order/created'], resolveData: true },
	});
	const local = await trigger.listen();
	webhookUrl = `${local}${new URL(trigger.webhookUrl).pathname}`;
	await trigger.activate();
	const webhookSecret = String(trigger.nodeStaticData.secret);
	capture.registerSecret(webhookSecret, "the workflow's webhook secret");

	deliveries = buildDeliveries(webhookSecret, [...store.emulator.state.orders.keys()]);
	store.emulator.clearRequests();
	answers = await sendAll(webhookUrl, deliveries);
	await trigger.settled();
}, 180_000);

afterAll(async () => {
	await trigger.close();
	const executed = trigger.received.filter((r) => r.executed).length;
	console.log(
		`Webhook abuse: ${deliveries.length} deliveries tried (${GENUINE} genuine and unique, ${Object.entries(MIX)
			.map(([kind, n]) => `${n} ${kind}`)
			.join(', ')}); ${executed} started the workflow.`,
	);
});

describe(`${TOTAL} deliveries, ${TOTAL - GENUINE} of them duplicated, forged or broken`, () => {
	it('the mix is as planned', () => {
		const counts: Record<string, number> = {};
		for (const d of deliveries) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
		expect(counts).toEqual({ genuine: GENUINE, ...MIX });
		expect(deliveries).toHaveLength(TOTAL);
	});

	it('each one gets the status of its kind: 200, or 401 / 400 / 413', () => {
		const wrong = deliveries
			.map((d, i) => ({ i, kind: d.kind, expected: EXPECTED_STATUS[d.kind], got: answers[i].status, body: answers[i].body }))
			.filter((r) => r.got !== r.expected);
		expect(wrong).toEqual([]);
	});

	it('of each genuine delivery and its copies, one starts the workflow; the copies are acknowledged as duplicates', () => {
		const copies = new Map<string, Array<{ executed: boolean; duplicate: boolean }>>();
		deliveries.forEach((d, i) => {
			if (d.kind !== 'genuine' && d.kind !== 'duplicate') return;
			const run = trigger.received.find((r) => r.executed && r.items[0]?.json.hash === d.hash);
			const entry = { executed: answers[i].body.duplicate !== true && run !== undefined, duplicate: answers[i].body.duplicate === true };
			copies.set(d.hash!, [...(copies.get(d.hash!) ?? []), entry]);
		});
		const wrong = [...copies].filter(
			([, entries]) => entries.filter((e) => e.duplicate).length !== entries.length - 1 || entries.filter((e) => !e.duplicate).length !== 1,
		);
		expect(wrong).toEqual([]);
		expect([...copies.values()].reduce((n, entries) => n + entries.length - 1, 0)).toBe(MIX.duplicate);
	});

	it('exactly the genuine, unique deliveries start the workflow, each with one item: its own order, fetched in full', () => {
		const runs = trigger.received.filter((r) => r.executed);
		expect(runs).toHaveLength(GENUINE);
		const items = runs.flatMap((r) => r.items);
		expect(items).toHaveLength(GENUINE);
		const genuine = new Map(deliveries.filter((d) => d.kind === 'genuine').map((d) => [d.hash, d.orderId]));
		const delivered = items.map((item) => [item.json.hash, ((item.json.order ?? {}) as IDataObject).id]);
		expect(new Set(delivered.map(([hash]) => hash)).size).toBe(GENUINE);
		expect(delivered.filter(([hash, orderId]) => genuine.get(hash as string) !== orderId)).toEqual([]);
		expect(items.filter((item) => item.json.resolveError !== undefined)).toEqual([]);
	});

	it('nothing else runs: the store is asked only for the genuine orders (4 requests each)', () => {
		expect(trigger.received).toHaveLength(TOTAL);
		expect(trigger.received.filter((r) => !r.executed)).toHaveLength(TOTAL - GENUINE);
		// Four reads per genuine delivery; a read whose connection the busy machine dropped may be
		// sent again, as any GET is (which executions ran is checked exactly above).
		expect(store.emulator.requests.length).toBeGreaterThanOrEqual(GENUINE * 4);
		expect(store.emulator.requests.length).toBeLessThanOrEqual(Math.floor(GENUINE * 4 * 1.01));
		expect(store.emulator.requests.filter((r) => r.method !== 'GET' || !r.path.startsWith('/v2/orders/'))).toEqual([]);
	});

	it('the trigger remembers what it ran, so a later copy of any genuine delivery is dropped too', () => {
		const seen = trigger.nodeStaticData.seenDeliveries as string[];
		expect(seen.length).toBeGreaterThan(0);
		expect(seen.length).toBeLessThanOrEqual(GENUINE);
		const genuine = new Set(deliveries.filter((d) => d.kind === 'genuine').map((d) => `${d.hash}:${JSON.parse(d.body.toString()).created_at}:store/order/created`));
		expect(seen.filter((key) => !genuine.has(key))).toEqual([]);
		// Nothing a forged or broken request sent is kept: the static data stays small.
		expect(JSON.stringify(trigger.staticData).length).toBeLessThan(200 * 1024);
	});
});
