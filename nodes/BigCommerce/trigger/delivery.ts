import type { IDataObject } from 'n8n-workflow';

import type { TriggerStaticData } from './hooks';

/** BigCommerce's payloads are a few hundred bytes; anything near this is not a delivery. */
export const MAX_DELIVERY_BYTES = 1024 * 1024;

/** How many recent delivery hashes are remembered to drop duplicates. */
export const SEEN_HASH_LIMIT = 1000;

/** A delivery as BigCommerce sends it: light, with the ids to fetch the record by. */
export interface Delivery extends IDataObject {
	scope: string;
	store_id?: string;
	data: IDataObject;
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

/** Reads a delivery from the raw body; undefined when it is not JSON or has no scope. */
export function parseDelivery(raw: Buffer): Delivery | undefined {
	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!isPlainObject(body)) return undefined;
	if (typeof body.scope !== 'string' || !body.scope.startsWith('store/')) return undefined;
	if (body.data !== undefined && body.data !== null && !isPlainObject(body.data)) return undefined;
	if (body.hash !== undefined && typeof body.hash !== 'string') return undefined;
	return { ...body, scope: body.scope, data: isPlainObject(body.data) ? body.data : {} } as Delivery;
}

/**
 * Recent hashes per trigger node, in this process. n8n saves a workflow's static data only after
 * webhook() has returned (and never for test deliveries), and loads it afresh for each request:
 * two copies of one event arriving close together would both look new in static data alone.
 * This memory closes that gap within the process; static data carries the record across restarts
 * and to other processes. Both are bounded.
 */
const recentByNode = new Map<string, string[]>();
const MAX_NODES_REMEMBERED = 1000;

function remember(list: string[], hash: string): string[] {
	const next = list.filter((h) => h !== hash);
	next.push(hash);
	return next.length > SEEN_HASH_LIMIT ? next.slice(next.length - SEEN_HASH_LIMIT) : next;
}

/**
 * Whether a delivery with this hash was already accepted for this node; records it if not.
 * Call only for authenticated deliveries, so a forged request cannot suppress a real event.
 */
export function isRepeatedDelivery(nodeKey: string, staticData: TriggerStaticData, hash: string): boolean {
	const inMemory = recentByNode.get(nodeKey) ?? [];
	const stored = Array.isArray(staticData.seenHashes) ? staticData.seenHashes.map(String) : [];
	if (inMemory.includes(hash) || stored.includes(hash)) return true;

	recentByNode.delete(nodeKey);
	recentByNode.set(nodeKey, remember(inMemory, hash));
	if (recentByNode.size > MAX_NODES_REMEMBERED) {
		const oldest = recentByNode.keys().next().value;
		if (oldest !== undefined) recentByNode.delete(oldest);
	}
	// A new array (not push): n8n notices assignments to static data and saves them.
	staticData.seenHashes = remember(stored, hash);
	return false;
}
