// A small GraphQL reader for the subset the emulator serves: one operation (query, optionally
// named, with variable definitions), fields with aliases and arguments (numbers, strings,
// booleans, null, enums, lists, variables) and nested selections. Fragments, directives and
// several operations in one document are refused with a GraphQL error, as unsupported.

export interface Location {
	line: number;
	column: number;
}

export type Value =
	| { kind: 'literal'; value: unknown }
	| { kind: 'variable'; name: string }
	| { kind: 'list'; values: Value[] };

export interface Field {
	alias: string;
	name: string;
	args: Record<string, Value>;
	selections: Field[] | null;
	location: Location;
}

export interface Operation {
	kind: 'query' | 'mutation';
	variableDefaults: Record<string, unknown>;
	selections: Field[];
}

export class GraphqlSyntaxError extends Error {
	constructor(message: string, readonly location: Location) {
		super(message);
	}
}

interface Token {
	kind: 'punct' | 'name' | 'number' | 'string' | 'end';
	text: string;
	location: Location;
}

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let line = 1;
	let lineStart = 0;
	let i = 0;
	const at = (): Location => ({ line, column: i - lineStart + 1 });
	while (i < source.length) {
		const c = source[i];
		if (c === '\n') {
			line++;
			i++;
			lineStart = i;
		} else if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\ufeff') i++;
		else if (c === '#') while (i < source.length && source[i] !== '\n') i++;
		else if ('{}()[]:$=!@'.includes(c)) {
			tokens.push({ kind: 'punct', text: c, location: at() });
			i++;
		} else if (source.startsWith('...', i)) {
			throw new GraphqlSyntaxError('Fragments are not supported by this store emulator', at());
		} else if (/[A-Za-z_]/.test(c)) {
			const start = i;
			const location = at();
			while (i < source.length && /[A-Za-z0-9_]/.test(source[i])) i++;
			tokens.push({ kind: 'name', text: source.slice(start, i), location });
		} else if (/[-0-9]/.test(c)) {
			const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
			if (!match) throw new GraphqlSyntaxError(`Parse error on "${c}"`, at());
			tokens.push({ kind: 'number', text: match[0], location: at() });
			i += match[0].length;
		} else if (c === '"') {
			const location = at();
			let text = '';
			i++;
			while (i < source.length && source[i] !== '"') {
				if (source[i] === '\n') throw new GraphqlSyntaxError('Unterminated string', location);
				if (source[i] === '\\') {
					i++;
					const escaped = source[i];
					text += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
				} else text += source[i];
				i++;
			}
			if (i >= source.length) throw new GraphqlSyntaxError('Unterminated string', location);
			i++;
			tokens.push({ kind: 'string', text, location });
		} else throw new GraphqlSyntaxError(`Parse error on "${c}"`, at());
	}
	tokens.push({ kind: 'end', text: '', location: at() });
	return tokens;
}

export function parseDocument(source: string): Operation {
	const tokens = tokenize(source);
	let pos = 0;
	const peek = () => tokens[pos];
	const next = () => tokens[pos++];
	const fail = (token: Token): never => {
		throw new GraphqlSyntaxError(
			`Parse error on ${token.kind === 'end' ? 'end of document' : `"${token.text}"`} (${token.kind === 'end' ? 'EOF' : token.kind.toUpperCase()})`,
			token.location,
		);
	};
	const expect = (text: string) => {
		const token = next();
		if (token.kind !== 'punct' || token.text !== text) fail(token);
	};
	const isPunct = (text: string) => peek().kind === 'punct' && peek().text === text;
	const name = () => {
		const token = next();
		if (token.kind !== 'name') fail(token);
		return token.text;
	};

	const value = (constant: boolean): Value => {
		const token = peek();
		if (isPunct('$') && !constant) {
			next();
			return { kind: 'variable', name: name() };
		}
		if (isPunct('[')) {
			next();
			const values: Value[] = [];
			while (!isPunct(']')) {
				if (peek().kind === 'end') fail(peek());
				values.push(value(constant));
			}
			next();
			return { kind: 'list', values };
		}
		next();
		if (token.kind === 'number') return { kind: 'literal', value: Number(token.text) };
		if (token.kind === 'string') return { kind: 'literal', value: token.text };
		if (token.kind === 'name') {
			if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true' };
			if (token.text === 'null') return { kind: 'literal', value: null };
			return { kind: 'literal', value: token.text };
		}
		return fail(token);
	};

	const selectionSet = (): Field[] => {
		expect('{');
		const fields: Field[] = [];
		while (!isPunct('}')) {
			const token = peek();
			if (token.kind !== 'name') fail(token);
			let alias = name();
			let fieldName = alias;
			if (isPunct(':')) {
				next();
				fieldName = name();
			}
			const args: Record<string, Value> = {};
			if (isPunct('(')) {
				next();
				while (!isPunct(')')) {
					const argName = name();
					expect(':');
					args[argName] = value(false);
				}
				next();
			}
			if (isPunct('@')) throw new GraphqlSyntaxError('Directives are not supported by this store emulator', peek().location);
			const selections = isPunct('{') ? selectionSet() : null;
			fields.push({ alias, name: fieldName, args, selections, location: token.location });
			alias = '';
		}
		next();
		return fields;
	};

	const typeReference = () => {
		if (isPunct('[')) {
			next();
			typeReference();
			expect(']');
		} else name();
		if (isPunct('!')) next();
	};

	let kind: Operation['kind'] = 'query';
	const variableDefaults: Record<string, unknown> = {};
	if (peek().kind === 'name') {
		const keyword = name();
		if (keyword !== 'query' && keyword !== 'mutation') fail(tokens[pos - 1]);
		kind = keyword as Operation['kind'];
		if (peek().kind === 'name') name();
		if (isPunct('(')) {
			next();
			while (!isPunct(')')) {
				expect('$');
				const variable = name();
				expect(':');
				typeReference();
				if (isPunct('=')) {
					next();
					const fallback = value(true);
					variableDefaults[variable] = fallback.kind === 'literal' ? fallback.value : undefined;
				}
			}
			next();
		}
	}
	const selections = selectionSet();
	if (peek().kind !== 'end') {
		throw new GraphqlSyntaxError('Only one operation per document is supported by this store emulator', peek().location);
	}
	return { kind, variableDefaults, selections };
}
