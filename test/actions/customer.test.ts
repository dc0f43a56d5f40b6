// Customers (v3): sign-ups from a spreadsheet, create-or-update by e-mail, the B2B job of
// putting customers into groups, and look-ups, through n8n's WorkflowExecute against the
// store emulator.

import type { IDataObject } from 'n8n-workflow';

import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

// Every test starts from the demo store (12 customers; groups Retail, Wholesale, VIP).
const store = useStore({ resource: 'customer', fresh: 'store' });
const { run } = store;

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

/** Parameters that read each row of a spreadsheet-like input. */
const fromRow = {
	email: '={{ $json.email }}',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
};

function rows(count: number, domain = 'newshop.example.com', extra: (i: number) => IDataObject = () => ({})) {
	return Array.from({ length: count }, (_, i) => ({
		email: `buyer${i + 1}@${domain}`,
		first: `Buyer${i + 1}`,
		last: 'Doe',
		...extra(i),
	}));
}

const customerPath = '/v3/customers';
const count = (method: string) => store.emulator.countRequests({ method, path: customerPath });
const customerWithEmail = (email: string) =>
	store.emulator.state.customers.find((c) => c.email.toLowerCase() === email.toLowerCase());
const groupNamed = (name: string) => store.emulator.state.customerGroups.find((g) => g.name === name)!;
const demoCustomers = () => [...store.emulator.state.customers.values()];

