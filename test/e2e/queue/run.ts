/**
 * `npm run test:e2e -- --queue`: the package in n8n 2.x's queue mode (Postgres, Redis, one
 * main, two webhook processes behind a round-robin balancer, two workers): hooks registered
 * once and healed by a restart, 1,000 deliveries giving one execution per event on both
 * workers, two bulk runs at once on two workers against one rate-limited store, and the
 * polling trigger polled by the leader only.
 */
import type { N8nServer } from '../../realn8n/n8nProcess';
import type { PackedPackage } from '../../realn8n/package';
import { startQueueStack, type QueueStack } from '../../realn8n/queueStack';
import { N8N_2 } from '../../realn8n/runtimes';
import type { Checks } from '../checks';
import { bulkChecks } from './bulk';
import { deliveryChecks } from './deliveries';
import { hookChecks } from './hooks';
import { pollQueueChecks } from './poll';
import { seconds } from './util';

/** Each worker takes one job at a time, so two runs started together go to two workers. */
const WORKER_CONCURRENCY = 1;

export async function runQueueMode(checks: Checks, packed: PackedPackage, log: (line: string) => void): Promise<string[]> {
	const spec = N8N_2;
	const label = `${spec.label} queue mode`;
	log(`\n== ${label}: n8n ${spec.n8nVersion} on Node ${spec.nodeVersion.split('.')[0]}, Postgres, Redis, 1 main, 2 webhook processes, 2 workers ==`);
	const started = Date.now();
	let stack: QueueStack | undefined;
	const prefix = `${label}: `;
	try {
		try {
			stack = await startQueueStack({ spec, packed, log: (line) => log(`  ${line}`), workerConcurrency: WORKER_CONCURRENCY });
			checks.pass(
				`${prefix}Postgres, Redis and five n8n processes start with the package installed`,
				`services ${seconds(stack.timings.servicesMs)}, n8n ${seconds(stack.timings.startMs)}`,
			);
		} catch (error) {
			checks.fail(`${prefix}Postgres, Redis and five n8n processes start with the package installed`, (error as Error).message);
			return [`${label}: did not start`];
		}
		const hooks = await hookChecks(stack, checks, prefix);
		const deliveries = await deliveryChecks(stack, checks, prefix);
		const bulk = await bulkChecks(stack, checks, prefix);
		const poll = await pollQueueChecks(stack, checks, prefix);
		const failuresHere = checks.results.filter((r) => !r.ok && r.name.startsWith(prefix)).length;
		if (failuresHere) {
			const servers: Array<[string, N8nServer]> = [
				['main', stack.main],
				...stack.webhooks.map((w, i): [string, N8nServer] => [`webhook-${i + 1}`, w]),
				...stack.workers.map((w, i): [string, N8nServer] => [`worker-${i + 1}`, w]),
			];
			for (const [name, server] of servers) {
				const errors = server.log().split('\n').filter((line) => /error|fail/i.test(line)).slice(-8).join('\n');
				if (errors) log(`  ${name}'s log, lines with errors (last 8):\n${errors}`);
			}
		}
		const lines = [
			`${label}: services ${seconds(stack.timings.servicesMs)}, n8n start ${seconds(stack.timings.startMs)}, total ${seconds(Date.now() - started)}`,
			`  hooks registered: ${hooks.hooksRegistered}${hooks.restartMs !== undefined ? ` (main restarted in ${seconds(hooks.restartMs)})` : ''}`,
		];
		if (deliveries) {
			lines.push(
				`  deliveries: ${deliveries.deliveries} (${deliveries.perProcess.join(' + ')} by the store, ${deliveries.repeats} repeats at the other process, ` +
					`${deliveries.repeatsWithinSecond} of them within 1 s, ${deliveries.repeatsRecognised} answered as duplicates), ` +
					`executions: ${deliveries.executions} (${deliveries.perWorker.join(' + ')} per worker), delivered in ${seconds(deliveries.deliverMs)}, drained ${seconds(deliveries.drainMs)} later`,
			);
		}
		if (bulk) {
			lines.push(
				`  items written: ${bulk.itemsWritten} (${bulk.imported} imported, ${bulk.created} of them created; ${bulk.stockLevels} stock levels), ` +
					`${bulk.requests} requests, 429s: ${bulk.limited}, import ${seconds(bulk.importMs)}, stock sync ${seconds(bulk.stockMs)} (${bulk.workers})`,
			);
		}
		if (poll) {
			lines.push(`  polling trigger: ${poll.orders} new orders -> ${poll.rows} rows in ${poll.executions} execution(s), ${poll.onWorkers} on workers`);
		}
		return lines;
	} finally {
		if (stack) await stack.stop();
	}
}
