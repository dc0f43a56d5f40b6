// Runs a parsed GraphQL operation against the store's state: a tiny schema per endpoint
// (field names from BigCommerce's Storefront SDL), Relay connections with base64 cursors,
// errors in the { message, locations, path, extensions } shape, and a complexity score that
// BigCommerce caps at 10,000.

import type { StoreState } from '../state';
import { GraphqlSyntaxError, parseDocument, type Field, type Value } from './parse';

export const MAX_COMPLEXITY = 10_000;
const DEFAULT_FIRST = 10;

export interface GraphqlError {
	message: string;
	locations?: Array<{ line: number; column: number }>;
	path?: Array<string | number>;
	extensions?: Record<string, unknown>;
}

export interface GraphqlResult {
	body: { data?: Record<string, unknown> | null; errors?: GraphqlError[] };
	complexity: number;
}

export interface ExecContext {
	state: StoreState;
	currency: string;
}

type Args = Record<string, unknown>;

interface FieldDef {
	/** A scalar's type name, or an object type of the schema. */
	type: string;
	/** A Relay connection of `type` (edges { node cursor } pageInfo). */
	connection?: boolean;
	args?: string[];
	resolve: (parent: Record<string, unknown>, args: Args, ctx: ExecContext) => unknown;
}

type Schema = Record<string, Record<string, FieldDef>>;

const SCALARS = new Set(['Int', 'String', 'Boolean', 'ID', 'BigDecimal']);
const CONNECTION_ARGS = ['first', 'after', 'before', 'last'];

const own = (key: string): FieldDef['resolve'] => (parent) => parent[key];

function money(value: number, currency: string): Record<string, unknown> | null {
	return { value, currencyCode: currency };
}

function productView(state: StoreState, id: number): Record<string, unknown> | undefined {
	const product = state.products.get(id);
	return product && product.is_visible ? { ...product } : undefined;
}

const storefront: Schema = {
	Query: { site: { type: 'Site', resolve: () => ({}) } },
	Site: {
		products: {
			type: 'Product',
			connection: true,
			args: [...CONNECTION_ARGS, 'entityIds', 'hideOutOfStock'],
			resolve: (_parent, args, ctx) => {
				const ids = Array.isArray(args.entityIds) && args.entityIds.length ? (args.entityIds as number[]) : undefined;
				const out: Record<string, unknown>[] = [];
				for (const product of ctx.state.products.values()) {
					if (!product.is_visible || (ids && !ids.includes(product.id))) continue;
					out.push({ ...product });
				}
				return out;
			},
		},
		brands: {
			type: 'Brand',
			connection: true,
			args: [...CONNECTION_ARGS, 'entityIds'],
			resolve: (_parent, _args, ctx) => [...ctx.state.brands.values()].map((brand) => ({ ...brand })),
		},
	},
	Product: {
		id: { type: 'ID', resolve: (p) => Buffer.from(`Product:${p.id}`).toString('base64') },
		entityId: { type: 'Int', resolve: own('id') },
		name: { type: 'String', resolve: own('name') },
		sku: { type: 'String', resolve: own('sku') },
		path: { type: 'String', resolve: (p) => (p.custom_url as { url: string } | undefined)?.url ?? '' },
		plainTextDescription: { type: 'String', args: ['characterLimit'], resolve: (p) => String(p.description ?? '').replace(/<[^>]*>/g, '') },
		brand: {
			type: 'Brand',
			resolve: (p, _args, ctx) => {
				const brand = ctx.state.brands.get(Number(p.brand_id));
				return brand ? { ...brand } : null;
			},
		},
		prices: {
			type: 'Prices',
			args: ['includeTax', 'currencyCode'],
			resolve: (p, _args, ctx) => {
				const sale = Number(p.sale_price);
				const retail = Number(p.retail_price);
				return {
					price: money(sale > 0 ? sale : Number(p.price), ctx.currency),
					basePrice: money(Number(p.price), ctx.currency),
					salePrice: sale > 0 ? money(sale, ctx.currency) : null,
					retailPrice: retail > 0 ? money(retail, ctx.currency) : null,
				};
			},
		},
	},
	Brand: {
		id: { type: 'ID', resolve: (b) => Buffer.from(`Brand:${b.id}`).toString('base64') },
		entityId: { type: 'Int', resolve: own('id') },
		name: { type: 'String', resolve: own('name') },
		path: { type: 'String', resolve: (b) => String(b.url ?? '') },
		products: {
			type: 'Product',
			connection: true,
			args: [...CONNECTION_ARGS, 'hideOutOfStock'],
			resolve: (b, _args, ctx) => {
				const out: Record<string, unknown>[] = [];
				for (const product of ctx.state.products.values()) {
					if (product.brand_id === b.id) out.push(productView(ctx.state, product.id)!);
				}
				return out.filter(Boolean);
			},
		},
	},
	Prices: {
		price: { type: 'Money', resolve: own('price') },
		basePrice: { type: 'Money', resolve: own('basePrice') },
		salePrice: { type: 'Money', resolve: own('salePrice') },
		retailPrice: { type: 'Money', resolve: own('retailPrice') },
	},
	Money: {
		value: { type: 'BigDecimal', resolve: own('value') },
		currencyCode: { type: 'String', resolve: own('currencyCode') },
	},
};

