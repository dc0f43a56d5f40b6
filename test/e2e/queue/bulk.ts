/**
 * Two bulk runs at once on two workers against one rate-limited store: the catalog import
 * example (Create or Update by SKU) with a 5,000-row CSV, and the stock sync example with
 * 2,000 counts. Both are started by a webhook, as production runs in queue mode are, so the
 * workers run them. Afterwards: no failed item, no duplicate product, every stock level set.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import type { WorkflowJson } from '../../realn8n/n8nApi';
import type { QueueStack } from '../../realn8n/queueStack';
import { prepareExample } from '../../realn8n/stack';
import { expect, expectEqual, waitFor, type Checks } from '../checks';
import { allExecutions, executionsByWorker, seconds } from './util';

const IMPORT_ROWS = 5000;
/** Rows of the import that update products the store has; the rest create products. */
const IMPORT_UPDATES = 1000;
const STOCK_ROWS = 2000;
/** The store's quota for the run: requests per window, as BigCommerce's X-Rate-Limit headers give it. */
export const RATE_LIMIT = { quota: 150, windowMs: 5000 };

export interface BulkFigures {
	itemsWritten: number;
	imported: number;
	created: number;
	stockLevels: number;
	requests: number;
	limited: number;
	importMs: number;
	stockMs: number;
	workers: string;
}

/** The example workflow, started by a production webhook instead of the editor's button. */
function startedByWebhook(workflow: WorkflowJson, webhookPath: string): WorkflowJson {
	const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!manual) throw new Error(`${workflow.name} has no manual trigger`);
	const start = 'Start';
	const nodes = workflow.nodes.map((n) =>
		n === manual
			? {
					id: randomUUID(),
					name: start,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: n.position,
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
				}
			: n,
	);
	const connections = { ...workflow.connections } as Record<string, unknown>;
	connections[start] = connections[manual.name];
	delete connections[manual.name];
	return { ...workflow, name: `${workflow.name} (queue mode)`, nodes, connections };
}

