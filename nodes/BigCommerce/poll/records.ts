import { createHash } from 'crypto';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { resolveOrderStatuses } from '../actions/order/statuses';
import { getAllItems } from '../transport';
import type { Delivery } from '../trigger/delivery';
import { toSimpleEvent } from '../trigger/simplify';
import type { Feed } from './feeds';
import { advanceWindow, byTimeThenId, unseenRecords, windowAt, type PollWindow, type StampedRecord } from './window';

export const ORDER_STATUS_LABEL = 'Only Order Status Names or IDs';

function stamped(feed: Feed, records: IDataObject[]): StampedRecord[] {
	const out: StampedRecord[] = [];
	for (const record of records) {
		const id = Number(record.id);
		const second = feed.stamp(record);
		if (Number.isInteger(id) && id > 0 && second !== undefined) out.push({ id, second, record });
	}
	return out;
}

/** Options > Only Order Status Names or IDs as status IDs (names through the store's statuses); empty for all. */
async function chosenStatusIds(context: IPollFunctions): Promise<number[]> {
	const raw = context.getNodeParameter('options.orderStatuses', []) as unknown;
	const chosen = (Array.isArray(raw) ? raw : [raw]).filter((value) => value !== '' && value !== null && value !== undefined);
	return chosen.length ? await resolveOrderStatuses(context, chosen, ORDER_STATUS_LABEL) : [];
}

async function recordFilter(context: IPollFunctions, feed: Feed): Promise<(record: IDataObject) => boolean> {
	const statuses = feed.key === 'order' ? await chosenStatusIds(context) : [];
	return (record) => feed.matches(record) && (!statuses.length || statuses.includes(Number(record.status_id)));
}

/**
 * The item for one record, shaped as the webhook trigger's for the same event: the delivery's
 * scope, data, hash and time beside the resolved record (or, simplified, the simplified record
 * first). The hash identifies this change of this record, so a workflow can tell repeats apart.
 */
function toItem(feed: Feed, entry: StampedRecord, record: IDataObject, simplify: boolean): IDataObject {
	const delivery: Delivery = {
		scope: feed.scope,
		data: { type: feed.key, id: entry.id },
		hash: createHash('sha1').update(`${feed.scope}:${entry.id}:${entry.second}`).digest('hex'),
		created_at: entry.second,
	};
	const resolution = { [feed.key]: record };
	return simplify ? toSimpleEvent(delivery, resolution) : { ...delivery, ...resolution };
}

async function toItems(context: IPollFunctions, feed: Feed, entries: StampedRecord[], simplify: boolean): Promise<IDataObject[]> {
	const complete = await feed.complete(context, entries.map((entry) => entry.record));
	return entries.map((entry, index) => toItem(feed, entry, complete[index], simplify));
}

export interface RecordPollResult {
	items: IDataObject[];
	window: PollWindow;
}

/**
 * One poll: every record stamped since the window's start, all pages, less those already
 * handled; each once, oldest first, completed as the webhook trigger completes it.
 */
export async function pollRecords(
	context: IPollFunctions,
	feed: Feed,
	window: PollWindow,
	simplify: boolean,
): Promise<RecordPollResult> {
	const wanted = await recordFilter(context, feed);
	const records = await getAllItems.call(context, {
		style: feed.style,
		path: feed.path,
		qs: feed.since(window.from),
		maxPageSize: feed.maxPageSize,
	});
	const listed = stamped(feed, records);
	const fresh = unseenRecords(window, listed).filter((entry) => wanted(entry.record));
	const items = await toItems(context, feed, fresh, simplify);
	// A record that changes (or goes) while later pages are read moves out of its place, and the
	// first record of the next page slides onto the page already read, unseen. Each such record
	// is stamped at or after the last record of the first page: the next poll reads from there.
	const firstPageEnd = records.length > feed.maxPageSize ? feed.stamp(records[feed.maxPageSize - 1]) : undefined;
	return { items, window: advanceWindow(window, listed, firstPageEnd) };
}

/** The most recent records, newest first: one page. */
async function latestRecords(context: IPollFunctions, feed: Feed, limit: number): Promise<StampedRecord[]> {
	return stamped(
		feed,
		await getAllItems.call(context, { style: feed.style, path: feed.path, qs: feed.latest, maxPageSize: feed.maxPageSize, limit }),
	);
}

/**
 * Where a trigger that starts "from now" begins: at the newest record's second, with the records
 * of that second handled. Taken from the store's own dates, so a clock difference between n8n and
 * BigCommerce can neither skip nor repeat records.
 */
export async function startingWindow(context: IPollFunctions, feed: Feed): Promise<PollWindow> {
	const latest = await latestRecords(context, feed, feed.maxPageSize);
	if (!latest.length) return windowAt(0);
	const newest = Math.max(...latest.map((entry) => entry.second));
	return windowAt(newest, latest.filter((entry) => entry.second === newest));
}

/**
 * "Fetch Test Event": the most recent record of the event, so its fields can be mapped; when no
 * recent record matches (no order changed yet, none in the chosen statuses), the most recent one.
 */
export async function sampleRecord(context: IPollFunctions, feed: Feed, simplify: boolean): Promise<IDataObject[]> {
	const wanted = await recordFilter(context, feed);
	const latest = (await latestRecords(context, feed, feed.maxPageSize)).sort(byTimeThenId);
	const newest = latest.filter((entry) => wanted(entry.record)).pop() ?? latest.pop();
	return newest ? await toItems(context, feed, [newest], simplify) : [];
}
