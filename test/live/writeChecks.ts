// The write checks (--write): a product with a variant and a metafield, its stock at the default
// location, a customer in a new customer group, and a webhook, each named with the run ID and
// removed again. The cleanup steps run whatever happened before: they look the records up by
// the run ID, so even a record whose create answer was lost is found and deleted.

import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import { expectThat, type LiveContext, type Step } from './context';

/** What the run creates, by name; IDs are filled in as the creates answer. */
export interface WriteRun {
	productName: string;
	sku: string;
	variantSku: string;
	groupName: string;
	email: string;
	hookDestination: string;
	productId?: number;
	variantId?: number;
	metafieldId?: number;
	groupId?: number;
	customerId?: number;
	hookId?: number;
}

export function writeRun(runId: string): WriteRun {
	return {
		productName: `${runId} product`,
		sku: `${runId}-p`,
		variantSku: `${runId}-s`,
		groupName: `${runId} group`,
		email: `${runId}@example.com`,
		// is_active false: BigCommerce never sends anything to it.
		hookDestination: `https://${runId}.example.com/webhook`,
	};
}

const METAFIELD_NAMESPACE = 'n8n_live';

function byId(id: unknown): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value: String(id) };
}

function idOf(value: unknown, what: string): number {
	expectThat(typeof value === 'number' && value > 0, `${what} to have a numeric ID`);
	return value;
}

function need<T>(value: T | undefined, what: string): T {
	expectThat(value !== undefined, `${what} from an earlier check`);
	return value as T;
}

