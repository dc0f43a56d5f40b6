import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { listOperation, simplifiedBy } from '../common/lists';
import { orderIdLocator } from '../order/orderIdLocator';
import { shipmentsPath } from './fields';
import { toSimpleShipment } from './simplify';

const properties: INodeProperties[] = [
	orderIdLocator('The order whose shipments to list; with an expression, each input item lists the shipments of its own order'),
	...returnAllOrLimit(),
	simplifyProperty,
];

export const description = showFor({ show: { resource: ['shipment'], operation: ['getAll'] } }, properties);

// v2 pages by page/limit (250 at most) and answers 204 past the last page, and for an order
// without shipments. Each input item lists its own order's shipments, paired with it.
export const execute = listOperation((context, itemIndex) => ({
	style: 'v2Page',
	path: shipmentsPath(readId(context, 'orderId', itemIndex, 'Order ID')),
	maxPageSize: 250,
	shape: simplifiedBy(context, itemIndex, toSimpleShipment),
}));
