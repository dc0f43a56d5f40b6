import type { IDataObject } from 'n8n-workflow';

import type { TriggerStaticData } from './staticData';

/** BigCommerce's payloads are a few hundred bytes; anything near this is not a delivery. */
export const MAX_DELIVERY_BYTES = 1024 * 1024;

/** How many recent deliveries are remembered to drop duplicates. */
const SEEN_DELIVERY_LIMIT = 1000;

/** BigCommerce's `hash` is a SHA-1: 40 hex characters. */
const HASH_PATTERN = /^[0-9a-f]{40}$/i;

/** A delivery as BigCommerce sends it: light, with the ids to fetch the record by. */
export interface Delivery extends IDataObject {
	scope: string;
	store_id?: string;
	data: IDataObject | IDataObject[];
	hash?: string;
	created_at?: number;
	producer?: string;
}

/** The request body exactly as received: n8n keeps it as rawBody for signature checks. */
export function rawBodyOf(request: { rawBody?: unknown; body?: unknown }): Buffer {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (typeof request.rawBody === 'string') return Buffer.from(request.rawBody, 'utf8');
	if (request.body === undefined || request.body === null) return Buffer.alloc(0);
	return Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body), 'utf8');
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Keys that reshape an object's prototype when a later node merges or copies the item.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A copy of parsed JSON without prototype-shaping keys, at any depth. */
function withoutUnsafeKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutUnsafeKeys);
	if (!isPlainObject(value)) return value;
	const out: IDataObject = {};
	for (const key of Object.keys(value)) {
		if (!UNSAFE_KEYS.has(key)) out[key] = withoutUnsafeKeys(value[key]) as IDataObject[string];
	}
	return out;
}

/**
 * Reads a delivery from the raw body; undefined when it is not JSON or has no scope. Only the
 * fields BigCommerce sends are kept, so a body cannot add keys of its own to the output item.
 * `data` is an object, or a list of objects for the batch events (store/priceList/records/*).
 */
export function parseDelivery(raw: Buffer): Delivery | undefined {
	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!isPlainObject(body)) return undefined;
	if (typeof body.scope !== 'string' || !body.scope.startsWith('store/')) return undefined;
	const data = body.data;
	const dataIsList = Array.isArray(data) && data.every(isPlainObject);
	if (data !== undefined && data !== null && !isPlainObject(data) && !dataIsList) return undefined;
	if (body.hash !== undefined && typeof body.hash !== 'string') return undefined;

	// Built in BigCommerce's key order, so the item reads as the delivery did.
	const delivery = { scope: body.scope } as Delivery;
	if (typeof body.store_id === 'string' || typeof body.store_id === 'number') delivery.store_id = String(body.store_id);
	delivery.data = (data === undefined || data === null ? {} : withoutUnsafeKeys(data)) as Delivery['data'];
	if (typeof body.hash === 'string') delivery.hash = body.hash;
	if (typeof body.created_at === 'number' && Number.isFinite(body.created_at)) delivery.created_at = body.created_at;
	if (typeof body.producer === 'string') delivery.producer = body.producer;
	return delivery;
}

/** Whether the delivery's hash has BigCommerce's shape (a SHA-1 in hex). */
export function hasWellFormedHash(delivery: Delivery): delivery is Delivery & { hash: string } {
	return typeof delivery.hash === 'string' && HASH_PATTERN.test(delivery.hash);
}

/**
 * What a retry of one delivery shares and a new event does not. The hash alone is not enough:
 * it is a SHA-1 of `data`, and `data` is `{type, id}` for every update of one order.
 */
function deliveryKey(delivery: Pick<Delivery, 'scope' | 'hash' | 'created_at'>): string {
	return `${String(delivery.hash).toLowerCase()}:${delivery.created_at ?? ''}:${delivery.scope}`;
}

/**
 * Recent deliveries per trigger node, in this process. n8n loads a workflow's static data afresh
 * for each webhook request and saves all of it once webhook() has returned (never for test
 * deliveries): two requests handled at once, in one process or in two (queue mode's webhook
 * processes), each save what they loaded plus their own change, and the later save drops the
 * earlier one's record. So each process remembers what it accepted and what it read from static
 * data, and writes all of it back: a record one save dropped returns with that process's next
 * save, and a process that has once read a record keeps it. Both are bounded.
 */
const recentByNode = new Map<string, string[]>();
const MAX_NODES_REMEMBERED = 1000;

