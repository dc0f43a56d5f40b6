// Product metafields: the little of them that the live-store check (test/live/) reads and
// writes, so it runs against the emulator too. Price lists are in ./priceLists.ts.

import { NO_CONTENT, isObject, isoDate, parseId, v3Data, v3Error, type Ctx } from '../http';
import { fromArray, v3List } from '../pagination';
import type { Router } from '../router';
import type { Product } from '../types';

interface Metafield {
	id: number;
	namespace: string;
	key: string;
	value: string;
	permission_set: string;
	description: string;
	date_created: string;
	date_modified: string;
}

const PERMISSION_SETS = ['app_only', 'read', 'write', 'read_and_sf_access', 'write_and_sf_access'];

// Held beside the product record, so deleting the product (or resetting the store) drops them.
const byProduct = new WeakMap<Product, Metafield[]>();
let nextId = 1;

function productOr404(ctx: Ctx): Product {
	const id = parseId(ctx.params.id);
	const product = id === null ? undefined : ctx.core.state.products.get(id);
	if (!product) throw v3Error(404, `Product with id ${ctx.params.id} not found.`);
	return product;
}

function metafieldsOf(product: Product): Metafield[] {
	let list = byProduct.get(product);
	if (!list) byProduct.set(product, (list = []));
	return list;
}

function serialize(product: Product, m: Metafield): Record<string, unknown> {
	return { ...m, resource_type: 'product', resource_id: product.id, owner_client_id: '' };
}

function text(input: Record<string, unknown>, field: string, max: number, errors: Record<string, string>): string {
	const value = input[field];
	if (typeof value !== 'string' || value === '' || value.length > max) errors[field] = `${field} must be a string of 1 to ${max} characters`;
	return String(value ?? '');
}

export function registerMetafieldsAndPriceLists(router: Router): void {
	router
		.get('/v3/catalog/products/:id/metafields', (ctx) => {
			const product = productOr404(ctx);
			const q = ctx.query;
			const items = metafieldsOf(product).filter(
				(m) => (q.key === undefined || m.key === q.key) && (q.namespace === undefined || m.namespace === q.namespace),
			);
			return v3List(fromArray(items), q, (m) => serialize(product, m));
		})
		.post('/v3/catalog/products/:id/metafields', (ctx) => {
			const product = productOr404(ctx);
			const input = isObject(ctx.body) ? ctx.body : {};
			const errors: Record<string, string> = {};
			const namespace = text(input, 'namespace', 64, errors);
			const key = text(input, 'key', 64, errors);
			const value = text(input, 'value', 65535, errors);
			const permissionSet = String(input.permission_set ?? '');
			if (!PERMISSION_SETS.includes(permissionSet)) errors.permission_set = `permission_set must be one of ${PERMISSION_SETS.join(', ')}`;
			if (Object.keys(errors).length) throw v3Error(422, 'JSON data is missing or invalid', errors);
			const list = metafieldsOf(product);
			if (list.some((m) => m.namespace === namespace && m.key === key)) {
				throw v3Error(409, `A metafield with namespace ${namespace} and key ${key} already exists on this product.`);
			}
			const now = isoDate(Date.now());
			const metafield: Metafield = {
				id: nextId++,
				namespace,
				key,
				value,
				permission_set: permissionSet,
				description: typeof input.description === 'string' ? input.description : '',
				date_created: now,
				date_modified: now,
			};
			list.push(metafield);
			return v3Data(serialize(product, metafield));
		})
		.delete('/v3/catalog/products/:id/metafields/:metafieldId', (ctx) => {
			const product = productOr404(ctx);
			const list = metafieldsOf(product);
			const index = list.findIndex((m) => String(m.id) === ctx.params.metafieldId);
			if (index < 0) throw v3Error(404, `Metafield with id ${ctx.params.metafieldId} not found.`);
			list.splice(index, 1);
			return NO_CONTENT;
		});
}
