// Customers v3 (page and cursor pagination, batch writes), customer addresses v3, and
// customer groups v2.

import { Ctx, NO_CONTENT, Reply, isObject, json, money, parseId, rfc2822, v2Error, v3Data, v3Error } from '../http';
import { CursorSource, fromArray, v2List, v3CursorList, v3List } from '../pagination';
import { dateRange, intList, like, strList } from '../query';
import type { Router } from '../router';
import { customerCandidates } from '../model/lookup';
import type { Customer, CustomerGroup } from '../types';
import {
	applyCustomerUpdate,
	checkCustomerCreates,
	checkCustomerUpdates,
	deleteAddresses,
	deleteCustomers,
	insertAddress,
	insertCustomer,
	serializeAddress,
	serializeCustomer,
	updateAddress,
	validateAddresses,
} from '../model/customers';

const CUSTOMER_BATCH_MAX = 10;
const ADDRESS_BATCH_MAX = 10;

function customerFilter(ctx: Ctx): ((c: Customer) => boolean) | undefined {
	const q = ctx.query;
	const tests: ((c: Customer) => boolean)[] = [];
	const ids = intList(q, 'id:in');
	if (ids) {
		const set = new Set(ids);
		tests.push((c) => set.has(c.id));
	}
	const emails = strList(q, 'email:in');
	if (emails) {
		const set = new Set(emails.map((e) => e.toLowerCase()));
		tests.push((c) => set.has(c.email.toLowerCase()));
	}
	const names = strList(q, 'name:in');
	if (names) {
		const set = new Set(names.map((n) => n.toLowerCase()));
		tests.push((c) => set.has(`${c.first_name} ${c.last_name}`.toLowerCase()));
	}
	// name:like takes several substrings separated by commas; a customer matching any is listed.
	const likes = strList(q, 'name:like');
	if (likes) tests.push((c) => likes.some((part) => like(`${c.first_name} ${c.last_name}`, part)));
	const companies = strList(q, 'company:in');
	if (companies) {
		const set = new Set(companies.map((n) => n.toLowerCase()));
		tests.push((c) => set.has(c.company.toLowerCase()));
	}
	const groups = intList(q, 'customer_group_id:in');
	if (groups) tests.push((c) => groups.includes(c.customer_group_id));
	const phones = strList(q, 'phone:in');
	if (phones) tests.push((c) => phones.includes(c.phone));
	const ips = strList(q, 'registration_ip_address:in');
	if (ips) tests.push((c) => ips.includes(c.registration_ip_address));
	const created = dateRange(q, 'date_created');
	if (created) tests.push((c) => created(c.date_created));
	const modified = dateRange(q, 'date_modified');
	if (modified) tests.push((c) => modified(c.date_modified));
	if (!tests.length) return undefined;
	return (c) => tests.every((t) => t(c));
}

const CUSTOMER_SORTS: Record<string, keyof Customer> = {
	date_created: 'date_created',
	last_name: 'last_name',
	date_modified: 'date_modified',
};

function listCustomers(ctx: Ctx): Reply {
	const { state } = ctx.core;
	const include = new Set(strList(ctx.query, 'include') ?? []);
	const filter = customerFilter(ctx);
	let sort: { field: keyof Customer; desc: boolean } | undefined;
	if (ctx.query.sort) {
		const [field, dir = 'asc'] = ctx.query.sort.split(':');
		if (!CUSTOMER_SORTS[field] || (dir !== 'asc' && dir !== 'desc')) {
			throw v3Error(422, 'Invalid sort', { sort: 'sort must be date_created, last_name or date_modified with :asc or :desc' });
		}
		sort = { field: CUSTOMER_SORTS[field], desc: dir === 'desc' };
	}
	let source: CursorSource<Customer>;
	if (!filter && !sort) {
		const table = state.customers;
		source = {
			size: table.size,
			slice: (o, l) => table.slice(o, l),
			indexOfId: (id) => {
				const at = table.lowerBound(id);
				return table.idAt(at) === id ? at : -1;
			},
		};
	} else {
		const candidates = customerCandidates(state, ctx.query);
		const items = candidates
			? candidates.filter(filter ?? (() => true))
			: filter
				? state.customers.filter(filter)
				: [...state.customers.values()];
		if (sort) {
			const { field, desc } = sort;
			items.sort((a, b) => {
				const x = String(a[field]).toLowerCase();
				const y = String(b[field]).toLowerCase();
				const c = x < y ? -1 : x > y ? 1 : a.id - b.id;
				return desc ? -c : c;
			});
		}
		const positions = new Map<number, number>();
		source = {
			...fromArray(items),
			indexOfId: (id) => {
				if (!positions.size) items.forEach((c, i) => positions.set(c.id, i));
				return positions.get(id) ?? -1;
			},
		};
	}
	return v3CursorList(source, ctx.query, (c) => serializeCustomer(state, c, include));
}

