// Price lists (/v3/pricelists): the lists, their price records (batch upsert of up to 1,000
// records, checked record by record; list with filters; delete by filter) and their
// assignments to customer groups and channels.

import { NO_CONTENT, isObject, isoDate, parseId, v3Data, v3Error, v3Problem, type Core, type Ctx, type Reply } from '../http';
import {
	assignmentSlot,
	recordKey,
	serializeAssignment,
	type BulkPricingTier,
	type PriceList,
	type PriceListAssignment,
	type PriceRecord,
} from '../model/priceLists';
import { fromArray, v3List } from '../pagination';
import { dateRange, intList, like, strList } from '../query';
import type { Router } from '../router';

// PUT /pricelists/{id}/records: "Batch requests support up to 1,000 items per request".
export const PRICE_RECORD_BATCH_LIMIT = 1000;
// POST /pricelists/assignments: "The batch limit for Price List Assignments is 25".
export const ASSIGNMENT_BATCH_LIMIT = 25;

const CURRENCY = /^[A-Za-z]{3}$/;
const TIER_TYPES = ['fixed', 'price', 'percent'];

function priceListOr404(ctx: Ctx, raw = ctx.params.id): PriceList {
	const id = parseId(raw);
	const list = id === null ? undefined : ctx.core.state.priceLists.get(id);
	if (!list) throw v3Error(404, `Price list with id ${raw} not found.`);
	return list;
}

function serializeList(list: PriceList): Record<string, unknown> {
	return { ...list };
}

function body(ctx: Ctx): Record<string, unknown> {
	if (!isObject(ctx.body)) throw v3Error(422, 'JSON data is missing or invalid', { body: 'the request body must be an object' });
	return ctx.body;
}

function listName(core: Core, input: Record<string, unknown>, required: boolean, self?: number): string | undefined {
	const name = input.name;
	if (name === undefined && !required) return undefined;
	if (typeof name !== 'string' || name.trim() === '' || name.length > 255) {
		throw v3Error(422, 'JSON data is missing or invalid', { name: 'name must be a string of 1 to 255 characters' });
	}
	const taken = core.state.priceLists.find((l) => l.id !== self && l.name.toLowerCase() === name.toLowerCase());
	if (taken) throw v3Error(409, `A price list named "${name}" already exists.`, { name: 'name must be unique' });
	return name;
}

function activeFlag(input: Record<string, unknown>): boolean | undefined {
	if (input.active === undefined) return undefined;
	if (typeof input.active !== 'boolean') throw v3Error(422, 'JSON data is missing or invalid', { active: 'active must be true or false' });
	return input.active;
}

function emitActivation(core: Core, list: PriceList): void {
	core.emit(list.active ? 'store/priceList/activated' : 'store/priceList/deactivated', { price_list_id: list.id });
}

function deleteList(core: Core, list: PriceList): void {
	core.state.priceLists.delete(list.id);
	core.state.priceRecords.dropList(list.id);
	const assigned = core.state.priceListAssignments.filter((a) => a.price_list_id === list.id).map((a) => a.id);
	core.state.priceListAssignments.deleteMany(assigned);
}

// ------------------------------------------------------------------------------------------
// Price records

interface RecordCheck {
	record?: PriceRecord;
	errors: Record<string, string>;
	identity: Record<string, unknown>;
}

function optionalPrice(input: Record<string, unknown>, field: string, errors: Record<string, string>): number | null {
	const value = input[field];
	if (value === undefined || value === null) return null;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		errors[field] = `${field} must be a number of at least 0`;
		return null;
	}
	return value;
}