async function runToEnd(stack: QueueStack, workflowId: string, webhookPath: string, port: number): Promise<string> {
	const response = await fetch(`http://127.0.0.1:${port}/webhook/${webhookPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	await response.arrayBuffer();
	expectEqual(response.status, 200, `start of ${webhookPath}`);
	const execution = await waitFor(
		`the ${webhookPath} execution to end`,
		async () => (await allExecutions(stack.client, workflowId)).find((e) => e.stoppedAt),
		25 * 60000,
	);
	return execution.id;
}

function outputOf(rows: Awaited<ReturnType<typeof allExecutions>>, node: string): Array<Record<string, unknown>> {
	return rows[0]?.data?.resultData.runData[node]?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [];
}

export async function bulkChecks(stack: QueueStack, checks: Checks, prefix: string): Promise<BulkFigures | undefined> {
	const { emulator, client } = stack;
	const state = emulator.state;
	let figures: BulkFigures | undefined;
	await checks.run(
		`${prefix}a ${IMPORT_ROWS}-row Create or Update import and a ${STOCK_ROWS}-row stock sync on two workers at once against one rate-limited store: no failed item, nothing duplicated`,
		async () => {
			// The store: SCALE-* products for the stock counts and for the import's updates.
			const before = new Set([...state.products.values()].map((p) => p.id));
			emulator.seedScale({ products: STOCK_ROWS + IMPORT_UPDATES });
			const scale = [...state.products.values()].filter((p) => !before.has(p.id)).sort((a, b) => a.id - b.id);
			const stockSkus = scale.slice(0, STOCK_ROWS).map((p) => p.sku);
			const updateSkus = scale.slice(STOCK_ROWS).map((p) => p.sku);
			const csvRows = Array.from({ length: IMPORT_ROWS }, (_, i) => {
				const sku = i < IMPORT_UPDATES ? updateSkus[i] : `QIMP-${String(i).padStart(5, '0')}`;
				const price = 10 + (i % 50);
				return { sku, name: `Queue import ${sku}`, price, weight: 1 + (i % 3), stock: i % 97, visible: i % 2 ? 'yes' : 'no', categories: '1', image: `https://cdn.example.com/queue/${sku}.jpg` };
			});
			fs.writeFileSync(
				path.join(stack.filesFolder, 'queue-import.csv'),
				['sku,name,price,weight,stock,visible,category_ids,image_url', ...csvRows.map((r) => `${r.sku},${r.name},${r.price},${r.weight},${r.stock},${r.visible},${r.categories},${r.image}`)].join('\n') + '\n',
			);
			const levels = stockSkus.map((sku, i) => ({ sku, locationId: 1, quantity: 1000 + i }));

			const importJson = startedByWebhook(prepareExample('02-spreadsheet-catalog-import.json', stack.credential, stack.filesFolder), 'queue-import');
			const reader = importJson.nodes.find((n) => n.type === 'n8n-nodes-base.readWriteFile');
			expect(reader, 'the import example has no file reader');
			reader.parameters = { ...reader.parameters, fileSelector: path.join(stack.filesFolder, 'queue-import.csv') };
			const stockJson = startedByWebhook(prepareExample('03-stock-sync.json', stack.credential, stack.filesFolder), 'queue-stock');
			const counts = stockJson.nodes.find((n) => n.name === 'Stock counts from the warehouse');
			expect(counts, 'the stock sync example has no counts node');
			counts.parameters = { ...counts.parameters, jsonOutput: JSON.stringify({ levels }) };
			const importWf = await client.createWorkflow(importJson);
			const stockWf = await client.createWorkflow(stockJson);
			await client.activate(importWf.id);
			await client.activate(stockWf.id);

			const productsBefore = state.products.size;
			emulator.setRateLimit(RATE_LIMIT);
			const limitedBefore = emulator.rateLimitStats.limited;
			const requestsBefore = emulator.requests.length;
			const started = Date.now();
			let importMs = 0;
			let stockMs = 0;
			const [importId, stockId] = await Promise.all([
				runToEnd(stack, importWf.id, 'queue-import', stack.webhooks[0].port).then((id) => ((importMs = Date.now() - started), id)),
				runToEnd(stack, stockWf.id, 'queue-stock', stack.webhooks[1].port).then((id) => ((stockMs = Date.now() - started), id)),
			]);
			emulator.setRateLimit(false);
			const limited = emulator.rateLimitStats.limited - limitedBefore;
			const requests = emulator.requests.length - requestsBefore;

			const byWorker = executionsByWorker(stack.workers);
			const importWorker = byWorker.findIndex((ids) => ids.has(importId));
			const stockWorker = byWorker.findIndex((ids) => ids.has(stockId));
			const importRun = (await allExecutions(client, importWf.id, true)).filter((r) => r.id === importId);
			const stockRun = (await allExecutions(client, stockWf.id, true)).filter((r) => r.id === stockId);
			expectEqual(importRun[0]?.status, 'success', `import execution ${importId} (${importRun[0]?.data?.resultData.error?.message ?? ''})`);
			expectEqual(stockRun[0]?.status, 'success', `stock sync execution ${stockId} (${stockRun[0]?.data?.resultData.error?.message ?? ''})`);
			const imported = outputOf(importRun, 'Create or update product by SKU');
			const synced = outputOf(stockRun, 'Set stock level');
			expectEqual(imported.length, IMPORT_ROWS, 'import output items');
			expectEqual(imported.filter((i) => i.error !== undefined).length, 0, 'failed import items');
			expectEqual(synced.length, STOCK_ROWS, 'stock sync output items');
			expectEqual(synced.filter((i) => i.error !== undefined).length, 0, 'failed stock items');

			// The store: each SKU once, every row written, every count set.
			const created = IMPORT_ROWS - IMPORT_UPDATES;
			expectEqual(state.products.size, productsBefore + created, 'products in the store');
			const skus = [...state.products.values()].map((p) => p.sku.toLowerCase());
			expectEqual(new Set(skus).size, skus.length, 'distinct product SKUs');
			const wrong: string[] = [];
			for (const row of csvRows) {
				const owner = state.skuIndex.get(row.sku.toLowerCase());
				const product = owner ? state.products.get(owner.productId) : undefined;
				if (!product || Number(product.price) !== row.price || (product.stock[1] ?? 0) !== row.stock || product.name !== row.name) {
					wrong.push(`${row.sku}: ${product ? `${product.name} ${product.price} stock ${product.stock[1]}` : 'missing'}`);
				}
			}
			for (const level of levels) {
				const owner = state.skuIndex.get(level.sku.toLowerCase());
				const product = owner ? state.products.get(owner.productId) : undefined;
				if ((product?.stock[1] ?? -1) !== level.quantity) wrong.push(`${level.sku}: stock ${product?.stock[1]} instead of ${level.quantity}`);
			}
			expect(!wrong.length, `${wrong.length} SKUs not as written: ${wrong.slice(0, 5).join('; ')}`);
			expect(importWorker >= 0 && stockWorker >= 0 && importWorker !== stockWorker, `the runs did not run on two workers (import on ${importWorker + 1}, stock on ${stockWorker + 1})`);
			figures = {
				itemsWritten: IMPORT_ROWS + STOCK_ROWS,
				imported: IMPORT_ROWS,
				created,
				stockLevels: STOCK_ROWS,
				requests,
				limited,
				importMs,
				stockMs,
				workers: `import on worker ${importWorker + 1}, stock sync on worker ${stockWorker + 1}`,
			};
			await client.deactivate(importWf.id);
			await client.deactivate(stockWf.id);
			return (
				`${IMPORT_ROWS} rows (${created} created, ${IMPORT_UPDATES} updated) in ${seconds(importMs)}, ${STOCK_ROWS} stock levels in ${seconds(stockMs)}, ` +
				`${figures.workers}; ${requests} API requests, ${limited} answered 429 (quota ${RATE_LIMIT.quota} per ${RATE_LIMIT.windowMs / 1000}s)`
			);
		},
	);
	return figures;
}