/** This process's list with what static data holds and it lacks (as older entries), bounded. */
function learn(memory: string[], stored: string[], limit: number): string[] {
	const known = new Set(memory);
	const merged = [...stored.filter((key) => !known.has(key)), ...memory];
	return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

function remember(list: string[], key: string, limit: number): string[] {
	const next = list.filter((k) => k !== key);
	next.push(key);
	return next.length > limit ? next.slice(next.length - limit) : next;
}

function rememberNode<T>(map: Map<string, T>, nodeKey: string, value: T): void {
	map.delete(nodeKey);
	map.set(nodeKey, value);
	if (map.size > MAX_NODES_REMEMBERED) {
		const oldest = map.keys().next().value;
		if (oldest !== undefined) map.delete(oldest);
	}
}

/**
 * Whether this delivery (scope, hash and created_at) was already accepted for this node;
 * records it if not. Call only for authenticated deliveries with a well-formed hash and a
 * registered scope, so a forged request cannot suppress a real event and nothing unbounded is
 * kept.
 */
export function isRepeatedDelivery(
	nodeKey: string,
	staticData: TriggerStaticData,
	delivery: Pick<Delivery, 'scope' | 'hash' | 'created_at'>,
): boolean {
	const key = deliveryKey(delivery);
	const stored = Array.isArray(staticData.seenDeliveries) ? staticData.seenDeliveries.map(String) : [];
	const known = learn(recentByNode.get(nodeKey) ?? [], stored, SEEN_DELIVERY_LIMIT);
	if (known.includes(key)) {
		rememberNode(recentByNode, nodeKey, known);
		return true;
	}

	const next = remember(known, key, SEEN_DELIVERY_LIMIT);
	rememberNode(recentByNode, nodeKey, next);
	// A new array (not push): n8n notices assignments to static data and saves them. It carries
	// what this process knows, so a concurrent save elsewhere cannot drop it for good.
	staticData.seenDeliveries = next;
	// Hashes alone, as earlier versions kept them, would drop genuine events.
	delete staticData.seenHashes;
	return false;
}

/**
 * Writes what this process knows of recent deliveries into static data again, just before n8n
 * saves it: records this process read from static data while this request waited (saved by
 * another process meanwhile) would otherwise be dropped by this save.
 */
export function writeBackRecentDeliveries(nodeKey: string, staticData: TriggerStaticData): void {
	const memory = recentByNode.get(nodeKey);
	if (!memory) return;
	const stored = Array.isArray(staticData.seenDeliveries) ? staticData.seenDeliveries.map(String) : [];
	staticData.seenDeliveries = learn(memory, stored, SEEN_DELIVERY_LIMIT);
	const ids = recentIdsByNode.get(nodeKey);
	if (ids && Array.isArray(staticData.seenWebhookIds)) {
		staticData.seenWebhookIds = learnIds(ids, freshIds(staticData.seenWebhookIds, -Infinity));
	}
}

/** How many signed message ids are remembered; their timestamps bound them in time too. */
const SEEN_WEBHOOK_ID_LIMIT = 1000;

const recentIdsByNode = new Map<string, Array<[string, number]>>();

function freshIds(list: unknown, oldestTimestamp: number): Array<[string, number]> {
	if (!Array.isArray(list)) return [];
	return list.filter(
		(entry): entry is [string, number] =>
			Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number' && entry[1] >= oldestTimestamp,
	);
}

/** As learn, for message ids: what static data holds and this process lacks, then what it knows. */
function learnIds(memory: Array<[string, number]>, stored: Array<[string, number]>): Array<[string, number]> {
	const known = new Set(memory.map(([id]) => id));
	return [...stored.filter(([id]) => !known.has(id)), ...memory].slice(-SEEN_WEBHOOK_ID_LIMIT);
}

/**
 * Whether a signed delivery with this `webhook-id` was already accepted for this node; records
 * it if not. Ids older than the signature window need no memory: their timestamp is refused.
 */
export function isReplayedMessage(
	nodeKey: string,
	staticData: TriggerStaticData,
	message: { id: string; timestamp: number },
	oldestTimestamp: number,
): boolean {
	const known = learnIds(freshIds(recentIdsByNode.get(nodeKey), oldestTimestamp), freshIds(staticData.seenWebhookIds, oldestTimestamp));
	if (known.some(([id]) => id === message.id)) {
		rememberNode(recentIdsByNode, nodeKey, known);
		return true;
	}

	const next = [...known, [message.id, message.timestamp] as [string, number]].slice(-SEEN_WEBHOOK_ID_LIMIT);
	rememberNode(recentIdsByNode, nodeKey, next);
	staticData.seenWebhookIds = next;
	return false;
}
