import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from './connection';
import { toPaginationError } from './errors';
import { bigCommerceRequest } from './request';
import { concurrencyFor } from './runOptions';

/**
 * BigCommerce's three list styles:
 * - v3Page: page/limit with meta.pagination (most v3 lists)
 * - v3Cursor: `after` = meta.cursor_pagination.end_cursor (v3 customers)
 * - v2Page: page/limit over a bare array, answering 204 No Content past the last page
 */
export type PaginationStyle = 'v3Page' | 'v3Cursor' | 'v2Page';

export interface PaginateOptions {
	/** 'detect': the first page is asked for without page or cursor, and its answer tells the style. */
	style: PaginationStyle | 'detect';
	path: string;
	qs?: IDataObject;
	/** Largest page the endpoint allows; returnAll reads at this size. */
	maxPageSize?: number;
	/** Stop after this many records (the user's Limit); undefined reads everything. */
	limit?: number;
	itemIndex?: number;
	/** Sees each page's whole answer as it arrives (e.g. to output the bodies themselves). */
	onPage?: (body: unknown, statusCode: number) => void;
}

interface V3Envelope {
	data?: IDataObject[];
	meta?: {
		pagination?: { current_page?: number; total_pages?: number };
		cursor_pagination?: { end_cursor?: string; links?: { next?: string } };
	};
}

const DEFAULT_MAX_PAGE_SIZE = 250;

/** A page's identity: its records' ids, or the records themselves when they have none. */
function fingerprint(records: IDataObject[]): string {
	const hash = createHash('sha256');
	for (const record of records) {
		const id = record.id;
		hash.update(typeof id === 'number' || typeof id === 'string' ? `#${id}\n` : `${JSON.stringify(record)}\n`);
	}
	return hash.digest('base64');
}

/** The style a list answer shows: a bare array (or 204) is v2, and v3 names its paging in meta. */
function styleOfAnswer(statusCode: number, body: unknown): PaginationStyle | undefined {
	if (statusCode === 204 || Array.isArray(body)) return 'v2Page';
	const meta = (body as V3Envelope | undefined)?.meta;
	if (meta?.cursor_pagination) return 'v3Cursor';
	if (meta?.pagination) return 'v3Page';
	return undefined;
}

/**
 * Yields each page's records as it arrives, so callers can hand them on without holding a
 * second copy of a large result. Reads no more pages than `limit` needs.
 */