function tiers(input: unknown, errors: Record<string, string>): BulkPricingTier[] {
	if (input === undefined || input === null) return [];
	if (!Array.isArray(input)) {
		errors.bulk_pricing_tiers = 'bulk_pricing_tiers must be an array';
		return [];
	}
	return input.map((tier, i) => {
		const t = isObject(tier) ? tier : {};
		const min = t.quantity_min;
		const max = t.quantity_max ?? 0;
		if (!Number.isInteger(min) || (min as number) < 1) errors[`bulk_pricing_tiers.${i}.quantity_min`] = 'quantity_min must be a whole number of at least 1';
		if (!Number.isInteger(max) || ((max as number) !== 0 && (max as number) < (min as number))) {
			errors[`bulk_pricing_tiers.${i}.quantity_max`] = 'quantity_max must be 0 (no maximum) or at least quantity_min';
		}
		if (!TIER_TYPES.includes(String(t.type))) errors[`bulk_pricing_tiers.${i}.type`] = `type must be one of ${TIER_TYPES.join(', ')}`;
		if (typeof t.amount !== 'number' || !Number.isFinite(t.amount) || t.amount < 0) {
			errors[`bulk_pricing_tiers.${i}.amount`] = 'amount must be a number of at least 0';
		}
		return { quantity_min: min as number, quantity_max: max as number, type: t.type as BulkPricingTier['type'], amount: t.amount as number };
	});
}

/** One record of a batch, checked as BigCommerce checks it: a known variant, a currency code, prices. */
function checkRecord(core: Core, list: PriceList, input: unknown, now: string): RecordCheck {
	const errors: Record<string, string> = {};
	const raw = isObject(input) ? input : {};
	const identity: Record<string, unknown> = { price_list_id: list.id };
	if (raw.variant_id !== undefined) identity.variant_id = raw.variant_id;
	if (raw.sku !== undefined) identity.sku = raw.sku;
	if (raw.currency !== undefined) identity.currency = raw.currency;
	if (!isObject(input)) return { errors: { record: 'each record must be an object' }, identity };

	let variantId: number | undefined;
	let productId = 0;
	if (raw.variant_id !== undefined) {
		const variant = Number.isInteger(raw.variant_id) ? core.state.variants.get(raw.variant_id as number) : undefined;
		if (!variant) errors.variant_id = `variant ${String(raw.variant_id)} does not exist`;
		else [variantId, productId] = [variant.id, variant.product_id];
	} else if (typeof raw.sku === 'string' && raw.sku !== '') {
		const owner = core.state.skuIndex.get(raw.sku.trim().toLowerCase());
		if (!owner) errors.sku = `no variant has the SKU ${raw.sku}`;
		else if (owner.variantId === null) errors.sku = `${raw.sku} is the SKU of a product with options, not of a variant`;
		else [variantId, productId] = [owner.variantId, owner.productId];
	} else {
		errors.variant_id = 'variant_id or sku is required';
	}
	const currency = raw.currency;
	if (typeof currency !== 'string' || !CURRENCY.test(currency)) errors.currency = 'currency must be a 3-letter ISO-4217 code';
	const price = raw.price;
	if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) errors.price = 'price is required and must be a number of at least 0';
	const record: PriceRecord = {
		price_list_id: list.id,
		variant_id: variantId ?? 0,
		product_id: productId,
		currency: String(currency).toLowerCase(),
		price: price as number,
		sale_price: optionalPrice(raw, 'sale_price', errors),
		retail_price: optionalPrice(raw, 'retail_price', errors),
		map_price: optionalPrice(raw, 'map_price', errors),
		bulk_pricing_tiers: tiers(raw.bulk_pricing_tiers, errors),
		date_created: now,
		date_modified: now,
	};
	return Object.keys(errors).length ? { errors, identity } : { record, errors, identity };
}

function upsertRecords(ctx: Ctx): Reply {
	const list = priceListOr404(ctx);
	if (!Array.isArray(ctx.body)) throw v3Error(422, 'JSON data is missing or invalid', { body: 'the request body must be an array of price records' });
	if (ctx.body.length > PRICE_RECORD_BATCH_LIMIT) {
		throw v3Error(413, `The request payload is too large. The maximum items allowed in the array is ${PRICE_RECORD_BATCH_LIMIT}`);
	}
	const now = isoDate(Date.now());
	const records = ctx.core.state.priceRecords.of(list.id);
	const batchErrors: Record<string, unknown>[] = [];
	const created: PriceRecord[] = [];
	const updated: PriceRecord[] = [];
	// Non-strict: the good records of a batch are saved, the bad ones are answered in batch_errors.
	for (const input of ctx.body) {
		const check = checkRecord(ctx.core, list, input, now);
		if (!check.record) {
			batchErrors.push({ data: check.identity, field_errors: check.errors });
			continue;
		}
		const key = recordKey(check.record.variant_id, check.record.currency);
		const existing = records.get(key);
		if (existing) {
			Object.assign(existing, { ...check.record, date_created: existing.date_created });
			updated.push(existing);
		} else {
			records.set(key, check.record);
			created.push(check.record);
		}
	}
	// Batch events carry the list of records they are about.
	const about = (changed: PriceRecord[]) =>
		changed.map((r) => ({ price_list_id: r.price_list_id, variant_id: r.variant_id, currency: r.currency })) as unknown as Record<string, unknown>;
	if (created.length) ctx.core.emit('store/priceList/records/created', about(created));
	if (updated.length) ctx.core.emit('store/priceList/records/updated', about(updated));
	if (batchErrors.length) return { status: 422, body: { batch_errors: batchErrors } };
	return v3Data({});
}

