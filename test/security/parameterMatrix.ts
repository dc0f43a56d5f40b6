// Reads the action node's own description and lists every ID, number, date and JSON parameter of
// every operation (top-level or inside a collection), with the parameters that operation needs
// besides, so that a new operation or field is covered without touching the tests.

import type { INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

export type ParameterKind = 'id' | 'number' | 'date' | 'json';

export interface MatrixCase {
	resource: string;
	operation: string;
	/** ['productId'] or ['updateFields', 'price'] */
	path: string[];
	property: INodeProperties;
	kind: ParameterKind;
	required: boolean;
	/** e.g. 'product.update updateFields.price (number)' */
	label: string;
	/** Words the error message may use to name the parameter. */
	names: string[];
}

// Parameters that look like IDs but hold text by BigCommerce's API.
const FREE_TEXT: Record<string, string> = {
	external_id: "an order's ID in another system: free text for BigCommerce",
};

const COLLECTIONS = new Set(['collection']);

function shows(property: INodeProperties, key: string, value: string): boolean {
	const allowed = property.displayOptions?.show?.[key];
	return allowed === undefined || (allowed as unknown[]).includes(value);
}

function isVisibleFor(property: INodeProperties, resource: string, operation: string): boolean {
	return shows(property, 'resource', resource) && shows(property, 'operation', operation);
}

/** Conditions besides resource and operation, e.g. identifyBy: ['productId'], returnAll: [false]. */
function extraConditions(property: INodeProperties): Array<[string, unknown[]]> {
	return Object.entries(property.displayOptions?.show ?? {})
		.filter(([key]) => key !== 'resource' && key !== 'operation' && !key.startsWith('@'))
		.map(([key, values]) => [key, values as unknown[]]);
}

export function kindOf(property: INodeProperties): ParameterKind | undefined {
	if (FREE_TEXT[property.name]) return undefined;
	switch (property.type) {
		case 'resourceLocator':
			return 'id';
		case 'number':
			return 'number';
		case 'dateTime':
			return 'date';
		case 'json':
			return 'json';
		case 'options':
		case 'multiOptions':
			// Choices loaded from the store are IDs; an expression can put anything there.
			return property.typeOptions?.loadOptionsMethod ? 'id' : undefined;
		case 'string':
			return /\bIDs?$/.test(property.displayName) || /(^ids|Ids?|_ids?)$/.test(property.name) ? 'id' : undefined;
		default:
			return undefined;
	}
}

function humanize(name: string): string {
	const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
	return (spaced.charAt(0).toUpperCase() + spaced.slice(1)).replace(/\bIds?\b/g, (m) => m.toUpperCase());
}

function namesOf(property: INodeProperties): string[] {
	const display = property.displayName;
	const bare = display.replace(/ Names? or IDs?$/, '').replace(/ \(JSON\)$/, '');
	const names = [display, bare, humanize(property.name)];
	if (property.type === 'resourceLocator') names.push(`${display} ID`);
	for (const name of [...names]) if (/s$/.test(name)) names.push(name.replace(/s$/, ''));
	return [...new Set(names)];
}

/** Every resource and operation value the node offers. */
export function operationsOf(properties: INodeProperties[]): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) pairs.push([resource, String(option.value)]);
		}
	}
	return pairs;
}

export function parameterMatrix(properties: INodeProperties[]): MatrixCase[] {
	const cases: MatrixCase[] = [];
	for (const [resource, operation] of operationsOf(properties)) {
		for (const property of properties) {
			if (property.name === 'operation' || property.name === 'resource') continue;
			if (!isVisibleFor(property, resource, operation)) continue;
			const add = (target: INodeProperties, path: string[], required: boolean) => {
				const kind = kindOf(target);
				if (!kind) return;
				cases.push({
					resource,
					operation,
					path,
					property: target,
					kind,
					required,
					label: `${resource}.${operation} ${path.join('.')} (${kind})`,
					names: namesOf(target),
				});
			};
			add(property, [property.name], property.required === true);
			if (COLLECTIONS.has(property.type)) {
				for (const option of (property.options ?? []) as Array<INodeProperties | INodePropertyCollection>) {
					if ('type' in option) add(option, [property.name, option.name], false);
				}
			}
		}
	}
	return cases;
}

