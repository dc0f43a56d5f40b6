// Metafields of every owner type the node writes (products, variants, categories, brands,
// orders, customers, channels): one table, unique per owner, namespace and key, as BigCommerce
// keeps them per app. A metafield whose owner is gone is left out of every answer.

import { isObject, isoDate, type Ctx } from '../http';
import type { StoreState } from '../state';

export type MetafieldOwnerType = 'product' | 'variant' | 'category' | 'brand' | 'order' | 'customer' | 'channel';

export interface StoredMetafield {
	id: number;
	resource_type: MetafieldOwnerType;
	resource_id: number;
	namespace: string;
	key: string;
	value: string;
	permission_set: string;
	description: string;
	date_created: string;
	date_modified: string;
}

export const PERMISSION_SETS = ['app_only', 'read', 'write', 'read_and_sf_access', 'write_and_sf_access'];

// The store's own client ID, as BigCommerce shows the app that wrote a metafield.
const OWNER_CLIENT_ID = 'emulator-client';

export function ownerExists(state: StoreState, type: MetafieldOwnerType, id: number): boolean {
	switch (type) {
		case 'product':
			return state.products.has(id);
		case 'variant':
			return state.variants.has(id);
		case 'category':
			return state.categories.has(id);
		case 'brand':
			return state.brands.has(id);
		case 'order':
			return state.orders.has(id);
		case 'customer':
			return state.customers.has(id);
		case 'channel':
			return state.channels.has(id);
	}
}

export function serializeMetafield(m: StoredMetafield): Record<string, unknown> {
	return {
		id: m.id,
		namespace: m.namespace,
		key: m.key,
		value: m.value,
		permission_set: m.permission_set,
		description: m.description,
		resource_type: m.resource_type,
		resource_id: m.resource_id,
		date_created: m.date_created,
		date_modified: m.date_modified,
		owner_client_id: OWNER_CLIENT_ID,
	};
}

/** The owner's metafields (or all of the type), oldest first, without those of deleted owners. */
export function metafieldsOf(state: StoreState, type: MetafieldOwnerType, ownerId?: number): StoredMetafield[] {
	const out: StoredMetafield[] = [];
	for (const [, m] of state.metafields) {
		if (m.resource_type !== type || (ownerId !== undefined && m.resource_id !== ownerId)) continue;
		if (ownerExists(state, type, m.resource_id)) out.push(m);
	}
	return out;
}

export function findDuplicate(
	state: StoreState,
	type: MetafieldOwnerType,
	ownerId: number,
	namespace: string,
	key: string,
	exceptId?: number,
): StoredMetafield | undefined {
	return metafieldsOf(state, type, ownerId).find((m) => m.namespace === namespace && m.key === key && m.id !== exceptId);
}

function text(input: Record<string, unknown>, field: string, max: number, errors: Record<string, string>, min = 1): string | undefined {
	const value = input[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || value.length < min || value.length > max) {
		errors[field] = `${field} must be a string of ${min} to ${max} characters`;
		return undefined;
	}
	return value;
}

export interface MetafieldInput {
	namespace?: string;
	key?: string;
	value?: string;
	permission_set?: string;
	description?: string;
}

/**
 * Reads a metafield body; `create` requires namespace, key, value and permission_set as the
 * spec's create schema does. Answers the problems by field, or the input.
 */
export function readMetafieldInput(raw: unknown, create: boolean): { input: MetafieldInput; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const body = isObject(raw) ? raw : {};
	if (!isObject(raw)) errors.body = 'a metafield must be an object';
	const input: MetafieldInput = {
		namespace: text(body, 'namespace', 64, errors),
		key: text(body, 'key', 64, errors),
		value: text(body, 'value', 65535, errors),
		description: text(body, 'description', 255, errors, 0),
	};
	if (body.permission_set !== undefined) {
		if (!PERMISSION_SETS.includes(String(body.permission_set))) {
			errors.permission_set = `permission_set must be one of ${PERMISSION_SETS.join(', ')}`;
		} else {
			input.permission_set = String(body.permission_set);
		}
	}
	if (create) {
		for (const field of ['namespace', 'key', 'value', 'permission_set'] as const) {
			if (input[field] === undefined && !errors[field]) errors[field] = `${field} is required`;
		}
	}
	return { input, errors };
}

export function insertMetafield(ctx: Ctx, type: MetafieldOwnerType, ownerId: number, input: MetafieldInput): StoredMetafield {
	const { state } = ctx.core;
	const now = isoDate(Date.now());
	const metafield: StoredMetafield = {
		id: state.metafields.allocateId(),
		resource_type: type,
		resource_id: ownerId,
		namespace: String(input.namespace),
		key: String(input.key),
		value: String(input.value),
		permission_set: String(input.permission_set),
		description: input.description ?? '',
		date_created: now,
		date_modified: now,
	};
	state.metafields.insert(metafield);
	ctx.core.emit(`store/${type === 'variant' ? 'product/variant' : type}/metafield/created`, { metafield_id: metafield.id, resource_id: String(ownerId) });
	return metafield;
}

export function applyMetafieldUpdate(ctx: Ctx, metafield: StoredMetafield, input: MetafieldInput): void {
	if (input.namespace !== undefined) metafield.namespace = input.namespace;
	if (input.key !== undefined) metafield.key = input.key;
	if (input.value !== undefined) metafield.value = input.value;
	if (input.permission_set !== undefined) metafield.permission_set = input.permission_set;
	if (input.description !== undefined) metafield.description = input.description;
	metafield.date_modified = isoDate(Date.now());
	const type = metafield.resource_type;
	ctx.core.emit(`store/${type === 'variant' ? 'product/variant' : type}/metafield/updated`, {
		metafield_id: metafield.id,
		resource_id: String(metafield.resource_id),
	});
}

export function removeMetafield(ctx: Ctx, metafield: StoredMetafield): void {
	ctx.core.state.metafields.delete(metafield.id);
	const type = metafield.resource_type;
	ctx.core.emit(`store/${type === 'variant' ? 'product/variant' : type}/metafield/deleted`, {
		metafield_id: metafield.id,
		resource_id: String(metafield.resource_id),
	});
}