function serializeRecord(core: Core, record: PriceRecord, include: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {
		price_list_id: record.price_list_id,
		variant_id: record.variant_id,
		product_id: record.product_id,
		currency: record.currency,
		price: record.price,
		calculated_price: record.sale_price ?? record.price,
		date_created: record.date_created,
		date_modified: record.date_modified,
	};
	for (const field of ['sale_price', 'retail_price', 'map_price'] as const) {
		if (record[field] !== null) out[field] = record[field];
	}
	if (include.includes('bulk_pricing_tiers')) out.bulk_pricing_tiers = record.bulk_pricing_tiers;
	if (include.includes('sku')) out.sku = core.state.variants.get(record.variant_id)?.sku ?? '';
	return out;
}

function recordFilter(ctx: Ctx): (record: PriceRecord) => boolean {
	const q = ctx.query;
	const variantIds = intList(q, 'variant_id:in');
	const productIds = intList(q, 'product_id:in');
	const skus = [...(strList(q, 'sku:in') ?? []), ...(q.sku !== undefined ? [q.sku] : [])].map((s) => s.toLowerCase());
	const currencies = [...(strList(q, 'currency:in') ?? []), ...(q.currency !== undefined ? [q.currency] : [])].map((c) => c.toLowerCase());
	const modified = dateRange(q, 'date_modified');
	const created = dateRange(q, 'date_created');
	const skuOf = (r: PriceRecord) => (ctx.core.state.variants.get(r.variant_id)?.sku ?? '').toLowerCase();
	return (r) =>
		(!variantIds || variantIds.includes(r.variant_id)) &&
		(!productIds || productIds.includes(r.product_id)) &&
		(!skus.length || skus.includes(skuOf(r))) &&
		(!currencies.length || currencies.includes(r.currency)) &&
		(!modified || modified(r.date_modified)) &&
		(!created || created(r.date_created));
}

// ------------------------------------------------------------------------------------------
// Assignments

function assignmentFilter(ctx: Ctx): ((a: PriceListAssignment) => boolean) | undefined {
	const q = ctx.query;
	const one = (key: string) => (q[key] !== undefined ? intList(q, key) : undefined);
	const tests: Array<[keyof PriceListAssignment, number[] | undefined]> = [
		['id', [...(one('id') ?? []), ...(intList(q, 'id:in') ?? [])]],
		['price_list_id', [...(one('price_list_id') ?? []), ...(intList(q, 'price_list_id:in') ?? [])]],
		['customer_group_id', [...(one('customer_group_id') ?? []), ...(intList(q, 'customer_group_id:in') ?? [])]],
		['channel_id', [...(one('channel_id') ?? []), ...(intList(q, 'channel_id:in') ?? [])]],
	];
	const active = tests.filter(([, ids]) => ids && ids.length);
	if (!active.length) return undefined;
	return (a) => active.every(([field, ids]) => (ids as number[]).includes(a[field] as number));
}

function optionalRef(core: Core, value: unknown, field: 'customer_group_id' | 'channel_id', errors: Record<string, string>, at: string): number | null {
	if (value === undefined || value === null) return null;
	const exists = Number.isInteger(value) && (field === 'channel_id' ? core.state.channels.has(value as number) : core.state.customerGroups.has(value as number));
	if (!exists) errors[`${at}.${field}`] = `${field === 'channel_id' ? 'channel' : 'customer group'} ${String(value)} does not exist`;
	return exists ? (value as number) : null;
}

