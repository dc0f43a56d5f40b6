import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Options > Only New Order Status Names or IDs, as entered, empty entries left out. */
function chosenStatuses(context: IHookFunctions | IWebhookFunctions): unknown[] {
	const raw = context.getNodeParameter('options.orderStatuses', []) as unknown;
	return (Array.isArray(raw) ? raw : [raw]).filter((value) => value !== '' && value !== null && value !== undefined);
}

/**
 * Refuses a value that is not a status ID rather than dropping it: a filter of only bad values
 * would otherwise start the workflow for every status.
 */
export function checkOrderStatusFilter(context: IHookFunctions | IWebhookFunctions): void {
	const bad = chosenStatuses(context).filter((value) => !/^\d+$/.test(String(value).trim()));
	if (bad.length) {
		throw new NodeOperationError(
			context.getNode(),
			`Only New Order Status Names or IDs must be order status IDs, got ${bad.map((v) => `"${String(v).slice(0, 30)}"`).join(', ')}`,
			{ description: 'Choose statuses from the list, or give their numeric IDs (e.g. 11 for Awaiting Fulfillment).' },
		);
	}
}

/** The status IDs the order status filter lets through; empty for every status. */
export function readOrderStatusFilter(context: IHookFunctions | IWebhookFunctions): number[] {
	checkOrderStatusFilter(context);
	return chosenStatuses(context).map((value) => Number(String(value).trim()));
}
