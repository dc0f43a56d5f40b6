import type { IDataObject } from 'n8n-workflow';

/**
 * What a poll remembers between runs. BigCommerce's date filters work to the second, so the
 * next poll asks again from `from` (inclusive, a little before the newest second seen) and
 * skips the records it already emitted, known by ID and time ("id@second").
 */
export interface PollWindow extends IDataObject {
	/** Unix seconds: the next poll reads records stamped at or after this second. */
	from: number;
	/** "id@second" of every record at or after `from` already handled, oldest first. */
	seen: string[];
}

/** A listed record with the time the event is about (creation or last change), in seconds. */
export interface StampedRecord {
	id: number;
	second: number;
	record: IDataObject;
}

/**
 * How far before the newest second each poll reads again: records that become visible a little
 * late (a slow write, a clock a few seconds behind) are still found, and a record changed during
 * a poll, which shifts the pages, is read again by the next one.
 */
export const LOOKBACK_SECONDS = 60;

/** The most "id@second" keys kept; beyond it `from` moves forward (never past the newest second). */
export const MAX_SEEN = 2000;

function keyOf(record: { id: number; second: number }): string {
	return `${record.id}@${record.second}`;
}

function secondOfKey(key: string): number {
	return Number(key.slice(key.indexOf('@') + 1));
}

/** Unix seconds of a v2 (RFC-2822) or v3 (ISO-8601) date; undefined when unreadable. */
export function secondsOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** Ascending by time, then ID: the order items are emitted in. */
export function byTimeThenId(a: StampedRecord, b: StampedRecord): number {
	return a.second - b.second || a.id - b.id;
}

/**
 * The records this poll has not handled yet, each once (its latest state when pages listed it
 * twice), oldest first.
 */
export function unseenRecords(window: PollWindow, records: StampedRecord[]): StampedRecord[] {
	const seen = new Set(window.seen);
	const latest = new Map<number, StampedRecord>();
	for (const record of records) {
		if (record.second < window.from || seen.has(keyOf(record))) continue;
		const earlier = latest.get(record.id);
		if (!earlier || earlier.second <= record.second) latest.set(record.id, record);
	}
	return [...latest.values()].sort(byTimeThenId);
}

/**
 * The window after a poll that handled `records`: `from` follows the newest second by
 * LOOKBACK_SECONDS (or stays at `readAgainFrom` when that is earlier), and every key at or after
 * it is kept. When more than MAX_SEEN keys would be kept, `from` moves up to the oldest second
 * that keeps the newest ones, but every key of the newest second is always kept, since the next
 * poll reads that second again.
 */
export function advanceWindow(window: PollWindow, records: StampedRecord[], readAgainFrom = Infinity): PollWindow {
	const keys = new Set(window.seen);
	for (const record of records) if (record.second >= window.from) keys.add(keyOf(record));
	let newest = window.from;
	for (const key of keys) newest = Math.max(newest, secondOfKey(key));
	let from = Math.max(window.from, Math.min(newest - LOOKBACK_SECONDS, readAgainFrom));
	let kept = [...keys].filter((key) => secondOfKey(key) >= from);
	if (kept.length > MAX_SEEN) {
		const seconds = kept.map(secondOfKey).sort((a, b) => b - a);
		from = Math.min(newest, seconds[MAX_SEEN - 1] + 1);
		kept = kept.filter((key) => secondOfKey(key) >= from);
	}
	kept.sort((a, b) => secondOfKey(a) - secondOfKey(b));
	return { from, seen: kept };
}

/** The window a first poll starts from: `from` this second, with these records handled. */
export function windowAt(second: number, handled: StampedRecord[] = []): PollWindow {
	return advanceWindow({ from: second, seen: [] }, handled);
}
