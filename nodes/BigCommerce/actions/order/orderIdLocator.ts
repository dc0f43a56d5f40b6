import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../common/descriptions';

/** The Order field of Order Get and Update: a searchable list of orders, or an order ID. */
export function orderIdLocator(description: string): INodeProperties {
	return idLocator({
		name: 'orderId',
		displayName: 'Order',
		searchListMethod: 'searchOrders',
		placeholder: 'e.g. 100',
		description,
	});
}