describe('customer create', () => {
	it('creates 25 customers from 25 rows in 3 requests, one paired item per row, in order', async () => {
		const input = rows(25, 'newshop.example.com', (i) => ({ company: `Shop ${i + 1}` }));

		const result = await run(
			{ operation: 'create', ...fromRow, additionalFields: { company: '={{ $json.company }}' } },
			{ input },
		);

		expect(result.error).toBeUndefined();
		expect(count('POST')).toBe(3);
		expect(store.emulator.requests.filter((r) => r.method === 'POST').map((r) => (r.body as unknown[]).length)).toEqual([10, 10, 5]);
		const out = jsonOf(result);
		expect(out).toHaveLength(25);
		expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		out.forEach((customer, i) => {
			expect(customer).toMatchObject({ email: input[i].email, first_name: input[i].first, company: `Shop ${i + 1}` });
			expect(customer.id).toBe(customerWithEmail(input[i].email)!.id);
			expect(customer.date_created).toMatch(ISO);
		});
		expect(store.emulator.state.customers.size).toBe(12 + 25);
	});

	it('creates a wholesale customer with a group, phone and address, simplified flat', async () => {
		const wholesale = groupNamed('Wholesale');

		const result = await run({
			operation: 'create',
			email: 'orders@brightlabs.example.com',
			firstName: 'Ada',
			lastName: 'Bright',
			additionalFields: {
				company: 'Bright Labs',
				phone: '555-0199',
				customer_group_id: wholesale.id,
				accepts_product_review_abandoned_cart_emails: true,
				addresses: {
					address: [{ address1: '1 Dock Road', city: 'Leeds', postal_code: 'LS1 4AP', country_code: 'gb', address_type: 'commercial' }],
				},
			},
		});

		expect(result.error).toBeUndefined();
		const [customer] = jsonOf(result);
		expect(customer).toMatchObject({
			email: 'orders@brightlabs.example.com',
			company: 'Bright Labs',
			phone: '555-0199',
			customer_group_id: wholesale.id,
			accepts_marketing_emails: true,
			address_count: 1,
			address_line1: '1 Dock Road',
			address_city: 'Leeds',
			address_country_code: 'GB',
		});
		// The address takes the customer's names when its own are left empty.
		const [sent] = store.emulator.requests.find((r) => r.method === 'POST')!.body as IDataObject[];
		expect((sent.addresses as IDataObject[])[0]).toMatchObject({ first_name: 'Ada', last_name: 'Bright', country_code: 'GB' });
		const stored = customerWithEmail('orders@brightlabs.example.com')!;
		expect(stored.customer_group_id).toBe(wholesale.id);
		expect(stored.addressIds).toHaveLength(1);
	});

	it('refuses an e-mail already in use (422), naming the item', async () => {
		const taken = demoCustomers()[1].email;

		const result = await run({ operation: 'create', ...fromRow }, { input: [
			{ email: 'fresh.one@example.com', first: 'Fresh', last: 'One' },
			{ email: taken.toUpperCase(), first: 'Copy', last: 'Cat' },
		] });

		expect(result.error?.message).toContain('already in use');
		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(store.emulator.state.customers.size).toBe(12 + 1);
	});

	it('with Continue On Fail, only the row with the taken e-mail carries the error', async () => {
		const taken = demoCustomers()[0].email;
		const input = rows(12);
		input[4] = { ...input[4], email: taken };

		const result = await run({ operation: 'create', ...fromRow }, { input, continueOnFail: true });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(12);
		expect(out[4].error).toContain('already in use');
		expect(result.items[4].pairedItem).toEqual({ item: 4 });
		out.forEach((customer, i) => {
			if (i !== 4) expect(customer).toMatchObject({ email: input[i].email });
		});
		expect(store.emulator.state.customers.size).toBe(12 + 11);
	});

	it.each([
		['an empty e-mail', { email: '' }, 'Email is required'],
		['a malformed e-mail', { email: 'jane.example.com' }, 'Email must be an e-mail address'],
		['an empty last name', { last: '' }, 'Last Name is required'],
	])('refuses %s before sending anything', async (_, change, message) => {
		const input = rows(3);
		input[2] = { ...input[2], ...change } as (typeof input)[number];

		const result = await run({ operation: 'create', ...fromRow }, { input });

		expect(result.error?.message).toContain(message);
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(store.emulator.requests).toEqual([]);
	});

	it('refuses an address without a city before sending anything', async () => {
		const result = await run({
			operation: 'create',
			email: 'no.city@example.com',
			firstName: 'No',
			lastName: 'City',
			additionalFields: { addresses: { address: [{ address1: '1 Road', country_code: 'US' }] } },
		});

		expect(result.error?.message).toBe('Address 1: City is required');
		expect(store.emulator.requests).toEqual([]);
	});

	it('does not create twice when the connection drops after the store saved the batch', async () => {
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: customerPath, count: 1 }]);
		const input = rows(3);

		const result = await run({ operation: 'create', ...fromRow }, { input });

		expect(result.error).toBeUndefined();
		// A look-up by e-mail before the POST (to tell these customers from ones already there),
		// one POST, then a look-up by e-mail instead of sending the POST again.
		expect(count('POST')).toBe(1);
		expect(count('GET')).toBe(2);
		expect(store.emulator.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
		expect(store.emulator.requests[2].query['email:in']).toContain('buyer1@newshop.example.com');
		expect(jsonOf(result).map((c) => c.email)).toEqual(input.map((r) => r.email));
		expect(store.emulator.state.customers.size).toBe(12 + 3);
	});
});

