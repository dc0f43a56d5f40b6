import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceRequest, readBigCommerceError, toNodeApiError } from '../../transport';
import { idLocator } from '../common/descriptions';
import { choiceField, decimalField, flagField, storeChoicesField, wholeNumberField } from '../common/formFields';
import { readJson, toDecimal, toId, toText } from '../common/inputs';
import { toIds, toList } from '../common/lists';

export const GROUPS_PATH = '/v2/customer_groups';

export const customerGroupIdLocator: INodeProperties = idLocator({
	name: 'customerGroupId',
	displayName: 'Customer Group',
	searchListMethod: 'searchCustomerGroups',
	description: 'The customer group, chosen by name or given by ID',
});

const RULE_EXAMPLE = '[{"type": "all", "method": "percent", "amount": 10}, {"type": "category", "method": "fixed", "amount": 2.5, "category_id": 18}]';

const forTypes = (...type: string[]) => ({ displayOptions: { show: { type } } });
const notForPriceList = { displayOptions: { hide: { type: ['price_list'] } } };

const ruleParts: INodeProperties[] = [
	choiceField('Type', 'type', 'What the discount applies to', [
		{ name: 'All Products', value: 'all', description: 'A storewide discount (one such rule at most)' },
		{ name: 'Category', value: 'category', description: 'Products of one category' },
		{ name: 'Product', value: 'product', description: 'One product' },
		{ name: 'Price List', value: 'price_list', description: 'The prices of a price list (the only rule of the group)' },
	]).property,
	choiceField(
		'Method',
		'method',
		'How Amount changes the price',
		[
			{ name: 'Percent Off', value: 'percent', description: 'Amount is a percentage taken off the price' },
			{ name: 'Fixed Amount Off', value: 'fixed', description: 'Amount is taken off the price' },
			{ name: 'Fixed Price', value: 'price', description: 'Amount is the price' },
		],
		notForPriceList,
	).property,
	decimalField('Amount', 'amount', 'The percentage, the amount off or the price, depending on Method', notForPriceList).property,
	wholeNumberField('Category ID', 'category_id', 'The ID of the category the discount applies to', forTypes('category')).property,
	wholeNumberField('Product ID', 'product_id', 'The ID of the product the discount applies to', forTypes('product')).property,
	wholeNumberField('Price List ID', 'price_list_id', 'The ID of the price list whose prices members get', forTypes('price_list')).property,
];

const discountRulesField: INodeProperties = {
	displayName: 'Discount Rules',
	name: 'discountRules',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Discount Rule',
	description: 'Discounts for members of the group. None added clears the group\'s discounts.',
	options: [{ displayName: 'Rule', name: 'rule', values: ruleParts }],
};

/** The group fields create and update share, named as the v2 API names them; toGroupBody reads them. */
export const groupFields: INodeProperties[] = [
	choiceField(
		'Category Access',
		'category_access',
		'Which catalog categories members of the group can see',
		[
			{ name: 'All Categories', value: 'all', description: 'Members see every category' },
			{ name: 'No Categories', value: 'none', description: 'Members see no category' },
			{ name: 'Specific Categories', value: 'specific', description: 'Members see only the categories chosen in Category Names or IDs' },
		],
	).property,
	storeChoicesField('Category Names or IDs', 'categories', 'getCategories', {
		lead: 'The categories members can see when Category Access is Specific Categories',
	}).property,
	discountRulesField,
	{
		displayName: 'Discount Rules (JSON)',
		name: 'discount_rules',
		type: 'json',
		default: '[]',
		placeholder: 'e.g. [{"type": "all", "method": "percent", "amount": 10}]',
		description:
			'The discount rules as a JSON list, instead of Discount Rules: each with type (all, category, product or price_list), method (percent, fixed or price), amount, and category_id, product_id or price_list_id',
	},
	flagField('Is Default', 'is_default', 'Whether new customers who sign up join this group automatically').property,
	flagField(
		'Is Group for Guests',
		'is_group_for_guests',
		"Whether shoppers who are not logged in get this group's prices and access (one group at most)",
	).property,
];

const RULE_TYPES = ['all', 'category', 'product', 'price_list'];
const RULE_METHODS = ['percent', 'fixed', 'price'];

