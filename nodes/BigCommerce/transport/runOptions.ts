import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from './connection';
import { allowedConcurrency, type RequestRoute } from './scheduler';

/** The node's Request Options collection, shared by every operation. */
export const REQUEST_OPTIONS_PARAMETER = 'requestOptions';
export const MAX_CONCURRENT_REQUESTS_OPTION = 'maxConcurrentRequests';

const runLimits = new WeakMap<object, number | undefined>();

/**
 * The run's own cap on requests in flight (the node's Max Concurrent Requests option), read
 * once per run. Undefined where there is none: outside an execution or left at its default.
 */
export function runConcurrencyLimit(context: RequestContext): number | undefined {
	if (!('getInputData' in context)) return undefined;
	if (runLimits.has(context)) return runLimits.get(context);
	let limit: number | undefined;
	try {
		const options = context.getNodeParameter(REQUEST_OPTIONS_PARAMETER, 0, {}) as IDataObject;
		const value = Number(options?.[MAX_CONCURRENT_REQUESTS_OPTION]);
		limit = Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;
	} catch {
		// A node without the option (e.g. a test probe) has no cap of its own.
		limit = undefined;
	}
	runLimits.set(context, limit);
	return limit;
}

// Where a write's endpoint is not named: the lowest limit BigCommerce states for a batch write
// (customers, attributes), so no endpoint of that kind is asked for more.
const UNNAMED_ENDPOINT_CONCURRENCY = 3;

/**
 * How many requests an operation may keep in flight to this endpoint in this run: the
 * endpoint's limit, lowered by the node's Max Concurrent Requests option. The store's scheduler
 * enforces it in any case; a caller sending no more than this keeps its own stop exact.
 */
export function concurrencyFor(context: RequestContext, route?: RequestRoute): number {
	const runLimit = runConcurrencyLimit(context);
	return route
		? allowedConcurrency(route, runLimit)
		: Math.min(UNNAMED_ENDPOINT_CONCURRENCY, allowedConcurrency(undefined, runLimit));
}