describe('customer upsert (create or update by e-mail)', () => {
	it('imports 40 rows, 15 already customers: 1 look-up, 2 update and 3 create requests', async () => {
		for (let i = 1; i <= 15; i++) {
			store.emulator.admin.createCustomer({ email: `buyer${i}@newshop.example.com`, first_name: `Old${i}`, last_name: 'Name' });
		}
		store.emulator.clearRequests();
		// Letter case differs from the stored e-mails for some rows: they still match.
		const input = rows(40, 'newshop.example.com', (i) => ({ company: `Row ${i + 1}` })).map((row, i) =>
			i % 3 === 0 ? { ...row, email: row.email.toUpperCase() } : row,
		);

		const result = await run(
			{ operation: 'upsert', ...fromRow, additionalFields: { company: '={{ $json.company }}' } },
			{ input },
		);

		expect(result.error).toBeUndefined();
		expect(count('GET')).toBe(1);
		expect(count('PUT')).toBe(2);
		expect(count('POST')).toBe(3);
		const out = jsonOf(result);
		expect(out).toHaveLength(40);
		expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		out.forEach((customer, i) => expect(customer).toMatchObject({ company: `Row ${i + 1}`, first_name: `Buyer${i + 1}` }));
		expect(store.emulator.state.customers.size).toBe(12 + 40);
		// Updated customers keep their id and stored e-mail spelling.
		const first = customerWithEmail('buyer1@newshop.example.com')!;
		expect(first).toMatchObject({ email: 'buyer1@newshop.example.com', first_name: 'Buyer1', company: 'Row 1' });
		expect(out[0].id).toBe(first.id);
	});

	it('writes a repeated e-mail once: one customer, both rows get it', async () => {
		const input = [
			{ email: 'twice@example.com', first: 'Tw', last: 'Ice' },
			{ email: 'other@example.com', first: 'Ot', last: 'Her' },
			{ email: 'TWICE@example.com', first: 'Tw', last: 'Iceman' },
		];

		const result = await run({ operation: 'upsert', ...fromRow }, { input });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(3);
		expect(out[0].id).toBe(out[2].id);
		expect(out[0].last_name).toBe('Iceman');
		expect(store.emulator.state.customers.filter((c) => c.email.toLowerCase() === 'twice@example.com')).toHaveLength(1);
		expect(count('POST')).toBe(1);
		expect((store.emulator.requests.find((r) => r.method === 'POST')!.body as unknown[]).length).toBe(2);
	});

	it('refuses an empty e-mail before looking anything up', async () => {
		const result = await run({ operation: 'upsert', ...fromRow }, { input: [{ email: ' ', first: 'A', last: 'B' }] });

		expect(result.error?.message).toBe('Email is required');
		expect(store.emulator.requests).toEqual([]);
	});

	it('with Continue On Fail, a row whose update is refused carries the error alone', async () => {
		const [a, b] = demoCustomers();
		const input = [
			{ email: a.email, first: 'Ann', last: 'Updated', group: 99 },
			{ email: b.email, first: 'Bea', last: 'Updated', group: 0 },
			{ email: 'brand.new@example.com', first: 'New', last: 'Person', group: 0 },
		];

		const result = await run(
			{ operation: 'upsert', ...fromRow, additionalFields: { customer_group_id: '={{ $json.group }}' } },
			{ input, continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].error).toContain('Invalid data');
		expect(out[1]).toMatchObject({ id: b.id, last_name: 'Updated', customer_group_id: 0 });
		expect(out[2]).toMatchObject({ email: 'brand.new@example.com' });
		expect(store.emulator.state.customers.get(a.id)!.last_name).toBe(a.last_name);
	});
});

