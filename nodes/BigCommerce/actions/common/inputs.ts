import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isCalendarDate, wallTimeIn } from './workflowTime';
import { itemParameter } from './parameters';

function label(name: string): string {
	const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
	return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const MAX_ID = 2_147_483_647;

/**
 * Reads a BigCommerce ID (a plain value or a resource locator in any mode) and refuses
 * anything but a positive whole number, before a request could carry it into a URL.
 */
export function readId(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	displayName = label(name),
): number {
	const raw = itemParameter(context, name, itemIndex, undefined, { extractValue: true }) as
		| string
		| number
		| INodeParameterResourceLocator
		| undefined;
	const value = raw && typeof raw === 'object' ? raw.value : raw;
	return toId(context, value, displayName, itemIndex);
}

export function toId(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
): number {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_ID) {
		throw new NodeOperationError(
			context.getNode(),
			text === ''
				? `${displayName} is required`
				: `${displayName} must be a positive whole number, got "${text.slice(0, 60)}"`,
			{ itemIndex, description: `Enter the numeric BigCommerce ID, e.g. 123.` },
		);
	}
	return Number(text);
}

/** A whole number within [min, max], e.g. a quantity or a limit; names the field otherwise. */
export function toWholeNumber(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
	range: { min?: number; max?: number } = {},
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const min = range.min ?? -MAX_ID;
	const max = range.max ?? MAX_ID;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw new NodeOperationError(
			context.getNode(),
			`${displayName} must be a whole number from ${min} to ${max}, got "${String(value).slice(0, 60)}"`,
			{ itemIndex },
		);
	}
	return number;
}

/** A finite number, e.g. a price or weight, at least `min` (default 0). */
export function toDecimal(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
	min = 0,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < min || number > 1e12) {
		throw new NodeOperationError(
			context.getNode(),
			`${displayName} must be a number of at least ${min}, got "${String(value).slice(0, 60)}"`,
			{ itemIndex },
		);
	}
	return number;
}

/** Reads Return All and Limit; Limit must be 1 or more. */
export function readReturnAllOrLimit(
	context: IExecuteFunctions,
	itemIndex: number,
): { limit: number | undefined } {
	const returnAll = itemParameter(context, 'returnAll', itemIndex, false) as boolean;
	if (returnAll) return { limit: undefined };
	const limit = itemParameter(context, 'limit', itemIndex, 50);
	return { limit: toWholeNumber(context, limit, 'Limit', itemIndex, { min: 1, max: 1_000_000 }) };
}

/**
 * Where JSON text first goes wrong, as a character offset and what was found there. JSON.parse
 * does not always say (e.g. "Unexpected token '}'" has no position), so the text is scanned.
 */
export function jsonMistake(text: string): { at: number; found: string; expected: string } | undefined {
	let at = 0;
	let mistake: { at: number; found: string; expected: string } | undefined;
	// Stops the scan at the first mistake, which is kept for the message.
	const fail = (expected: string): never => {
		mistake = { at, found: at < text.length ? `"${text[at]}"` : 'the end of the text', expected };
		throw new SyntaxError(expected);
	};
	const space = () => {
		while (at < text.length && /\s/.test(text[at])) at++;
	};
	const word = (literal: string) => {
		if (text.startsWith(literal, at)) at += literal.length;
		else fail('a value');
	};
	const string = () => {
		at++;
		while (at < text.length && text[at] !== '"') {
			if (text[at] === '\\') at++;
			else if (text.charCodeAt(at) < 0x20) fail('a closing quote');
			at++;
		}
		if (at >= text.length) fail('a closing quote');
		at++;
	};
	const number = () => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
		if (!match) fail('a value');
		at += match![0].length;
	};
	const list = (close: string, entry: () => void) => {
		at++;
		space();
		if (text[at] === close) {
			at++;
			return;
		}
		for (;;) {
			entry();
			space();
			if (text[at] === ',') {
				at++;
				space();
				continue;
			}
			if (text[at] === close) {
				at++;
				return;
			}
			fail(`"," or "${close}"`);
		}
	};
	const value = (): void => {
		space();
		const c = text[at];
		if (c === '{') {
			list('}', () => {
				if (text[at] !== '"') fail('a property name in double quotes');
				string();
				space();
				if (text[at] !== ':') fail('":"');
				at++;
				value();
			});
		} else if (c === '[') list(']', value);
		else if (c === '"') string();
		else if (c === 't') word('true');
		else if (c === 'f') word('false');
		else if (c === 'n') word('null');
		else if (c === '-' || (c >= '0' && c <= '9')) number();
		else fail('a value');
	};
	try {
		value();
		space();
		if (at < text.length) fail('the end of the text');
		return undefined;
	} catch {
		return mistake;
	}
}

