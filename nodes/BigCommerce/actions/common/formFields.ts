import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { toV2Date, toV3Date } from './conversions';
import { chooseFromList } from './descriptions';
import { refuse, toDate, toDecimal, toId, toText, toWholeNumber } from './inputs';
import { listOf, toIds, toList } from './lists';
import { itemParameter } from './parameters';

type Reader = (context: IExecuteFunctions, value: unknown, itemIndex: number) => unknown;

/**
 * A form field declared once: the parameter n8n shows, where its value goes in the request
 * body or query, and how the value is checked; everything else is derived from it.
 */
export interface FormField {
	property: INodeProperties;
	/** Where the value goes, e.g. `sku` or `date_modified:min`; a dot nests it in an object. */
	key: string;
	/** The value to send, refused in the words of the field's label; undefined leaves it out. */
	read: Reader;
}

/** What a field may add to or change in its kind's defaults. */
export interface FieldOptions extends Partial<INodeProperties> {
	key?: string;
	/** How messages name the field; by default its display name without "Name(s) or ID(s)". */
	label?: string;
	/** A reader of the field's own, instead of its kind's. */
	read?: Reader;
}

function declare(
	property: INodeProperties,
	options: FieldOptions,
	readerFor: (label: string) => Reader,
): FormField {
	const { key, label, read, ...changes } = options;
	const full = { ...property, ...changes };
	const named = label ?? full.displayName.replace(/ Names? or IDs?$/, '');
	return { property: full, key: key ?? full.name, read: read ?? readerFor(named) };
}


/** A price, weight or size: a number of at least 0. */
export function decimalField(displayName: string, name: string, description: string, options: FieldOptions = {}): FormField {
	const property: INodeProperties = {
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description,
	};
	return declare(property, options, (label) => (context, value, itemIndex) => toDecimal(context, value, label, itemIndex));
}

/** A whole number, e.g. a stock level (`min: 0`) or a sort order. */
export function wholeNumberField(
	displayName: string,
	name: string,
	description: string,
	options: FieldOptions & { min?: number } = {},
): FormField {
	const { min, ...rest } = options;
	const property: INodeProperties = { displayName, name, type: 'number', default: 0, description };
	if (min !== undefined) property.typeOptions = { minValue: min };
	return declare(property, rest, (label) => (context, value, itemIndex) =>
		toWholeNumber(context, value, label, itemIndex, min === undefined ? {} : { min }),
	);
}

/**
 * A text. `empty` says what an empty one means: sent as it is (to clear the field), left out
 * (a filter, or a value BigCommerce refuses empty) or refused (a value the record needs).
 */
export function textField(
	displayName: string,
	name: string,
	description: string | undefined,
	options: FieldOptions & { empty?: 'send' | 'omit' | 'refuse' } = {},
): FormField {
	const { empty = 'send', ...rest } = options;
	const property: INodeProperties = { displayName, name, type: 'string', default: '' };
	if (description !== undefined) property.description = description;
	return declare(property, rest, (label) => (context, value, itemIndex) => {
		const text = toText(context, value, label, itemIndex, empty === 'refuse');
		return text === '' && empty === 'omit' ? undefined : text;
	});
}

/** One of a fixed set of choices. */
export function choiceField(
	displayName: string,
	name: string,
	description: string,
	choices: INodePropertyOptions[],
	options: FieldOptions = {},
): FormField {
	const values = choices.map((choice) => String(choice.value));
	const [{ value: first }] = choices;
	const property: INodeProperties = {
		displayName,
		name,
		type: 'options',
		options: choices,
		default: first,
		description,
	};
	return declare(property, options, (label) => (context, value, itemIndex) => {
		if (!values.includes(String(value))) {
			refuse(context, `${label} must be one of ${values.join(', ')}, got "${String(value).slice(0, 60)}"`, itemIndex);
		}
		return String(value);
	});
}

/** A yes or no; anything but true or false is refused. */
export function flagField(
	displayName: string,
	name: string,
	description: string,
	options: FieldOptions = {},
): FormField {
	const property: INodeProperties = { displayName, name, type: 'boolean', default: false, description };
	return declare(property, options, (label) => (context, value, itemIndex) => {
		if (typeof value !== 'boolean') refuse(context, `${label} must be true or false`, itemIndex);
		return value;
	});
}

/**
 * One record of the store chosen from a list (e.g. a brand), sent as its ID; empty leaves it
 * out, and with `zeroIsNone` 0 stands for "none" as BigCommerce has it for brands and groups.
 */
