// Metafields: per owner (/v3/catalog/products/{id}/metafields ...) and in batches
// (/v3/catalog/products/metafields ...) for products, variants, categories, brands, orders,
// customers and channels, as their specs describe them. A batch write saves what it can: a
// record it refuses (a bad field, an unknown owner, a namespace and key the owner already has)
// is listed in `errors` and the answer is 422, with the saved records in `data`.

import { ERROR_TYPE, NO_CONTENT, isObject, parseId, v3Data, v3Error, type Ctx, type Reply } from '../http';
import {
	applyMetafieldUpdate,
	findDuplicate,
	insertMetafield,
	metafieldsOf,
	ownerExists,
	readMetafieldInput,
	removeMetafield,
	serializeMetafield,
	type MetafieldOwnerType,
	type StoredMetafield,
} from '../model/metafields';
import { fromArray, v3List } from '../pagination';
import { strList } from '../query';
import type { Router } from '../router';

interface OwnerRoutes {
	type: MetafieldOwnerType;
	/** The batch endpoint. */
	batch: string;
	/** The owner's own list, with `:id` for the owner. */
	own: string;
	/** The name BigCommerce's messages give the owner. */
	label: string;
}

const OWNERS: OwnerRoutes[] = [
	{ type: 'product', batch: '/v3/catalog/products/metafields', own: '/v3/catalog/products/:id/metafields', label: 'Product' },
	{ type: 'variant', batch: '/v3/catalog/variants/metafields', own: '/v3/catalog/products/:productId/variants/:id/metafields', label: 'Variant' },
	{ type: 'category', batch: '/v3/catalog/categories/metafields', own: '/v3/catalog/categories/:id/metafields', label: 'Category' },
	{ type: 'brand', batch: '/v3/catalog/brands/metafields', own: '/v3/catalog/brands/:id/metafields', label: 'Brand' },
	{ type: 'order', batch: '/v3/orders/metafields', own: '/v3/orders/:id/metafields', label: 'Order' },
	{ type: 'customer', batch: '/v3/customers/metafields', own: '/v3/customers/:id/metafields', label: 'Customer' },
	{ type: 'channel', batch: '/v3/channels/metafields', own: '/v3/channels/:id/metafields', label: 'Channel' },
];

function ownerOr404(ctx: Ctx, owner: OwnerRoutes): number {
	const id = parseId(ctx.params.id);
	const { state } = ctx.core;
	let found = id !== null && ownerExists(state, owner.type, id);
	if (found && owner.type === 'variant') {
		found = state.variants.get(id as number)?.product_id === parseId(ctx.params.productId);
	}
	if (!found) throw v3Error(404, `${owner.label} with id ${ctx.params.id} not found.`);
	return id as number;
}

function metafieldOr404(ctx: Ctx, owner: OwnerRoutes, ownerId: number): StoredMetafield {
	const id = parseId(ctx.params.metafieldId);
	const metafield = id === null ? undefined : ctx.core.state.metafields.get(id);
	if (!metafield || metafield.resource_type !== owner.type || metafield.resource_id !== ownerId) {
		throw v3Error(404, `Metafield with id ${ctx.params.metafieldId} not found.`);
	}
	return metafield;
}

/** The list filters every metafield list takes: key, key:in, namespace, namespace:in, direction. */
function filtered(ctx: Ctx, list: StoredMetafield[]): StoredMetafield[] {
	const q = ctx.query;
	const keys = [...(q.key !== undefined ? [q.key] : []), ...(strList(q, 'key:in') ?? [])];
	const namespaces = [...(q.namespace !== undefined ? [q.namespace] : []), ...(strList(q, 'namespace:in') ?? [])];
	const out = list.filter(
		(m) => (!keys.length || keys.includes(m.key)) && (!namespaces.length || namespaces.includes(m.namespace)),
	);
	if (q.direction !== undefined && q.direction !== 'asc' && q.direction !== 'desc') {
		throw v3Error(422, 'Invalid direction', { direction: 'direction must be asc or desc' });
	}
	return q.direction === 'desc' ? out.reverse() : out;
}

function invalidInput(detail: string): Reply {
	return { status: 400, body: { status: 400, title: 'Input is invalid', type: ERROR_TYPE, detail } };
}

function conflictTitle(owner: OwnerRoutes, ownerId: number, namespace: string, key: string): string {
	return `A metafield with namespace "${namespace}" and key "${key}" already exists on ${owner.label.toLowerCase()} ${ownerId}.`;
}

function recordError(title: string, errors: Record<string, string>): Record<string, unknown> {
	return { status: 422, title, type: ERROR_TYPE, errors };
}

/** A batch write's answer: 200 when every record was written, 422 with what was and was not. */
function batchAnswer(data: unknown[], errors: Record<string, unknown>[]): Reply {
	const meta = { total: data.length + errors.length, success: data.length, failed: errors.length };
	return { status: errors.length ? 422 : 200, body: { data, errors, meta } };
}