/** A value the operation accepts for a parameter the case does not test. */
function validValue(property: INodeProperties): unknown {
	switch (property.type) {
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: '1' };
		case 'string':
			if (/e-?mail/i.test(property.name)) return 'garbage.check@example.com';
			return kindOf(property) === 'id' ? '1' : 'Garbage Check';
		case 'number':
			return 1;
		case 'fixedCollection': {
			const group = (property.options ?? [])[0] as INodePropertyCollection | undefined;
			if (!group) return {};
			const entry = Object.fromEntries(group.values.map((value) => [value.name, value.type === 'number' ? 1 : 'Garbage']));
			return { [group.name]: property.typeOptions?.multipleValues ? [entry] : entry };
		}
		default:
			return property.default;
	}
}

/** The parameters of the case's operation with `value` in the tested parameter. */
export function parametersFor(properties: INodeProperties[], testCase: MatrixCase, value: unknown): INodeParameters {
	const { resource, operation, path } = testCase;
	const parameters: INodeParameters = { resource, operation };
	const topLevel = properties.find((p) => p.name === path[0] && isVisibleFor(p, resource, operation))!;
	for (const [key, values] of [...extraConditions(topLevel), ...(path.length > 1 ? extraConditions(testCase.property) : [])]) {
		parameters[key] = values[0] as never;
	}

	const met = (property: INodeProperties) =>
		extraConditions(property).every(([key, values]) => {
			const current = key in parameters ? parameters[key] : properties.find((p) => p.name === key && isVisibleFor(p, resource, operation))?.default;
			return values.includes(current);
		});
	for (const property of properties) {
		if (property.name === path[0] || !isVisibleFor(property, resource, operation)) continue;
		if (property.name === 'operation' || property.name === 'resource') continue;
		if (property.required && met(property)) parameters[property.name] = validValue(property) as never;
	}
	// An update needs something to update: one harmless text field, unless the case is one.
	const updateFields = properties.find((p) => p.name === 'updateFields' && isVisibleFor(p, resource, operation));
	if (updateFields && path[0] !== 'updateFields') {
		const text = ((updateFields.options ?? []) as INodeProperties[]).find(
			(o) => o.type === 'string' && !kindOf(o) && !/e-?mail|password|sku|name/i.test(o.name),
		);
		if (text) parameters.updateFields = { [text.name]: 'Garbage Check' };
	}

	if (path.length === 1) {
		parameters[path[0]] = value as never;
	} else {
		parameters[path[0]] = { ...((parameters[path[0]] as INodeParameters | undefined) ?? {}), [path[1]]: value } as never;
	}
	return parameters;
}

/** The expression that hands the garbage to the parameter, as data from a previous node would. */
export function expressionFor(testCase: MatrixCase, mode: 'id' | 'list' = 'id'): unknown {
	const expression = '={{ $json.value }}';
	return testCase.property.type === 'resourceLocator' ? { __rl: true, mode, value: expression } : expression;
}

/** Resource locators also take a value in their list mode (an expression can put anything there). */
export function modesFor(testCase: MatrixCase): Array<'id' | 'list'> {
	return testCase.property.type === 'resourceLocator' ? ['id', 'list'] : ['id'];
}

const PATH_AND_QUERY = ['1/../../hooks', '1?limit=999'];

/** Garbage for each kind of parameter: text, negatives, huge numbers, paths, queries, unicode, empty. */
export function garbageFor(testCase: MatrixCase): unknown[] {
	const { kind, property, required } = testCase;
	const empty = required ? [''] : [];
	const minValue = property.typeOptions?.minValue;
	switch (kind) {
		case 'id':
			return ['abc', -5, 1e20, '99999999999999999999', ...PATH_AND_QUERY, '１２３', '١٢٣', '🙂', '12abc', '1.5', ...empty];
		case 'number':
			return [
				'abc',
				'12abc',
				1e20,
				...(typeof minValue === 'number' ? [minValue - 5] : []),
				...PATH_AND_QUERY,
				'١٢',
				'🙂',
				...empty,
			];
		case 'date':
			return ['not a date', '2026-13-45', '2026-02-30', '2026-01-31T25:61:00', '-1', 1e20, ...PATH_AND_QUERY, '2026-01-31/../../hooks', '2026-01-31?limit=999', '２０２６-０１-３１', '🙂', ...empty];
		case 'json':
			return ['{not json', '[1,', 'null', '42', '"text"', 'true', ...PATH_AND_QUERY, '🙂', ...empty];
	}
}
