/**
 * Every example workflow, executed in the real n8n against the emulator: what it output and
 * what the store holds afterwards.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { WorkflowJson } from '../realn8n/n8nApi';
import { executeWorkflowCli, type CliExecution } from '../realn8n/n8nProcess';
import { EXAMPLES_DIR, type ImportedWorkflow, type Stack } from '../realn8n/stack';
import { expect, expectEqual, type Checks } from './checks';

type State = Stack['emulator']['state'];

function readCsv(file: string): Array<Record<string, string>> {
	const [header, ...rows] = fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8').trim().split('\n');
	const columns = header.split(',');
	return rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [columns[i], value])));
}

/** Stock of a SKU at a location, where the store keeps it (product or variant). */
function stockOf(state: State, sku: string, locationId: number): number | undefined {
	const owner = state.skuIndex.get(sku.toLowerCase());
	if (!owner) return undefined;
	const product = state.products.get(owner.productId);
	if (!product) return undefined;
	if (product.inventory_tracking === 'variant' && owner.variantId !== null) {
		return state.variants.get(owner.variantId)?.stock[locationId] ?? 0;
	}
	return product.stock[locationId] ?? 0;
}

function findBySku(state: State, sku: string) {
	const owner = state.skuIndex.get(sku.toLowerCase());
	if (!owner) return undefined;
	const product = state.products.get(owner.productId);
	const variant = owner.variantId !== null ? state.variants.get(owner.variantId) : undefined;
	return product ? { product, variant, isOwnSku: product.sku.toLowerCase() === sku.toLowerCase() } : undefined;
}

function nodeOutput(run: CliExecution, node: string) {
	const output = run.nodes[node];
	expect(output, `node "${node}" did not run (ran: ${Object.keys(run.nodes).join(', ')})`);
	expect(!output.error, `node "${node}" failed: ${output.error?.message} ${output.error?.description ?? ''}`);
	return output;
}

async function execute(stack: Stack, workflow: ImportedWorkflow): Promise<CliExecution> {
	const run = await executeWorkflowCli(stack.n8n, workflow.id);
	expect(run.ok, `the execution failed: ${run.error}`);
	return run;
}

function workflowFor(stack: Stack, prefix: string): ImportedWorkflow {
	const workflow = stack.workflows.find((w) => w.file.startsWith(prefix));
	expect(workflow, `no example ${prefix}*.json was imported`);
	return workflow;
}

