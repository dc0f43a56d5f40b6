import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../common/descriptions';
import { readId, toId, toText, toWholeNumber } from '../common/inputs';
import { itemParameter } from '../common/parameters';

export type AdjustmentMethod = 'absolute' | 'relative';

export type Identity = { sku: string } | { product_id: number } | { variant_id: number };

export interface Adjustment {
	itemIndex: number;
	identity: Identity;
	/** The SKU the user gave, when it was sent by its product's ID instead. */
	sku?: string;
	locationId: number;
	quantity: number;
	reason: string;
}

const MAX_STOCK = 2_147_483_647;

/** Identify By, the matching identifier, the given Quantity, Location and Options. */
export function adjustmentProperties(quantity: INodeProperties): INodeProperties[] {
	return [
		{
			displayName: 'Identify By',
			name: 'identifyBy',
			type: 'options',
			options: [
				{
					name: 'Product ID',
					value: 'productId',
					description: 'For products that track inventory per product',
				},
				{
					name: 'SKU',
					value: 'sku',
					description: 'The SKU of a variant, or of a product that tracks inventory per product (sent by its product ID)',
				},
				{
					name: 'Variant ID',
					value: 'variantId',
					description: 'For products that track inventory per variant',
				},
			],
			default: 'sku',
			description: 'How to name the item whose stock changes',
			hint: 'A product that tracks inventory per variant keeps stock on each variant: use the variant\'s SKU or ID. One that tracks it per product keeps one level: use its product ID or its own SKU.',
		},
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. TSHIRT-BLK-M',
			description: 'The SKU of the variant or product',
			displayOptions: { show: { identifyBy: ['sku'] } },
		},
		{
			...idLocator({
				name: 'productId',
				displayName: 'Product',
				searchListMethod: 'searchProducts',
				placeholder: 'e.g. 111',
				description: 'The product, when it tracks inventory per product',
			}),
			displayOptions: { show: { identifyBy: ['productId'] } },
		},
		{
			displayName: 'Variant ID',
			name: 'variantId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 78',
			description: 'The ID of the variant, when its product tracks inventory per variant',
			displayOptions: { show: { identifyBy: ['variantId'] } },
		},
		quantity,
		{
			displayName: 'Location Name or ID',
			name: 'locationId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getLocations' },
			default: 1,
			description:
				'Where the stock is; 1 is the default location. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Reason',
					name: 'reason',
					type: 'string',
					default: '',
					placeholder: 'e.g. Weekly stock count',
					description: 'Why the stock changes, as the store\'s inventory history shows it',
				},
			],
		},
	];
}

/** Reads and checks one item's adjustment. */
export function readAdjustment(context: IExecuteFunctions, itemIndex: number, method: AdjustmentMethod): Adjustment {
	const identifyBy = itemParameter(context, 'identifyBy', itemIndex, 'sku') as string;
	let identity: Identity;
	if (identifyBy === 'productId') identity = { product_id: readId(context, 'productId', itemIndex, 'Product ID') };
	else if (identifyBy === 'variantId') identity = { variant_id: readId(context, 'variantId', itemIndex, 'Variant ID') };
	else identity = { sku: toText(context, itemParameter(context, 'sku', itemIndex, ''), 'SKU', itemIndex) };

	const rawQuantity = itemParameter(context, 'quantity', itemIndex, undefined);
	let quantity: number;
	if (method === 'absolute') {
		quantity = toWholeNumber(context, rawQuantity, 'Quantity', itemIndex, { min: 0, max: MAX_STOCK });
	} else {
		quantity = toWholeNumber(context, rawQuantity, 'Quantity', itemIndex, { min: -MAX_STOCK, max: MAX_STOCK });
		if (quantity === 0) {
			throw new NodeOperationError(context.getNode(), 'Quantity must not be 0', {
				itemIndex,
				description: 'Enter how many to add (e.g. 5) or remove (e.g. -2).',
			});
		}
	}
	const locationId = toId(context, itemParameter(context, 'locationId', itemIndex, 1), 'Location', itemIndex);
	const options = itemParameter(context, 'options', itemIndex, {}) as IDataObject;
	const reason = toText(context, options.reason, 'Reason', itemIndex, false);
	return { itemIndex, identity, locationId, quantity, reason };
}
