// /v3/hooks: per-API-account webhook subscriptions (a token sees only its own hooks).

import { Ctx, Reply, isObject, parseId, v3Data, v3Error } from '../http';
import { fromArray, v3List } from '../pagination';
import { bool } from '../query';
import type { Router } from '../router';
import type { Hook } from '../types';

const MAX_PER_SCOPE = 10;
// store/order/created, store/order/*, store/channel/1/cart/*, store/channel/*/inventory/product/stock_changed
const SCOPE_RE = /^store(\/([A-Za-z0-9_{}]+|\*))+$/;

export function serializeHook(h: Hook): Record<string, unknown> {
	return {
		id: h.id,
		client_id: h.client_id,
		store_hash: h.store_hash,
		scope: h.scope,
		destination: h.destination,
		headers: h.headers ? { ...h.headers } : null,
		is_active: h.is_active,
		created_at: h.created_at,
		updated_at: h.updated_at,
	};
}

function hookOr404(ctx: Ctx): Hook {
	const id = parseId(ctx.params.id);
	const h = id === null ? undefined : ctx.core.state.hooks.get(id);
	if (!h || h.client_id !== ctx.clientId) throw v3Error(404, `Webhook with id [${ctx.params.id}] not found`);
	return h;
}

function invalid(errors: Record<string, string>): never {
	throw v3Error(422, 'JSON data is missing or invalid', errors);
}

/** Checks the fields of a create or update; returns the normalised values present. */
function checkHookInput(ctx: Ctx, input: Record<string, unknown>, existing?: Hook): void {
	const errors: Record<string, string> = {};
	if (!existing) {
		if (input.scope === undefined || input.scope === '') errors.scope = 'error.path.missing';
		if (input.destination === undefined || input.destination === '') errors.destination = 'error.path.missing';
	}
	if (input.scope !== undefined && input.scope !== '' && (typeof input.scope !== 'string' || !SCOPE_RE.test(input.scope))) {
		errors.scope = 'scope must be a webhook scope such as store/order/created or store/order/*';
	}
	if (input.destination !== undefined && input.destination !== '') {
		const problem = destinationProblem(input.destination);
		if (problem) errors.destination = problem;
	}
	if (input.is_active !== undefined && typeof input.is_active !== 'boolean') errors.is_active = 'is_active must be a boolean';
	if (input.headers !== undefined && input.headers !== null) {
		if (!isObject(input.headers) || !Object.values(input.headers).every((v) => typeof v === 'string')) {
			errors.headers = 'headers must be an object of string values';
		}
	}
	if (Object.keys(errors).length) invalid(errors);
	const scope = (input.scope as string | undefined) ?? existing?.scope ?? '';
	const destination = (input.destination as string | undefined) ?? existing?.destination ?? '';
	const mine = ctx.core.state.hooks.filter((h) => h.client_id === ctx.clientId && h.id !== existing?.id);
	const same = mine.find((h) => h.scope === scope && h.destination === destination);
	if (same) {
		invalid({ destination: `a webhook for scope ${scope} and this destination already exists (id ${same.id}): there can be only one per scope and destination` });
	}
	if (mine.filter((h) => h.scope === scope).length >= MAX_PER_SCOPE) {
		invalid({ scope: `there are already ${MAX_PER_SCOPE} webhooks for scope ${scope}, the most allowed per scope` });
	}
}

export function destinationProblem(value: unknown): string | null {
	if (typeof value !== 'string') return 'destination must be a string URL';
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'destination must be a valid absolute URL';
	}
	if (url.protocol !== 'https:') return 'destination must use HTTPS (https://...): plain HTTP is not supported';
	if (url.port !== '' && url.port !== '443') return `destination must use port 443: custom ports (${url.port}) are not supported`;
	return null;
}

function list(ctx: Ctx): Reply {
	const q = ctx.query;
	const active = bool(q, 'is_active');
	const items = ctx.core.state.hooks.filter(
		(h) =>
			h.client_id === ctx.clientId &&
			(q.scope === undefined || h.scope === q.scope) &&
			(q.destination === undefined || h.destination === q.destination) &&
			(active === undefined || h.is_active === active),
	);
	return v3List(fromArray(items), q, serializeHook);
}

export function registerHooks(router: Router): void {
	router
		.get('/v3/hooks', list)
		.post('/v3/hooks', (ctx) => {
			if (!isObject(ctx.body)) invalid({ body: 'the body must be a JSON object' });
			const input = ctx.body;
			checkHookInput(ctx, input);
			const now = Math.floor(Date.now() / 1000);
			const hook: Hook = {
				id: ctx.core.state.hooks.allocateId(),
				client_id: ctx.clientId,
				store_hash: ctx.core.storeHash,
				scope: input.scope as string,
				destination: input.destination as string,
				headers: isObject(input.headers) ? { ...(input.headers as Record<string, string>) } : null,
				is_active: input.is_active !== false,
				created_at: now,
				updated_at: now,
			};
			ctx.core.state.hooks.insert(hook);
			return v3Data(serializeHook(hook));
		})
		.get('/v3/hooks/:id', (ctx) => v3Data(serializeHook(hookOr404(ctx))))
		.put('/v3/hooks/:id', (ctx) => {
			const hook = hookOr404(ctx);
			if (!isObject(ctx.body)) invalid({ body: 'the body must be a JSON object' });
			const input = ctx.body;
			if (!['scope', 'destination', 'is_active', 'headers'].some((k) => k in input)) {
				invalid({ body: 'at least one of scope, destination, is_active or headers is required' });
			}
			checkHookInput(ctx, input, hook);
			if (typeof input.scope === 'string') hook.scope = input.scope;
			if (typeof input.destination === 'string') hook.destination = input.destination;
			if (typeof input.is_active === 'boolean') hook.is_active = input.is_active;
			if ('headers' in input) hook.headers = isObject(input.headers) ? { ...(input.headers as Record<string, string>) } : null;
			hook.updated_at = Math.floor(Date.now() / 1000);
			return v3Data(serializeHook(hook));
		})
		.delete('/v3/hooks/:id', (ctx) => {
			const hook = hookOr404(ctx);
			ctx.core.state.hooks.delete(hook.id);
			return v3Data(serializeHook(hook));
		});
}
