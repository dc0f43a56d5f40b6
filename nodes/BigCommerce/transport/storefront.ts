import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeApiUrl, type RequestContext } from './connection';
import { bigCommerceApiRequest, credentialKey } from './request';

/** A minted token lives this long; it is used until a minute before it runs out. */
const TOKEN_LIFETIME_S = 10 * 60;
const RENEW_BEFORE_MS = 60_000;
const DEFAULT_CHANNEL_ID = 1;

interface StorefrontAccess {
	/** The channel's storefront GraphQL endpoint, e.g. https://store-abc123.mybigcommerce.com/graphql */
	endpoint: string;
	token: string;
	expiresAtMs: number;
}

// Per credential and channel, in this n8n process's memory only.
const minted = new Map<string, StorefrontAccess>();

/** Forgets every minted token (they then expire on their own at BigCommerce). */
export function forgetStorefrontTokens(): void {
	minted.clear();
}

/**
 * The channel's storefront as the store reports it: the default channel's is the store's
 * secure URL, another channel's is its site's URL. Never derived from the store hash.
 */
async function storefrontEndpoint(context: RequestContext, channelId: number, itemIndex?: number): Promise<string> {
	let reported: unknown;
	let source: string;
	if (channelId === DEFAULT_CHANNEL_ID) {
		const store = await bigCommerceApiRequest.call(context, { method: 'GET', path: '/v2/store', itemIndex });
		reported = store.secure_url;
		source = 'the store\'s secure URL (GET /v2/store)';
	} else {
		const site = await bigCommerceApiRequest.call(context, { method: 'GET', path: `/v3/channels/${channelId}/site`, itemIndex });
		reported = (site.data as IDataObject | undefined)?.url;
		source = `channel ${channelId}'s site URL (GET /v3/channels/${channelId}/site)`;
	}
	const base = typeof reported === 'string' && reported.trim() !== '' ? normalizeApiUrl(reported) : undefined;
	if (!base) {
		throw new NodeOperationError(context.getNode(), `The storefront address the store reports is not usable: ${String(reported ?? 'none').slice(0, 100)}`, {
			itemIndex,
			description: `It comes from ${source}. The storefront must be an https address (http only on this machine). Give the channel a site in BigCommerce (Channel Manager), then try again.`,
		});
	}
	return `${base}/graphql`;
}

/**
 * A short-lived private storefront token for the channel, minted with the credential
 * (scope "Storefront API Tokens"), and the endpoint it is for. Private tokens are
 * BigCommerce's tokens for server-to-server calls; no CORS origin is given.
 */
export async function storefrontAccess(
	this: RequestContext,
	channelId: number,
	options: { itemIndex?: number; renew?: boolean } = {},
): Promise<StorefrontAccess> {
	const key = `${await credentialKey.call(this)} ${channelId}`;
	const kept = minted.get(key);
	if (kept && !options.renew && kept.expiresAtMs - RENEW_BEFORE_MS > Date.now()) return kept;
	minted.delete(key);

	const endpoint = await storefrontEndpoint(this, channelId, options.itemIndex);
	const expiresAt = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_S;
	const answer = await bigCommerceApiRequest.call(this, {
		method: 'POST',
		path: '/v3/storefront/api-token-private',
		body: { channel_id: channelId, expires_at: expiresAt, scopes: ['Unauthenticated'] },
		itemIndex: options.itemIndex,
		// Minting creates nothing the store keeps a list of: a second token after an unclear
		// failure is harmless, and the first one expires on its own.
		repeatable: true,
	});
	const token = (answer.data as IDataObject | undefined)?.token;
	if (typeof token !== 'string' || token === '') {
		throw new NodeOperationError(this.getNode(), 'BigCommerce did not return a storefront token', {
			itemIndex: options.itemIndex,
			description: 'POST /v3/storefront/api-token-private answered without data.token. Try again; check the API URL in the BigCommerce API credential if it persists.',
		});
	}
	const access = { endpoint, token, expiresAtMs: expiresAt * 1000 };
	minted.set(key, access);
	return access;
}