export function writeSteps(ctx: LiveContext, run: WriteRun): Step[] {
	const productLocator = () => byId(need(run.productId, 'the product'));
	return [
		{
			name: 'Product Create: a hidden product with its SKU',
			run: async () => {
				const [product] = await ctx.node({
					resource: 'product',
					operation: 'create',
					name: run.productName,
					type: 'physical',
					weight: 1,
					price: 10,
					additionalFields: { sku: run.sku, inventory_tracking: 'product', is_visible: false },
				});
				run.productId = idOf(product?.id, 'the new product');
				expectThat(product.name === run.productName && product.sku === run.sku && product.price === 10, `the product back with its name, SKU and price 10 as a number; got ${JSON.stringify(product)}`, ctx.last());
				return `product ${run.productId}`;
			},
		},
		{
			name: 'Product Upsert: the same SKU updates that product',
			run: async () => {
				const [product] = await ctx.node({ resource: 'product', operation: 'upsert', sku: run.sku, name: run.productName, type: 'physical', weight: 1, price: 11 });
				expectThat(product?.id === run.productId && product.action === 'updated' && product.price === 11, `product ${run.productId} "updated" at price 11; got ${JSON.stringify(product)}`, ctx.last());
			},
		},
		{
			name: 'Product Update: a new price',
			run: async () => {
				const [product] = await ctx.node({ resource: 'product', operation: 'update', productId: productLocator(), updateFields: { price: 12.5 } });
				expectThat(product?.id === run.productId && product.price === 12.5, `price 12.5; got ${JSON.stringify(product)}`, ctx.last());
			},
		},
		{
			name: 'Product Variant Create: size S',
			run: async () => {
				const [variant] = await ctx.node({
					resource: 'productVariant',
					operation: 'create',
					productId: productLocator(),
					sku: run.variantSku,
					optionValues: { optionValue: [{ optionName: 'Size', value: 'S' }] },
				});
				run.variantId = idOf(variant?.id, 'the new variant');
				expectThat(variant.sku === run.variantSku && variant.options === 'Size: S', `the variant with its SKU and "Size: S"; got ${JSON.stringify(variant)}`, ctx.last());
				return `variant ${run.variantId}`;
			},
		},
		{
			name: 'Product Variant Get Many: lists the new variant',
			run: async () => {
				const variants = await ctx.node({ resource: 'productVariant', operation: 'getAll', productId: productLocator(), returnAll: true });
				expectThat(variants.some((v) => v.id === run.variantId && v.sku === run.variantSku), `variant ${run.variantId} in the list; got ${JSON.stringify(variants.map((v) => v.sku))}`, ctx.last());
			},
		},
		{
			name: 'Metafield (plain POST): one on the product',
			run: async () => {
				const body = (await ctx.plainExpect(200, 'POST', `/v3/catalog/products/${need(run.productId, 'the product')}/metafields`, {
					body: { namespace: METAFIELD_NAMESPACE, key: ctx.runId, value: 'checked', permission_set: 'app_only', description: 'n8n live check' },
				})) as IDataObject;
				run.metafieldId = idOf((body?.data as IDataObject | undefined)?.id, 'the new metafield');
				return `metafield ${run.metafieldId}`;
			},
		},
		{
			name: 'Metafield (plain GET): reads back by namespace',
			run: async () => {
				const body = (await ctx.plainExpect(200, 'GET', `/v3/catalog/products/${need(run.productId, 'the product')}/metafields`, { qs: { namespace: METAFIELD_NAMESPACE } })) as IDataObject;
				const data = (Array.isArray(body?.data) ? body.data : []) as IDataObject[];
				expectThat(data.some((m) => m.id === run.metafieldId && m.key === ctx.runId && m.value === 'checked'), `metafield ${run.metafieldId} with its key and value`, ctx.last());
			},
		},
		{
			name: 'Inventory Set Level: 5 at the default location',
			run: async () => {
				const [level] = await ctx.node({ resource: 'inventory', operation: 'setLevel', identifyBy: 'productId', productId: productLocator(), quantity: 5 });
				expectThat(level?.location_id === 1 && level.quantity === 5, `location 1, quantity 5; got ${JSON.stringify(level)}`, ctx.last());
			},
		},
		{
			name: 'Inventory Adjust Level: +2 at the default location',
			run: async () => {
				const [level] = await ctx.node({ resource: 'inventory', operation: 'adjustLevel', identifyBy: 'productId', productId: productLocator(), quantity: 2 });
				expectThat(level?.location_id === 1 && level.adjusted_by === 2, `location 1, adjusted by 2; got ${JSON.stringify(level)}`, ctx.last());
			},
		},
		{
			name: 'Inventory Get Many: 7 on hand at the default location',
			run: async () => {
				// BigCommerce applies inventory adjustments asynchronously: read a few times.
				let onHand: unknown;
				for (let attempt = 1; attempt <= 5; attempt++) {
					const rows = await ctx.node({ resource: 'inventory', operation: 'getAll', returnAll: true, filters: { productIds: String(run.productId) } });
					onHand = rows.find((row) => row.location_id === 1)?.total_inventory_onhand;
					if (onHand === 7) return 'read back';
					await new Promise((resolve) => setTimeout(resolve, 1000));
				}
				expectThat(false, `total_inventory_onhand 7 at location 1; read ${JSON.stringify(onHand)}`, ctx.last());
			},
		},
		{
			name: 'Customer Group Create',
			run: async () => {
				const [group] = await ctx.node({ resource: 'customerGroup', operation: 'create', name: run.groupName });
				run.groupId = idOf(group?.id, 'the new customer group');
				expectThat(group.name === run.groupName, `the group back with its name; got ${JSON.stringify(group)}`, ctx.last());
				return `group ${run.groupId}`;
			},
		},
		{
			name: 'Customer Create',
			run: async () => {
				const [customer] = await ctx.node({ resource: 'customer', operation: 'create', email: run.email, firstName: ctx.runId, lastName: 'Check' });
				run.customerId = idOf(customer?.id, 'the new customer');
				expectThat(customer.email === run.email, `the customer back with its e-mail; got ${JSON.stringify(customer)}`, ctx.last());
				return `customer ${run.customerId}`;
			},
		},
		{
			name: 'Customer Assign Group: the customer joins the new group',
			run: async () => {
				const [assigned] = await ctx.node({ resource: 'customer', operation: 'assignGroup', customerId: byId(need(run.customerId, 'the customer')), customerGroupId: byId(need(run.groupId, 'the group')) });
				expectThat(assigned?.customer_group_id === run.groupId, `customer_group_id ${run.groupId}; got ${JSON.stringify(assigned)}`, ctx.last());
				const [again] = await ctx.node({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { ids: String(run.customerId) } });
				expectThat(again?.customer_group_id === run.groupId, `customer_group_id ${run.groupId} on reading the customer again; got ${JSON.stringify(again)}`, ctx.last());
			},
		},
		{
			name: 'Webhook (plain POST /v3/hooks): registered, inactive',
			run: async () => {
				const body = (await ctx.plainExpect(200, 'POST', '/v3/hooks', {
					body: { scope: 'store/product/updated', destination: run.hookDestination, is_active: false, headers: { 'x-n8n-live': ctx.runId } },
				})) as IDataObject;
				const hook = (body?.data ?? {}) as IDataObject;
				run.hookId = idOf(hook.id, 'the new hook');
				expectThat(hook.destination === run.hookDestination && hook.is_active === false, 'the hook back with its destination, inactive', ctx.last());
				return `hook ${run.hookId}`;
			},
		},
		{
			name: 'Webhook (plain DELETE /v3/hooks/{id}): deleted, then 404',
			run: async () => {
				const id = need(run.hookId, 'the hook');
				await ctx.plainExpect(200, 'DELETE', `/v3/hooks/${id}`);
				await ctx.plainExpect(404, 'GET', `/v3/hooks/${id}`);
			},
		},
		{
			name: 'Metafield (plain DELETE): deleted',
			run: async () => {
				await ctx.plainExpect(204, 'DELETE', `/v3/catalog/products/${need(run.productId, 'the product')}/metafields/${need(run.metafieldId, 'the metafield')}`);
				const body = (await ctx.plainExpect(200, 'GET', `/v3/catalog/products/${run.productId}/metafields`, { qs: { namespace: METAFIELD_NAMESPACE } })) as IDataObject;
				expectThat(Array.isArray(body?.data) && !body.data.some((m) => (m as IDataObject).id === run.metafieldId), 'the metafield gone from the list', ctx.last());
			},
		},
		{
			name: 'Customer Delete: gone from Get Many',
			run: async () => {
				const [deleted] = await ctx.node({ resource: 'customer', operation: 'delete', customerId: byId(need(run.customerId, 'the customer')) });
				expectThat(deleted?.deleted === true, `{ deleted: true }; got ${JSON.stringify(deleted)}`, ctx.last());
				const left = await ctx.node({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { email: run.email } });
				expectThat(left.length === 0, `no customer with ${run.email}; found ${left.length}`, ctx.last());
			},
		},
		{
			name: 'Customer Group Delete: gone from Get Many',
			run: async () => {
				const [deleted] = await ctx.node({ resource: 'customerGroup', operation: 'delete', customerGroupId: byId(need(run.groupId, 'the group')) });
				expectThat(deleted?.deleted === true, `{ deleted: true }; got ${JSON.stringify(deleted)}`, ctx.last());
				const left = await ctx.node({ resource: 'customerGroup', operation: 'getAll', returnAll: true, filters: { name: run.groupName } });
				expectThat(left.length === 0, `no group named ${run.groupName}; found ${left.length}`, ctx.last());
			},
		},
		{
			name: 'Product Variant Delete: gone from Get Many',
			run: async () => {
				const [deleted] = await ctx.node({ resource: 'productVariant', operation: 'delete', productId: productLocator(), variantId: String(need(run.variantId, 'the variant')) });
				expectThat(deleted?.deleted === true, `{ deleted: true }; got ${JSON.stringify(deleted)}`, ctx.last());
				const variants = await ctx.node({ resource: 'productVariant', operation: 'getAll', productId: productLocator(), returnAll: true });
				expectThat(!variants.some((v) => v.id === run.variantId), `variant ${run.variantId} gone`, ctx.last());
			},
		},
		{
			name: 'Product Delete: gone from Get Many',
			run: async () => {
				const [deleted] = await ctx.node({ resource: 'product', operation: 'delete', productId: productLocator() });
				expectThat(deleted?.deleted === true, `{ deleted: true }; got ${JSON.stringify(deleted)}`, ctx.last());
				const left = await ctx.node({ resource: 'product', operation: 'getAll', returnAll: true, filters: { name: run.productName } });
				expectThat(left.length === 0, `no product named ${run.productName}; found ${left.length}`, ctx.last());
			},
		},
	];
}

