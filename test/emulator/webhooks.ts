// Webhook delivery: matches events to active hooks (exact scope or `family/*`), builds the
// light payload, signs it (Standard Webhooks) when a client secret is set, and POSTs it
// asynchronously after the API answer has gone out.

import { createHash, createHmac, randomBytes } from 'crypto';
import * as http from 'http';
import * as https from 'https';
import type { StoreState } from './state';
import type { DeliveryLogEntry, Hook, WebhookPayload } from './types';

const DELIVERY_TIMEOUT_MS = 10_000;

export interface DispatcherOptions {
	state: StoreState;
	storeHash: string;
	storeId: string;
	clientSecret?: string;
	deliveryRewrite: (destination: string) => string;
}

/** Exact match, or `*` segments: a trailing `*` matches the rest (one or more segments), an inner one a single segment. */
export function scopeMatches(hookScope: string, scope: string): boolean {
	if (hookScope === scope) return true;
	if (!hookScope.includes('*')) return false;
	const want = hookScope.split('/');
	const got = scope.split('/');
	for (let i = 0; i < want.length; i++) {
		const last = i === want.length - 1;
		if (want[i] === '*') {
			if (last) return got.length > i;
			if (got[i] === undefined) return false;
			continue;
		}
		if (want[i] !== got[i]) return false;
	}
	return want.length === got.length;
}

/** SHA-1 over the JSON of scope, data and created_at: identical events share a hash. */
export function payloadHash(scope: string, data: Record<string, unknown>, createdAt: number): string {
	return createHash('sha1').update(JSON.stringify({ scope, data, created_at: createdAt })).digest('hex');
}

/** Standard Webhooks signature: base64 HMAC-SHA256 of "id.timestamp.body", keyed with the secret's UTF-8 bytes. */
export function signDelivery(secret: string, id: string, timestamp: number, body: string): string {
	return `v1,${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export class WebhookDispatcher {
	readonly deliveries: DeliveryLogEntry[] = [];
	private readonly inflight = new Set<Promise<void>>();
	private readonly requests = new Set<http.ClientRequest>();
	private generation = 0;

	constructor(public options: DispatcherOptions) {}

	/** Sends the event to every matching active hook. Returns at once; delivery is async. */
	emit(scope: string, data: Record<string, unknown>): void {
		const { hooks: table } = this.options.state;
		const hooks = table.size ? [...table.values()].filter((hook) => hook.is_active && scopeMatches(hook.scope, scope)) : [];
		// A bulk write emits an event per item: no payload is built for a scope nobody hooked.
		if (!hooks.length) return;
		const createdAt = Math.floor(Date.now() / 1000);
		const payload: WebhookPayload = {
			scope,
			store_id: this.options.storeId,
			data,
			hash: payloadHash(scope, data, createdAt),
			created_at: createdAt,
			producer: `stores/${this.options.storeHash}`,
		};
		for (const hook of hooks) {
			const p = this.deliver(hook, payload).finally(() => this.inflight.delete(p));
			this.inflight.add(p);
		}
	}

	async waitForDeliveries(): Promise<void> {
		while (this.inflight.size) await Promise.allSettled([...this.inflight]);
	}

	/** Aborts in-flight deliveries (on stop/reset). */
	abortAll(): void {
		this.generation++;
		for (const r of this.requests) r.destroy(new Error('emulator stopped'));
		this.requests.clear();
	}

	clearLog(): void {
		this.deliveries.length = 0;
	}

	private async deliver(hook: Hook, payload: WebhookPayload): Promise<void> {
		const generation = this.generation;
		// Let the API answer go out first, as the real store queues events.
		await new Promise((r) => setImmediate(r));
		if (generation !== this.generation) return;
		const body = JSON.stringify(payload);
		const headers: Record<string, string> = { ...(hook.headers ?? {}), 'Content-Type': 'application/json' };
		if (this.options.clientSecret) {
			const id = `msg_${randomBytes(12).toString('hex')}`;
			const timestamp = Math.floor(Date.now() / 1000);
			headers['webhook-id'] = id;
			headers['webhook-timestamp'] = String(timestamp);
			headers['webhook-signature'] = signDelivery(this.options.clientSecret, id, timestamp, body);
		}
		const url = this.options.deliveryRewrite(hook.destination);
		const entry: DeliveryLogEntry = {
			hookId: hook.id,
			scope: payload.scope,
			destination: hook.destination,
			url,
			status: 'error',
			payload,
			headers,
			time: Date.now(),
		};
		try {
			entry.status = await this.post(url, headers, body);
		} catch (e) {
			entry.status = 'error';
			entry.error = e instanceof Error ? e.message : String(e);
		}
		this.deliveries.push(entry);
	}

	private post(url: string, headers: Record<string, string>, body: string): Promise<number> {
		return new Promise((resolve, reject) => {
			const target = new URL(url);
			const lib = target.protocol === 'https:' ? https : http;
			const req = lib.request(
				target,
				{ method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } },
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
					res.on('error', reject);
				},
			);
			this.requests.add(req);
			req.setTimeout(DELIVERY_TIMEOUT_MS, () => req.destroy(new Error('delivery timed out after 10 s')));
			req.on('error', reject);
			req.on('close', () => this.requests.delete(req));
			req.end(body);
		});
	}
}
