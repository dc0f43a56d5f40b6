// The three pagination styles: v3 page/limit (meta.pagination), v3 cursor
// (meta.cursor_pagination, customers) and v2 page/limit (bare array, 204 past the end).

import { ApiError, NO_CONTENT, Reply, v2Error, v3Error } from './http';

export const MAX_LIMIT = 250;
export const DEFAULT_LIMIT = 50;

/** Anything that can hand out a page: a Table (unfiltered, no copy) or a filtered array. */
export interface Pageable<T> {
	readonly size: number;
	slice(offset: number, limit: number): T[];
}

export function fromArray<T>(items: T[]): Pageable<T> {
	return { size: items.length, slice: (offset, limit) => items.slice(offset, offset + limit) };
}

function int(raw: string | undefined, name: string, fallback: number, v2: boolean): number {
	if (raw === undefined || raw === '') return fallback;
	if (!/^-?\d+$/.test(raw)) {
		throw v2 ? v2Error(400, `The field '${name}' is invalid.`) : v3Error(422, `Invalid ${name}`, { [name]: `${name} must be an integer` });
	}
	return Number(raw);
}

export interface Paging {
	page: number;
	limit: number;
}

export function v3Paging(query: Record<string, string>, maxLimit = MAX_LIMIT, defaultLimit = DEFAULT_LIMIT): Paging {
	const limit = int(query.limit, 'limit', defaultLimit, false);
	const page = int(query.page, 'page', 1, false);
	if (limit > maxLimit) {
		throw v3Error(413, `The limit parameter exceeded the maximum of ${maxLimit}.`, {
			limit: `limit must be ${maxLimit} or less`,
		});
	}
	if (limit < 1) throw v3Error(422, 'Invalid limit', { limit: 'limit must be 1 or more' });
	if (page < 1) throw v3Error(422, 'Invalid page', { page: 'page must be 1 or more' });
	return { page, limit };
}

export interface V3PageResult<T> {
	items: T[];
	pagination: Record<string, unknown>;
}

export function v3Page<T>(source: Pageable<T>, paging: Paging): V3PageResult<T> {
	const { page, limit } = paging;
	const total = source.size;
	const items = source.slice((page - 1) * limit, limit);
	const totalPages = Math.ceil(total / limit);
	const links: Record<string, string> = { current: `?page=${page}&limit=${limit}` };
	if (page > 1) links.previous = `?page=${page - 1}&limit=${limit}`;
	if (page < totalPages) links.next = `?page=${page + 1}&limit=${limit}`;
	return {
		items,
		pagination: { total, count: items.length, per_page: limit, current_page: page, total_pages: totalPages, links },
	};
}

/** A whole v3 list answer: `{data, meta:{pagination}}`. */
export function v3List<T>(
	source: Pageable<T>,
	query: Record<string, string>,
	map: (item: T) => unknown,
	maxLimit = MAX_LIMIT,
): Reply {
	const result = v3Page(source, v3Paging(query, maxLimit));
	return { status: 200, body: { data: result.items.map(map), meta: { pagination: result.pagination } } };
}

export function v2Paging(query: Record<string, string>): Paging {
	const limit = int(query.limit, 'limit', DEFAULT_LIMIT, true);
	const page = int(query.page, 'page', 1, true);
	if (limit > MAX_LIMIT) {
		throw v2Error(413, 'The specified limit exceeds the maximum allowed.', { max_limit: MAX_LIMIT });
	}
	if (limit < 1) throw v2Error(400, "The field 'limit' is invalid.");
	if (page < 1) throw v2Error(400, "The field 'page' is invalid.");
	return { page, limit };
}

/** A v2 list answer: bare array, or 204 with no body when the page is empty. */
export function v2List<T>(source: Pageable<T>, query: Record<string, string>, map: (item: T) => unknown): Reply {
	const { page, limit } = v2Paging(query);
	const items = source.slice((page - 1) * limit, limit);
	if (!items.length) return NO_CONTENT;
	return { status: 200, body: items.map(map) };
}

// ------------------------------------------------------------------------------------------
// Cursor pagination (customers). Cursors are opaque base64 strings wrapping a record id; the
// list they walk is in the request's sort order.

export function encodeCursor(id: number): string {
	return Buffer.from(`cursor:${id}`).toString('base64');
}

export function decodeCursor(raw: string): number {
	const text = Buffer.from(raw, 'base64').toString('utf8');
	const m = /^cursor:(\d+)$/.exec(text);
	if (!m) throw v3Error(400, 'The cursor is invalid.', { cursor: 'cursor is not valid' });
	return Number(m[1]);
}

export interface CursorSource<T extends { id: number }> extends Pageable<T> {
	/** Position of the record with this id in the listing order, or -1. */
	indexOfId(id: number): number;
}

export function cursorSourceFromArray<T extends { id: number }>(items: T[]): CursorSource<T> {
	return { ...fromArray(items), indexOfId: (id) => items.findIndex((i) => i.id === id) };
}

function cursorMeta<T extends { id: number }>(
	items: T[],
	limit: number,
	hasBefore: boolean,
	hasAfter: boolean,
): Record<string, unknown> {
	const start = items.length ? encodeCursor(items[0].id) : '';
	const end = items.length ? encodeCursor(items[items.length - 1].id) : '';
	const links: Record<string, string> = {};
	if (hasBefore && start) links.previous = `?before=${encodeURIComponent(start)}&limit=${limit}`;
	if (hasAfter && end) links.next = `?after=${encodeURIComponent(end)}&limit=${limit}`;
	return { count: items.length, per_page: limit, start_cursor: start, end_cursor: end, links };
}

/**
 * v3 list with cursor support. Without page/after/before (or page=1) the answer carries both
 * pagination and cursor_pagination; page>1 only pagination; after/before only cursor_pagination.
 */
export function v3CursorList<T extends { id: number }>(
	source: CursorSource<T>,
	query: Record<string, string>,
	map: (item: T) => unknown,
): Reply {
	const paging = v3Paging(query);
	const { limit } = paging;
	if (query.after !== undefined || query.before !== undefined) {
		let items: T[];
		let first: number;
		if (query.after !== undefined) {
			const at = source.indexOfId(decodeCursor(query.after));
			if (at < 0) throw v3Error(400, 'The cursor is invalid.', { after: 'cursor does not point at a record' });
			first = at + 1;
			items = source.slice(first, limit);
		} else {
			const at = source.indexOfId(decodeCursor(query.before));
			if (at < 0) throw v3Error(400, 'The cursor is invalid.', { before: 'cursor does not point at a record' });
			first = Math.max(0, at - limit);
			items = source.slice(first, at - first);
		}
		const meta = { cursor_pagination: cursorMeta(items, limit, first > 0, first + items.length < source.size) };
		return { status: 200, body: { data: items.map(map), meta } };
	}
	const result = v3Page(source, paging);
	const meta: Record<string, unknown> = { pagination: result.pagination };
	if (paging.page === 1) {
		meta.cursor_pagination = cursorMeta(result.items, limit, false, result.items.length < source.size);
	}
	return { status: 200, body: { data: result.items.map(map), meta } };
}

export function isApiError(e: unknown): e is ApiError {
	return e instanceof ApiError;
}
