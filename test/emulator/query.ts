// Query-string filter parsing for the v3 filter syntax (attr, attr:in, attr:min, attr:max,
// attr:like...) and the v2 order filters.

import { isoDate, v2Error, v3Error } from './http';

export type Query = Record<string, string>;

export function intList(q: Query, key: string): number[] | undefined {
	const raw = q[key];
	if (raw === undefined) return undefined;
	const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
	const out: number[] = [];
	for (const p of parts) {
		if (!/^-?\d+$/.test(p)) throw v3Error(422, `Invalid ${key}`, { [key]: `${key} must be a list of integers` });
		out.push(Number(p));
	}
	return out;
}

export function strList(q: Query, key: string): string[] | undefined {
	const raw = q[key];
	if (raw === undefined) return undefined;
	return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

export function num(q: Query, key: string): number | undefined {
	const raw = q[key];
	if (raw === undefined || raw === '') return undefined;
	const n = Number(raw);
	if (!Number.isFinite(n)) throw v3Error(422, `Invalid ${key}`, { [key]: `${key} must be a number` });
	return n;
}

export function bool(q: Query, key: string): boolean | undefined {
	const raw = q[key];
	if (raw === undefined || raw === '') return undefined;
	if (raw === 'true' || raw === '1') return true;
	if (raw === 'false' || raw === '0') return false;
	throw v3Error(422, `Invalid ${key}`, { [key]: `${key} must be true or false` });
}

/**
 * A v3 date filter as an ISO string comparable with stored dates. Accepts ISO-8601 and unix
 * seconds. A bare date on :min/:max gets the current time of day appended, as the real API
 * does (a known surprise: send full date-times).
 */
export function v3Date(q: Query, key: string): string | undefined {
	const raw = q[key];
	if (raw === undefined || raw === '') return undefined;
	let ms: number;
	if (/^\d+$/.test(raw)) ms = Number(raw) * 1000;
	else if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && /:(min|max)$/.test(key)) {
		const now = new Date();
		const timeOfDay = now.getTime() - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
		ms = Date.parse(`${raw}T00:00:00Z`) + timeOfDay;
	} else ms = Date.parse(raw);
	if (!Number.isFinite(ms)) throw v3Error(422, `Invalid ${key}`, { [key]: `${key} must be an ISO-8601 date or a unix timestamp` });
	return isoDate(ms);
}

/** v2 date filter: RFC-2822 or ISO-8601 (or unix seconds); anything else is a 400. */
export function v2Date(q: Query, key: string): number | undefined {
	const raw = q[key];
	if (raw === undefined || raw === '') return undefined;
	const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
	if (!Number.isFinite(ms)) throw v2Error(400, `The field '${key}' is invalid.`);
	return ms;
}

export function v2Int(q: Query, key: string): number | undefined {
	const raw = q[key];
	if (raw === undefined || raw === '') return undefined;
	if (!/^-?\d+$/.test(raw)) throw v2Error(400, `The field '${key}' is invalid.`);
	return Number(raw);
}

export function v2Num(q: Query, key: string): number | undefined {
	const raw = q[key];
	if (raw === undefined || raw === '') return undefined;
	const n = Number(raw);
	if (!Number.isFinite(n)) throw v2Error(400, `The field '${key}' is invalid.`);
	return n;
}

/** `:like` matches a substring, case-insensitively; `%` wildcards are tolerated. */
export function like(value: string, pattern: string): boolean {
	return value.toLowerCase().includes(pattern.replace(/%/g, '').toLowerCase());
}

/** Builds a numeric range test from attr, attr:min, attr:max, attr:greater, attr:less, attr:in. */
export function numberRange(q: Query, attr: string): ((v: number) => boolean) | undefined {
	const eq = num(q, attr);
	const min = num(q, `${attr}:min`);
	const max = num(q, `${attr}:max`);
	const greater = num(q, `${attr}:greater`);
	const less = num(q, `${attr}:less`);
	const inList = q[`${attr}:in`] !== undefined ? new Set(intList(q, `${attr}:in`)) : undefined;
	const notIn = q[`${attr}:not_in`] !== undefined ? new Set(intList(q, `${attr}:not_in`)) : undefined;
	if ([eq, min, max, greater, less, inList, notIn].every((x) => x === undefined)) return undefined;
	return (v) =>
		(eq === undefined || v === eq) &&
		(min === undefined || v >= min) &&
		(max === undefined || v <= max) &&
		(greater === undefined || v > greater) &&
		(less === undefined || v < less) &&
		(inList === undefined || inList.has(v)) &&
		(notIn === undefined || !notIn.has(v));
}

export function dateRange(q: Query, attr: string): ((iso: string) => boolean) | undefined {
	const eq = v3Date(q, attr);
	const min = v3Date(q, `${attr}:min`);
	const max = v3Date(q, `${attr}:max`);
	if (eq === undefined && min === undefined && max === undefined) return undefined;
	return (v) =>
		(eq === undefined || v.slice(0, 19) === eq.slice(0, 19)) &&
		(min === undefined || v >= min) &&
		(max === undefined || v <= max);
}

/** include_fields / exclude_fields on one output object (id is always kept). */
export function selectFields(obj: Record<string, unknown>, q: Query): Record<string, unknown> {
	const include = strList(q, 'include_fields');
	const exclude = strList(q, 'exclude_fields');
	if (!include && !exclude) return obj;
	const out: Record<string, unknown> = {};
	const includes = q.include ? new Set(strList(q, 'include')) : new Set<string>();
	for (const [k, v] of Object.entries(obj)) {
		const keep =
			k === 'id' ||
			includes.has(k) ||
			((!include || include.includes(k)) && (!exclude || !exclude.includes(k)));
		if (keep) out[k] = v;
	}
	return out;
}

/** sort + direction for v3 lists. */
export function v3Sort(q: Query, allowed: string[]): { field: string; desc: boolean } | undefined {
	const field = q.sort;
	if (!field) return undefined;
	if (!allowed.includes(field)) {
		throw v3Error(422, 'Invalid sort', { sort: `sort must be one of ${allowed.join(', ')}` });
	}
	const dir = (q.direction ?? 'asc').toLowerCase();
	if (dir !== 'asc' && dir !== 'desc') throw v3Error(422, 'Invalid direction', { direction: 'direction must be asc or desc' });
	return { field, desc: dir === 'desc' };
}

export function compareBy<T>(field: string, desc: boolean): (a: T, b: T) => number {
	return (a, b) => {
		const x = (a as Record<string, unknown>)[field] as number | string | boolean;
		const y = (b as Record<string, unknown>)[field] as number | string | boolean;
		let c = x < y ? -1 : x > y ? 1 : 0;
		if (c === 0) c = ((a as { id: number }).id ?? 0) - ((b as { id: number }).id ?? 0);
		return desc ? -c : c;
	};
}