export async function exampleChecks(stack: Stack, checks: Checks, prefix: string): Promise<void> {
	const { emulator } = stack;
	const state = emulator.state;

	await checks.run(`${prefix}n8n imported every example workflow`, () => {
		const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => /^\d\d-.*\.json$/.test(f));
		expectEqual(stack.workflows.map((w) => w.file), files.sort(), 'imported examples');
		return `${files.length} workflows`;
	});

	await checks.run(`${prefix}example "spreadsheet -> catalog" upserts the CSV by SKU`, async () => {
		const rows = readCsv('catalog-import.csv');
		const productsBefore = state.products.size;
		const newRows = rows.filter((row) => !state.skuIndex.has(row.sku.toLowerCase()));
		const run = await execute(stack, workflowFor(stack, '02-'));
		const output = nodeOutput(run, 'Create or update product by SKU');
		expectEqual(output.items.length, rows.length, 'output items (one per CSV row)');
		expectEqual(state.products.size, productsBefore + newRows.length, 'products in the store');
		for (const [i, row] of rows.entries()) {
			const found = findBySku(state, row.sku);
			expect(found, `row ${i + 1}: no product or variant with SKU ${row.sku} in the store`);
			const record = found.isOwnSku ? found.product : found.variant;
			expect(record, `row ${i + 1}: SKU ${row.sku} has no record`);
			expectEqual(Number(record.price), Number(row.price), `row ${i + 1} (${row.sku}) price`);
			expectEqual(stockOf(state, row.sku, 1), Number(row.stock), `row ${i + 1} (${row.sku}) stock`);
			if (found.isOwnSku) {
				expectEqual(found.product.is_visible, row.visible === 'yes', `row ${i + 1} (${row.sku}) visibility`);
				expectEqual([...found.product.categories].sort((a, b) => a - b), row.category_ids.split(';').map(Number), `row ${i + 1} (${row.sku}) categories`);
			}
			const item = output.items[i];
			const itemSku = String(item.sku ?? (item.variant as { sku?: string } | undefined)?.sku ?? '');
			expect(
				JSON.stringify(item).toLowerCase().includes(`"${row.sku.toLowerCase()}"`),
				`output item ${i + 1} is not about SKU ${row.sku}: ${itemSku || JSON.stringify(item).slice(0, 200)}`,
			);
		}
		return `${rows.length} rows, ${newRows.length} new, store has ${state.products.size} products`;
	});

	await checks.run(`${prefix}example "stock sync" sets each SKU's stock per location`, async () => {
		const workflow = workflowFor(stack, '03-');
		const setNode = workflow.json.nodes.find((n) => n.name === 'Stock counts from the warehouse');
		expect(setNode, 'the sample counts node is missing');
		const levels = (JSON.parse(String(setNode.parameters?.jsonOutput)) as { levels: Array<{ sku: string; locationId: number; quantity: number }> }).levels;
		const run = await execute(stack, workflow);
		const output = nodeOutput(run, 'Set stock level');
		expectEqual(output.items.length, levels.length, 'output items (one per SKU and location)');
		for (const level of levels) {
			expectEqual(stockOf(state, level.sku, level.locationId), level.quantity, `stock of ${level.sku} at location ${level.locationId}`);
		}
		return `${levels.length} levels at ${new Set(levels.map((l) => l.locationId)).size} locations`;
	});

	await checks.run(`${prefix}example "B2B" puts the domain's customers into the Wholesale group`, async () => {
		const wholesale = state.customerGroups.find((g) => g.name === 'Wholesale');
		expect(wholesale, 'the demo store has no Wholesale group');
		const matching = state.customers.filter((c) => c.email.toLowerCase().endsWith('@wholesale.example.org'));
		const others = state.customers.filter((c) => !c.email.toLowerCase().endsWith('@wholesale.example.org'));
		const othersBefore = others.map((c) => c.customer_group_id);
		expect(matching.length > 0, 'the demo store has no customer of that domain');
		const run = await execute(stack, workflowFor(stack, '04-'));
		expectEqual(nodeOutput(run, 'Get all customers').items.length, state.customers.size, 'customers read (all pages)');
		const output = nodeOutput(run, 'Assign to Wholesale group');
		expectEqual(output.items.length, matching.length, 'output items (one per matching customer)');
		for (const customer of matching) {
			expectEqual(state.customers.get(customer.id)?.customer_group_id, wholesale.id, `group of ${customer.email}`);
		}
		expectEqual(others.map((c) => state.customers.get(c.id)?.customer_group_id), othersBefore, 'groups of the other customers');
		return `${matching.length} customers now in group ${wholesale.id} (Wholesale)`;
	});

	await checks.run(`${prefix}example "orders report" lists every order of the range and status`, async () => {
		const since = new Date();
		since.setHours(0, 0, 0, 0);
		since.setDate(since.getDate() - 30);
		const expected = state.orders
			.filter((o) => o.status_id === 11 && Date.parse(o.date_created) >= since.getTime() - 1000)
			.sort((a, b) => Date.parse(a.date_created) - Date.parse(b.date_created) || a.id - b.id)
			.map((o) => o.id);
		expect(expected.length > 0, 'the demo store has no order in that range and status');
		const run = await execute(stack, workflowFor(stack, '05-'));
		const orders = nodeOutput(run, 'Get orders').items;
		expectEqual(
			orders.map((o) => o.id).sort((a, b) => Number(a) - Number(b)),
			[...expected].sort((a, b) => a - b),
			'orders in the report',
		);
		expect(orders.every((o) => o.status_id === 11), 'an order of another status is in the report');
		const rows = nodeOutput(run, 'Report columns').items;
		expect(rows.every((r) => typeof r.Total === 'number' && r.Total > 0), `totals are not numbers: ${JSON.stringify(rows[0])}`);
		const file = nodeOutput(run, 'orders-report.csv');
		expectEqual(file.binaryKeys, [['data']], 'the CSV file item');
		return `${orders.length} orders, into orders-report.csv`;
	});

	await checks.run(`${prefix}example "refund a cancelled order" quotes first, then refunds exactly the quote`, async () => {
		const cancelled = state.orders.find((o) => o.status_id === 5 && o.payment_status === 'captured');
		expect(cancelled, 'the demo store has no cancelled, paid order');
		const refundsBefore = state.refunds.size;
		const run = await execute(stack, workflowFor(stack, '08-'));
		const [quote] = nodeOutput(run, 'Quote the refund').items;
		expectEqual(quote?.order_id, cancelled.id, 'order quoted');
		const [shown] = nodeOutput(run, 'Quote').items;
		expectEqual(shown?.['Refund total'], quote.total_refund_amount, 'refund total shown');
		const [refund] = nodeOutput(run, 'Refund as quoted').items;
		expectEqual(state.refunds.size, refundsBefore + 1, 'refunds in the store');
		const stored = state.refunds.get(Number(refund?.id));
		expect(stored, `refund ${String(refund?.id)} is not in the store`);
		expectEqual(stored.order_id, cancelled.id, 'order refunded');
		expectEqual(stored.total_amount, quote.total_refund_amount, 'refund total against the quote');
		expectEqual(stored.total_amount, Number(cancelled.total_inc_tax), 'refund total against the order');
		expectEqual(state.orders.get(cancelled.id)?.refunded_amount, cancelled.total_inc_tax, "the order's refunded amount");
		return `order ${cancelled.id}: quoted and refunded ${stored.total_amount.toFixed(2)} with ${stored.payments.map((p) => p.provider_id).join(' + ')}`;
	});

	await checks.run(`${prefix}example "wholesale price list" writes the sheet's prices and assigns the list to the Wholesale group`, async () => {
		const workflow = workflowFor(stack, '09-');
		const sheet = workflow.json.nodes.find((n) => n.name === 'Wholesale price sheet');
		expect(sheet, 'the sample price sheet node is missing');
		const rows = (JSON.parse(String(sheet.parameters?.jsonOutput)) as { prices: Array<{ sku: string; currency: string; price: number }> }).prices;
		const wholesale = state.customerGroups.find((g) => g.name === 'Wholesale');
		expect(wholesale, 'the demo store has no Wholesale group');
		// Run twice: the second run finds the list, updates the prices in place and assigns nothing again.
		for (const round of [1, 2]) {
			const run = await execute(stack, workflow);
			expectEqual(nodeOutput(run, 'Set wholesale prices').items.length, rows.length, `round ${round}: output items (one per row)`);
		}
		const lists = state.priceLists.filter((l) => l.name === 'Wholesale');
		expectEqual(lists.length, 1, 'price lists named Wholesale');
		const records = [...state.priceRecords.of(lists[0].id).values()];
		expectEqual(records.length, rows.length, 'price records in the list');
		for (const row of rows) {
			const owner = state.skuIndex.get(row.sku.toLowerCase());
			expect(owner?.variantId, `SKU ${row.sku} has no variant in the store`);
			const record = records.find((r) => r.variant_id === owner.variantId && r.currency === row.currency.toLowerCase());
			expectEqual(record?.price, row.price, `price of ${row.sku} in ${row.currency}`);
		}
		const assignments = state.priceListAssignments.filter((a) => a.price_list_id === lists[0].id);
		expectEqual(assignments.map((a) => [a.customer_group_id, a.channel_id]), [[wholesale.id, null]], 'assignments of the list');
		return `${records.length} prices in list ${lists[0].id}, assigned to group ${wholesale.id} (Wholesale)`;
	});

	await checks.run(`${prefix}example "AI agent" imports, and its order tool answers against the store`, async () => {
		const workflow = workflowFor(stack, '06-');
		const types = await stack.client.get<Array<{ name: string }>>('/types/nodes.json');
		const known = new Set(types.map((t) => t.name));
		const unknown = workflow.json.nodes.filter((n) => !known.has(n.type)).map((n) => n.type);
		expect(!unknown.length, `node types n8n does not know: ${unknown.join(', ')}`);
		// Without a language model, run the tool's exact configuration with the order number the model would give.
		const tool = workflow.json.nodes.find((n) => n.type === 'n8n-nodes-bigcommerce.bigCommerceTool');
		expect(tool, 'the workflow has no BigCommerce tool');
		const order = state.orders.find((o) => (state.orderShippingAddresses.get(o.id) ?? []).length > 0);
		expect(order, 'no order with a shipping address in the store');
		const parameters = JSON.parse(JSON.stringify(tool.parameters).replace(/=\{\{ \$fromAI\([^}]*\) \}\}/g, String(order.id))) as Record<string, unknown>;
		delete parameters.descriptionType;
		delete parameters.toolDescription;
		const probe: WorkflowJson = {
			name: 'e2e: AI tool probe',
			nodes: [
				{ id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'tool', name: 'Get order', type: 'n8n-nodes-bigcommerce.bigCommerce', typeVersion: 1, position: [200, 0], parameters, credentials: tool.credentials },
			],
			connections: { Start: { main: [[{ node: 'Get order', type: 'main', index: 0 }]] } },
		};
		const created = await stack.client.createWorkflow(probe);
		const run = await execute(stack, { file: 'probe', id: created.id, name: created.name, json: probe });
		const [answer] = nodeOutput(run, 'Get order').items;
		expectEqual(answer?.id, order.id, 'order the tool returned');
		expect(Array.isArray(answer.products) && answer.products.length > 0, 'the answer has no line items');
		expect(Array.isArray(answer.shipping_addresses) && answer.shipping_addresses.length > 0, 'the answer has no shipping address');
		return `order ${order.id}: ${answer.status}, ${(answer.products as unknown[]).length} line(s)`;
	});

	await checks.run(`${prefix}example "warehouse sheet -> shipments" ships each row's order once, shipped orders as clear items`, async () => {
		const workflow = workflowFor(stack, '07-');
		const sheet = workflow.json.nodes.find((n) => n.name === 'Warehouse sheet');
		expect(sheet, 'the sample sheet node is missing');
		const rows = (JSON.parse(String(sheet.parameters?.jsonOutput)) as { rows: Array<{ orderId: number; trackingNumber: string }> }).rows;
		const leftToShip = (orderId: number) =>
			(state.orderProducts.get(orderId) ?? []).some((line) => line.type !== 'digital' && line.quantity_shipped < line.quantity);
		const open = rows.filter((row) => leftToShip(row.orderId));
		const done = rows.filter((row) => !leftToShip(row.orderId));
		expect(open.length > 0 && done.length > 0, 'the demo store needs rows both to ship and shipped already');
		const shipmentsBefore = state.shipments.size;
		const run = await execute(stack, workflow);
		const output = nodeOutput(run, 'Create shipment').items;
		expectEqual(output.length, rows.length, 'output items (one per row)');
		for (const [i, row] of rows.entries()) {
			const shipments = state.shipments.filter((s) => s.order_id === row.orderId && s.tracking_number === row.trackingNumber);
			if (open.includes(row)) {
				expectEqual(shipments.length, 1, `shipments of order ${row.orderId} with tracking ${row.trackingNumber}`);
				expectEqual(state.orders.get(row.orderId)?.status_id, 2, `status of order ${row.orderId}`);
				expectEqual(output[i].tracking_number, row.trackingNumber, `row ${i + 1}: tracking number`);
			} else {
				expectEqual(shipments.length, 0, `shipments of order ${row.orderId} (shipped already)`);
				expectEqual(output[i].error, `Order ${row.orderId} has no items left to ship`, `row ${i + 1}: the item of an order shipped already`);
			}
		}
		expectEqual(state.shipments.size, shipmentsBefore + open.length, 'shipments in the store');
		const results = nodeOutput(run, 'Shipped or skipped').items.map((item) => item.Result);
		expectEqual(results.filter((result) => result === 'Shipped').length, open.length, 'rows reported shipped');
		return `${open.length} orders shipped, ${done.length} shipped already reported as items`;
	});

	await checks.run(`${prefix}example "storefront prices" reads every visible product's price from the storefront`, async () => {
		const visible = state.products.filter((p) => p.is_visible);
		const run = await execute(stack, workflowFor(stack, '11-'));
		const rows = nodeOutput(run, 'Price list').items;
		expectEqual(rows.map((row) => row.Product), visible.map((p) => p.id), 'products listed (all pages, in order)');
		expectEqual(
			rows.map((row) => row.Price),
			visible.map((p) => (p.sale_price > 0 ? p.sale_price : p.price)),
			'storefront prices',
		);
		return `${rows.length} products over ${Math.ceil(visible.length / 5)} pages`;
	});
}
