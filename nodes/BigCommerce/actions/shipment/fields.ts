import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDecimal, toId, toText } from '../common/inputs';
import { itemParameter } from '../common/parameters';

/** The shipments of one order (v2). */
export function shipmentsPath(orderId: number): string {
	return `/v2/orders/${orderId}/shipments`;
}

export const shipmentIdField: INodeProperties = {
	displayName: 'Shipment ID',
	name: 'shipmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 12',
	description: 'The ID of the shipment in the order (Get Many lists the order\'s shipments)',
};

export const trackingNumberField: INodeProperties = {
	displayName: 'Tracking Number',
	name: 'trackingNumber',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1Z999AA10123456784',
	description:
		'The carrier\'s tracking number (50 characters at most); BigCommerce puts its tracking link in the shipment e-mail to the customer',
};

// The providers BigCommerce integrates (its order shipment spec lists them), by the names it shows.
const PROVIDERS: INodePropertyOptions[] = [
	{ name: 'Australia Post', value: 'auspost' },
	{ name: 'Canada Post', value: 'canadapost' },
	{ name: 'Endicia', value: 'endicia' },
	{ name: 'FedEx', value: 'fedex' },
	{ name: 'Royal Mail', value: 'royalmail' },
	{ name: 'ShipperHQ', value: 'shipperhq' },
	{ name: 'UPS', value: 'ups' },
	{ name: 'UPS Online', value: 'upsonline' },
	{ name: 'UPS Ready', value: 'upsready' },
	{ name: 'USPS', value: 'usps' },
];

const NONE: INodePropertyOptions = {
	name: 'None',
	value: 'none',
	description: 'No integrated provider: BigCommerce links the tracking number through AfterShip',
};

const CUSTOM: INodePropertyOptions = {
	name: 'Custom Carrier',
	value: 'custom',
	description: 'Another carrier, by its name, and your own tracking link',
};

const PROVIDER_DESCRIPTION =
	'The carrier: one of the providers BigCommerce integrates, or, in an expression, its name (e.g. UPS), its code (e.g. ups) or carrier_{ID} for a third-party shipping provider';

export function shippingProviderField(withCustom: boolean): INodeProperties {
	return {
		displayName: 'Shipping Provider',
		name: 'shippingProvider',
		type: 'options',
		options: [...PROVIDERS, NONE, ...(withCustom ? [CUSTOM] : [])],
		default: 'none',
		description: PROVIDER_DESCRIPTION,
	};
}

/** A custom carrier's name and tracking link. */
export const carrierFields: INodeProperties[] = [
	{
		displayName: 'Carrier Name',
		name: 'trackingCarrier',
		type: 'string',
		default: '',
		placeholder: 'e.g. dhl',
		description: 'The carrier as AfterShip names it (its courier slug, e.g. dhl, dpd, gls); BigCommerce uses it for the tracking link when Tracking Link is empty',
	},
	{
		displayName: 'Tracking Link',
		name: 'trackingLink',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://track.example.com/1234',
		description: 'Your own tracking page for this shipment (500 characters at most), shown to the customer instead of a generated link',
	},
];

/** The optional shipment fields that create (Options) and update (Update Fields) share. */
export const shipmentDetailFields: INodeProperties[] = [
	{
		displayName: 'Comments',
		name: 'comments',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Notes on the shipment, e.g. the packer or the number of parcels',
	},
	{
		displayName: 'Merchant Shipping Cost',
		name: 'merchantShippingCost',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'What the shipment cost the store',
	},
	{
		displayName: 'Shipping Address ID',
		name: 'orderAddressId',
		type: 'number',
		default: 0,
		description:
			'The order\'s shipping address this shipment goes to (an ID from Order Get with Include Shipping Addresses). Needed only for an order that ships to several addresses.',
	},
	{
		displayName: 'Shipping Method',
		name: 'shippingMethod',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ground',
		description: 'The service used, e.g. Ground or Express',
	},
];

const CODES = new Map<string, string>(
	PROVIDERS.flatMap((provider) => [
		[String(provider.value), String(provider.value)],
		[provider.name.toLowerCase(), String(provider.value)],
	]),
);

/**
 * Shipping Provider as BigCommerce takes it: a provider's code (from the list, or its name or
 * code in an expression), '' for none, or carrier_{ID}. Custom is for the caller to handle.
 */
