import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BatchRecordFailure, bigCommerceRequest, toNodeApiError } from '../../transport';
import { choiceField, decimalField, readFields, wholeNumberField, type FormField } from '../common/formFields';
import { readJson, toDecimal, toText } from '../common/inputs';
import { PRICE_LISTS_PATH } from '../priceList/fields';
import { itemParameter } from '../common/parameters';

export function recordsPath(priceListId: number): string {
	return `${PRICE_LISTS_PATH}/${priceListId}/records`;
}

/** A currency as price records take it: a 3-letter ISO 4217 code, sent in lower case as BigCommerce answers it. */
export function toCurrency(context: IExecuteFunctions, value: unknown, itemIndex: number, label = 'Currency'): string {
	const text = toText(context, value, label, itemIndex);
	if (!/^[A-Za-z]{3}$/.test(text)) {
		throw new NodeOperationError(context.getNode(), `${label} must be a 3-letter currency code such as USD, got "${text.slice(0, 60)}"`, {
			itemIndex,
			description: 'Use the ISO 4217 code of one of the store\'s currencies, e.g. USD, EUR or GBP.',
		});
	}
	return text.toLowerCase();
}

export const identifyByField: INodeProperties = {
	displayName: 'Identify By',
	name: 'identifyBy',
	type: 'options',
	options: [
		{ name: 'SKU', value: 'sku', description: 'The SKU of a variant, or of a product without options' },
		{ name: 'Variant ID', value: 'variantId', description: 'The ID of the variant' },
	],
	default: 'sku',
	description: 'How to name the variant the price is for',
	hint: 'Prices belong to variants. A product without options has one variant carrying the product\'s SKU; a product with options takes a price for each variant\'s SKU.',
};

const TIER_TYPES = [
	{ name: 'Fixed Price', value: 'fixed', description: 'Amount is the price of each unit' },
	{ name: 'Amount Off', value: 'price', description: 'Amount is taken off the price of each unit' },
	{ name: 'Percent Off', value: 'percent', description: 'Amount is the percentage taken off the price' },
];

const tierParts: FormField[] = [
	wholeNumberField('Quantity Min', 'quantity_min', 'The smallest quantity in the cart that gets this tier\'s price', { min: 1, default: 1 }),
	wholeNumberField('Quantity Max', 'quantity_max', 'The largest quantity in the cart that gets this tier\'s price; 0 for no maximum', { min: 0 }),
	choiceField('Type', 'type', 'How Amount sets the price', TIER_TYPES),
	decimalField('Amount', 'amount', 'The price, the amount off or the percentage off, depending on Type'),
];

const TIERS_EXAMPLE = '[{"quantity_min": 10, "quantity_max": 49, "type": "percent", "amount": 5}]';

const priceFields: FormField[] = [
	decimalField('Sale Price', 'sale_price', 'The sale price for the variant in this list and currency'),
	decimalField('Retail Price', 'retail_price', 'The retail price (MSRP) shown beside the price'),
	decimalField('MAP Price', 'map_price', 'The minimum advertised price'),
];

/** The optional parts of a price record: sale, retail and MAP prices, and bulk pricing tiers. */
export const recordAdditionalFields: INodeProperties[] = [
	{
		displayName: 'Bulk Pricing Tiers',
		name: 'bulkPricingTiers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Tier',
		description: 'Prices by quantity in the cart; they replace the product\'s own bulk pricing for this variant',
		options: [{ displayName: 'Tier', name: 'tier', values: tierParts.map((part) => part.property) }],
	},
	{
		displayName: 'Bulk Pricing Tiers (JSON)',
		name: 'bulk_pricing_tiers',
		type: 'json',
		default: '[]',
		placeholder: `e.g. ${TIERS_EXAMPLE}`,
		description: 'The bulk pricing tiers as a JSON list, instead of Bulk Pricing Tiers: each with quantity_min, quantity_max, type (fixed, price or percent) and amount',
	},
	...priceFields.map((field) => field.property),
];

function toTier(context: IExecuteFunctions, tier: IDataObject, label: string, itemIndex: number): IDataObject {
	const fail = (text: string) =>
		new NodeOperationError(context.getNode(), `${label} ${text}`, { itemIndex, description: `Example: ${TIERS_EXAMPLE}` });
	if (!tier || typeof tier !== 'object' || Array.isArray(tier)) throw fail('must be an object');
	const values = readFields(context, tierParts, { quantity_max: 0, type: 'fixed', ...tier }, itemIndex);
	if (values.quantity_min === undefined) throw fail('needs quantity_min');
	if (values.amount === undefined) throw fail('needs an amount');
	const [min, max] = [Number(values.quantity_min), Number(values.quantity_max)];
	if (max !== 0 && max < min) throw fail(`has quantity_max ${max} below quantity_min ${min}`);
	return { quantity_min: min, quantity_max: max, type: values.type, amount: values.amount };
}