function toDiscountRules(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] {
	const parsed = readJson(context, value, 'Discount Rules (JSON)', itemIndex, RULE_EXAMPLE);
	const rules = Array.isArray(parsed) ? parsed : [parsed];
	rules.forEach((rule, position) => {
		const problem = (text: string) =>
			new NodeOperationError(context.getNode(), `Discount Rules (JSON): rule ${position + 1} ${text}`, {
				itemIndex,
				description: `Example: ${RULE_EXAMPLE}`,
			});
		if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw problem('must be an object');
		if (!RULE_TYPES.includes(String(rule.type))) throw problem(`needs a type: ${RULE_TYPES.join(', ')}`);
		if (rule.method !== undefined && !RULE_METHODS.includes(String(rule.method))) {
			throw problem(`has an unknown method "${String(rule.method)}": use ${RULE_METHODS.join(', ')}`);
		}
		if (rule.amount !== undefined && !Number.isFinite(Number(rule.amount))) {
			throw problem(`has an amount that is not a number: "${String(rule.amount)}"`);
		}
	});
	// v2 takes a rule's amount as a decimal string, as it answers it ("10.0000").
	return rules.map((rule: IDataObject) =>
		rule.amount === undefined ? rule : { ...rule, amount: String(rule.amount).trim() },
	);
}

/** The rules of the Discount Rules collection, in the body's shape the JSON field gives too. */
function toDiscountRuleList(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] {
	const entries = ((value as IDataObject | undefined)?.rule ?? []) as IDataObject[];
	return entries.map((entry, position) => {
		const label = (field: string) => `Discount Rules: rule ${position + 1} ${field}`;
		const type = String(entry.type ?? 'all');
		if (!RULE_TYPES.includes(type)) {
			throw new NodeOperationError(context.getNode(), `${label('Type')} must be one of ${RULE_TYPES.join(', ')}`, { itemIndex });
		}
		if (type === 'price_list') {
			return { type, price_list_id: toId(context, entry.price_list_id, label('Price List ID'), itemIndex) };
		}
		const method = String(entry.method ?? 'percent');
		if (!RULE_METHODS.includes(method)) {
			throw new NodeOperationError(context.getNode(), `${label('Method')} must be one of ${RULE_METHODS.join(', ')}`, { itemIndex });
		}
		// v2 takes a rule's amount as a decimal string, as it answers it ("10.0000").
		const rule: IDataObject = { type, method, amount: String(toDecimal(context, entry.amount ?? 0, label('Amount'), itemIndex)) };
		if (type === 'category') rule.category_id = toId(context, entry.category_id, label('Category ID'), itemIndex);
		if (type === 'product') rule.product_id = toId(context, entry.product_id, label('Product ID'), itemIndex);
		return rule;
	});
}

/** The v2 group body for create and update, every value checked before any request. */
export function toGroupBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = toText(context, fields.name, 'Name', itemIndex);
	if (fields.is_default !== undefined) body.is_default = Boolean(fields.is_default);
	if (fields.is_group_for_guests !== undefined) body.is_group_for_guests = Boolean(fields.is_group_for_guests);
	const categories = toIds(context, toList(fields.categories), 'Category', itemIndex);
	if (fields.category_access !== undefined) {
		const type = String(fields.category_access);
		body.category_access = type === 'specific' ? { type, categories } : { type };
	} else if (categories.length) {
		body.category_access = { type: 'specific', categories };
	}
	// Saved workflows hold the JSON field; new ones use the collection. Both give the same body.
	const json = fields.discount_rules !== undefined && fields.discount_rules !== '';
	if (json && fields.discountRules !== undefined) {
		throw new NodeOperationError(context.getNode(), 'Use Discount Rules or Discount Rules (JSON), not both', {
			itemIndex,
			description: 'Remove one of the two fields: they would each set all of the group\'s discount rules.',
		});
	}
	if (json) body.discount_rules = toDiscountRules(context, fields.discount_rules, itemIndex);
	if (fields.discountRules !== undefined) body.discount_rules = toDiscountRuleList(context, fields.discountRules, itemIndex);
	return body;
}

/**
 * Sends a group create or update and answers the saved group. BigCommerce answers 207 with
 * { status, message } instead of the group when it saved the group but not the sitewide
 * discount: the item then fails in BigCommerce's words, saying that the group itself was saved.
 */
export async function writeGroup(
	context: IExecuteFunctions,
	request: { method: 'POST' | 'PUT'; path: string; body: IDataObject; itemIndex: number },
	savedGroup: string,
): Promise<IDataObject> {
	const response = await bigCommerceRequest.call(context, request);
	const answer = (response.body ?? {}) as IDataObject;
	if (response.statusCode !== 207) return answer;
	const error = toNodeApiError(context.getNode(), { ...request, statusCode: 207, body: answer });
	const notSaved = readBigCommerceError(answer).message ?? 'BigCommerce reports a part it did not save (207)';
	error.message = `${savedGroup}, but not all of it: ${notSaved}`;
	throw error;
}
