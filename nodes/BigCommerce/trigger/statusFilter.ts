import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { resolveOrderStatuses } from '../actions/order/statuses';
import { staticDataOf } from './staticData';

const LABEL = 'Only New Order Status Names or IDs';

/** Options > Only New Order Status Names or IDs, as entered, empty entries left out. */
function chosenStatuses(context: IHookFunctions | IWebhookFunctions): unknown[] {
	const raw = context.getNodeParameter('options.orderStatuses', []) as unknown;
	return (Array.isArray(raw) ? raw : [raw]).filter((value) => value !== '' && value !== null && value !== undefined);
}

/**
 * At activation: resolves the chosen statuses (names through the store's statuses) and keeps
 * their IDs for the deliveries. An unknown status is refused rather than dropped: a filter of
 * only unknown values would otherwise start the workflow for every status.
 */
export async function prepareOrderStatusFilter(context: IHookFunctions): Promise<void> {
	const ids = await resolveOrderStatuses(context, chosenStatuses(context), LABEL);
	const data = staticDataOf(context);
	if (ids.length) data.orderStatusIds = ids;
	else delete data.orderStatusIds;
}

/**
 * The status IDs the order status filter lets through; empty for every status. The IDs
 * resolved at activation are used; without them (a registration made before names were
 * accepted), the statuses are resolved now.
 */
export async function readOrderStatusFilter(context: IWebhookFunctions): Promise<number[]> {
	const chosen = chosenStatuses(context);
	if (!chosen.length) return [];
	const kept = staticDataOf(context).orderStatusIds;
	if (Array.isArray(kept) && kept.length) return kept.map(Number);
	return await resolveOrderStatuses(context, chosen, LABEL);
}
