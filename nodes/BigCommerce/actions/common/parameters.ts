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

interface ReadState {
	parameters: INodeParameters;
	items: INodeExecutionData[];
	/** Parsed column paths by expression text (undefined: not a column expression). */
	paths: Map<string, string[] | undefined>;
	/** Raw values by parameter name. */
	raws: Map<string, unknown>;
}

const states = new WeakMap<IExecuteFunctions, ReadState>();

function stateOf(context: IExecuteFunctions): ReadState {
	let state = states.get(context);
	if (!state) {
		// getNode() copies the node on each call: once per run is enough, parameters don't change.
		state = { parameters: context.getNode().parameters, items: context.getInputData(), paths: new Map(), raws: new Map() };
		states.set(context, state);
	}
	return state;
}

function columnPath(state: ReadState, expression: string): string[] | undefined {
	if (state.paths.has(expression)) return state.paths.get(expression);
	const match = COLUMN_EXPRESSION.exec(expression);
	let path: string[] | undefined;
	if (match) {
		path = [];
		for (const step of match[1].matchAll(PATH_STEP)) path.push(step[1] ?? step[2] ?? step[3]);
		if (path.some((key) => SPECIAL_KEYS.has(key))) path = undefined;
	}
	state.paths.set(expression, path);
	return path;
}

/** The item's value at the column path, when it is a plain string, number or boolean. */
function columnValue(json: IDataObject | undefined, path: string[]): string | number | boolean | typeof UNRESOLVED {
	let value: unknown = json;
	for (const key of path) {
		if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) {
			return UNRESOLVED;
		}
		value = (value as IDataObject)[key];
	}
	return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
		? value
		: UNRESOLVED;
}

/** The raw parameter with its column expressions read from the item, as fresh values. */
function resolveColumns(state: ReadState, raw: unknown, json: IDataObject | undefined): unknown {
	if (typeof raw === 'string') {
		if (!raw.startsWith('=')) return raw;
		const path = columnPath(state, raw);
		return path ? columnValue(json, path) : UNRESOLVED;
	}
	if (raw === null || typeof raw !== 'object') return raw;
	const copy: IDataObject | unknown[] = Array.isArray(raw) ? [] : {};
	for (const [key, value] of Object.entries(raw)) {
		const resolved = resolveColumns(state, value, json);
		if (resolved === UNRESOLVED) return UNRESOLVED;
		(copy as IDataObject)[key] = resolved as IDataObject[string];
	}
	return copy;
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
	const viaN8n = () => context.getNodeParameter(name, itemIndex, fallback, options);
	const otherOptions = options && Object.keys(options).some((key) => key !== 'extractValue');
	if (otherOptions) return viaN8n();
	const state = stateOf(context);
	if (!state.raws.has(name)) state.raws.set(name, rawParameter(state.parameters, name));
	const raw = state.raws.get(name) ?? fallback;
	if (raw === undefined) return viaN8n();
	const locator = raw !== null && typeof raw === 'object' && (raw as IDataObject).__rl === true;
	if (locator && !PLAIN_LOCATOR_MODES.has(String((raw as IDataObject).mode))) return viaN8n();
	// n8n extracts the value of anything shaped like a locator: leave any other object to it.
	if (options?.extractValue && !locator && raw !== null && typeof raw === 'object') return viaN8n();
	const resolved = resolveColumns(state, raw, state.items[itemIndex]?.json);
	if (resolved === UNRESOLVED) return viaN8n();
	if (locator && options?.extractValue) return (resolved as IDataObject).value as NodeParameterValueType;
	return resolved as NodeParameterValueType | object;
}
