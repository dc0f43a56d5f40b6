import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Options > Only New Order Status Names or IDs. A value that is not a status ID is refused
 * rather than dropped: a filter of only bad values would otherwise start the workflow for
 * every status.
 */
export function readOrderStatusFilter(context: IHookFunctions | IWebhookFunctions): number[] {
	const raw = context.getNodeParameter('options.orderStatuses', []) as unknown;
	const list = (Array.isArray(raw) ? raw : [raw]).filter((value) => value !== '' && value !== null && value !== undefined);
	const bad = list.filter((value) => !/^\d+$/.test(String(value).trim()));
	if (bad.length) {
		throw new NodeOperationError(
			context.getNode(),
			`Only New Order Status Names or IDs must be order status IDs, got ${bad.map((v) => `"${String(v).slice(0, 30)}"`).join(', ')}`,
			{ description: 'Choose statuses from the list, or give their numeric IDs (e.g. 11 for Awaiting Fulfillment).' },
		);
	}
	return list.map((value) => Number(String(value).trim()));
}
