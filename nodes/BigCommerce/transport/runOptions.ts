import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from './connection';

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
