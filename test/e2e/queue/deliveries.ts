/**
 * 1,000 deliveries through two webhook processes: 900 distinct events delivered round-robin by
 * the store, and 100 repeats of them, each sent to the other webhook process within a second of
 * the original's answer (the copy BigCommerce sends again, arriving through another process of
 * the load balancer). Exactly 900 executions must run, one per event, on both workers.
 */
import { randomUUID } from 'crypto';

import type { WorkflowJson } from '../../realn8n/n8nApi';
import type { QueueStack } from '../../realn8n/queueStack';
import { PUBLIC_WEBHOOK_URL } from '../../realn8n/stack';
import { expect, expectEqual, waitFor, type Checks } from '../checks';
import { allExecutions, executionsByWorker, seconds, settledExecutions, sleep } from './util';

const EVENTS = 900;
const REPEATS = 100;
/** Events the store emits at once before waiting for their deliveries. */
const BURST = 25;
const SCOPE = 'store/product/updated';
const FIRST_ID = 200000;

export interface DeliveryFigures {
	deliveries: number;
	repeats: number;
	repeatsRecognised: number;
	repeatsWithinSecond: number;
	maxRepeatDelayMs: number;
	perProcess: number[];
	executions: number;
	perWorker: number[];
	deliverMs: number;
	drainMs: number;
}

