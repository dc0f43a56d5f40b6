// Fault injection: rules matched against API requests, with a seeded PRNG so probabilistic
// faults repeat run after run.

import type { FaultKind, FaultRule } from './types';

const KINDS: FaultKind[] = [
	'429',
	'429-no-headers',
	'500',
	'502',
	'503',
	'reset',
	'reset-after-commit',
	'stall',
	'delay',
	'malformed-json',
	'207',
];

/** mulberry32: tiny, fast, good enough for test faults. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface ActiveRule {
	rule: FaultRule;
	seen: number;
}

export class FaultInjector {
	private rules: ActiveRule[] = [];
	private random: () => number;
	readonly stats: Record<string, number> = {};

	constructor(private readonly seed: number) {
		this.random = prng(seed);
	}

	set(rules: FaultRule[]): void {
		for (const r of rules) {
			if (!KINDS.includes(r.kind)) throw new Error(`unknown fault kind ${String(r.kind)}`);
		}
		this.rules = rules.map((rule) => ({ rule, seen: 0 }));
	}

	reset(): void {
		this.rules = [];
		this.random = prng(this.seed);
		for (const k of Object.keys(this.stats)) delete this.stats[k];
	}

	/** The fault for this request, if any rule fires. */
	pick(method: string, path: string): FaultRule | undefined {
		for (const active of this.rules) {
			const { rule } = active;
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path !== undefined && !pathMatches(rule.path, path)) continue;
			// A 207 only where BigCommerce documents one; elsewhere the rule does not apply.
			if (rule.kind === '207' && !documentsMultiStatus(method, path)) continue;
			if (rule.count !== undefined && active.seen >= rule.count) continue;
			active.seen++;
			const rate = rule.rate ?? 1;
			if (rate < 1 && this.random() >= rate) continue;
			this.stats[rule.kind] = (this.stats[rule.kind] ?? 0) + 1;
			return rule;
		}
		return undefined;
	}
}

// The writes the emulator answers 207 for, in the shape their spec documents: the catalog's
// product create and batch update (products_catalog.v3) and customer groups (customers.v2).
// The customer and variant batch writes document no 207, so no fault makes one up there.
const MULTI_STATUS_WRITES: Array<[string, RegExp]> = [
	['POST', /^\/v3\/catalog\/products$/],
	['PUT', /^\/v3\/catalog\/products$/],
	['POST', /^\/v2\/customer_groups$/],
	['PUT', /^\/v2\/customer_groups\/\d+$/],
];

function documentsMultiStatus(method: string, path: string): boolean {
	return MULTI_STATUS_WRITES.some(([m, pattern]) => m === method && pattern.test(path));
}

/** Exact path, prefix when the string ends with '*', or a RegExp. */
export function pathMatches(pattern: string | RegExp, path: string): boolean {
	if (pattern instanceof RegExp) return pattern.test(path);
	if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
	return path === pattern || path === `${pattern}/`;
}

/** Fault rules as they arrive over HTTP: a path string 're:<source>' becomes a RegExp. */
export function rulesFromJson(input: unknown): FaultRule[] {
	if (!Array.isArray(input)) throw new Error('faults must be an array of rules');
	return input.map((raw) => {
		const r = raw as FaultRule & { path?: string };
		const rule: FaultRule = { ...r };
		if (typeof r.path === 'string' && r.path.startsWith('re:')) rule.path = new RegExp(r.path.slice(3));
		return rule;
	});
}
