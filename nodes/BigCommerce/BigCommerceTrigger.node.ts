import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { optionsCollection, simplifyProperty } from './actions/common/descriptions';
import { getChannels, getOrderStatuses } from './methods/loadOptions';
import { channelProperty } from './trigger/channelEvents';
import { EVENT_OPTIONS } from './trigger/events';
import { createHooks, deleteHooks, repairHooks } from './trigger/hooks';
import { receiveDelivery } from './trigger/receive';

export class BigCommerceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce Trigger',
		name: 'bigCommerceTrigger',
		icon: { light: 'file:../../icons/bigcommerce.svg', dark: 'file:../../icons/bigcommerce.dark.svg' },
		group: ['trigger'],
		// 1.1: Simplify, on by default; version 1 workflows keep the raw deliveries they were built on.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		// n8n's nodes panel shows one BigCommerce entry for the action and trigger nodes, with this
		// description: it speaks of both, as n8n's own paired nodes do.
		description: 'Handle BigCommerce store events and manage its products, orders, customers and inventory',
		defaults: { name: 'BigCommerce Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigCommerceApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'BigCommerce only delivers to a public HTTPS address on port 443: set n8n\'s WEBHOOK_URL to one, or use a tunnel such as ngrok',
				name: 'deliveryNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: EVENT_OPTIONS,
				description: 'The store events that start the workflow (one webhook per event)',
			},
			channelProperty,
			{
				displayName: 'Resolve Data',
				name: 'resolveData',
				type: 'boolean',
				default: true,
				description:
					'Whether to fetch the full record the event is about (e.g. the order with its line items, shipping addresses and coupons) instead of only its ID',
			},
			{
				...simplifyProperty,
				default: false,
				displayOptions: { show: { '@version': [1] } },
			},
			{
				...simplifyProperty,
				displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
			},
			optionsCollection([
				{
					displayName: 'Custom Scope',
					name: 'customScope',
					type: 'string',
					default: '',
					placeholder: 'e.g. store/channel/1/order/created',
					description:
						'Any other webhook scope, as BigCommerce names it; separate several with commas',
				},
				{
					displayName: 'Only New Order Status Names or IDs',
					name: 'orderStatuses',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
					default: [],
					description:
						'For Order: Status Changed, start the workflow only when the order moves to one of these statuses; an expression may also give their names, e.g. Shipped. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Only Previous Order Status Names or IDs',
					name: 'previousOrderStatuses',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
					default: [],
					description:
						'For Order: Status Changed, start the workflow only when the order moves from one of these statuses (with Only New Order Status: from one of these to one of those); an expression may also give their names, e.g. Awaiting Fulfillment. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Require Signed Deliveries',
					name: 'requireSignedDeliveries',
					type: 'boolean',
					default: false,
					description:
						'Whether to refuse deliveries without a valid Standard Webhooks signature (webhook-ID, webhook-timestamp, webhook-signature headers). Needs the Client Secret in the BigCommerce API credential; turn it on only if your store signs its webhook deliveries.',
				},
			]),
		],
	};

	methods = { loadOptions: { getChannels, getOrderStatuses } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await repairHooks(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createHooks(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteHooks(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
