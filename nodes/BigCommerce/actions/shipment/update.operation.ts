import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { simplifyProperty, updateFieldsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { byDisplayName } from '../common/formFields';
import { executePerItemReadFirst } from '../common/items';
import { readId } from '../common/inputs';
import { orderIdLocator } from '../order/orderIdLocator';
import {
	carrierFields,
	readShipmentDetails,
	readTrackingUpdate,
	shipmentDetailFields,
	shipmentIdField,
	shipmentsPath,
	shippingProviderField,
	trackingNumberField,
} from './fields';
import { toSimpleShipment } from './simplify';
import { itemParameter } from '../common/parameters';

// In Update Fields the carrier fields stand on their own (no Custom Carrier choice to show them).
const updateFields: INodeProperties[] = [
	...shipmentDetailFields,
	trackingNumberField,
	shippingProviderField(false),
	...carrierFields,
].sort(byDisplayName);

const properties: INodeProperties[] = [
	orderIdLocator('The order the shipment belongs to'),
	shipmentIdField,
	{
		displayName: 'The items of a shipment cannot change: delete it and create another instead',
		name: 'shipmentItemsNotice',
		type: 'notice',
		default: '',
	},
	updateFieldsCollection(updateFields),
	simplifyProperty,
];

export const description = showFor({ show: { resource: ['shipment'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	// Every item's input is checked before the first shipment is changed.
	return await executePerItemReadFirst(this, items, {
		read: (itemIndex) => {
			const orderId = readId(this, 'orderId', itemIndex, 'Order ID');
			const shipmentId = readId(this, 'shipmentId', itemIndex, 'Shipment ID');
			const fields = itemParameter(this, 'updateFields', itemIndex, {}) as IDataObject;
			const body = { ...readShipmentDetails(this, fields, itemIndex), ...readTrackingUpdate(this, fields, itemIndex) };
			if (!Object.keys(body).length) {
				throw new NodeOperationError(this.getNode(), 'Update Fields is empty: nothing to change', {
					itemIndex,
					description: 'Add at least one field under Update Fields, e.g. the tracking number.',
				});
			}
			return { orderId, shipmentId, body, simplify: itemParameter(this, 'simplify', itemIndex, true) as boolean };
		},
		run: async ({ orderId, shipmentId, body, simplify }, itemIndex) => {
			const shipment = await bigCommerceApiRequest.call(this, {
				method: 'PUT',
				path: `${shipmentsPath(orderId)}/${shipmentId}`,
				body,
				itemIndex,
			});
			return simplify ? toSimpleShipment(shipment) : shipment;
		},
	});
}