describe('customer assignGroup', () => {
	it('B2B: customers whose e-mail domain is the wholesaler\'s go to the Wholesale group', async () => {
		const wholesale = groupNamed('Wholesale');
		// Step 1 of the workflow: every customer.
		const all = jsonOf(await run({ operation: 'getAll', returnAll: true }));
		expect(all).toHaveLength(12);
		// Step 2 (a Filter node): the wholesaler's domain.
		const matching = all.filter((c) => String(c.email).endsWith('@wholesale.example.org'));
		expect(matching.length).toBeGreaterThan(0);
		const others = demoCustomers().filter((c) => !c.email.endsWith('@wholesale.example.org'));
		const othersBefore = others.map((c) => c.customer_group_id);
		store.emulator.clearRequests();

		const result = await run(
			{
				operation: 'assignGroup',
				customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				customerGroupId: { __rl: true, mode: 'list', value: String(wholesale.id), cachedResultName: 'Wholesale' },
			},
			{ input: matching },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual(
			matching.map((c) => ({ id: c.id, email: c.email, customer_group_id: wholesale.id })),
		);
		for (const c of matching) expect(store.emulator.state.customers.get(Number(c.id))!.customer_group_id).toBe(wholesale.id);
		expect(others.map((c) => store.emulator.state.customers.get(c.id)!.customer_group_id)).toEqual(othersBefore);
		expect(count('PUT')).toBe(1);
	});

	it('assigns 23 customers in 3 requests of at most 10', async () => {
		store.emulator.seedScale({ customers: 23 });
		const scale = demoCustomers().slice(12);
		const vip = groupNamed('VIP');

		const result = await run(
			{ operation: 'assignGroup', customerId: byId('={{ $json.id }}'), customerGroupId: byId(vip.id) },
			{ input: scale.map((c) => ({ id: c.id })) },
		);

		expect(result.error).toBeUndefined();
		expect(count('PUT')).toBe(3);
		expect(store.emulator.requests.filter((r) => r.method === 'PUT').map((r) => (r.body as unknown[]).length)).toEqual([10, 10, 3]);
		// The group is checked once, not once per customer.
		expect(store.emulator.countRequests({ method: 'GET', path: `/v2/customer_groups/${vip.id}` })).toBe(1);
		expect(jsonOf(result)).toHaveLength(23);
		expect(scale.every((c) => store.emulator.state.customers.get(c.id)!.customer_group_id === vip.id)).toBe(true);
	});

	it('reports a group that does not exist (404) without changing any customer', async () => {
		const [a] = demoCustomers();

		const result = await run({ operation: 'assignGroup', customerId: byId(a.id), customerGroupId: byId(999) });

		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toContain('customer group with ID 999');
		expect(count('PUT')).toBe(0);
	});

	it('with Continue On Fail, an unknown customer carries the error and the others are assigned', async () => {
		const vip = groupNamed('VIP');
		const [a, b] = demoCustomers();

		const result = await run(
			{ operation: 'assignGroup', customerId: byId('={{ $json.id }}'), customerGroupId: byId(vip.id) },
			{ input: [{ id: a.id }, { id: 424242 }, { id: b.id }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0]).toEqual({ id: a.id, email: a.email, customer_group_id: vip.id });
		expect(out[1].error).toContain('There is no customer with ID 424242');
		expect(out[2]).toEqual({ id: b.id, email: b.email, customer_group_id: vip.id });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(store.emulator.state.customers.get(a.id)!.customer_group_id).toBe(vip.id);
		// One write for the three, then one look-up of the ID the store's answer left out.
		expect(store.emulator.requests.filter((r) => r.path === customerPath).map((r) => [r.method, r.query['id:in']])).toEqual([
			['PUT', undefined],
			['GET', '424242'],
		]);
	});

	it('without Continue On Fail, an unknown customer stops the node, naming the ID and the item', async () => {
		const vip = groupNamed('VIP');
		const [a] = demoCustomers();

		const result = await run(
			{ operation: 'assignGroup', customerId: byId('={{ $json.id }}'), customerGroupId: byId(vip.id) },
			{ input: [{ id: a.id }, { id: 999 }] },
		);

		expect(result.error?.message).toContain('There is no customer with ID 999');
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('refuses a customer ID that is not a number before sending anything', async () => {
		const result = await run(
			{ operation: 'assignGroup', customerId: byId('={{ $json.id }}'), customerGroupId: byId(1) },
			{ input: [{ id: 'abc' }] },
		);

		expect(result.error?.message).toContain('Customer ID must be a positive whole number');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('customer get', () => {
	it('gets a customer by ID with addresses, simplified flat or raw', async () => {
		const stored = demoCustomers()[3];

		const simple = await run({ operation: 'get', customerId: byId(stored.id), options: { includeAddresses: true } });
		const raw = await run({
			operation: 'get',
			customerId: byId(stored.id),
			simplify: false,
			options: { includeAddresses: true, includeStoreCredit: true },
		});

		expect(simple.error).toBeUndefined();
		expect(jsonOf(simple)).toEqual([
			expect.objectContaining({
				id: stored.id,
				email: stored.email,
				address_count: 1,
				address_line1: '103 Main Street',
				date_created: expect.stringMatching(ISO),
			}),
		]);
		const [full] = jsonOf(raw);
		expect((full.addresses as IDataObject[])[0]).toMatchObject({ address1: '103 Main Street', country: 'United States' });
		expect(full.store_credit_amounts).toEqual([{ amount: 0 }]);
		// v3 has no single-customer GET: the look-up goes by id:in.
		expect(store.emulator.requests[0]).toMatchObject({
			method: 'GET',
			path: customerPath,
			query: { 'id:in': String(stored.id), include: 'addresses' },
		});
	});

	it('looks up many items\' customers in one request', async () => {
		const ids = demoCustomers().map((c) => c.id);

		const result = await run({ operation: 'get', customerId: byId('={{ $json.id }}') }, { input: ids.map((id) => ({ id })) });

		expect(jsonOf(result).map((c) => c.id)).toEqual(ids);
		expect(store.emulator.requests).toHaveLength(1);
	});

	it('reports an unknown ID as not found (404) on its item', async () => {
		const result = await run({ operation: 'get', customerId: byId(98765) });

		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toContain('There is no customer with ID 98765');
	});

	it('with Continue On Fail, only the unknown ID carries the error', async () => {
		const [a] = demoCustomers();

		const result = await run({ operation: 'get', customerId: byId('={{ $json.id }}') }, { input: [{ id: 98765 }, { id: a.id }], continueOnFail: true });

		const out = jsonOf(result);
		expect(out[0].error).toContain('There is no customer with ID 98765');
		expect(out[1]).toMatchObject({ id: a.id });
	});

	it('refuses a non-numeric customer ID before sending anything', async () => {
		const result = await run({ operation: 'get', customerId: byId('={{ $json.id }}') }, { input: [{ id: '12a' }] });

		expect(result.error?.message).toBe('Customer ID must be a positive whole number, got "12a"');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('customer getAll', () => {
	beforeEach(() => {
		store.emulator.reset();
		store.emulator.seedScale({ customers: 600 });
		store.emulator.clearRequests();
	});

	it('reads 600 customers in 3 cursor pages of 250', async () => {
		const result = await run({ operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(600);
		expect(new Set(jsonOf(result).map((c) => c.id)).size).toBe(600);
		expect(store.emulator.requests).toHaveLength(3);
		expect(store.emulator.requests.map((r) => r.query.limit)).toEqual(['250', '250', '250']);
		expect(store.emulator.requests[0].query.after).toBeUndefined();
		expect(store.emulator.requests[1].query.after).toEqual(expect.any(String));
		expect(result.items[599].pairedItem).toEqual({ item: 0 });
	});

	it('reads one page of 30 for Limit 30', async () => {
		const result = await run({ operation: 'getAll', returnAll: false, limit: 30 });

		expect(jsonOf(result)).toHaveLength(30);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0].query.limit).toBe('30');
	});

	it('refuses a date filter that is not a date before sending anything', async () => {
		const result = await run({ operation: 'getAll', returnAll: true, filters: { minDateCreated: 'last week' } });

		expect(result.error?.message).toContain('Created After must be a date');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('customer getAll filters', () => {
	it('filters by e-mail list, name, group and dates, sending full ISO-8601 date-times', async () => {
		const [a, b] = demoCustomers();
		const wholesale = groupNamed('Wholesale');
		const wholesaleIds = demoCustomers().filter((c) => c.customer_group_id === wholesale.id).map((c) => c.id);
		expect(wholesaleIds.length).toBeGreaterThan(1);

		const byEmail = await run({ operation: 'getAll', returnAll: true, filters: { email: `${a.email}, ${b.email}` } });
		const byName = await run({ operation: 'getAll', returnAll: true, filters: { nameLike: b.last_name } });
		const byGroup = await run({ operation: 'getAll', returnAll: true, filters: { customerGroupId: [wholesale.id] } });
		const byDate = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { minDateCreated: '2000-01-01T00:00:00Z', maxDateModified: '2000-01-02T10:00:00Z' },
		});

		expect(jsonOf(byEmail).map((x) => x.id)).toEqual([a.id, b.id]);
		expect(jsonOf(byName).map((x) => x.id)).toEqual([b.id]);
		expect(jsonOf(byGroup).map((x) => x.id)).toEqual(wholesaleIds);
		expect(jsonOf(byDate)).toEqual([]);
		expect(store.emulator.requests[3].query).toMatchObject({
			'date_created:min': '2000-01-01T00:00:00Z',
			'date_modified:max': '2000-01-02T10:00:00Z',
		});
	});
});

describe('customer getAll: commas in filters', () => {
	it('refuses a Name Contains with a comma, which BigCommerce would read as several names, before sending anything', async () => {
		const result = await run({ operation: 'getAll', returnAll: true, filters: { nameLike: 'Smith, John' } });

		expect(result.error?.message).toBe('Name Contains cannot contain a comma, got "Smith, John"');
		expect(store.emulator.requests).toEqual([]);
	});

	it('reads Company as names separated by commas, and refuses a listed name that has a comma itself', async () => {
		const [a, b] = demoCustomers();
		store.emulator.admin.updateCustomer(a.id, { company: 'Acme Ltd' });
		store.emulator.admin.updateCustomer(b.id, { company: 'Beta GmbH' });

		const both = await run({ operation: 'getAll', returnAll: true, filters: { company: 'Acme Ltd, Beta GmbH' } });
		const withComma = await run({ operation: 'getAll', returnAll: true, filters: { company: '={{ ["Acme, Inc."] }}' } });
		const emailWithComma = await run({ operation: 'getAll', returnAll: true, filters: { email: '={{ ["a,b@example.com"] }}' } });

		expect(jsonOf(both).map((c) => c.id)).toEqual([a.id, b.id]);
		expect(withComma.error?.message).toBe('Company cannot list a name that contains a comma, got "Acme, Inc."');
		expect(emailWithComma.error?.message).toBe('Email cannot list an address that contains a comma, got "a,b@example.com"');
		expect(store.emulator.requests.map((r) => r.query['company:in'])).toEqual(['Acme Ltd,Beta GmbH']);
	});

	it('the store reads name:like as names separated by commas, any of which may match', async () => {
		const [a, b] = demoCustomers();
		const url = `${store.emulator.baseUrl}/stores/${store.emulator.storeHash}/v3/customers?name:like=${encodeURIComponent(`${a.last_name},${b.first_name}`)}`;

		const answer = await fetch(url, { headers: { 'X-Auth-Token': store.emulator.token, Accept: 'application/json' } });

		const ids = ((await answer.json()) as { data: IDataObject[] }).data.map((c) => c.id);
		expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
	});
});

describe('customer update', () => {
	it('updates 12 customers in 2 requests and returns them simplified', async () => {
		const customers = demoCustomers();

		const result = await run(
			{
				operation: 'update',
				customerId: byId('={{ $json.id }}'),
				updateFields: { notes: 'Migrated from old CRM', phone: '={{ $json.phone }}' },
			},
			{ input: customers.map((c, i) => ({ id: c.id, phone: `555-09${String(i).padStart(2, '0')}` })) },
		);

		expect(result.error).toBeUndefined();
		expect(count('PUT')).toBe(2);
		const out = jsonOf(result);
		expect(out).toHaveLength(12);
		out.forEach((c, i) => expect(c).toMatchObject({ id: customers[i].id, notes: 'Migrated from old CRM', phone: `555-09${String(i).padStart(2, '0')}` }));
		expect(store.emulator.state.customers.get(customers[5].id)!.phone).toBe('555-0905');
	});

	it('with Continue On Fail, an e-mail taken by another customer fails that item only (422)', async () => {
		const [a, b, c] = demoCustomers();

		const result = await run(
			{ operation: 'update', customerId: byId('={{ $json.id }}'), updateFields: { email: '={{ $json.email }}' } },
			{ input: [
				{ id: a.id, email: 'a.new@example.com' },
				{ id: b.id, email: c.email },
				{ id: c.id, email: 'c.new@example.com' },
			], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0]).toMatchObject({ id: a.id, email: 'a.new@example.com' });
		expect(out[1].error).toContain('already in use');
		expect(out[2]).toMatchObject({ id: c.id, email: 'c.new@example.com' });
		expect(store.emulator.state.customers.get(b.id)!.email).toBe(b.email);
	});

	it('with Continue On Fail, a customer ID the store does not have fails alone; look-ups stay batched', async () => {
		store.emulator.seedScale({ customers: 8 });
		const customers = demoCustomers();
		const ids: number[] = customers.map((c) => c.id);
		// 20 customers plus two unknown IDs: 22 items, 3 writes of at most 10.
		ids.splice(4, 0, 999);
		ids.splice(15, 0, 1000);

		const result = await run(
			{ operation: 'update', customerId: byId('={{ $json.id }}'), updateFields: { notes: 'Checked' } },
			{ input: ids.map((id) => ({ id })), continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out).toHaveLength(22);
		expect(out[4].error).toContain('There is no customer with ID 999');
		expect(out[15].error).toContain('There is no customer with ID 1000');
		out.forEach((c, i) => {
			if (i !== 4 && i !== 15) expect(c).toMatchObject({ id: ids[i], notes: 'Checked' });
		});
		expect(customers.every((c) => store.emulator.state.customers.get(c.id)!.notes === 'Checked')).toBe(true);
		expect(count('PUT')).toBe(3);
		// Only the batches whose answer left an ID out are checked, each with one look-up.
		expect(store.emulator.requests.filter((r) => r.method === 'GET').map((r) => r.query['id:in'])).toEqual(['999', '1000']);
	});

	it('refuses empty Update Fields before sending anything', async () => {
		const result = await run({ operation: 'update', customerId: byId(demoCustomers()[0].id), updateFields: {} });

		expect(result.error?.message).toBe('Update Fields is empty: nothing to change');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('customer delete', () => {
	it('deletes 3 customers with one look-up and one delete request', async () => {
		const doomed = demoCustomers().slice(0, 3);

		const result = await run({ operation: 'delete', customerId: byId('={{ $json.id }}') }, { input: doomed.map((c) => ({ id: c.id })) });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual(doomed.map((c) => ({ deleted: true, id: c.id })));
		expect(count('DELETE')).toBe(1);
		expect(store.emulator.requests.find((r) => r.method === 'DELETE')!.query['id:in']).toBe(doomed.map((c) => c.id).join(','));
		expect(doomed.some((c) => store.emulator.state.customers.get(c.id))).toBe(false);
	});

	it('reports an unknown ID (404) and deletes nothing when the node stops', async () => {
		const [a] = demoCustomers();

		const result = await run({ operation: 'delete', customerId: byId('={{ $json.id }}') }, { input: [{ id: a.id }, { id: 55555 }] });

		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(count('DELETE')).toBe(0);
		expect(store.emulator.state.customers.get(a.id)).toBeDefined();
	});

	it('with Continue On Fail, the unknown ID carries the error and the others are deleted', async () => {
		const [a] = demoCustomers();

		const result = await run({ operation: 'delete', customerId: byId('={{ $json.id }}') }, { input: [{ id: 55555 }, { id: a.id }], continueOnFail: true });

		const out = jsonOf(result);
		expect(out[0].error).toContain('There is no customer with ID 55555');
		expect(out[1]).toEqual({ deleted: true, id: a.id });
		expect(store.emulator.state.customers.get(a.id)).toBeUndefined();
	});

	it('refuses a non-numeric ID before sending anything', async () => {
		const result = await run({ operation: 'delete', customerId: byId('={{ $json.id }}') }, { input: [{ id: 'one' }] });

		expect(result.error?.message).toContain('Customer ID must be a positive whole number');
		expect(store.emulator.requests).toEqual([]);
	});
});
