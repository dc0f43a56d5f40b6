import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;

const DEFAULT_API_URL = 'https://api.bigcommerce.com';

/**
 * Reduces a pasted API path (https://api.bigcommerce.com/stores/abc123/v3/) to its hash and
 * refuses anything that is not [a-z0-9]+, so no path, query or host can reach request URLs.
 */
export function normalizeStoreHash(raw: unknown): string | undefined {
	const text = String(raw ?? '').trim().toLowerCase();
	const afterStores = text.includes('/stores/') ? text.split('/stores/').pop() ?? '' : text;
	const hash = afterStores.replace(/\/(v2|v3)?\/*$/, '');
	return /^[a-z0-9]+$/.test(hash) ? hash : undefined;
}

/**
 * This machine: 127.0.0.0/8, localhost or ::1 (as the URL parser spells them, so 127.1 and
 * 0x7f.0.0.1 count too). Only here may plain http carry the token: it never crosses a network.
 */
function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

// A URL without a scheme, e.g. api.bigcommerce.com, is read as https: the only scheme
// BigCommerce answers on, and Node would otherwise look up "api.bigcommerce.com/stores" as a host.
// Only a bare host name gets it: a protocol-relative "//host" stays refused.
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const BARE_HOST = /^[A-Za-z0-9]/;

function parseApiUrl(raw: unknown): URL | undefined {
	const given = String(raw ?? '').trim() || DEFAULT_API_URL;
	const text = HAS_SCHEME.test(given) || !BARE_HOST.test(given) ? given : `https://${given}`;
	if (text.includes('..')) return undefined;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
	if (url.username || url.password || url.search || url.hash) return undefined;
	if (!/^[A-Za-z0-9/._~-]*$/.test(url.pathname)) return undefined;
	return url;
}

/**
 * Accepts only a plain https origin with an optional path prefix (a proxy), or http on this
 * machine (the local store emulator).
 */
export function normalizeApiUrl(raw: unknown): string | undefined {
	const url = parseApiUrl(raw);
	if (!url || (url.protocol === 'http:' && !isLoopbackHost(url.hostname))) return undefined;
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The URL every request path is appended to, e.g. https://api.bigcommerce.com/stores/abc123 */
export function storeUrlFromCredentials(context: RequestContext, credentials: ICredentialDataDecryptedObject): string {
	const storeHash = normalizeStoreHash(credentials.storeHash);
	if (!storeHash) {
		throw new NodeOperationError(context.getNode(), 'The credential\'s Store Hash is not valid', {
			description:
				'Use the store hash from the API account\'s API path: abc123 in https://api.bigcommerce.com/stores/abc123/v3/. Only lowercase letters and digits are allowed.',
		});
	}
	const apiUrl = normalizeApiUrl(credentials.apiUrl);
	if (!apiUrl && parseApiUrl(credentials.apiUrl)?.protocol === 'http:') {
		throw new NodeOperationError(context.getNode(), 'The credential\'s API URL must start with https://', {
			description:
				'Plain http:// would send the access token unencrypted, so it is accepted only for this machine (localhost, 127.0.0.1, ::1), e.g. the local store emulator. Use https:// for BigCommerce or a proxy.',
		});
	}
	if (!apiUrl) {
		throw new NodeOperationError(context.getNode(), 'The credential\'s API URL is not valid', {
			description:
				'Use https://api.bigcommerce.com, or the plain https address of a proxy (http only on this machine, for the emulator), without user name, query or fragment.',
		});
	}
	return `${apiUrl}/stores/${storeHash}`;
}