function arrayBody(ctx: Ctx, max: number, what: string): Record<string, unknown>[] {
	if (!Array.isArray(ctx.body)) throw v3Error(422, 'JSON data is missing or invalid', { body: `the body must be an array of ${what}` });
	if (ctx.body.length > max) {
		throw v3Error(413, `The request contains ${ctx.body.length} ${what}: the maximum items allowed in the array is ${max}.`);
	}
	if (!ctx.body.length) throw v3Error(422, 'JSON data is missing or invalid', { body: 'the array is empty' });
	return ctx.body.map((x, i) => {
		if (!isObject(x)) throw v3Error(422, 'JSON data is missing or invalid', { [`[${i}]`]: 'each item must be an object' });
		return x;
	});
}

function createCustomers(ctx: Ctx): Reply {
	const items = arrayBody(ctx, CUSTOMER_BATCH_MAX, 'customers');
	checkCustomerCreates(ctx.core.state, items);
	const data: unknown[] = [];
	const include = new Set(['addresses', 'storecredit']);
	items.forEach((item, i) => {
		data.push(serializeCustomer(ctx.core.state, insertCustomer(ctx.core, item), include));
	});
	return v3Data(data);
}

function updateCustomers(ctx: Ctx): Reply {
	const items = arrayBody(ctx, CUSTOMER_BATCH_MAX, 'customers');
	const customers = checkCustomerUpdates(ctx.core.state, items);
	const data: unknown[] = [];
	items.forEach((item, i) => {
		const customer = customers[i];
		// An unknown ID is neither saved nor reported: the answer just leaves it out.
		if (!customer) return;
		applyCustomerUpdate(ctx.core, customer, item);
		data.push(serializeCustomer(ctx.core.state, customer, new Set()));
	});
	return v3Data(data);
}

// ------------------------------------------------------------------------------------------
// Customer groups (v2)

const GROUP_FIELDS = ['name', 'is_default', 'is_group_for_guests', 'category_access', 'discount_rules'];

function serializeGroup(g: CustomerGroup): Record<string, unknown> {
	return {
		id: g.id,
		name: g.name,
		is_default: g.is_default,
		category_access: { ...g.category_access },
		discount_rules: g.discount_rules.map(serializeDiscountRule),
		is_group_for_guests: g.is_group_for_guests,
		date_created: g.date_created,
		date_modified: g.date_modified,
	};
}

// v2 answers a rule's amount as a decimal string ("15.0000"), like its other money fields.
function serializeDiscountRule(rule: unknown): Record<string, unknown> {
	const r = { ...(rule as Record<string, unknown>) };
	if (typeof r.amount === 'number') r.amount = money(r.amount);
	return r;
}

function groupOr404(ctx: Ctx): CustomerGroup {
	const id = parseId(ctx.params.id);
	const g = id === null ? undefined : ctx.core.state.customerGroups.get(id);
	if (!g) throw v2Error(404, 'The requested resource was not found.');
	return g;
}

function checkGroupInput(ctx: Ctx, input: Record<string, unknown>, creating: boolean, selfId?: number): void {
	if (creating && (typeof input.name !== 'string' || !input.name.trim())) {
		throw v2Error(400, "The required field 'name' was not supplied.");
	}
	if ('name' in input && typeof input.name !== 'string') throw v2Error(400, "The field 'name' is invalid.");
	for (const f of ['is_default', 'is_group_for_guests']) {
		if (f in input && typeof input[f] !== 'boolean') throw v2Error(400, `The field '${f}' is invalid.`);
	}
	if ('discount_rules' in input && !Array.isArray(input.discount_rules)) throw v2Error(400, "The field 'discount_rules' is invalid.");
	if ('category_access' in input && !isObject(input.category_access)) throw v2Error(400, "The field 'category_access' is invalid.");
	if (typeof input.name === 'string') {
		const lower = input.name.trim().toLowerCase();
		const clash = ctx.core.state.customerGroups.find((g) => g.name.toLowerCase() === lower && g.id !== selfId);
		if (clash) {
			throw v2Error(409, `The customer group name '${input.name}' is already in use.`, { conflict_reason: `customer group ${clash.id} has this name` });
		}
	}
}

function applyGroup(ctx: Ctx, g: CustomerGroup, input: Record<string, unknown>): void {
	const rec = g as unknown as Record<string, unknown>;
	for (const f of GROUP_FIELDS) if (f in input) rec[f] = input[f];
	// Only one default group: setting it moves the flag.
	if (input.is_default === true) {
		for (const other of ctx.core.state.customerGroups.values()) if (other.id !== g.id) other.is_default = false;
	}
	g.date_modified = rfc2822(Date.now());
}

/**
 * Saves a group write; under a '207' fault the group is saved but its discount rules are not,
 * and the answer is the spec's { status, message } instead of the group.
 */
function saveGroup(ctx: Ctx, g: CustomerGroup, input: Record<string, unknown>, done: 'created' | 'updated'): Reply {
	if (!ctx.multiStatus) {
		applyGroup(ctx, g, input);
		return json(serializeGroup(g));
	}
	const { discount_rules: _notApplied, ...rest } = input;
	applyGroup(ctx, g, rest);
	return {
		status: 207,
		body: {
			status: 207,
			message: `The customer group was ${done}, but the sitewide discount update failed. You may retry the request.`,
		},
	};
}

