import type { IDataObject, INodeProperties } from 'n8n-workflow';

export const outputLineItemsOption: INodeProperties = {
	displayName: 'One Item per Line Item',
	name: 'outputLineItems',
	type: 'boolean',
	default: false,
	description:
		'Whether to output one item per line item, the order\'s fields repeated on each beside the line\'s as item_* fields, e.g. for a spreadsheet row per product sold (one more request per order; Limit counts orders)',
};

/**
 * One row per line item of the order: the order's fields (its products list left out) and the
 * line's, prefixed item_ so that neither hides the other. An order without lines stays one row.
 */
export function lineItemRows(order: IDataObject): IDataObject[] {
	const { products, ...orderFields } = order;
	const lines = Array.isArray(products) ? (products as IDataObject[]) : [];
	if (!lines.length) return [orderFields];
	return lines.map((line) => {
		const row: IDataObject = { ...orderFields };
		for (const [key, value] of Object.entries(line)) row[`item_${key}`] = value;
		return row;
	});
}