function whereInText(text: string, at: number): string {
	const before = text.slice(0, at).split('\n');
	return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Parses a JSON parameter (text or already an object); when it is not JSON, names the field,
 * where the text goes wrong, and an example of the shape the field wants.
 */
export function readJson(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
	example = '{"key": "value"}',
): IDataObject | IDataObject[] {
	if (value && typeof value === 'object') return value as IDataObject;
	const text = String(value ?? '');
	let problem: string;
	try {
		const parsed = JSON.parse(text);
		if (parsed && typeof parsed === 'object') return parsed;
		problem = `${displayName} must be a JSON ${example.startsWith('[') ? 'list' : 'object'}, got ${text.trim().slice(0, 60) || 'nothing'}`;
	} catch {
		const mistake = jsonMistake(text);
		problem = mistake
			? `${displayName} is not valid JSON: ${mistake.expected} was expected at ${whereInText(text, mistake.at)} (character ${mistake.at + 1}), found ${mistake.found}`
			: `${displayName} is not valid JSON`;
	}
	throw new NodeOperationError(context.getNode(), problem, {
		itemIndex,
		description: `Check the ${displayName} field. Example: ${example}`,
	});
}

/**
 * Accepts an ISO-8601 string, a Luxon DateTime or a JS Date (n8n date values) and returns the
 * instant; text without an offset is read in the workflow's time zone. Names the field when
 * the value is not a date.
 */
export function toDate(
	context: Pick<IExecuteFunctions, 'getNode' | 'getTimezone'>,
	value: unknown,
	displayName: string,
	itemIndex: number,
): Date {
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (value && typeof value === 'object' && typeof (value as { toJSDate?: unknown }).toJSDate === 'function') {
		date = (value as { toJSDate: () => Date }).toJSDate();
	} else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		// Require a date shape so that loose strings like "5" are not read as years.
		const looksLikeDate = /^\d{4}-\d{2}-\d{2}/.test(text) || /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4}/.test(text);
		if (looksLikeDate && isCalendarDate(text)) {
			date = wallTimeIn(text, context.getTimezone()) ?? new Date(text);
		}
	} else if (typeof value === 'number' && Number.isFinite(value)) {
		date = new Date(value < 1e11 ? value * 1000 : value);
	}
	if (!date || Number.isNaN(date.getTime())) {
		throw new NodeOperationError(
			context.getNode(),
			`${displayName} must be a date, e.g. 2026-01-31 or 2026-01-31T12:00:00Z, got "${String(value).slice(0, 60)}"`,
			{ itemIndex },
		);
	}
	return date;
}

/** A text value, trimmed; required ones name the field when empty. */
export function toText(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
	required = true,
): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	if (required && text === '') {
		throw new NodeOperationError(context.getNode(), `${displayName} is required`, { itemIndex });
	}
	return text;
}

/** Refuses an item's input before any request, in words that name the field. */
export function refuse(context: IExecuteFunctions, message: string, itemIndex: number, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

/** The entries of a fixed collection's group: n8n gives a list, or one object when the group takes one. */
export function entriesOf(collection: IDataObject, group: string): IDataObject[] {
	const entries = collection[group];
	return Array.isArray(entries) ? (entries as IDataObject[]) : entries && typeof entries === 'object' ? [entries as IDataObject] : [];
}
