import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, MAX_CONCURRENT_REQUESTS_OPTION, REQUEST_OPTIONS_PARAMETER } from '../../transport';

/**
 * n8n runs a node once per input item, so a Get Many after a node with 18 items lists the
 * store 18 times; Execute Once is the setting that lists it once.
 */
export const runsPerInputItemNotice: INodeProperties = {
	displayName:
		'Runs once per input item: after a node that outputs several items, this list comes once for each of them. If the filters do not use the input item, turn on Settings > Execute Once.',
	name: 'runsPerInputItemNotice',
	type: 'notice',
	default: '',
};

/** The top of every Get Many: the per-item notice, Return All and Limit. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		runsPerInputItemNotice,
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * n8n's wording for a list loaded from the store, where an expression can give the ID(s)
 * instead; `lead` and `tail` are sentences of the field's own before and after it.
 */
export function chooseFromList(ids: 'one' | 'many', lead?: string, tail?: string): string {
	const choose = `Choose from the list, or specify ${ids === 'one' ? 'an ID' : 'IDs'} using an ${EXPRESSION_LINK}`;
	if (lead) return `${lead}. ${choose}.`;
	return tail ? `${choose}. ${tail}` : choose;
}

/** The Filters collection of a Get Many. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** The Additional Fields collection of a create: the optional fields of the new record. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** The Update Fields collection of an update: only the fields chosen here are changed. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The Options collection: choices that change what an operation reads or sends, none required. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** A resource locator with a searchable list (default) and an ID mode. */
export function idLocator(options: {
	name: string;
	displayName: string;
	searchListMethod: string;
	placeholder?: string;
	description?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder ?? 'e.g. 123',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'Enter a numeric ID' },
					},
				],
			},
		],
	};
}

/**
 * The node's Request Options, shared by every operation: how hard the node may drive the store.
 * Read by the transport (runOptions.ts), so every request of the run honours it.
 */
export const requestOptionsCollection: INodeProperties = {
	displayName: 'Request Options',
	name: REQUEST_OPTIONS_PARAMETER,
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: MAX_CONCURRENT_REQUESTS_OPTION,
			type: 'number',
			default: DEFAULT_CONCURRENCY,
			typeOptions: { minValue: 1, maxValue: DEFAULT_CONCURRENCY },
			description:
				'The most requests this node keeps in flight at once to one endpoint. BigCommerce\'s own lower limits (e.g. 3 for customer updates, 1 for inventory adjustments) always apply, and runs against the same store share its rate limit.',
		},
	],
};