export async function* paginate(
	this: RequestContext,
	options: PaginateOptions,
): AsyncGenerator<IDataObject[]> {
	const { path, itemIndex } = options;
	let style = options.style;
	const maxPageSize = options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;
	if (options.limit !== undefined && options.limit <= 0) return;
	const pageSize = options.limit === undefined ? maxPageSize : Math.min(maxPageSize, options.limit);
	let remaining = options.limit ?? Infinity;
	let page = 1;
	let cursor: string | undefined;
	// A faulty server or proxy can promise a next page forever; each of these stops it at the
	// first page that does not advance, at no extra request.
	const cursorsSeen = new Set<string>();
	const pagesSeen = new Set<string>();
	const stop = (reason: string) => toPaginationError(this.getNode(), { path, itemIndex, reason });

	const request = (pageNumber: number) => {
		const qs: IDataObject = { ...options.qs, limit: pageSize };
		if (style === 'v3Cursor') {
			if (cursor !== undefined) qs.after = cursor;
		} else if (style !== 'detect') {
			qs.page = pageNumber;
		}
		return bigCommerceRequest.call(this, { method: 'GET', path, qs, itemIndex });
	};
	// Page/limit pages after the first are read several at once once the first has told how many
	// there are: up to twice the endpoint's allowance ahead of the page being handed on, queued at
	// the store's scheduler, which keeps the allowance in flight and starts the next page the
	// moment an answer is read (not when the caller gets to it). Pages are handed on in order,
	// never past the last page `limit` needs, and after a failure, or once the caller stops
	// reading, nothing more is asked for.
	const ahead = new Map<number, Promise<PageAnswer>>();
	let lastPage: number | undefined;
	let stopped = false;
	const settled = (pageNumber: number): Promise<PageAnswer> => {
		const answer = request(pageNumber).then(
			(response) => ({ response }),
			(error: unknown) => {
				stopped = true;
				return { error };
			},
		);
		ahead.set(pageNumber, answer);
		return answer;
	};
	const prefetch = () => {
		if (lastPage === undefined || stopped) return;
		const window = concurrencyFor(this, { method: 'GET', path });
		for (let next = page + 1; next <= Math.min(lastPage, page + 2 * window - 1); next++) {
			if (!ahead.has(next)) void settled(next);
		}
	};

	try {
		while (remaining > 0) {
			let response: Awaited<ReturnType<typeof request>>;
			const early = ahead.get(page);
			if (early) {
				ahead.delete(page);
				prefetch();
				const answer = await early;
				if ('error' in answer) throw answer.error;
				response = answer.response;
			} else {
				response = await request(page);
			}
			options.onPage?.(response.body, response.statusCode);
			if (style === 'detect') {
				const detected = styleOfAnswer(response.statusCode, response.body);
				if (!detected) {
					// Not a list BigCommerce pages: its records, if any, are all there is.
					const data = (response.body as V3Envelope | undefined)?.data;
					const records = Array.isArray(data) ? data.slice(0, remaining) : [];
					if (records.length) yield records;
					return;
				}
				style = detected;
			}

			let records: IDataObject[];
			let more: boolean;
			if (style === 'v2Page') {
				// v2 answers 204 with no body past the end; a short page is the last one too.
				records = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
				more = response.statusCode !== 204 && records.length >= pageSize;
			} else {
				const envelope = (response.body ?? {}) as V3Envelope;
				records = (Array.isArray(envelope.data) ? envelope.data : []);
				if (style === 'v3Page') {
					const pagination = envelope.meta?.pagination;
					const answered = pagination?.current_page === undefined ? page : Number(pagination.current_page);
					if (answered !== page) throw stop(`it answered page ${answered} instead of page ${page}`);
					more =
						pagination?.total_pages !== undefined && pagination.current_page !== undefined
							? pagination.current_page < pagination.total_pages
							: records.length >= pageSize;
					if (page === 1 && more && pagination?.total_pages !== undefined && Number.isFinite(Number(pagination.total_pages))) {
						const needed = Math.ceil((options.limit ?? Infinity) / pageSize);
						lastPage = Math.min(Number(pagination.total_pages), needed);
					}
				} else {
					const cursorMeta = envelope.meta?.cursor_pagination;
					cursor = cursorMeta?.end_cursor;
					more =
						records.length >= pageSize &&
						cursor !== undefined &&
						cursor !== '' &&
						(cursorMeta?.links === undefined || Boolean(cursorMeta.links.next));
					if (more && cursorsSeen.has(String(cursor))) {
						throw stop(`page ${page} gave a next-page cursor it had already given, so the next page would be one already read`);
					}
					cursorsSeen.add(String(cursor));
				}
			}
			if (records.length) {
				const seen = fingerprint(records);
				if (pagesSeen.has(seen)) throw stop(`page ${page} holds the same records as an earlier page`);
				pagesSeen.add(seen);
			}

			if (records.length > remaining) records = records.slice(0, remaining);
			remaining -= records.length;
			if (page === 1) prefetch();
			if (records.length) yield records;
			if (!more || records.length === 0) return;
			page++;
		}
	} finally {
		stopped = true;
	}
}

type PageAnswer = { response: Awaited<ReturnType<typeof bigCommerceRequest>> } | { error: unknown };

/** Every record of a list (or the first `limit`), in the order BigCommerce returns them. */
export async function getAllItems(
	this: RequestContext,
	options: PaginateOptions,
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const records of paginate.call(this, options)) {
		for (const record of records) all.push(record);
	}
	return all;
}