/** Reads every page of a v3 list with plain requests. */
async function plainAll(ctx: LiveContext, path: string, qs: IDataObject): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let page = 1; page <= 100; page++) {
		const body = (await ctx.plainExpect(200, 'GET', path, { qs: { ...qs, page, limit: 250 } })) as IDataObject;
		all.push(...((body?.data ?? []) as IDataObject[]));
		const paging = ((body?.meta ?? {}) as IDataObject).pagination as IDataObject | undefined;
		if (!paging || Number(paging.current_page) >= Number(paging.total_pages)) break;
	}
	return all;
}

/** v2 lists answer 204 (no body) when nothing matches. */
async function plainV2(ctx: LiveContext, path: string, qs: IDataObject): Promise<IDataObject[]> {
	const answer = await ctx.plain('GET', path, { qs: { ...qs, limit: 250 } });
	expectThat(answer.status === 200 || answer.status === 204, 'HTTP 200 or 204', ctx.last());
	return Array.isArray(answer.body) ? (answer.body as IDataObject[]) : [];
}

function cleanupStep(name: string, find: () => Promise<IDataObject[]>, remove: (records: IDataObject[]) => Promise<void>): Step {
	return {
		name: `Cleanup: ${name}`,
		run: async () => {
			const found = await find();
			if (found.length) await remove(found);
			const left = await find();
			expectThat(left.length === 0, `nothing left; ${left.length} still there (IDs ${left.map((r) => r.id).join(', ')})`);
			return found.length ? `deleted ${found.length} left behind: ID ${found.map((r) => r.id).join(', ')}` : 'nothing left behind';
		},
	};
}