const admin: Schema = {
	Query: { store: { type: 'Store', resolve: () => ({}) } },
	Store: {
		locations: {
			type: 'Location',
			connection: true,
			args: CONNECTION_ARGS,
			resolve: (_parent, _args, ctx) => [...ctx.state.locations.values()].map((location) => ({ ...location })),
		},
	},
	Location: {
		id: { type: 'ID', resolve: (l) => Buffer.from(`Location:${l.id}`).toString('base64') },
		entityId: { type: 'Int', resolve: own('id') },
		code: { type: 'String', resolve: own('code') },
		label: { type: 'String', resolve: own('label') },
		description: { type: 'String', resolve: own('description') },
		typeId: { type: 'String', resolve: own('type_id') },
		enabled: { type: 'Boolean', resolve: own('enabled') },
	},
};

export const SCHEMAS = { storefront, admin };

// The Relay wrapper types every connection shares.
const CONNECTION_FIELDS = ['pageInfo', 'edges'];
const EDGE_FIELDS = ['node', 'cursor'];
const PAGE_INFO_FIELDS = ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'];

const cursorOf = (index: number) => Buffer.from(`arrayconnection:${index}`).toString('base64');

function offsetAfter(cursor: unknown): number | undefined {
	if (cursor === undefined || cursor === null) return 0;
	const match = /^arrayconnection:(\d+)$/.exec(Buffer.from(String(cursor), 'base64').toString('utf8'));
	return match ? Number(match[1]) + 1 : undefined;
}

class QueryError extends Error {
	constructor(readonly error: GraphqlError) {
		super(error.message);
	}
}

function argValues(field: Field, variables: Args): Args {
	const read = (value: Value): unknown =>
		value.kind === 'literal' ? value.value : value.kind === 'variable' ? variables[value.name] : value.values.map(read);
	return Object.fromEntries(Object.entries(field.args).map(([name, value]) => [name, read(value)]));
}

/** Checks every field against the schema before anything runs, and scores the query's complexity. */
function validate(schema: Schema, typeName: string, fields: Field[], path: string[], variables: Args): number {
	let cost = 0;
	for (const field of fields) {
		const here = [...path, field.alias];
		const where = { locations: [field.location], path: here };
		const fail = (message: string, code: string): never => {
			throw new QueryError({ message, ...where, extensions: { code, typeName, fieldName: field.name } });
		};
		if (field.name === '__typename') {
			cost += 1;
			continue;
		}
		const def = schema[typeName]?.[field.name];
		if (!def) fail(`Field '${field.name}' doesn't exist on type '${typeName}'`, 'undefinedField');
		for (const arg of Object.keys(field.args)) {
			if (!def!.args?.includes(arg)) fail(`Field '${field.name}' doesn't accept argument '${arg}'`, 'argumentNotAccepted');
		}
		if (def!.connection) {
			if (!field.selections) fail(`Field must have selections (field '${field.name}' returns ${def!.type}Connection but has no selections.)`, 'selectionMismatch');
			const args = argValues(field, variables);
			const first = args.first === undefined || args.first === null ? DEFAULT_FIRST : Number(args.first);
			let inner = 0;
			for (const part of field.selections!) {
				const partPath = [...here, part.alias];
				if (part.name === 'pageInfo') {
					for (const info of part.selections ?? []) {
						if (!PAGE_INFO_FIELDS.includes(info.name)) {
							throw new QueryError({ message: `Field '${info.name}' doesn't exist on type 'PageInfo'`, locations: [info.location], path: [...partPath, info.alias], extensions: { code: 'undefinedField', typeName: 'PageInfo', fieldName: info.name } });
						}
					}
					inner += 1;
				} else if (part.name === 'edges') {
					for (const edge of part.selections ?? []) {
						if (!EDGE_FIELDS.includes(edge.name)) {
							throw new QueryError({ message: `Field '${edge.name}' doesn't exist on type '${def!.type}Edge'`, locations: [edge.location], path: [...partPath, edge.alias], extensions: { code: 'undefinedField', typeName: `${def!.type}Edge`, fieldName: edge.name } });
						}
						inner += edge.name === 'node' ? 1 + validate(schema, def!.type, edge.selections ?? [], [...partPath, edge.alias], variables) : 1;
					}
				} else if (!CONNECTION_FIELDS.includes(part.name)) {
					throw new QueryError({ message: `Field '${part.name}' doesn't exist on type '${def!.type}Connection'`, locations: [part.location], path: partPath, extensions: { code: 'undefinedField', typeName: `${def!.type}Connection`, fieldName: part.name } });
				}
			}
			cost += 1 + Math.max(1, first) * inner;
		} else if (SCALARS.has(def!.type)) {
			if (field.selections) fail(`Selections can't be made on scalars (field '${field.name}' returns ${def!.type} but has selections)`, 'selectionMismatch');
			cost += 1;
		} else {
			if (!field.selections) fail(`Field must have selections (field '${field.name}' returns ${def!.type} but has no selections.)`, 'selectionMismatch');
			cost += 1 + validate(schema, def!.type, field.selections!, here, variables);
		}
	}
	return cost;
}

