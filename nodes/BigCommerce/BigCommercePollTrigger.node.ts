import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { optionsCollection, simplifyProperty } from './actions/common/descriptions';
import { getLocations, getOrderStatuses } from './methods/loadOptions';
import { poll } from './poll/poll';

const RECORD_EVENTS = ['newOrder', 'updatedOrder', 'newProduct', 'updatedProduct', 'newCustomer', 'updatedCustomer'];

export class BigCommercePollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce Polling Trigger',
		name: 'bigCommercePollTrigger',
		icon: { light: 'file:../../icons/bigcommerce.svg', dark: 'file:../../icons/bigcommerce.dark.svg' },
		group: ['trigger'],
		version: 1,
		// "New Order" rather than the internal "newOrder".
		subtitle: '={{ $parameter["event"].charAt(0).toUpperCase() + $parameter["event"].slice(1).replace(/([A-Z])/g, " $1") }}',
		description: 'Starts the workflow on new or changed BigCommerce records, checking the store on a schedule',
		defaults: { name: 'BigCommerce Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigCommerceApi', required: true }],
		properties: [
			{
				displayName:
					'Checks the store at the Poll Times below and needs no public address, so it works on a laptop or behind a firewall. Where BigCommerce can reach n8n over HTTPS, the BigCommerce Trigger reacts at once instead.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				required: true,
				default: 'newOrder',
				options: [
					{ name: 'Low Stock', value: 'lowStock', description: 'A SKU\'s stock went to or below the threshold' },
					{ name: 'New Customer', value: 'newCustomer', description: 'A customer account was created' },
					{ name: 'New Order', value: 'newOrder', description: 'An order was placed' },
					{ name: 'New Product', value: 'newProduct', description: 'A product was created' },
					{ name: 'Updated Customer', value: 'updatedCustomer', description: 'An existing customer was changed' },
					{ name: 'Updated Order', value: 'updatedOrder', description: 'An existing order was changed, e.g. its status' },
					{ name: 'Updated Product', value: 'updatedProduct', description: 'An existing product was changed' },
				],
			},
			{
				displayName: 'Threshold',
				name: 'threshold',
				type: 'number',
				default: 5,
				description:
					'Start the workflow when a SKU\'s available stock goes to or below this number; it starts again for that SKU only after the stock went back above it',
				displayOptions: { show: { event: ['lowStock'] } },
			},
			{
				displayName: 'Stock At',
				name: 'stockAt',
				type: 'options',
				default: 'total',
				options: [
					{ name: 'All Locations (Total)', value: 'total' },
					{ name: 'One Location', value: 'location' },
				],
				description: 'Whether to compare the stock summed over every location, or the stock at one location',
				displayOptions: { show: { event: ['lowStock'] } },
			},
			{
				displayName: 'Location Name or ID',
				name: 'locationId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLocations' },
				default: '',
				description:
					'The location whose stock is compared. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { event: ['lowStock'], stockAt: ['location'] } },
			},
			{
				...simplifyProperty,
				displayOptions: { show: { event: RECORD_EVENTS } },
			},
			{
				...optionsCollection([
					{
						displayName: 'Emit Records Since',
						name: 'backfillFrom',
						type: 'dateTime',
						default: '',
						description:
							'On the first poll, emit every record created (or, for updated events, changed) since this date, all pages. Without it the trigger starts from the newest record and emits only what comes after.',
					},
					{
						displayName: 'Only Order Status Names or IDs',
						name: 'orderStatuses',
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
						default: [],
						displayOptions: { show: { '/event': ['updatedOrder'] } },
						description:
							'Start the workflow only for orders that are now in one of these statuses; an expression may also give their names, e.g. Shipped. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				]),
				displayOptions: { show: { event: RECORD_EVENTS } },
			},
		],
	};

	methods = { loadOptions: { getLocations, getOrderStatuses } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}
}