/** Runs after the write checks whatever their outcome; each finds the run's records by name. */
export function cleanupSteps(ctx: LiveContext, run: WriteRun): Step[] {
	return [
		cleanupStep(
			`no webhook with ${run.hookDestination}`,
			async () => (await plainAll(ctx, '/v3/hooks', {})).filter((hook) => String(hook.destination).includes(ctx.runId)),
			async (hooks) => {
				for (const hook of hooks) await ctx.plainExpect(200, 'DELETE', `/v3/hooks/${hook.id}`);
			},
		),
		cleanupStep(
			`no customer with ${run.email}`,
			async () => await plainAll(ctx, '/v3/customers', { 'email:in': run.email }),
			async (customers) => {
				await ctx.plainExpect(204, 'DELETE', '/v3/customers', { qs: { 'id:in': customers.map((c) => c.id).join(',') } });
			},
		),
		cleanupStep(
			`no customer group named ${run.groupName}`,
			async () => (await plainV2(ctx, '/v2/customer_groups', { 'name:like': ctx.runId })).filter((group) => String(group.name).includes(ctx.runId)),
			async (groups) => {
				for (const group of groups) await ctx.plainExpect(204, 'DELETE', `/v2/customer_groups/${group.id}`);
			},
		),
		cleanupStep(
			`no product named ${run.productName} (its variant and metafield go with it)`,
			// By exact name and by SKU: the products list has no documented "name contains" filter.
			async () => {
				const byName = await plainAll(ctx, '/v3/catalog/products', { name: run.productName });
				const bySku = await plainAll(ctx, '/v3/catalog/products', { sku: run.sku });
				const ids = new Set(byName.map((product) => product.id));
				return [...byName, ...bySku.filter((product) => !ids.has(product.id))];
			},
			async (products) => {
				for (const product of products) await ctx.plainExpect(204, 'DELETE', `/v3/catalog/products/${product.id}`);
			},
		),
	];
}
