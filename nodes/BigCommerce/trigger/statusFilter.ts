import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { resolveOrderStatuses } from '../actions/order/statuses';
import { staticDataOf, type TriggerStaticData } from './staticData';

/** The two status filters of Order: Status Changed: the status moved to, and the one moved from. */
const FILTERS = [
	{ option: 'orderStatuses', label: 'Only New Order Status Names or IDs', kept: 'orderStatusIds' },
	{ option: 'previousOrderStatuses', label: 'Only Previous Order Status Names or IDs', kept: 'previousOrderStatusIds' },
] as const;

type StatusFilter = (typeof FILTERS)[number];

/** The statuses an option lists, as entered, empty entries left out. */
function chosenStatuses(context: IHookFunctions | IWebhookFunctions, filter: StatusFilter): unknown[] {
	const raw = context.getNodeParameter(`options.${filter.option}`, []) as unknown;
	return (Array.isArray(raw) ? raw : [raw]).filter((value) => value !== '' && value !== null && value !== undefined);
}

/**
 * At activation: resolves the chosen statuses (names through the store's statuses) and keeps
 * their IDs for the deliveries. An unknown status is refused rather than dropped: a filter of
 * only unknown values would otherwise start the workflow for every status.
 */
export async function prepareOrderStatusFilter(context: IHookFunctions): Promise<void> {
	const data = staticDataOf(context);
	for (const filter of FILTERS) {
		const ids = await resolveOrderStatuses(context, chosenStatuses(context, filter), filter.label);
		if (ids.length) data[filter.kept] = ids;
		else delete data[filter.kept];
	}
}

async function readFilter(context: IWebhookFunctions, data: TriggerStaticData, filter: StatusFilter): Promise<number[]> {
	const chosen = chosenStatuses(context, filter);
	if (!chosen.length) return [];
	const kept = data[filter.kept];
	if (Array.isArray(kept) && kept.length) return kept.map(Number);
	return await resolveOrderStatuses(context, chosen, filter.label);
}

export interface OrderStatusFilter {
	/** The statuses the order may move to; empty for any. */
	next: number[];
	/** The statuses the order may move from; empty for any. */
	previous: number[];
}

/**
 * The status IDs the order status filters let through; empty for every status. The IDs
 * resolved at activation are used; without them (a registration made before names, or the
 * previous status, were accepted), the statuses are resolved now.
 */
export async function readOrderStatusFilter(context: IWebhookFunctions): Promise<OrderStatusFilter> {
	const data = staticDataOf(context);
	return {
		next: await readFilter(context, data, FILTERS[0]),
		previous: await readFilter(context, data, FILTERS[1]),
	};
}

/** Why a status change is ignored, or undefined when the filters let it through. */
export function statusChangeIgnored(filter: OrderStatusFilter, status: { previous_status_id?: unknown; new_status_id?: unknown }): string | undefined {
	if (filter.next.length && !filter.next.includes(Number(status.new_status_id))) {
		return 'the new order status is not one of the chosen ones';
	}
	if (filter.previous.length && !filter.previous.includes(Number(status.previous_status_id))) {
		return 'the previous order status is not one of the chosen ones';
	}
	return undefined;
}