function registerOwnRoutes(router: Router, owner: OwnerRoutes): void {
	router
		.get(owner.own, (ctx) => {
			const ownerId = ownerOr404(ctx, owner);
			return v3List(fromArray(filtered(ctx, metafieldsOf(ctx.core.state, owner.type, ownerId))), ctx.query, serializeMetafield);
		})
		.post(owner.own, (ctx) => {
			const ownerId = ownerOr404(ctx, owner);
			const { input, errors } = readMetafieldInput(ctx.body, true);
			if (Object.keys(errors).length) throw v3Error(422, 'JSON data is missing or invalid', errors);
			const { namespace = '', key = '' } = input;
			if (findDuplicate(ctx.core.state, owner.type, ownerId, namespace, key)) {
				throw v3Error(409, conflictTitle(owner, ownerId, namespace, key));
			}
			return v3Data(serializeMetafield(insertMetafield(ctx, owner.type, ownerId, input)));
		})
		.get(`${owner.own}/:metafieldId`, (ctx) => {
			const ownerId = ownerOr404(ctx, owner);
			return v3Data(serializeMetafield(metafieldOr404(ctx, owner, ownerId)));
		})
		.put(`${owner.own}/:metafieldId`, (ctx) => {
			const ownerId = ownerOr404(ctx, owner);
			const metafield = metafieldOr404(ctx, owner, ownerId);
			const { input, errors } = readMetafieldInput(ctx.body, false);
			if (Object.keys(errors).length) throw v3Error(422, 'JSON data is missing or invalid', errors);
			const namespace = input.namespace ?? metafield.namespace;
			const key = input.key ?? metafield.key;
			if (findDuplicate(ctx.core.state, owner.type, ownerId, namespace, key, metafield.id)) {
				throw v3Error(409, conflictTitle(owner, ownerId, namespace, key));
			}
			applyMetafieldUpdate(ctx, metafield, input);
			return v3Data(serializeMetafield(metafield));
		})
		.delete(`${owner.own}/:metafieldId`, (ctx) => {
			const ownerId = ownerOr404(ctx, owner);
			removeMetafield(ctx, metafieldOr404(ctx, owner, ownerId));
			return NO_CONTENT;
		});
}

function registerBatchRoutes(router: Router, owner: OwnerRoutes): void {
	const { type } = owner;
	router
		.get(owner.batch, (ctx) => v3List(fromArray(filtered(ctx, metafieldsOf(ctx.core.state, type))), ctx.query, serializeMetafield))
		.post(owner.batch, (ctx) => {
			if (!Array.isArray(ctx.body) || !ctx.body.length) return invalidInput('The body must be a list of metafields');
			const { state } = ctx.core;
			const saved: unknown[] = [];
			const failed: Record<string, unknown>[] = [];
			for (const raw of ctx.body) {
				const { input, errors } = readMetafieldInput(raw, true);
				const ownerId = isObject(raw) ? Number(raw.resource_id) : NaN;
				if (!Number.isSafeInteger(ownerId) || !ownerExists(state, type, ownerId)) {
					errors.resource_id = `${owner.label} with id ${String(isObject(raw) ? raw.resource_id : '')} not found`;
				}
				if (Object.keys(errors).length) {
					failed.push(recordError('JSON data is missing or invalid', errors));
					continue;
				}
				const { namespace = '', key = '' } = input;
				if (findDuplicate(state, type, ownerId, namespace, key)) {
					failed.push(recordError(conflictTitle(owner, ownerId, namespace, key), { key: 'namespace and key must be unique on their owner' }));
					continue;
				}
				saved.push(serializeMetafield(insertMetafield(ctx, type, ownerId, input)));
			}
			return batchAnswer(saved, failed);
		})
		.put(owner.batch, (ctx) => {
			if (!Array.isArray(ctx.body) || !ctx.body.length) return invalidInput('The body must be a list of metafields');
			const { state } = ctx.core;
			const saved: unknown[] = [];
			const failed: Record<string, unknown>[] = [];
			for (const raw of ctx.body) {
				const { input, errors } = readMetafieldInput(raw, false);
				const id = isObject(raw) ? Number(raw.id) : NaN;
				const metafield = Number.isSafeInteger(id) ? state.metafields.get(id) : undefined;
				if (!metafield || metafield.resource_type !== type || !ownerExists(state, type, metafield.resource_id)) {
					errors.id = `Metafield with id ${String(isObject(raw) ? raw.id : '')} not found`;
				}
				if (Object.keys(errors).length || !metafield) {
					failed.push(recordError('JSON data is missing or invalid', errors));
					continue;
				}
				const namespace = input.namespace ?? metafield.namespace;
				const key = input.key ?? metafield.key;
				if (findDuplicate(state, type, metafield.resource_id, namespace, key, metafield.id)) {
					failed.push(recordError(conflictTitle(owner, metafield.resource_id, namespace, key), { key: 'namespace and key must be unique on their owner' }));
					continue;
				}
				applyMetafieldUpdate(ctx, metafield, input);
				saved.push(serializeMetafield(metafield));
			}
			return batchAnswer(saved, failed);
		})
		.delete(owner.batch, (ctx) => {
			if (!Array.isArray(ctx.body) || !ctx.body.length) return invalidInput('The body must be a list of metafield IDs');
			const { state } = ctx.core;
			const deleted: number[] = [];
			const failed: Record<string, unknown>[] = [];
			for (const raw of ctx.body) {
				const id = Number(raw);
				const metafield = Number.isSafeInteger(id) ? state.metafields.get(id) : undefined;
				if (!metafield || metafield.resource_type !== type || !ownerExists(state, type, metafield.resource_id)) {
					failed.push(recordError(`Metafield with id ${String(raw)} not found`, { id: 'no such metafield' }));
					continue;
				}
				removeMetafield(ctx, metafield);
				deleted.push(id);
			}
			return batchAnswer(deleted, failed);
		});
}

/** Batch paths first: '/v3/catalog/products/metafields' must not be read as a product ID. */
export function registerMetafields(router: Router): void {
	for (const owner of OWNERS) registerBatchRoutes(router, owner);
	for (const owner of OWNERS) registerOwnRoutes(router, owner);
}