function createAssignments(ctx: Ctx): Reply {
	if (!Array.isArray(ctx.body) || !ctx.body.length) {
		throw v3Error(422, 'JSON data is missing or invalid', { body: 'the request body must be a non-empty array of assignments' });
	}
	if (ctx.body.length > ASSIGNMENT_BATCH_LIMIT) {
		throw v3Error(413, `The request payload is too large. The maximum items allowed in the array is ${ASSIGNMENT_BATCH_LIMIT}`);
	}
	const { state } = ctx.core;
	const errors: Record<string, string> = {};
	let saved = 0;
	ctx.body.forEach((input, index) => {
		const at = String(index);
		const raw = isObject(input) ? input : {};
		const own: Record<string, string> = {};
		const listId = raw.price_list_id;
		if (!Number.isInteger(listId) || !state.priceLists.has(listId as number)) own[`${at}.price_list_id`] = `price list ${String(listId)} does not exist`;
		const groupId = optionalRef(ctx.core, raw.customer_group_id, 'customer_group_id', own, at);
		const channelId = optionalRef(ctx.core, raw.channel_id, 'channel_id', own, at);
		if (raw.customer_group_id == null && raw.channel_id == null) own[at] = 'an assignment needs a customer_group_id, a channel_id or both';
		const slot = assignmentSlot({ customer_group_id: groupId, channel_id: channelId });
		if (!Object.keys(own).length && state.priceListAssignments.find((a) => assignmentSlot(a) === slot)) {
			own[at] = 'this customer group and channel already have a price list assigned';
		}
		if (Object.keys(own).length) {
			Object.assign(errors, own);
			return;
		}
		const assignment = state.priceListAssignments.insert({
			id: state.priceListAssignments.allocateId(),
			price_list_id: listId as number,
			customer_group_id: groupId,
			channel_id: channelId,
		});
		saved++;
		ctx.core.emit('store/priceList/assignment/updated', { price_list_id: assignment.price_list_id, id: assignment.id });
	});
	if (Object.keys(errors).length) {
		return { status: 422, body: v3Problem(422, 'Some price list assignments were not created', errors, { meta: { saved_records: saved } }) };
	}
	return { status: 200 };
}

function upsertAssignment(ctx: Ctx): Reply {
	const list = priceListOr404(ctx);
	const input = body(ctx);
	const errors: Record<string, string> = {};
	for (const field of ['customer_group_id', 'channel_id']) {
		if (!Number.isInteger(input[field])) errors[field] = `${field} is required`;
	}
	if (Object.keys(errors).length) throw v3Error(422, 'JSON data is missing or invalid', errors);
	const { state } = ctx.core;
	const groupId = input.customer_group_id as number;
	const channelId = input.channel_id as number;
	if (!state.customerGroups.has(groupId) || !state.channels.has(channelId)) {
		throw v3Error(404, 'The customer group or the channel was not found.');
	}
	const slot = assignmentSlot({ customer_group_id: groupId, channel_id: channelId });
	let assignment = state.priceListAssignments.find((a) => assignmentSlot(a) === slot);
	if (assignment) assignment.price_list_id = list.id;
	else {
		assignment = state.priceListAssignments.insert({
			id: state.priceListAssignments.allocateId(),
			price_list_id: list.id,
			customer_group_id: groupId,
			channel_id: channelId,
		});
	}
	ctx.core.emit('store/priceList/assignment/updated', { price_list_id: list.id, id: assignment.id });
	return v3Data(serializeAssignment(assignment));
}

// ------------------------------------------------------------------------------------------