function eventWorkflow(credentialId: string, credentialName: string): WorkflowJson {
	return {
		name: 'Queue mode: product updates',
		nodes: [
			{
				id: randomUUID(),
				name: 'Product updated',
				type: 'n8n-nodes-bigcommerce.bigCommerceTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { events: [SCOPE], resolveData: false },
				credentials: { bigCommerceApi: { id: credentialId, name: credentialName } },
			},
			{ id: randomUUID(), name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { 'Product updated': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

export async function deliveryChecks(stack: QueueStack, checks: Checks, prefix: string): Promise<DeliveryFigures | undefined> {
	const { emulator, client } = stack;
	const json = eventWorkflow(stack.credential.id, stack.credential.name);
	const webhookId = String(json.nodes[0].webhookId);
	const destination = `${PUBLIC_WEBHOOK_URL}webhook/${webhookId}/webhook`;
	const created = await client.createWorkflow(json);
	const ports = stack.webhooks.map((w) => String(w.port));
	let figures: DeliveryFigures | undefined;

	await checks.run(
		`${prefix}${EVENTS + REPEATS} deliveries (${EVENTS} events, ${REPEATS} repeats at the other webhook process within a second): every event runs once on one of both workers, none is lost, a repeat recognised as such runs nothing`,
		async () => {
			await client.activate(created.id);
			await waitFor('the hook', () => (emulator.state.hooks.filter((h) => h.destination === destination).length ? true : undefined), 60000);
			const firstDelivery = emulator.deliveries.length;
			const repeatAnswers: Array<Promise<{ status: number; duplicate: boolean; delayMs: number }>> = [];
			let scanned = firstDelivery;
			let maxDelay = 0;
			// Repeats: every ninth event, again, at the webhook process that did not get it.
			const scan = () => {
				for (; scanned < emulator.deliveries.length; scanned++) {
					const entry = emulator.deliveries[scanned];
					const id = Number((entry.payload.data as { id?: number }).id) - FIRST_ID;
					if (entry.destination !== destination || id % 9 !== 0 || repeatAnswers.length >= REPEATS) continue;
					const answeredAt = Date.now();
					const target = new URL(entry.url);
					const other = ports.find((p) => p !== target.port) ?? target.port;
					const delay = 50 + Math.floor(Math.random() * 800);
					repeatAnswers.push(
						sleep(delay).then(async () => {
							const sentAfter = Date.now() - answeredAt;
							maxDelay = Math.max(maxDelay, sentAfter);
							const response = await fetch(`http://127.0.0.1:${other}${target.pathname}`, {
								method: 'POST',
								headers: entry.headers,
								body: JSON.stringify(entry.payload),
							});
							const body = (await response.json().catch(() => ({}))) as { duplicate?: boolean };
							return { status: response.status, duplicate: body.duplicate === true, delayMs: sentAfter };
						}),
					);
				}
			};
			const scanner = setInterval(scan, 20);
			const started = Date.now();
			try {
				for (let first = 0; first < EVENTS; first += BURST) {
					for (let i = first; i < Math.min(first + BURST, EVENTS); i++) emulator.emit(SCOPE, { type: 'product', id: FIRST_ID + i });
					await emulator.waitForDeliveries();
				}
				scan();
			} finally {
				clearInterval(scanner);
			}
			const repeats = await Promise.all(repeatAnswers);
			const deliverMs = Date.now() - started;
			const originals = emulator.deliveries.slice(firstDelivery).filter((d) => d.destination === destination);
			expectEqual(originals.length, EVENTS, 'deliveries by the store');
			const failed = originals.filter((d) => d.status !== 200);
			expect(!failed.length, `${failed.length} deliveries not answered 200: ${failed.slice(0, 3).map((d) => `${d.status} ${d.error ?? ''}`).join('; ')}`);
			expectEqual(repeats.length, REPEATS, 'repeats sent');
			expect(repeats.every((r) => r.status === 200), `repeat answers: ${repeats.map((r) => r.status).join(',').slice(0, 200)}`);
			const withinSecond = repeats.filter((r) => r.delayMs <= 1000).length;
			const perProcess = ports.map((port) => originals.filter((d) => new URL(d.url).port === port).length);

			const drainStarted = Date.now();
			const rows = await settledExecutions(client, created.id, EVENTS, 15 * 60000);
			const drainMs = Date.now() - drainStarted;
			const unsuccessful = rows.filter((r) => r.status !== 'success');
			expect(!unsuccessful.length, `${unsuccessful.length} executions did not succeed (${unsuccessful.slice(0, 3).map((r) => `${r.id}: ${r.status}`).join(', ')})`);
			// Which event each execution ran: every event exactly once.
			const withData = await allExecutions(client, created.id, true);
			const eventIds = withData.map((row) => {
				const item = row.data?.resultData.runData['Product updated']?.[0]?.data?.main?.[0]?.[0]?.json;
				return Number((item?.data as { id?: number } | undefined)?.id);
			});
			const distinct = new Set(eventIds);
			const byWorker = executionsByWorker(stack.workers);
			const perWorker = byWorker.map((ids) => rows.filter((r) => ids.has(r.id)).length);
			figures = {
				deliveries: originals.length + repeats.length,
				repeats: repeats.length,
				repeatsRecognised: repeats.filter((r) => r.duplicate).length,
				repeatsWithinSecond: withinSecond,
				maxRepeatDelayMs: maxDelay,
				perProcess,
				executions: rows.length,
				perWorker,
				deliverMs,
				drainMs,
			};
			const summary =
				`${figures.deliveries} deliveries (${perProcess.join(' + ')} by the store, ${repeats.length} repeats, ` +
				`${figures.repeatsRecognised} answered as duplicates, ${withinSecond} sent within 1 s of the original's answer, at most ${seconds(maxDelay)}); ` +
				`${rows.length} executions, ${perWorker.join(' + ')} per worker; delivered in ${seconds(deliverMs)}, queue drained ${seconds(drainMs)} later`;
			// Every event ran; the only extra executions are repeats the trigger did not recognise
			// (see README, "Running at scale": n8n saves static data after the answer, and a save
			// by one webhook process can hide another's record for a moment).
			expectEqual(distinct.size, EVENTS, `distinct events executed (${summary})`);
			expect(eventIds.every((id) => id >= FIRST_ID && id < FIRST_ID + EVENTS), `an execution of no event sent (${summary})`);
			expectEqual(rows.length, EVENTS + (repeats.length - figures.repeatsRecognised), `executions: one per event plus one per repeat not recognised (${summary})`);
			expect(perWorker.every((n) => n > 0), `an idle worker (${summary})`);
			expectEqual(perWorker.reduce((a, b) => a + b, 0), rows.length, `executions named in the workers' logs (${summary})`);
			return summary;
		},
	);
	try {
		await client.deactivate(created.id);
	} catch {
		// reported by the checks above if it matters
	}
	return figures;
}
