// A small path router: '/v3/catalog/products/:id'. Routes match in registration order, so
// literal paths ('/v2/orders/count') are registered before parameter paths.

import type { Handler } from './http';

interface Route {
	method: string;
	segments: string[];
	handler: Handler;
}

export type Match =
	| { kind: 'found'; handler: Handler; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allowed: string[] }
	| { kind: 'none' };

export class Router {
	private readonly routes: Route[] = [];

	add(method: string, pattern: string, handler: Handler): this {
		this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
		return this;
	}

	get(pattern: string, handler: Handler): this {
		return this.add('GET', pattern, handler);
	}

	post(pattern: string, handler: Handler): this {
		return this.add('POST', pattern, handler);
	}

	put(pattern: string, handler: Handler): this {
		return this.add('PUT', pattern, handler);
	}

	delete(pattern: string, handler: Handler): this {
		return this.add('DELETE', pattern, handler);
	}

	match(method: string, path: string): Match {
		const parts = path.split('/').filter(Boolean);
		const allowed: string[] = [];
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method) return { kind: 'found', handler: route.handler, params };
			allowed.push(route.method);
		}
		return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'none' };
	}
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
	if (segments.length !== parts.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const s = segments[i];
		if (s.startsWith(':')) params[s.slice(1)] = decodeURIComponent(parts[i]);
		else if (s !== parts[i]) return null;
	}
	return params;
}