export function registerPriceLists(router: Router): void {
	router
		// Assignments and the cross-list records batch come before /pricelists/:id.
		.get('/v3/pricelists/assignments', (ctx) => {
			const filter = assignmentFilter(ctx);
			const items = filter ? ctx.core.state.priceListAssignments.filter(filter) : [...ctx.core.state.priceListAssignments.values()];
			return v3List(fromArray(items), ctx.query, serializeAssignment);
		})
		.post('/v3/pricelists/assignments', createAssignments)
		.delete('/v3/pricelists/assignments', (ctx) => {
			const filter = assignmentFilter(ctx);
			if (!filter) throw v3Error(422, 'At least one filter must be set for a delete action.');
			const { state } = ctx.core;
			for (const a of state.priceListAssignments.filter(filter)) {
				state.priceListAssignments.delete(a.id);
				ctx.core.emit('store/priceList/assignment/deleted', { price_list_id: a.price_list_id, id: a.id });
			}
			return NO_CONTENT;
		})
		.get('/v3/pricelists', (ctx) => {
			const q = ctx.query;
			const ids = intList(q, 'id:in');
			const created = dateRange(q, 'date_created');
			const modified = dateRange(q, 'date_modified');
			const items = ctx.core.state.priceLists.filter(
				(l) =>
					(!ids || ids.includes(l.id)) &&
					(q.name === undefined || l.name === q.name) &&
					(q['name:like'] === undefined || like(l.name, q['name:like'])) &&
					(!created || created(l.date_created)) &&
					(!modified || modified(l.date_modified)),
			);
			return v3List(fromArray(items), q, serializeList);
		})
		.post('/v3/pricelists', (ctx) => {
			const input = body(ctx);
			const name = listName(ctx.core, input, true) as string;
			const active = activeFlag(input) ?? true;
			const now = isoDate(Date.now());
			const { state } = ctx.core;
			const list = state.priceLists.insert({ id: state.priceLists.allocateId(), name, active, date_created: now, date_modified: now });
			ctx.core.emit('store/priceList/created', { price_list_id: list.id });
			emitActivation(ctx.core, list);
			return v3Data(serializeList(list));
		})
		.delete('/v3/pricelists', (ctx) => {
			const q = ctx.query;
			const ids = intList(q, 'id:in');
			if (!ids && q.name === undefined) throw v3Error(422, 'At least one filter must be set for a delete action.');
			const doomed = ctx.core.state.priceLists.filter((l) => (!ids || ids.includes(l.id)) && (q.name === undefined || l.name === q.name));
			for (const list of doomed) deleteList(ctx.core, list);
			if (doomed.length) ctx.core.emit('store/priceLists/deleted', { price_list_ids: doomed.map((l) => l.id) });
			return NO_CONTENT;
		})
		.get('/v3/pricelists/:id', (ctx) => v3Data(serializeList(priceListOr404(ctx))))
		.put('/v3/pricelists/:id', (ctx) => {
			const list = priceListOr404(ctx);
			const input = body(ctx);
			// The update's schema requires the name, as the create's does.
			const name = listName(ctx.core, input, true, list.id) as string;
			const active = activeFlag(input);
			const wasActive = list.active;
			list.name = name;
			if (active !== undefined) list.active = active;
			list.date_modified = isoDate(Date.now());
			ctx.core.emit('store/priceList/updated', { price_list_id: list.id });
			if (list.active !== wasActive) emitActivation(ctx.core, list);
			return v3Data(serializeList(list));
		})
		.delete('/v3/pricelists/:id', (ctx) => {
			const list = priceListOr404(ctx);
			deleteList(ctx.core, list);
			ctx.core.emit('store/priceList/deleted', { price_list_id: list.id });
			return NO_CONTENT;
		})
		.get('/v3/pricelists/:id/records', (ctx) => {
			const list = priceListOr404(ctx);
			const include = strList(ctx.query, 'include') ?? [];
			const matches = recordFilter(ctx);
			const items = [...ctx.core.state.priceRecords.of(list.id).values()].filter(matches);
			return v3List(fromArray(items), ctx.query, (r) => serializeRecord(ctx.core, r, include));
		})
		.put('/v3/pricelists/:id/records', upsertRecords)
		.delete('/v3/pricelists/:id/records', (ctx) => {
			const list = priceListOr404(ctx);
			const matches = recordFilter(ctx);
			const records = ctx.core.state.priceRecords.of(list.id);
			const gone: PriceRecord[] = [];
			for (const [key, record] of records) {
				if (!matches(record)) continue;
				records.delete(key);
				gone.push(record);
			}
			if (gone.length) {
				const about = gone.map((r) => ({ price_list_id: r.price_list_id, variant_id: r.variant_id, currency: r.currency }));
				ctx.core.emit('store/priceList/records/deleted', about as unknown as Record<string, unknown>);
			}
			return NO_CONTENT;
		})
		.put('/v3/pricelists/:id/assignments', upsertAssignment);
}
