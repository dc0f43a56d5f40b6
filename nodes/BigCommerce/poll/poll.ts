import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDate } from '../actions/common/inputs';
import { FEEDS, isRecordEvent } from './feeds';
import { pollLowStock, readLowStockSettings, sampleLowStock } from './lowStock';
import { pollRecords, sampleRecord, startingWindow } from './records';
import { windowAt, type PollWindow } from './window';

/** What the polling trigger keeps in the workflow's static data (per node). */
interface PollStaticData extends IDataObject {
	/** The event and start the state below belongs to; another one starts afresh. */
	startedFor?: string;
	window?: PollWindow;
	lowKeys?: string[];
}

// Polls of one node that are still running in this process: n8n starts the next poll on
// schedule even when the previous one has not finished (a long backfill), and both would
// emit the same records.
const running = new Set<string>();

function backfillFrom(context: IPollFunctions): number | undefined {
	const raw = context.getNodeParameter('options.backfillFrom', '') as unknown;
	if (raw === '' || raw === null || raw === undefined) return undefined;
	return Math.floor(toDate(context, raw, 'Emit Records Since', 0).getTime() / 1000);
}

/** The state's owner: the event, its settings that decide what counts, and the start. */
function startKey(context: IPollFunctions, event: string, backfill: number | undefined): string {
	if (event !== 'lowStock') return JSON.stringify([event, backfill ?? 'now']);
	const { threshold, locationId } = readLowStockSettings(context);
	return JSON.stringify([event, threshold, locationId ?? 'total']);
}

function asItems(json: IDataObject[]): INodeExecutionData[][] | null {
	return json.length ? [json.map((item) => ({ json: item }))] : null;
}

async function sample(context: IPollFunctions, event: string, simplify: boolean): Promise<INodeExecutionData[][] | null> {
	if (event === 'lowStock') return asItems(await sampleLowStock(context, readLowStockSettings(context)));
	return asItems(await sampleRecord(context, FEEDS[event as keyof typeof FEEDS], simplify));
}

/**
 * One poll. The state is written only once everything was read: a poll that fails (a 5xx that
 * outlasts the retries, a 429 storm that outlasts the wait) leaves the previous state, and the
 * next poll reads the same records again.
 */
async function pollOnce(context: IPollFunctions, event: string, simplify: boolean): Promise<INodeExecutionData[][] | null> {
	const data = context.getWorkflowStaticData('node') as PollStaticData;
	if (event === 'lowStock') {
		const key = startKey(context, event, undefined);
		const previous = data.startedFor === key && Array.isArray(data.lowKeys) ? data.lowKeys : undefined;
		const result = await pollLowStock(context, readLowStockSettings(context), previous);
		data.startedFor = key;
		data.lowKeys = result.lowKeys;
		delete data.window;
		return asItems(result.items);
	}

	const feed = FEEDS[event as keyof typeof FEEDS];
	const backfill = backfillFrom(context);
	const key = startKey(context, event, backfill);
	const kept = data.startedFor === key && data.window && typeof data.window.from === 'number' ? data.window : undefined;
	let window: PollWindow;
	let items: IDataObject[] = [];
	if (kept) {
		({ items, window } = await pollRecords(context, feed, kept, simplify));
	} else if (backfill !== undefined) {
		({ items, window } = await pollRecords(context, feed, windowAt(backfill), simplify));
	} else {
		window = await startingWindow(context, feed);
	}
	data.startedFor = key;
	data.window = window;
	delete data.lowKeys;
	return asItems(items);
}

export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as string;
	if (event !== 'lowStock' && !isRecordEvent(event)) {
		throw new NodeOperationError(this.getNode(), `Event must be one of the listed events, got "${String(event).slice(0, 60)}"`);
	}
	const simplify = this.getNodeParameter('simplify', true) === true;
	// "Fetch Test Event" shows the latest record and leaves the state alone.
	if (this.getMode() === 'manual') return await sample(this, event, simplify);

	const node = this.getNode();
	const runKey = `${this.getWorkflow().id ?? ''}:${node.id}`;
	if (running.has(runKey)) return null;
	running.add(runKey);
	try {
		return await pollOnce(this, event, simplify);
	} finally {
		running.delete(runKey);
	}
}
