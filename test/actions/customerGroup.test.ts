// Customer groups (v2 only): setting up a wholesale tier with its discount, looking groups
// up, renaming and removing them, through n8n's WorkflowExecute against the store emulator.


import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

// Every test starts from the demo store: groups Retail (default), Wholesale (10% off), VIP.
const store = useStore({ resource: 'customerGroup', fresh: 'store' });
const { run } = store;

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const groupNamed = (name: string) => store.emulator.state.customerGroups.find((g) => g.name === name);
const groupsPath = '/v2/customer_groups';

describe('customer group create', () => {
	it('creates a trade group with a storewide discount and access to chosen categories', async () => {
		const categories = [...store.emulator.state.categories.values()].slice(0, 2).map((c) => c.id);

		const result = await run({
			operation: 'create',
			name: 'Trade Partners',
			additionalFields: {
				category_access: 'specific',
				categories,
				discount_rules: '[{"type": "all", "method": "percent", "amount": 15}]',
			},
		});

		expect(result.error).toBeUndefined();
		const [group] = jsonOf(result);
		expect(group).toMatchObject({ name: 'Trade Partners', category_access: { type: 'specific', categories } });
		expect(store.requestLines()).toEqual([`POST ${groupsPath}`]);
		expect(store.emulator.requests[0].body).toEqual({
			name: 'Trade Partners',
			category_access: { type: 'specific', categories },
			// The spec's discount amount is a decimal string.
			discount_rules: [{ type: 'all', method: 'percent', amount: '15' }],
		});
		expect(groupNamed('Trade Partners')).toMatchObject({ id: group.id, discount_rules: [{ type: 'all', method: 'percent', amount: '15' }] });
	});

	it('a 207 on create (group created, sitewide discount not) fails the item, saying the group was created', async () => {
		store.emulator.setFaults([{ kind: '207', method: 'POST', path: groupsPath, count: 1 }]);

		const result = await run(
			{ operation: 'create', name: '={{ $json.name }}', additionalFields: { discount_rules: '[{"type": "all", "method": "percent", "amount": 5}]' } },
			{ input: [{ name: 'Schools' }, { name: 'Charities' }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].error).toBe(
			'Customer group "Schools" was created, but not all of it: The customer group was created, but the sitewide discount update failed. You may retry the request.',
		);
		expect(out[1]).toMatchObject({ name: 'Charities', discount_rules: [{ type: 'all', method: 'percent', amount: '5' }] });
		expect(groupNamed('Schools')).toMatchObject({ discount_rules: [] });
		expect(store.emulator.countRequests({ method: 'POST', path: groupsPath })).toBe(2);
	});

	it('refuses a name already in use (409), naming the item', async () => {
		const result = await run({ operation: 'create', name: '={{ $json.name }}' }, { input: [{ name: 'Distributors' }, { name: 'wholesale' }] });

		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toContain("The customer group name 'wholesale' is already in use.");
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('with Continue On Fail, only the duplicate name carries the error', async () => {
		const result = await run(
			{ operation: 'create', name: '={{ $json.name }}' },
			{ input: [{ name: 'Distributors' }, { name: 'VIP' }, { name: 'Schools' }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0]).toMatchObject({ name: 'Distributors' });
		expect(out[1].error).toContain('already in use');
		expect(out[2]).toMatchObject({ name: 'Schools' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it.each([
		[
			'text that is not JSON',
			'[{"type": "all",',
			'Discount Rules (JSON) is not valid JSON: a property name in double quotes was expected at line 1, column 17 (character 17), found the end of the text',
		],
		['a rule without a type', '[{"method": "percent", "amount": 5}]', 'Discount Rules (JSON): rule 1 needs a type'],
		['an amount that is not a number', '{"type": "all", "method": "fixed", "amount": "ten"}', 'rule 1 has an amount that is not a number'],
	])('refuses discount rules with %s before sending anything', async (_, rules, message) => {
		const result = await run(
			{ operation: 'create', name: '={{ $json.name }}', additionalFields: { discount_rules: '={{ $json.rules }}' } },
			{ input: [
				{ name: 'Fine', rules: '[]' },
				{ name: 'Broken', rules },
			] },
		);

		expect(result.error?.message).toContain(message);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('customer group discount rules', () => {
	const sameRulesAsJson = JSON.stringify([
		{ type: 'all', method: 'percent', amount: 5 },
		{ type: 'category', method: 'fixed', amount: '2.5', category_id: 18 },
		{ type: 'product', method: 'price', amount: 9.99, product_id: 77 },
	]);
	const sameRulesAsCollection = {
		rule: [
			{ type: 'all', method: 'percent', amount: 5 },
			{ type: 'category', method: 'fixed', amount: 2.5, category_id: 18 },
			{ type: 'product', method: 'price', amount: 9.99, product_id: 77 },
		],
	};
	const rulesOf = (name: string) => groupNamed(name)?.discount_rules;

	it('the Discount Rules collection and Discount Rules (JSON) send the same body and store the same group', async () => {
		const fromJson = await run({ operation: 'create', name: 'From JSON', additionalFields: { discount_rules: sameRulesAsJson } });
		const fromCollection = await run({ operation: 'create', name: 'From Collection', additionalFields: { discountRules: sameRulesAsCollection } });

		expect(fromJson.error).toBeUndefined();
		expect(fromCollection.error).toBeUndefined();
		const [jsonBody, collectionBody] = store.emulator.requests.map((r) => r.body as Record<string, unknown>);
		expect(collectionBody.discount_rules).toEqual(jsonBody.discount_rules);
		expect(collectionBody.discount_rules).toEqual([
			{ type: 'all', method: 'percent', amount: '5' },
			{ type: 'category', method: 'fixed', amount: '2.5', category_id: 18 },
			{ type: 'product', method: 'price', amount: '9.99', product_id: 77 },
		]);
		expect(rulesOf('From Collection')).toEqual(rulesOf('From JSON'));
		expect(jsonOf(fromCollection)[0].discount_rules).toEqual(jsonOf(fromJson)[0].discount_rules);
	});

	it('update replaces the rules from the collection; a price list rule sends only its ID', async () => {
		const vip = groupNamed('VIP')!;

		const result = await run({
			operation: 'update',
			customerGroupId: byId(vip.id),
			updateFields: { discountRules: { rule: [{ type: 'price_list', method: 'percent', amount: 3, price_list_id: 4 }] } },
		});

		expect(result.error).toBeUndefined();
		expect(store.emulator.requests[0].body).toEqual({ discount_rules: [{ type: 'price_list', price_list_id: 4 }] });
		expect(groupNamed('VIP')?.discount_rules).toEqual([{ type: 'price_list', price_list_id: 4 }]);
	});

	it('refuses a category rule without its Category ID, naming the rule, before sending anything', async () => {
		const result = await run({
			operation: 'create',
			name: 'Half Done',
			additionalFields: { discountRules: { rule: [{ type: 'all', method: 'percent', amount: 5 }, { type: 'category', method: 'percent', amount: 5, category_id: 0 }] } },
		});

		expect(result.error?.message).toBe('Discount Rules: rule 2 Category ID must be a positive whole number, got "0"');
		expect(store.emulator.requests).toEqual([]);
	});

	it('refuses both fields at once before sending anything', async () => {
		const result = await run({
			operation: 'create',
			name: 'Twice',
			additionalFields: { discount_rules: sameRulesAsJson, discountRules: sameRulesAsCollection },
		});

		expect(result.error?.message).toBe('Use Discount Rules or Discount Rules (JSON), not both');
		expect(store.emulator.requests).toEqual([]);
	});

	it('a JSON mistake on a later line is placed by line and column', async () => {
		const result = await run({
			operation: 'create',
			name: 'Lines',
			additionalFields: { discount_rules: '[\n  {"type": "all", "method": "percent", "amount": 5}\n  {"type": "product"}\n]' },
		});

		expect(result.error?.message).toBe(
			'Discount Rules (JSON) is not valid JSON: "," or "]" was expected at line 3, column 3 (character 57), found "{"',
		);
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('customer group get', () => {
	it('gets a group by ID as BigCommerce sends it', async () => {
		const wholesale = groupNamed('Wholesale')!;

		const result = await run({ operation: 'get', customerGroupId: byId(wholesale.id) });

		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				id: wholesale.id,
				name: 'Wholesale',
				discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }],
			}),
		]);
		expect(store.requestLines()).toEqual([`GET ${groupsPath}/${wholesale.id}`]);
	});

	it('reports an unknown ID as not found (404)', async () => {
		const result = await run({ operation: 'get', customerGroupId: byId(404404) });

		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toContain('Not found');
	});

	it('a wrong Store Hash in the credential is named as such, not as a missing group', async () => {
		const wholesale = groupNamed('Wholesale')!;

		const result = await run({ operation: 'get', customerGroupId: byId(wholesale.id) }, { credentials: { storeHash: 'wrong1' } });

		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe("No store found at the credential's Store Hash");
		expect(result.error?.description).toMatch(/Check the Store Hash in the BigCommerce API credential/);
	});

	it('an unknown group of the right store keeps the record hint', async () => {
		const result = await run({ operation: 'get', customerGroupId: byId(404404) });

		expect(result.error?.message).toBe('Not found: The requested resource was not found.');
		expect(result.error?.description).toMatch(/Check the ID/);
	});

	it('refuses a non-numeric ID before sending anything', async () => {
		const result = await run({ operation: 'get', customerGroupId: byId('={{ $json.group }}') }, { input: [{ group: 'Wholesale' }] });

		expect(result.error?.message).toBe('Customer Group ID must be a positive whole number, got "Wholesale"');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('customer group getAll', () => {
	function addGroups(n: number): void {
		for (let i = 1; i <= n; i++) {
			const id = store.emulator.state.customerGroups.allocateId();
			store.emulator.state.customerGroups.insert({
				id,
				name: `Region ${i}`,
				is_default: false,
				is_group_for_guests: false,
				category_access: { type: 'all' },
				discount_rules: [],
				date_created: 'Tue, 20 Nov 2012 00:00:00 +0000',
				date_modified: 'Tue, 20 Nov 2012 00:00:00 +0000',
			});
		}
	}

	it('reads 303 groups in 2 pages of 250', async () => {
		addGroups(300);

		const result = await run({ operation: 'getAll', returnAll: true });

		expect(jsonOf(result)).toHaveLength(303);
		expect(store.emulator.requests.map((r) => [r.query.page, r.query.limit])).toEqual([
			['1', '250'],
			['2', '250'],
		]);
	});

	it('reads one page of 2 for Limit 2', async () => {
		const result = await run({ operation: 'getAll', returnAll: false, limit: 2 });

		expect(jsonOf(result).map((g) => g.name)).toEqual(['Retail', 'Wholesale']);
		expect(store.emulator.requests).toHaveLength(1);
		expect(store.emulator.requests[0].query.limit).toBe('2');
	});

	it('filters by exact name, name contains and default', async () => {
		addGroups(12);

		const exact = await run({ operation: 'getAll', returnAll: true, filters: { name: 'VIP' } });
		const like = await run({ operation: 'getAll', returnAll: true, filters: { nameLike: 'region 1' } });
		const defaults = await run({ operation: 'getAll', returnAll: true, filters: { isDefault: true } });

		expect(jsonOf(exact).map((g) => g.name)).toEqual(['VIP']);
		expect(jsonOf(like).map((g) => g.name)).toEqual(['Region 1', 'Region 10', 'Region 11', 'Region 12']);
		expect(jsonOf(defaults).map((g) => g.name)).toEqual(['Retail']);
		expect(store.emulator.requests[1].query['name:like']).toBe('region 1');
	});
});

describe('customer group update', () => {
	it('renames a group and makes it the default', async () => {
		const vip = groupNamed('VIP')!;

		const result = await run({
			operation: 'update',
			customerGroupId: byId(vip.id),
			updateFields: { name: 'VIP Members', is_default: true },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ id: vip.id, name: 'VIP Members', is_default: true });
		expect(store.emulator.requests[0]).toMatchObject({ method: 'PUT', path: `${groupsPath}/${vip.id}`, body: { name: 'VIP Members', is_default: true } });
		expect(groupNamed('Retail')!.is_default).toBe(false);
	});

	it('a 207 (group saved, sitewide discount not) stops the node in BigCommerce\'s words, naming the group', async () => {
		const wholesale = groupNamed('Wholesale')!;
		const rulesBefore = JSON.parse(JSON.stringify(wholesale.discount_rules));
		store.emulator.setFaults([{ kind: '207', method: 'PUT', path: `${groupsPath}/${wholesale.id}` }]);

		const result = await run({
			operation: 'update',
			customerGroupId: byId(wholesale.id),
			updateFields: { name: 'Wholesale Trade', discount_rules: '[{"type": "all", "method": "percent", "amount": 20}]' },
		});

		expect(result.error?.message).toBe(
			`Customer group ${wholesale.id} was updated, but not all of it: The customer group was updated, but the sitewide discount update failed. You may retry the request.`,
		);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(result.items).toEqual([]);
		// The group itself was saved; its discount rules were not.
		expect(groupNamed('Wholesale Trade')).toMatchObject({ id: wholesale.id, discount_rules: rulesBefore });
	});

	it('with Continue On Fail, the group a 207 answered for carries the error; the others are output', async () => {
		const [wholesale, vip] = [groupNamed('Wholesale')!, groupNamed('VIP')!];
		store.emulator.setFaults([{ kind: '207', method: 'PUT', path: `${groupsPath}/${wholesale.id}` }]);

		const result = await run(
			{ operation: 'update', customerGroupId: byId('={{ $json.id }}'), updateFields: { is_default: false } },
			{ input: [{ id: wholesale.id }, { id: vip.id }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0]).toEqual({
			error: expect.stringContaining(`Customer group ${wholesale.id} was updated, but not all of it: The customer group was updated, but the sitewide discount update failed.`),
			errorDescription: expect.any(String),
		});
		expect(out[1]).toMatchObject({ id: vip.id, name: 'VIP', is_default: false });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses a name another group has (409)', async () => {
		const vip = groupNamed('VIP')!;

		const result = await run({ operation: 'update', customerGroupId: byId(vip.id), updateFields: { name: 'Retail' } });

		expect(result.error?.httpCode).toBe('409');
		expect(groupNamed('VIP')).toBeDefined();
	});

	it('refuses invalid discount rules JSON or empty Update Fields before sending anything', async () => {
		const vip = groupNamed('VIP')!;

		const badJson = await run({ operation: 'update', customerGroupId: byId(vip.id), updateFields: { discount_rules: '{oops' } });
		const empty = await run({ operation: 'update', customerGroupId: byId(vip.id), updateFields: {} });

		expect(badJson.error?.message).toBe(
			'Discount Rules (JSON) is not valid JSON: a property name in double quotes was expected at line 1, column 2 (character 2), found "o"',
		);
		// The example has the shape the field wants: a list of rules.
		expect(badJson.error?.description).toMatch(/^Check the Discount Rules \(JSON\) field\. Example: \[\{"type": "all", "method": "percent", "amount": 10\}/);
		expect(empty.error?.message).toBe('Update Fields is empty: nothing to change');
		expect(store.emulator.requests).toEqual([]);
	});
});

describe('customer group delete', () => {
	it('deletes a group; its members stay as customers without a group', async () => {
		const wholesale = groupNamed('Wholesale')!;
		const members = store.emulator.state.customers.filter((c) => c.customer_group_id === wholesale.id);
		expect(members.length).toBeGreaterThan(0);

		const result = await run({ operation: 'delete', customerGroupId: byId(wholesale.id) });

		expect(jsonOf(result)).toEqual([{ deleted: true, id: wholesale.id }]);
		expect(groupNamed('Wholesale')).toBeUndefined();
		expect(members.every((c) => store.emulator.state.customers.get(c.id)?.customer_group_id === 0)).toBe(true);
	});

	it('with Continue On Fail, an unknown group carries the 404 and the others are deleted', async () => {
		const vip = groupNamed('VIP')!;

		const result = await run(
			{ operation: 'delete', customerGroupId: byId('={{ $json.id }}') },
			{ input: [{ id: 777777 }, { id: vip.id }], continueOnFail: true },
		);

		const out = jsonOf(result);
		expect(out[0].error).toContain('Not found');
		expect(out[1]).toEqual({ deleted: true, id: vip.id });
		expect(groupNamed('VIP')).toBeUndefined();
	});
});
