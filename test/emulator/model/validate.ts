// Field validation for JSON bodies: a small spec per resource instead of a schema library.

export type FieldKind =
	| 'string'
	| 'number'
	| 'nullableNumber'
	| 'int'
	| 'bool'
	| 'intArray'
	| 'stringArray'
	| 'object'
	| 'array'
	| { enum: readonly string[] };

export type FieldSpec = Record<string, FieldKind>;

function check(kind: FieldKind, v: unknown): string | null {
	if (typeof kind === 'object') {
		return typeof v === 'string' && kind.enum.includes(v) ? null : `must be one of: ${kind.enum.join(', ')}`;
	}
	switch (kind) {
		case 'string':
			return typeof v === 'string' ? null : 'must be a string';
		case 'number':
			return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
		case 'nullableNumber':
			return v === null || (typeof v === 'number' && Number.isFinite(v)) ? null : 'must be a number or null';
		case 'int':
			return Number.isInteger(v) ? null : 'must be an integer';
		case 'bool':
			return typeof v === 'boolean' ? null : 'must be a boolean';
		case 'intArray':
			return Array.isArray(v) && v.every((x) => Number.isInteger(x)) ? null : 'must be an array of integers';
		case 'stringArray':
			return Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'must be an array of strings';
		case 'object':
			return typeof v === 'object' && v !== null && !Array.isArray(v) ? null : 'must be an object';
		case 'array':
			return Array.isArray(v) ? null : 'must be an array';
	}
	return null;
}

/** Type errors for the known fields present in `input`, keyed `${prefix}${field}`. Unknown fields are ignored. */
export function validateFields(
	input: Record<string, unknown>,
	spec: FieldSpec,
	prefix = '',
	errors: Record<string, string> = {},
): Record<string, string> {
	for (const [field, kind] of Object.entries(spec)) {
		if (!(field in input) || input[field] === undefined) continue;
		const problem = check(kind, input[field]);
		if (problem) errors[`${prefix}${field}`] = `${field} ${problem}`;
	}
	return errors;
}

export function requireFields(
	input: Record<string, unknown>,
	fields: string[],
	prefix = '',
	errors: Record<string, string> = {},
): Record<string, string> {
	for (const f of fields) {
		const v = input[f];
		if (v === undefined || v === null || v === '') errors[`${prefix}${f}`] = `${f} is required`;
	}
	return errors;
}

/** Copies the known fields of `input` onto `target`. */
export function assignFields(target: object, input: Record<string, unknown>, spec: FieldSpec): void {
	const t = target as Record<string, unknown>;
	for (const field of Object.keys(spec)) {
		if (field in input && input[field] !== undefined) {
			const v = input[field];
			t[field] = Array.isArray(v) ? [...v] : v;
		}
	}
}
