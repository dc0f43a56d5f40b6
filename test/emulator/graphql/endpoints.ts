// The emulator's two GraphQL endpoints over HTTP:
// - storefront: POST {site URL}/graphql, i.e. /graphql for the default channel (the store's
//   secure URL is the emulator's own address) and /storefront/{channel_id}/graphql for other
//   storefront channels. Only `Authorization: Bearer <minted token>` is accepted, for that
//   channel; the management X-Auth-Token is not a storefront credential.
// - admin: POST /stores/{hash}/graphql with the API account's X-Auth-Token.
// Every answer carries x-bc-graphql-complexity; auth failures are 401s, as BigCommerce sends them.

import type * as http from 'http';

import type { Core } from '../http';
import { mintedTokens } from '../routes/storefront';
import { runGraphql, SCHEMAS } from './execute';

export interface GraphqlRequestLogEntry {
	api: 'storefront' | 'admin';
	channelId?: number;
	path: string;
	/** Request headers, lower-cased, as received. */
	headers: Record<string, string>;
	body: unknown;
	status: number;
}

export interface GraphqlHost {
	core: Core;
	storeHash: string;
	/** API account tokens (X-Auth-Token) the admin endpoint accepts. */
	isAccountToken(token: string): boolean;
	log: GraphqlRequestLogEntry[];
}

function reply(res: http.ServerResponse, status: number, body: unknown, complexity?: number): void {
	const text = JSON.stringify(body);
	const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) };
	if (complexity !== undefined) headers['x-bc-graphql-complexity'] = String(complexity);
	res.writeHead(status, headers);
	res.end(text);
}

const unauthorized = (message: string) => ({ status: 401, body: { errors: [{ message }] } });

function storefrontAuth(host: GraphqlHost, authorization: string | undefined, channelId: number) {
	const match = /^Bearer (\S+)$/.exec(authorization ?? '');
	if (!match) return unauthorized('GraphQL credentials were missing. No token was sent.');
	const token = mintedTokens(host.core).get(match[1]);
	if (!token) return match[1].split('.').length === 3 ? unauthorized('Unknown JWT token') : unauthorized('GraphQL invalid credentials. String is not a JWT');
	if (token.expiresAt <= Date.now() / 1000) return unauthorized('GraphQL invalid credentials. JWT is expired');
	if (!token.channelIds.includes(channelId)) return unauthorized('GraphQL invalid credentials. JWT channel id doesn\'t match channel id of the URL');
	return undefined;
}

/** Answers a GraphQL request when the path is one of the two endpoints; false otherwise. */
export function handleGraphql(host: GraphqlHost, req: http.IncomingMessage, res: http.ServerResponse, pathname: string, raw: string): boolean {
	const storefront = /^\/(?:storefront\/(\d+)\/)?graphql$/.exec(pathname);
	const admin = pathname === `/stores/${host.storeHash}/graphql`;
	if (!storefront && !admin) return false;
	const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]));
	let body: unknown;
	try {
		body = raw ? JSON.parse(raw) : undefined;
	} catch {
		body = raw;
	}
	const channelId = storefront ? Number(storefront[1] ?? 1) : undefined;
	const entry: GraphqlRequestLogEntry = { api: admin ? 'admin' : 'storefront', channelId, path: pathname, headers, body, status: 0 };
	host.log.push(entry);
	const answer = (status: number, payload: unknown, complexity?: number) => {
		entry.status = status;
		reply(res, status, payload, complexity);
	};

	if ((req.method ?? 'GET').toUpperCase() !== 'POST') return (answer(405, { errors: [{ message: 'Use POST' }] }), true);
	if (admin) {
		const token = headers['x-auth-token'];
		if (!token || !host.isAccountToken(token)) return (answer(401, { status: 401, title: 'The access token is invalid or has been revoked.' }), true);
	} else {
		const channel = host.core.state.channels.get(channelId!);
		if (!channel || channel.type !== 'storefront') return (answer(404, { errors: [{ message: 'Not found' }] }), true);
		const refused = storefrontAuth(host, headers.authorization, channelId!);
		if (refused) return (answer(refused.status, refused.body), true);
	}
	if (typeof body !== 'object' || body === null) return (answer(400, { errors: [{ message: 'The request body is not JSON' }] }), true);
	const result = runGraphql(admin ? SCHEMAS.admin : SCHEMAS.storefront, body, { state: host.core.state, currency: 'USD' });
	answer(200, result.body, result.complexity);
	return true;
}
