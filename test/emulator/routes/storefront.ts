// Storefront tokens (POST /v3/storefront/api-token and /api-token-private) and
// channel sites (GET /v3/channels/{id}/site). A minted token is what the emulator's storefront
// GraphQL endpoint (../graphql/endpoints.ts) accepts.

import { randomBytes } from 'crypto';

import { isoDate, isObject, parseId, v3Data, v3Error } from '../http';
import type { Core, Ctx } from '../http';
import type { Router } from '../router';

export interface MintedToken {
	channelIds: number[];
	/** Unix seconds. */
	expiresAt: number;
	private: boolean;
}

const tokensByStore = new WeakMap<Core, Map<string, MintedToken>>();

/** The tokens minted at this store, by token. */
export function mintedTokens(core: Core): Map<string, MintedToken> {
	let tokens = tokensByStore.get(core);
	if (!tokens) {
		tokens = new Map();
		tokensByStore.set(core, tokens);
	}
	return tokens;
}

/** The emulator's own origin, where its storefronts are served (http://127.0.0.1:port). */
export function storefrontOrigin(core: Core): string {
	return new URL(core.apiBase).origin;
}

/** The site URL of a storefront channel: the default channel's is the store's secure URL. */
export function siteUrl(core: Core, channelId: number): string {
	return channelId === 1 ? storefrontOrigin(core) : `${storefrontOrigin(core)}/storefront/${channelId}`;
}

/** A JWT-shaped token: header, claims (channels, expiry) and a random signature. */
function jwt(claims: Record<string, unknown>): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ typ: 'JWT', alg: 'ES256' })}.${part(claims)}.${randomBytes(32).toString('base64url')}`;
}

function mint(ctx: Ctx, isPrivate: boolean) {
	const body = ctx.body;
	if (!isObject(body)) throw v3Error(422, 'Invalid JSON request body', { body: 'a JSON object is required' });
	const errors: Record<string, string> = {};
	const single = body.channel_id;
	const many = body.channel_ids;
	if (single !== undefined && many !== undefined) errors.channel_id = 'give channel_id or channel_ids, not both';
	const channelIds = single !== undefined ? [single] : Array.isArray(many) ? many : [];
	if (!channelIds.length) errors.channel_id = 'channel_id or channel_ids is required';
	for (const id of channelIds) {
		if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || !ctx.core.state.channels.has(id)) {
			errors.channel_id = `channel ${String(id)} does not exist`;
		}
	}
	const expiresAt = body.expires_at;
	if (typeof expiresAt !== 'number' || !Number.isInteger(expiresAt) || expiresAt < 0) errors.expires_at = 'expires_at must be a Unix time in seconds';
	else if (expiresAt <= Math.floor(Date.now() / 1000)) errors.expires_at = 'expires_at must be in the future';
	if (isPrivate) {
		const scopes = body.scopes;
		if (!Array.isArray(scopes) || !scopes.length || scopes.some((s) => !['Unauthenticated', 'Customer', 'B2B'].includes(String(s)))) {
			errors.scopes = 'scopes must list Unauthenticated, Customer or B2B';
		}
	} else if (body.allowed_cors_origins !== undefined) {
		const origins = body.allowed_cors_origins;
		if (!Array.isArray(origins) || origins.length < 1 || origins.length > 2) errors.allowed_cors_origins = 'one or two origins';
	}
	if (Object.keys(errors).length) throw v3Error(422, 'Invalid JSON request body - missing or invalid data.', errors);
	const token = jwt({ cid: channelIds, eat: expiresAt, iat: Math.floor(Date.now() / 1000), sub: ctx.clientId, sub_type: isPrivate ? 2 : 0, token_type: 1 });
	mintedTokens(ctx.core).set(token, { channelIds: channelIds as number[], expiresAt: expiresAt as number, private: isPrivate });
	return v3Data({ token });
}

export function registerStorefront(router: Router): void {
	router
		.post('/v3/storefront/api-token', (ctx) => mint(ctx, false))
		.post('/v3/storefront/api-token-private', (ctx) => mint(ctx, true))
		.get('/v3/channels/:id/site', (ctx) => {
			const id = parseId(ctx.params.id);
			const channel = id === null ? undefined : ctx.core.state.channels.get(id);
			if (!channel) throw v3Error(404, `Channel with id ${ctx.params.id} not found.`);
			if (channel.type !== 'storefront') throw v3Error(404, `Site for channel ${channel.id} not found.`);
			const url = siteUrl(ctx.core, channel.id);
			const created = isoDate(Date.parse(channel.date_created) || Date.now());
			return v3Data({
				id: 1000 + channel.id - 1,
				url,
				channel_id: channel.id,
				created_at: created,
				updated_at: created,
				ssl_status: 'shared',
				urls: [
					{ url, type: 'primary', created_at: created, updated_at: created },
					{ url, type: 'canonical', created_at: created, updated_at: created },
				],
				is_checkout_url_customized: false,
			});
		});
}
