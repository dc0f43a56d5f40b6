import type {
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
	INodeParameters,
	NodeParameterValueType,
} from 'n8n-workflow';

/**
 * A parameter that only names a column of the input item, as n8n's drag-and-drop mapping writes
 * it: `={{ $json.sku }}`, `={{ $json["Unit Price"] }}`, `={{ $json.address.city }}`.
 */
const COLUMN_EXPRESSION =
	/^=\{\{\s*\$json((?:\s*\.\s*[A-Za-z_$][\w$]*|\s*\[\s*(?:"[^"\\]*"|'[^'\\]*')\s*\])+)\s*\}\}$/;
const PATH_STEP = /\s*\.\s*([A-Za-z_$][\w$]*)|\s*\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\]/g;
/** Keys n8n's expression sandbox treats specially: left to it. */
const SPECIAL_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Resource locator modes whose value is the ID itself (no URL to extract it from). */
const PLAIN_LOCATOR_MODES = new Set(['id', 'list']);

/** Stands for "leave this one to n8n's expression engine". */
const UNRESOLVED = Symbol('unresolved');

/** Reads a parameter's value from an item's JSON, or UNRESOLVED to leave it to n8n. */
type ColumnReader = (json: IDataObject | undefined) => unknown;

interface ReadState {
	parameters: INodeParameters;
	items: INodeExecutionData[];
	/** Readers by parameter name (and whether a locator's value is extracted); null: absent. */
	readers: Map<string, ColumnReader | null>;
}

const states = new WeakMap<IExecuteFunctions, ReadState>();

function stateOf(context: IExecuteFunctions): ReadState {
	let state = states.get(context);
	if (!state) {
		// getNode() copies the node on each call: once per run is enough, parameters don't change.
		state = { parameters: context.getNode().parameters, items: context.getInputData(), readers: new Map() };
		states.set(context, state);
	}
	return state;
}

/** The column path an expression names, or undefined when it is anything else. */
function columnPath(expression: string): string[] | undefined {
	const match = COLUMN_EXPRESSION.exec(expression);
	if (!match) return undefined;
	const path: string[] = [];
	for (const step of match[1].matchAll(PATH_STEP)) path.push(step[1] ?? step[2] ?? step[3]);
	return path.some((key) => SPECIAL_KEYS.has(key)) ? undefined : path;
}

/** The value itself when it is a plain string, finite number or boolean. */
function plainValue(value: unknown): string | number | boolean | typeof UNRESOLVED {
	return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
		? value
		: UNRESOLVED;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The item's value at the column path, when it is a plain string, number or boolean. */
function columnValue(json: IDataObject | undefined, path: string[]): string | number | boolean | typeof UNRESOLVED {
	let value: unknown = json;
	for (const key of path) {
		if (value === null || typeof value !== 'object' || !hasOwn.call(value, key)) return UNRESOLVED;
		value = (value as IDataObject)[key];
	}
	return plainValue(value);
}

/**
 * Compiles a raw parameter once per run into a reader that fills its column expressions from
 * an item, as fresh values: the parsing is done once, not once per item.
 */
function compileReader(raw: unknown): ColumnReader {
	if (typeof raw === 'string') {
		if (!raw.startsWith('=')) return () => raw;
		const path = columnPath(raw);
		if (!path) return () => UNRESOLVED;
		if (path.length === 1) {
			const [key] = path;
			return (json) => (json !== null && typeof json === 'object' && hasOwn.call(json, key) ? plainValue(json[key]) : UNRESOLVED);
		}
		return (json) => columnValue(json, path);
	}
	if (raw === null || typeof raw !== 'object') return () => raw;
	const isArray = Array.isArray(raw);
	const entries = Object.entries(raw).map(([key, value]) => [key, compileReader(value)] as const);
	return (json) => {
		const copy: IDataObject | unknown[] = isArray ? [] : {};
		for (const [key, read] of entries) {
			const value = read(json);
			if (value === UNRESOLVED) return UNRESOLVED;
			(copy as IDataObject)[key] = value as IDataObject[string];
		}
		return copy;
	};
}

/** Lodash-style path read ("options.reason", "updateFields") on the node's parameters. */
function rawParameter(parameters: INodeParameters, name: string): unknown {
	let value: unknown = parameters;
	for (const key of name.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** How a raw value is read: from the item by a reader, or always by n8n (UNRESOLVED). */
function readerFor(raw: unknown, extractValue: boolean): ColumnReader {
	const locator = raw !== null && typeof raw === 'object' && (raw as IDataObject).__rl === true;
	if (locator && !PLAIN_LOCATOR_MODES.has(String((raw as IDataObject).mode))) return () => UNRESOLVED;
	// n8n extracts the value of anything shaped like a locator: leave any other object to it.
	if (extractValue && !locator && raw !== null && typeof raw === 'object') return () => UNRESOLVED;
	const read = compileReader(raw);
	if (!(locator && extractValue)) return read;
	return (json) => {
		const resolved = read(json);
		return resolved === UNRESOLVED ? UNRESOLVED : (resolved as IDataObject).value;
	};
}

/** Whether options ask for more than extractValue (left to n8n). */
function hasOtherOptions(options: IGetNodeParameterOptions | undefined): boolean {
	if (!options) return false;
	for (const key in options) if (key !== 'extractValue') return true;
	return false;
}

/**
 * An item's value of a parameter, as `getNodeParameter` gives it. Where the parameter (or every
 * expression inside a collection) only names a column of the input item, the value is read from
 * the item directly: n8n's expression engine costs about 0.1 ms per evaluation, the most of a
 * 10,000-row sync's time before its first request. Anything else, including a column that is
 * missing, empty or not a plain value, goes through n8n as usual, so its errors are n8n's own.
 */
export function itemParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
): NodeParameterValueType | object {
	if (hasOtherOptions(options)) return context.getNodeParameter(name, itemIndex, fallback, options);
	const state = stateOf(context);
	const extractValue = options?.extractValue === true;
	const key = extractValue ? `${name}\u0000extract` : name;
	let read = state.readers.get(key);
	if (read === undefined) {
		const raw = rawParameter(state.parameters, name);
		read = raw === undefined || raw === null ? null : readerFor(raw, extractValue);
		state.readers.set(key, read);
	}
	// An absent parameter reads as the caller's fallback, which may differ between calls.
	if (read === null) read = fallback === undefined ? () => UNRESOLVED : readerFor(fallback, extractValue);
	const resolved = read(state.items[itemIndex]?.json);
	if (resolved === UNRESOLVED) return context.getNodeParameter(name, itemIndex, fallback, options);
	return resolved as NodeParameterValueType | object;
}