export function toProviderCode(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	allowCustom: boolean,
): string | 'custom' {
	const text = toText(context, value, 'Shipping Provider', itemIndex, false).toLowerCase();
	if (text === '' || text === 'none') return '';
	if (allowCustom && (text === 'custom' || text === 'custom carrier')) return 'custom';
	const code = CODES.get(text) ?? (/^carrier_\d+$/.test(text) ? text : undefined);
	if (code === undefined) {
		throw new NodeOperationError(context.getNode(), `Shipping Provider "${String(value).slice(0, 60)}" is not one BigCommerce knows`, {
			itemIndex,
			description: `Give one of ${PROVIDERS.map((provider) => `${provider.name} (${String(provider.value)})`).join(', ')}, none, carrier_{ID} for a third-party shipping provider${allowCustom ? ', or custom with a Carrier Name' : ''}.`,
		});
	}
	return code;
}

/** The tracking fields of a create: the provider, or for a custom carrier its name and link. */
export function readTracking(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	const trackingNumber = toText(context, itemParameter(context, 'trackingNumber', itemIndex, ''), 'Tracking Number', itemIndex, false);
	if (trackingNumber.length > 50) {
		throw new NodeOperationError(context.getNode(), 'Tracking Number is longer than 50 characters', { itemIndex });
	}
	if (trackingNumber) body.tracking_number = trackingNumber;
	const provider = toProviderCode(context, itemParameter(context, 'shippingProvider', itemIndex, 'none'), itemIndex, true);
	if (provider !== 'custom') {
		body.shipping_provider = provider;
		return body;
	}
	const carrier = toText(context, itemParameter(context, 'trackingCarrier', itemIndex, ''), 'Carrier Name', itemIndex, false);
	const link = readLink(context, itemParameter(context, 'trackingLink', itemIndex, ''), itemIndex);
	if (!carrier && !link) {
		throw new NodeOperationError(context.getNode(), 'Custom Carrier needs a Carrier Name or a Tracking Link', {
			itemIndex,
			description: 'Give the carrier as AfterShip names it (e.g. dhl), your own tracking link, or both.',
		});
	}
	// Empty provider: BigCommerce otherwise records a custom provider and links nothing.
	body.shipping_provider = '';
	if (carrier) body.tracking_carrier = carrier;
	if (link) body.tracking_link = link;
	return body;
}

function readLink(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const link = toText(context, value, 'Tracking Link', itemIndex, false);
	if (link && !/^https?:\/\/\S+$/i.test(link)) {
		throw new NodeOperationError(context.getNode(), `Tracking Link must be a web address starting with https://, got "${link.slice(0, 60)}"`, { itemIndex });
	}
	if (link.length > 500) throw new NodeOperationError(context.getNode(), 'Tracking Link is longer than 500 characters', { itemIndex });
	return link;
}

/** Comments, cost, address and method from Options or Update Fields, as the v2 body names them. */
export function readShipmentDetails(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (fields.comments !== undefined) body.comments = toText(context, fields.comments, 'Comments', itemIndex, false);
	if (fields.shippingMethod !== undefined) body.shipping_method = toText(context, fields.shippingMethod, 'Shipping Method', itemIndex, false);
	if (fields.merchantShippingCost !== undefined) {
		// v2 takes money as a decimal string.
		body.merchant_shipping_cost = toDecimal(context, fields.merchantShippingCost, 'Merchant Shipping Cost', itemIndex).toFixed(4);
	}
	if (fields.orderAddressId !== undefined && fields.orderAddressId !== '' && fields.orderAddressId !== 0) {
		body.order_address_id = toId(context, fields.orderAddressId, 'Shipping Address ID', itemIndex);
	}
	return body;
}

/** The update's own tracking fields (Update Fields), as the v2 body names them. */
export function readTrackingUpdate(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (fields.trackingNumber !== undefined) {
		const trackingNumber = toText(context, fields.trackingNumber, 'Tracking Number', itemIndex, false);
		if (trackingNumber.length > 50) throw new NodeOperationError(context.getNode(), 'Tracking Number is longer than 50 characters', { itemIndex });
		body.tracking_number = trackingNumber;
	}
	if (fields.shippingProvider !== undefined) body.shipping_provider = toProviderCode(context, fields.shippingProvider, itemIndex, false);
	if (fields.trackingCarrier !== undefined) body.tracking_carrier = toText(context, fields.trackingCarrier, 'Carrier Name', itemIndex, false);
	if (fields.trackingLink !== undefined) body.tracking_link = readLink(context, fields.trackingLink, itemIndex);
	return body;
}
