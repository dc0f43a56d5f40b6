import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// Each way a path could leave the store's API, checked in this order, with what to do instead.
const REFUSALS: Array<{ test: (path: string) => boolean; why: string }> = [
	{ test: (p) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(p) || p.includes('://'), why: 'names a scheme or host' },
	{ test: (p) => p.includes('\\') || /%5c/i.test(p), why: 'contains a backslash' },
	{ test: (p) => p.includes('//'), why: 'contains "//"' },
	{ test: (p) => p.includes('..') || /%2e/i.test(p), why: 'contains ".." (or an encoded dot)' },
	{ test: (p) => /%2f/i.test(p), why: 'contains an encoded slash' },
	{ test: (p) => p.includes('?') || p.includes('#'), why: 'carries a query string: put query parameters in Query Parameters' },
	{ test: (p) => p.includes('@'), why: 'names a host' },
	{ test: (p) => /(^|\/)stores\//i.test(p), why: 'names a store: leave out /stores/{store_hash}' },
	{ test: (p) => !/^\/v[23]\//.test(p), why: 'must start with /v3/ or /v2/' },
	{ test: (p) => !/^\/v[23]\/[A-Za-z0-9_/-]+$/.test(p), why: 'has characters BigCommerce API paths do not use (letters, digits, _, - and / only)' },
];

/**
 * The path of a custom API call, below the credential's store (/v3/... or /v2/...). Anything
 * that could send the request, and its token, elsewhere is refused before any request.
 */
export function readStorePath(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const path = String(value ?? '').trim();
	if (path === '') throw new NodeOperationError(context.getNode(), 'Path is required', { itemIndex });
	const refusal = REFUSALS.find((rule) => rule.test(path));
	if (refusal) {
		throw new NodeOperationError(context.getNode(), `Path ${refusal.why}: ${path.slice(0, 80)}`, {
			itemIndex,
			description:
				'Give the path below the store, starting with /v3/ or /v2/, e.g. /v3/catalog/brands or /v2/orders/100/products. The store and the token come from the credential.',
		});
	}
	return path;
}
