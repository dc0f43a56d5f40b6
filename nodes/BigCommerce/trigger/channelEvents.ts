import type { IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * BigCommerce's channel-scoped webhook events: one channel's orders, carts, categories and
 * product listings (store/channel/{channel_id}/...), from its channel webhook reference
 * (developer.bigcommerce.com/docs/integrations/webhooks/events/channels). The Events list offers
 * them with this placeholder; the scope registered carries the channel chosen in Channel.
 */
export const CHANNEL_PLACEHOLDER = '{channel_id}';

const scope = (rest: string) => `store/channel/${CHANNEL_PLACEHOLDER}/${rest}`;

type Events = Array<[what: string, scope: string, description: string]>;

export const CHANNEL_EVENT_GROUPS: Array<{ group: string; events: Events }> = [
	{
		group: 'Channel Cart',
		events: [
			['All Cart Events', scope('cart/*'), "Any event about a cart of the chosen channel"],
			['Abandoned', scope('cart/abandoned'), 'A cart of the chosen channel had no changes for an hour'],
			['Converted to Order', scope('cart/converted'), 'A cart of the chosen channel became an order'],
			['Coupon Applied', scope('cart/couponApplied'), 'A coupon code was applied to a cart of the chosen channel'],
			['Created', scope('cart/created'), 'A cart was started on the chosen channel'],
			['Deleted', scope('cart/deleted'), 'A cart of the chosen channel was deleted'],
			['All Line Item Events', scope('cart/lineItem/*'), 'Any change to the items of a cart of the chosen channel'],
			['Line Item Added', scope('cart/lineItem/created'), 'An item was added to a cart of the chosen channel'],
			['Line Item Removed', scope('cart/lineItem/deleted'), 'An item was removed from a cart of the chosen channel'],
			['Line Item Changed', scope('cart/lineItem/updated'), 'The quantity or options of an item in a cart of the chosen channel changed'],
			['Updated', scope('cart/updated'), 'A cart of the chosen channel changed'],
		],
	},
	{
		group: 'Channel Catalog',
		events: [
			['All Category Events', scope('category/*'), "Any event about a category of the chosen channel's category tree"],
			['Category Created', scope('category/created'), "A category was added to the chosen channel's category tree"],
			['Category Deleted', scope('category/deleted'), "A category was removed from the chosen channel's category tree"],
			['Category Updated', scope('category/updated'), "A category of the chosen channel's category tree changed"],
			['Category Tree Updated', scope('categoryTree/updated'), "The chosen channel's category tree was created, changed or deleted"],
			['Product Added to Category', scope('category/product/assigned'), "A product was put in a category of the chosen channel's tree"],
			['Product Assigned', scope('product/assigned'), 'A product was listed on the chosen channel'],
			['Product Removed From Category', scope('category/product/unassigned'), "A product was taken out of a category of the chosen channel's tree"],
			['Product Unassigned', scope('product/unassigned'), 'A product was taken off the chosen channel'],
		],
	},
	{
		group: 'Channel Order',
		events: [
			['All Order Events', scope('order/*'), 'Any event about an order of the chosen channel'],
			['Archived', scope('order/archived'), 'An order of the chosen channel was archived'],
			['Created', scope('order/created'), 'An order was placed on the chosen channel'],
			['Message Received', scope('order/message/created'), 'A message about an order of the chosen channel was received'],
			['Refunded', scope('order/refund/created'), 'An order of the chosen channel was refunded in full or in part'],
			['Status Changed', scope('order/statusUpdated'), 'An order of the chosen channel moved to another status'],
			['Updated', scope('order/updated'), 'An order of the chosen channel was changed'],
		],
	},
	{
		group: 'Channel Settings',
		events: [
			['All Settings Events', scope('settings/*'), 'Any change to the settings of the chosen channel'],
			['Checkout Settings Updated', scope('settings/checkout/updated'), 'The checkout settings of the chosen channel changed'],
			['Currency Updated', scope('settings/currency/updated'), 'The currencies of the chosen channel changed'],
			['Default Customer Group Updated', scope('settings/defaultCustomerGroup/updated'), 'The default customer group of the chosen channel changed'],
			['Locale Added', scope('settings/locale/added'), 'A locale was added to the chosen channel'],
			['Profile Updated', scope('settings/profile/updated'), 'The store profile settings the chosen channel uses changed'],
			['Route Updated', scope('settings/route/updated'), "A route of the chosen channel's site changed"],
			['Site Updated', scope('settings/site/updated'), "The chosen channel's site was created, changed or deleted"],
		],
	},
	{
		group: 'Channel Storefront',
		events: [
			['Email Template Updated', scope('email/templates/updated'), 'An e-mail template of the chosen channel changed'],
			['Page Created', scope('page/created'), 'A page was created on the chosen channel'],
			['Page Updated', scope('page/updated'), 'A page of the chosen channel changed'],
			['Script Created', scope('script/created'), 'A script was added to the chosen channel'],
			['Script Updated', scope('script/updated'), 'A script of the chosen channel changed'],
			['Theme Activated', scope('theme/configuration/activated'), 'A theme was published on the chosen channel'],
		],
	},
];

const CHANNEL_SCOPES = CHANNEL_EVENT_GROUPS.flatMap(({ events }) => events.map(([, value]) => value));

/** The Channel parameter, shown once a channel event is chosen. */
export const channelProperty: INodeProperties = {
	displayName: 'Channel Name or ID',
	name: 'channelId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getChannels' },
	default: '',
	displayOptions: { show: { events: CHANNEL_SCOPES } },
	description:
		'The storefront or marketplace whose events (the Channel ... events) start the workflow. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/**
 * The scope a chosen event registers: a channel event with the chosen channel's ID in place of
 * the placeholder, any other as it is. A channel event without a channel is refused.
 */
export function withChosenChannel(context: IHookFunctions | IWebhookFunctions, scopes: string[]): string[] {
	if (!scopes.some((value) => value.includes(CHANNEL_PLACEHOLDER))) return scopes;
	const raw = String(context.getNodeParameter('channelId', '') ?? '').trim();
	if (!/^\d+$/.test(raw) || Number(raw) < 1) {
		throw new NodeOperationError(
			context.getNode(),
			raw === '' ? 'Channel is required for the Channel events' : `Channel must be a channel ID, got "${raw.slice(0, 40)}"`,
			{ description: 'Choose the storefront or marketplace in Channel, or give its numeric ID with an expression.' },
		);
	}
	return scopes.map((value) => value.split(CHANNEL_PLACEHOLDER).join(String(Number(raw))));
}