function resolveFields(
	schema: Schema,
	typeName: string,
	parent: Record<string, unknown>,
	fields: Field[],
	variables: Args,
	ctx: ExecContext,
	path: Array<string | number>,
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const field of fields) {
		if (field.name === '__typename') {
			out[field.alias] = typeName;
			continue;
		}
		const def = schema[typeName][field.name];
		const args = argValues(field, variables);
		const value = def.resolve(parent, args, ctx);
		const here = [...path, field.alias];
		if (def.connection) out[field.alias] = connection(schema, def.type, value as Record<string, unknown>[], field, args, variables, ctx, here);
		else if (value === null || value === undefined || SCALARS.has(def.type)) out[field.alias] = value ?? null;
		else out[field.alias] = resolveFields(schema, def.type, value as Record<string, unknown>, field.selections!, variables, ctx, here);
	}
	return out;
}

function connection(
	schema: Schema,
	typeName: string,
	all: Record<string, unknown>[],
	field: Field,
	args: Args,
	variables: Args,
	ctx: ExecContext,
	path: Array<string | number>,
): Record<string, unknown> {
	const start = offsetAfter(args.after);
	if (start === undefined) {
		throw new QueryError({ message: `Invalid cursor for 'after': ${String(args.after).slice(0, 40)}`, locations: [field.location], path });
	}
	const first = args.first === undefined || args.first === null ? DEFAULT_FIRST : Number(args.first);
	if (!Number.isInteger(first) || first < 0) {
		throw new QueryError({ message: `Argument 'first' on Field '${field.name}' has an invalid value (${String(args.first)})`, locations: [field.location], path });
	}
	const page = all.slice(start, start + first);
	const out: Record<string, unknown> = {};
	for (const part of field.selections!) {
		if (part.name === 'pageInfo') {
			const info: Record<string, unknown> = {
				hasNextPage: start + page.length < all.length,
				hasPreviousPage: start > 0,
				startCursor: page.length ? cursorOf(start) : null,
				endCursor: page.length ? cursorOf(start + page.length - 1) : null,
			};
			out[part.alias] = Object.fromEntries((part.selections ?? []).map((f) => [f.alias, info[f.name]]));
		} else {
			out[part.alias] = page.map((record, i) => {
				const edge: Record<string, unknown> = {};
				for (const e of part.selections ?? []) {
					edge[e.alias] = e.name === 'cursor' ? cursorOf(start + i) : resolveFields(schema, typeName, record, e.selections ?? [], variables, ctx, [...path, part.alias, i, e.alias]);
				}
				return edge;
			});
		}
	}
	return out;
}

/** Parses, validates and runs one request body ({ query, variables }) against a schema. */
export function runGraphql(schema: Schema, request: unknown, ctx: ExecContext): GraphqlResult {
	const body = (request ?? {}) as { query?: unknown; variables?: unknown };
	if (typeof body.query !== 'string' || body.query.trim() === '') {
		return { body: { errors: [{ message: 'No query string was present' }] }, complexity: 0 };
	}
	let complexity = 0;
	try {
		const operation = parseDocument(body.query);
		if (operation.kind === 'mutation') {
			return { body: { errors: [{ message: 'Mutations are not supported by this store emulator' }] }, complexity: 0 };
		}
		const given = body.variables && typeof body.variables === 'object' && !Array.isArray(body.variables) ? (body.variables as Args) : {};
		const variables = { ...operation.variableDefaults, ...given };
		complexity = validate(schema, 'Query', operation.selections, ['query'], variables);
		if (complexity > MAX_COMPLEXITY) {
			return {
				body: { errors: [{ message: `Query has complexity of ${complexity}, which exceeds max complexity of ${MAX_COMPLEXITY}` }] },
				complexity,
			};
		}
		return { body: { data: resolveFields(schema, 'Query', {}, operation.selections, variables, ctx, []) }, complexity };
	} catch (error) {
		if (error instanceof GraphqlSyntaxError) {
			return { body: { errors: [{ message: error.message, locations: [error.location] }] }, complexity };
		}
		if (error instanceof QueryError) return { body: { errors: [error.error] }, complexity };
		throw error;
	}
}
