import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest } from '../../transport';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { orderIdLocator } from '../order/orderIdLocator';
import { shipmentIdField, shipmentsPath } from './fields';

const properties: INodeProperties[] = [
	orderIdLocator('The order the shipment belongs to'),
	{ ...shipmentIdField, description: 'The ID of the shipment to delete; its items count as not shipped again' },
];

export const description = showFor({ show: { resource: ['shipment'], operation: ['delete'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', itemIndex, 'Order ID');
	const shipmentId = readId(this, 'shipmentId', itemIndex, 'Shipment ID');
	await bigCommerceRequest.call(this, { method: 'DELETE', path: `${shipmentsPath(orderId)}/${shipmentId}`, itemIndex });
	return { deleted: true, id: shipmentId, order_id: orderId };
}
