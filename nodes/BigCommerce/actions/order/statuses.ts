import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getAllItems, type RequestContext } from '../../transport';

/** BigCommerce's order statuses are a fixed set, 0 (Incomplete) to 14 (Partially Refunded); stores only rename them. */
export const ORDER_STATUS_IDS = { min: 0, max: 14 };

export interface OrderStatus {
	id: number;
	/** The name the store shows (its custom label, else BigCommerce's). */
	name: string;
	/** Every name the status answers to, lower case: custom label, name and system label. */
	names: string[];
}

function toOrderStatus(record: IDataObject): OrderStatus {
	const labels = [record.custom_label, record.name, record.system_label].filter(
		(label): label is string => typeof label === 'string' && label.trim() !== '',
	);
	return {
		id: Number(record.id),
		name: labels[0] ?? `Status ${String(record.id)}`,
		names: labels.map((label) => label.trim().toLowerCase()),
	};
}

/** The store's order statuses, with the names it shows. */
export async function fetchOrderStatuses(this: RequestContext): Promise<OrderStatus[]> {
	const records = await getAllItems.call(this, { style: 'v2Page', path: '/v2/order_statuses' });
	return records.map(toOrderStatus);
}

// One list per execution: items share their context, and a new execution gets a new one.
const perExecution = new WeakMap<object, Promise<OrderStatus[]>>();

function statusesOf(context: RequestContext): Promise<OrderStatus[]> {
	let statuses = perExecution.get(context);
	if (!statuses) {
		statuses = fetchOrderStatuses.call(context);
		perExecution.set(context, statuses);
		// A failed request is not kept: the next item may try again.
		statuses.catch(() => perExecution.delete(context));
	}
	return statuses;
}

function isStatusId(value: unknown): boolean {
	return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\s*\d+\s*$/.test(value));
}

function unknownStatus(
	context: RequestContext,
	label: string,
	value: unknown,
	statuses: OrderStatus[] | undefined,
	itemIndex?: number,
): NodeOperationError {
	const names = statuses?.map((status) => status.name).join(', ');
	return new NodeOperationError(
		context.getNode(),
		`${label} must be one of the store's order statuses, got "${String(value).slice(0, 60)}"`,
		{
			itemIndex,
			description: names
				? `The store's order statuses: ${names}. Give one of these names (any letter case) or its ID.`
				: `Give an order status name, e.g. Shipped, or its ID from ${ORDER_STATUS_IDS.min} to ${ORDER_STATUS_IDS.max}.`,
		},
	);
}

/**
 * Reads order statuses given by name (any letter case) or ID into their IDs. IDs are checked
 * against BigCommerce's fixed range without a request; names are looked up in the store's
 * statuses, read once per execution. An unknown status is refused, naming the field and
 * listing the store's statuses.
 */
export async function resolveOrderStatuses(
	context: RequestContext,
	values: unknown[],
	label: string,
	itemIndex?: number,
): Promise<number[]> {
	const named = values.filter((value) => !isStatusId(value));
	const statuses = named.length ? await statusesOf(context) : undefined;
	return values.map((value) => {
		if (isStatusId(value)) {
			const id = Number(String(value).trim());
			if (id < ORDER_STATUS_IDS.min || id > ORDER_STATUS_IDS.max) throw unknownStatus(context, label, value, statuses, itemIndex);
			return id;
		}
		const wanted = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
		const status = wanted ? statuses?.find((candidate) => candidate.names.includes(wanted)) : undefined;
		if (!status) throw unknownStatus(context, label, value, statuses, itemIndex);
		return status.id;
	});
}
