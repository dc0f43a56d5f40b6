import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { dateFilter, idsFilter, propertiesOf, readFilters, type FormField } from '../common/formFields';
import { readId } from '../common/inputs';
import { listOperation } from '../common/lists';
import { orderIdLocator } from '../order/orderIdLocator';
import { itemParameter } from '../common/parameters';

const DATE_HINT = 'An ISO-8601 date or an n8n date; without a time zone it is read in the workflow\'s time zone';

const filters: FormField[] = [
	dateFilter('Created After', 'createdAfter', `Only refunds made at or after this date. ${DATE_HINT}.`, {
		api: 'v3',
		key: 'created:min',
	}),
	dateFilter('Created Before', 'createdBefore', `Only refunds made at or before this date. ${DATE_HINT}.`, {
		api: 'v3',
		key: 'created:max',
	}),
	idsFilter('Order IDs', 'orderIds', 'Only refunds of these orders, separated by commas (with Refunds Of: All Orders)', {
		placeholder: 'e.g. 101,102',
		key: 'order_id:in',
	}),
];

const properties: INodeProperties[] = [
	{
		displayName: 'Refunds Of',
		name: 'refundsOf',
		type: 'options',
		options: [
			{ name: 'One Order', value: 'order', description: 'The refunds of the order chosen below' },
			{ name: 'All Orders', value: 'store', description: 'The store\'s refunds, e.g. of a date range' },
		],
		default: 'order',
		description: 'Whose refunds to list',
	},
	{ ...orderIdLocator('The order whose refunds to list'), displayOptions: { show: { refundsOf: ['order'] } } },
	...returnAllOrLimit(),
	filtersCollection(propertiesOf(filters)),
];

export const description = showFor({ show: { resource: ['orderRefund'], operation: ['getAll'] } }, properties);

function readQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs = readFilters(context, filters, itemIndex);
	if (qs['created:min'] && qs['created:max'] && Date.parse(String(qs['created:min'])) > Date.parse(String(qs['created:max']))) {
		throw new NodeOperationError(context.getNode(), 'Created After must not be later than Created Before', { itemIndex });
	}
	if (itemParameter(context, 'refundsOf', itemIndex, 'order') === 'order') {
		if (qs['order_id:in'] !== undefined) {
			throw new NodeOperationError(context.getNode(), 'Filters: Order IDs needs Refunds Of: All Orders', {
				itemIndex,
				description: 'For one order, choose it in Order; to list the refunds of several, set Refunds Of to All Orders.',
			});
		}
		// The store's list, narrowed to the order, is paged; the order's own list is not.
		qs['order_id:in'] = String(readId(context, 'orderId', itemIndex, 'Order ID'));
	}
	return qs;
}

// Refunds come oldest first (by refund ID), every page read through transport.
export const execute = listOperation((context, itemIndex) => ({
	style: 'v3Page',
	path: '/v3/orders/payment_actions/refunds',
	qs: readQuery(context, itemIndex),
}));