/** The optional parts of one row's price record, each checked. */
export function readRecordExtras(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const extras = readFields(context, priceFields, fields, itemIndex);
	const json = fields.bulk_pricing_tiers !== undefined && fields.bulk_pricing_tiers !== '' && fields.bulk_pricing_tiers !== '[]';
	if (json && fields.bulkPricingTiers !== undefined) {
		throw new NodeOperationError(context.getNode(), 'Use Bulk Pricing Tiers or Bulk Pricing Tiers (JSON), not both', { itemIndex });
	}
	if (json) {
		const parsed = readJson(context, fields.bulk_pricing_tiers, 'Bulk Pricing Tiers (JSON)', itemIndex, TIERS_EXAMPLE);
		const list = Array.isArray(parsed) ? parsed : [parsed];
		extras.bulk_pricing_tiers = list.map((tier, i) => toTier(context, tier, `Bulk Pricing Tiers (JSON): tier ${i + 1}`, itemIndex));
	}
	if (fields.bulkPricingTiers !== undefined) {
		const tiers = ((fields.bulkPricingTiers as IDataObject).tier ?? []) as IDataObject[];
		extras.bulk_pricing_tiers = tiers.map((tier, i) => toTier(context, tier, `Bulk Pricing Tiers: tier ${i + 1}`, itemIndex));
	}
	return extras;
}

export function readPrice(context: IExecuteFunctions, itemIndex: number): number {
	return toDecimal(context, itemParameter(context, 'price', itemIndex, undefined), 'Price', itemIndex);
}

/** One price record to write and what its row said, for its output item. */
export interface RecordWrite {
	body: IDataObject;
	sku?: string;
	productId?: number;
}

interface BatchError {
	data?: IDataObject;
	field_errors?: IDataObject;
}

function sameRecord(body: IDataObject, about: IDataObject): boolean {
	const currency = String(about.currency ?? '').toLowerCase();
	if (currency !== '' && currency !== String(body.currency)) return false;
	if (about.variant_id !== undefined) return Number(about.variant_id) === Number(body.variant_id);
	return false;
}

/**
 * Upserts up to 1,000 price records of one list (PUT, one request) and answers per record, in
 * order: the record, or a BatchRecordFailure in BigCommerce's words. A 422 names the records
 * it refused in `batch_errors`; BigCommerce may have saved the others ("partial update") or
 * not, so they are sent again: a PUT sets absolute prices, so sending one twice is harmless.
 */
export async function upsertRecords(
	context: IExecuteFunctions,
	priceListId: number,
	batch: RecordWrite[],
): Promise<Array<RecordWrite | BatchRecordFailure>> {
	const path = recordsPath(priceListId);
	const response = await bigCommerceRequest.call(context, {
		method: 'PUT',
		path,
		body: batch.map((record) => record.body),
		allowStatuses: [422],
	});
	if (response.statusCode !== 422) return batch;

	const answer = (response.body ?? {}) as IDataObject;
	const errors = (Array.isArray(answer.batch_errors) ? answer.batch_errors : []) as BatchError[];
	const blamed = new Map<number, IDataObject>();
	for (const error of errors) {
		const position = batch.findIndex((record, index) => !blamed.has(index) && sameRecord(record.body, error.data ?? {}));
		if (position >= 0) blamed.set(position, error.field_errors ?? {});
	}
	const failure = (body: unknown) => toNodeApiError(context.getNode(), { method: 'PUT', path, statusCode: 422, body });
	// Not about any one record: the request itself was refused, for all of them.
	if (!blamed.size) throw failure(answer);

	const rest = batch.filter((_, index) => !blamed.has(index));
	const restAnswers = rest.length ? await upsertRecords(context, priceListId, rest) : [];
	let next = 0;
	return batch.map((_, index) => {
		const own = blamed.get(index);
		if (own === undefined) return restAnswers[next++];
		return new BatchRecordFailure(failure({ status: 422, title: 'BigCommerce did not save this price record', errors: own }));
	});
}