function v2Object(ctx: Ctx): Record<string, unknown> {
	if (!isObject(ctx.body)) throw v2Error(400, 'The request body must be a JSON object.');
	return ctx.body;
}

function groupFilter(ctx: Ctx): (g: CustomerGroup) => boolean {
	const q = ctx.query;
	const isDefault = q.is_default !== undefined ? q.is_default === 'true' || q.is_default === '1' : undefined;
	const guests = q.is_group_for_guests !== undefined ? q.is_group_for_guests === 'true' || q.is_group_for_guests === '1' : undefined;
	return (g) =>
		(q.name === undefined || g.name === q.name) &&
		(q['name:like'] === undefined || like(g.name, q['name:like'])) &&
		(isDefault === undefined || g.is_default === isDefault) &&
		(guests === undefined || g.is_group_for_guests === guests);
}

export function registerCustomers(router: Router): void {
	router
		.get('/v3/customers', listCustomers)
		.post('/v3/customers', createCustomers)
		.put('/v3/customers', updateCustomers)
		.delete('/v3/customers', (ctx) => {
			// Without a filter the real API answers 204 and deletes nothing.
			const ids = intList(ctx.query, 'id:in');
			if (ids) deleteCustomers(ctx.core, ids);
			return NO_CONTENT;
		})
		.get('/v3/customers/addresses', (ctx) => {
			const q = ctx.query;
			const ids = intList(q, 'id:in');
			const customers = intList(q, 'customer_id:in');
			const names = strList(q, 'name:in')?.map((n) => n.toLowerCase());
			const companies = strList(q, 'company:in')?.map((n) => n.toLowerCase());
			const items = ctx.core.state.customerAddresses.filter(
				(a) =>
					(!ids || ids.includes(a.id)) &&
					(!customers || customers.includes(a.customer_id)) &&
					(!names || names.includes(`${a.first_name} ${a.last_name}`.toLowerCase())) &&
					(!companies || companies.includes(a.company.toLowerCase())),
			);
			return v3List(fromArray(items), q, serializeAddress);
		})
		.post('/v3/customers/addresses', (ctx) => {
			const items = arrayBody(ctx, ADDRESS_BATCH_MAX, 'addresses');
			validateAddresses(items, true);
			const customers = items.map((a, i) => {
				const c = ctx.core.state.customers.get(a.customer_id as number);
				if (!c) throw v3Error(422, 'Address data is missing or invalid.', { [`[${i}].customer_id`]: `customer ${String(a.customer_id)} does not exist` });
				return c;
			});
			return v3Data(items.map((a, i) => serializeAddress(insertAddress(ctx.core, customers[i], a))));
		})
		.put('/v3/customers/addresses', (ctx) => {
			const items = arrayBody(ctx, ADDRESS_BATCH_MAX, 'addresses');
			validateAddresses(items, false);
			const addresses = items.map((a, i) => {
				const found = ctx.core.state.customerAddresses.get(a.id as number);
				if (!found) throw v3Error(422, 'Address data is missing or invalid.', { [`[${i}].id`]: `address ${String(a.id)} does not exist` });
				return found;
			});
			items.forEach((a, i) => updateAddress(ctx.core, addresses[i], a));
			return v3Data(addresses.map(serializeAddress));
		})
		.delete('/v3/customers/addresses', (ctx) => {
			const ids = intList(ctx.query, 'id:in');
			if (ids) deleteAddresses(ctx.core, ids);
			return NO_CONTENT;
		})
		.get('/v2/customer_groups/count', (ctx) => json({ count: ctx.core.state.customerGroups.filter(groupFilter(ctx)).length }))
		.get('/v2/customer_groups', (ctx) => {
			const filter = groupFilter(ctx);
			return v2List(fromArray(ctx.core.state.customerGroups.filter(filter)), ctx.query, serializeGroup);
		})
		.post('/v2/customer_groups', (ctx) => {
			const input = v2Object(ctx);
			checkGroupInput(ctx, input, true);
			const now = rfc2822(Date.now());
			const g: CustomerGroup = {
				id: ctx.core.state.customerGroups.allocateId(),
				name: '',
				is_default: false,
				is_group_for_guests: false,
				category_access: { type: 'all' },
				discount_rules: [],
				date_created: now,
				date_modified: now,
			};
			ctx.core.state.customerGroups.insert(g);
			return saveGroup(ctx, g, input, 'created');
		})
		.get('/v2/customer_groups/:id', (ctx) => json(serializeGroup(groupOr404(ctx))))
		.put('/v2/customer_groups/:id', (ctx) => {
			const g = groupOr404(ctx);
			const input = v2Object(ctx);
			checkGroupInput(ctx, input, false, g.id);
			return saveGroup(ctx, g, input, 'updated');
		})
		.delete('/v2/customer_groups/:id', (ctx) => {
			const g = groupOr404(ctx);
			ctx.core.state.customerGroups.delete(g.id);
			// Members fall back to no group, as when a group is deleted in the control panel.
			for (const c of ctx.core.state.customers.values()) if (c.customer_group_id === g.id) c.customer_group_id = 0;
			return NO_CONTENT;
		});
}
