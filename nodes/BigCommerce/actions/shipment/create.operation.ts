import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest, getAllItems, outcomeUnknown } from '../../transport';
import { createOnce } from '../common/createOnce';
import { optionsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { atItem, executePerItemReadFirst } from '../common/items';
import { readId, toId, toWholeNumber } from '../common/inputs';
import { orderIdLocator } from '../order/orderIdLocator';
import {
	carrierFields,
	readShipmentDetails,
	readTracking,
	shipmentDetailFields,
	shipmentsPath,
	shippingProviderField,
	trackingNumberField,
} from './fields';
import { isPlannedShipment, isRefusal, planShipment, toOrderLine, type WantedItem } from './plan';
import { toSimpleShipment } from './simplify';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	orderIdLocator('The order to ship'),
	trackingNumberField,
	shippingProviderField(true),
	...carrierFields.map((field) => ({ ...field, displayOptions: { show: { shippingProvider: ['custom'] } } })),
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Item',
		description:
			'The order\'s products in this shipment and how many of each. Leave empty to ship every item not shipped yet.',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Order Product ID',
						name: 'orderProductId',
						type: 'number',
						default: 0,
						description:
							'The ID of the line in the order (the ID in the order\'s products, not the catalog product ID)',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'How many of this line the shipment holds',
					},
				],
			},
		],
	},
	{
		displayName:
			'BigCommerce moves the order to Shipped (or Partially Shipped while items remain) and, when the store\'s order e-mails are on, e-mails the customer the tracking link',
		name: 'shipmentEmailNotice',
		type: 'notice',
		default: '',
	},
	simplifyProperty,
	optionsCollection(shipmentDetailFields),
];

export const description = showFor({ show: { resource: ['shipment'], operation: ['create'] } }, properties);

interface ShipmentInput {
	orderId: number;
	wanted: WantedItem[];
	orderAddressId?: number;
	body: IDataObject;
	simplify: boolean;
}

function readItems(context: IExecuteFunctions, itemIndex: number): WantedItem[] {
	const value = itemParameter(context, 'items', itemIndex, {}) as IDataObject;
	const entries = (Array.isArray(value.item) ? value.item : []) as IDataObject[];
	return entries.map((entry, position) => ({
		orderProductId: toId(context, entry.orderProductId, `Items: item ${position + 1} Order Product ID`, itemIndex),
		quantity: toWholeNumber(context, entry.quantity, `Items: item ${position + 1} Quantity`, itemIndex, { min: 1, max: 1_000_000 }),
	}));
}

function readInput(context: IExecuteFunctions, itemIndex: number): ShipmentInput {
	const orderId = readId(context, 'orderId', itemIndex, 'Order ID');
	const tracking = readTracking(context, itemIndex);
	const wanted = readItems(context, itemIndex);
	const details = readShipmentDetails(context, itemParameter(context, 'options', itemIndex, {}) as IDataObject, itemIndex);
	const { order_address_id: orderAddressId, ...rest } = details;
	return {
		orderId,
		wanted,
		orderAddressId: orderAddressId === undefined ? undefined : Number(orderAddressId),
		body: { ...tracking, ...rest },
		simplify: itemParameter(context, 'simplify', itemIndex, true) as boolean,
	};
}

async function readShipments(context: IExecuteFunctions, orderId: number, itemIndex: number): Promise<IDataObject[]> {
	return await getAllItems.call(context, { style: 'v2Page', path: shipmentsPath(orderId), itemIndex });
}

/**
 * One shipment: the order's lines and shipments are read, the items planned from what is left
 * to ship (nothing is sent when the plan is refused), then the POST. The POST is never repeated
 * blindly: after a failure whose outcome is unknown (a reset connection, a 5xx, a timeout) the
 * order's shipments are read again, and a shipment that was not there before, with this tracking
 * number and these items, is the one created. Only when that read shows no such shipment is the
 * POST sent again; when the read fails too, the item reports that the shipment may have been
 * created, and nothing more is sent.
 */
async function createShipment(context: IExecuteFunctions, input: ShipmentInput, itemIndex: number): Promise<IDataObject> {
	const { orderId } = input;
	const lines = (
		await getAllItems.call(context, { style: 'v2Page', path: `/v2/orders/${orderId}/products`, itemIndex })
	).map(toOrderLine);
	const before = new Set((await readShipments(context, orderId, itemIndex)).map((shipment) => Number(shipment.id)));
	const plan = planShipment(orderId, lines, input.wanted, input.orderAddressId);
	if (isRefusal(plan)) {
		throw new NodeOperationError(context.getNode(), plan.message, { itemIndex, description: plan.description });
	}
	const body: IDataObject = { ...input.body, order_address_id: plan.orderAddressId, items: plan.items };
	const trackingNumber = String(body.tracking_number ?? '');
	try {
		return await createOnce(context, {
			create: async () =>
				await bigCommerceApiRequest.call(context, { method: 'POST', path: shipmentsPath(orderId), body, itemIndex }),
			lookup: async () =>
				(await readShipments(context, orderId, itemIndex)).find(
					(shipment) => !before.has(Number(shipment.id)) && isPlannedShipment(shipment, trackingNumber, plan),
				),
			// The shipments read above are the ones that were there before: the look-up skips them.
			checkedAbsent: true,
		});
	} catch (error) {
		const failure = atItem(context, error, itemIndex);
		if (outcomeUnknown(failure)) {
			failure.message = `The shipment may have been created in order ${orderId}: ${failure.message}`;
			failure.description = `Check the order's shipments (Shipment > Get Many) before running this item again; it was not sent again, so that it is not shipped twice.\n${failure.description ?? ''}`;
		}
		throw failure;
	}
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	// Every item's input is checked before the first shipment is sent.
	return await executePerItemReadFirst(this, items, {
		read: (itemIndex) => readInput(this, itemIndex),
		run: async (input, itemIndex) => {
			const shipment = await createShipment(this, input, itemIndex);
			return input.simplify ? toSimpleShipment(shipment) : shipment;
		},
	});
}
