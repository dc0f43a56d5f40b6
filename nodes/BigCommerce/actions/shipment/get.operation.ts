import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { orderIdLocator } from '../order/orderIdLocator';
import { shipmentIdField, shipmentsPath } from './fields';
import { toSimpleShipment } from './simplify';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [orderIdLocator('The order the shipment belongs to'), shipmentIdField, simplifyProperty];

export const description = showFor({ show: { resource: ['shipment'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', itemIndex, 'Order ID');
	const shipmentId = readId(this, 'shipmentId', itemIndex, 'Shipment ID');
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
	const shipment = await bigCommerceApiRequest.call(this, {
		method: 'GET',
		path: `${shipmentsPath(orderId)}/${shipmentId}`,
		itemIndex,
	});
	return simplify ? toSimpleShipment(shipment) : shipment;
}