export function storeChoiceField(
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	options: FieldOptions & { lead?: string; zeroIsNone?: boolean } = {},
): FormField {
	const { lead, zeroIsNone = false, ...rest } = options;
	const property: INodeProperties = {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		default: '',
		description: chooseFromList('one', lead),
	};
	return declare(property, rest, (label) => (context, value, itemIndex) => {
		if (value === '') return undefined;
		if (zeroIsNone && String(value).trim() === '0') return 0;
		return toId(context, value, label, itemIndex);
	});
}

/** Records of the store chosen from a list (e.g. channels), sent as a list of IDs; none leaves it out. */
export function storeChoicesField(
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	options: FieldOptions & { lead?: string; tail?: string; zeroIsNone?: boolean } = {},
): FormField {
	const { lead, tail, zeroIsNone = false, ...rest } = options;
	const property: INodeProperties = {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod },
		default: [],
		description: chooseFromList('many', lead, tail),
	};
	return declare(property, rest, (label) => (context, value, itemIndex) => {
		const entries = listOf(value).filter((entry) => String(entry).trim() !== '');
		const ids = entries.map((entry) =>
			zeroIsNone && String(entry).trim() === '0' ? 0 : toId(context, entry, label, itemIndex),
		);
		return ids.length ? ids : undefined;
	});
}

/** A text filter: empty is no filter. */
export function textFilter(displayName: string, name: string, description: string, options: FieldOptions = {}): FormField {
	return textField(displayName, name, description, { empty: 'omit', ...options });
}

/** A filter of IDs typed as text, separated by commas. */
export function idsFilter(displayName: string, name: string, description: string, options: FieldOptions = {}): FormField {
	const property: INodeProperties = { displayName, name, type: 'string', default: '', description };
	return declare(property, options, (label) => (context, value, itemIndex) => {
		const ids = toIds(context, toList(value), label, itemIndex);
		return ids.length ? ids : undefined;
	});
}

/** A yes-or-no filter, on by default; a value that is not true or false filters nothing. */
export function flagFilter(displayName: string, name: string, description: string, options: FieldOptions = {}): FormField {
	return flagField(displayName, name, description, {
		default: true,
		read: (_context, value) => (typeof value === 'boolean' ? value : undefined),
		...options,
	});
}

/**
 * A date filter, sent as the API takes it: v2 and v3 both read ISO-8601, but v3 appends the
 * current time of day to a bare date, and v2's RFC-2822 has commas and spaces that a second
 * round of URL encoding could break; so both get a full date-time, v2 with an explicit offset.
 */
export function dateFilter(
	displayName: string,
	name: string,
	description: string,
	options: FieldOptions & { api: 'v2' | 'v3' },
): FormField {
	const { api, ...rest } = options;
	const property: INodeProperties = { displayName, name, type: 'dateTime', default: '', description };
	return declare(property, rest, (label) => (context, value, itemIndex) => {
		if (value === '') return undefined;
		const date = toDate(context, value, label, itemIndex);
		return api === 'v2' ? toV2Date(date) : toV3Date(date);
	});
}

/** The n8n parameters of the fields, in the order given. */
export function propertiesOf(fields: FormField[]): INodeProperties[] {
	return fields.map((field) => field.property);
}

export function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

/**
 * Reads the values of a form (a collection, or the parameters of an operation) into a request
 * body or query, field by field, each checked before any request; values of no field are left out.
 */
export function readFields(
	context: IExecuteFunctions,
	fields: FormField[],
	values: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		const field = fields.find((candidate) => candidate.property.name === name);
		if (!field || value === undefined || value === null) continue;
		const read = field.read(context, value, itemIndex);
		if (read === undefined) continue;
		const [outer, inner] = field.key.split('.');
		if (inner === undefined) body[outer] = read as IDataObject[string];
		else body[outer] = { ...(body[outer] as IDataObject), [inner]: read as IDataObject[string] };
	}
	return body;
}

/**
 * Reads the Filters collection of a Get Many into its query: an empty filter is no filter, and
 * a list goes as one comma-separated value, as BigCommerce's `:in` filters take it.
 */
export function readFilters(context: IExecuteFunctions, fields: FormField[], itemIndex: number): IDataObject {
	const filters = itemParameter(context, 'filters', itemIndex, {}) as IDataObject;
	const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
	const qs = readFields(context, fields, given, itemIndex);
	for (const [key, value] of Object.entries(qs)) {
		if (!Array.isArray(value)) continue;
		if (value.length) qs[key] = value.join(',');
		else delete qs[key];
	}
	return qs;
}
