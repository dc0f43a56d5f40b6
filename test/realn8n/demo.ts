/**
 * `npm run demo`: a real n8n 2.x with this package, the store emulator with a demo store, a
 * credential and the example workflows, until Ctrl-C. The first run installs Node 24 and n8n
 * into a cache outside the repository (about 10 minutes); later runs start in seconds.
 *
 * Environment: DEMO_PORT (n8n, default 5678 when free), DEMO_EMULATOR_PORT (default 4000 when free).
 */
import * as net from 'net';

import { DEMO_OWNER } from './n8nApi';
import { freePort, killAllStarted, tail } from './n8nProcess';
import { N8N_2, cacheRoot } from './runtimes';
import { PUBLIC_WEBHOOK_URL, startStack, type Stack } from './stack';

const log = (line: string) => process.stdout.write(`${line}\n`);

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function pickPort(wanted: string | undefined, preferred: number): Promise<number> {
	if (wanted) return Number(wanted);
	return (await isFree(preferred)) ? preferred : await freePort();
}

async function main(): Promise<void> {
	const started = Date.now();
	log(`n8n-nodes-bigcommerce demo: n8n ${N8N_2.n8nVersion} on Node ${N8N_2.nodeVersion} (cache: ${cacheRoot()})`);
	const n8nPort = await pickPort(process.env.DEMO_PORT, 5678);
	const emulatorPort = await pickPort(process.env.DEMO_EMULATOR_PORT, 4000);
	let stack: Stack | undefined;
	let stopping = false;
	const shutdown = async (reason: string, code: number) => {
		if (stopping) return;
		stopping = true;
		log(`\n${reason}: stopping n8n and the emulator...`);
		await stack?.stop();
		killAllStarted();
		if (stack) log(`n8n's log is kept: ${stack.n8n.logFile}`);
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C', 0));
	process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

	stack = await startStack({ spec: N8N_2, log, n8nPort, emulatorPort, keepLog: true });
	if (stopping) return;
	const { emulator, n8n, client, workflows } = stack;

	// The new-order alert listens for real: publishing registers its webhook in the store.
	const alert = workflows.find((w) => w.file.startsWith('01-'));
	let alertNote = '';
	if (alert) {
		try {
			await client.activate(alert.id);
			alertNote = ' (active: its webhook is registered in the store)';
		} catch (error) {
			alertNote = ` (could not be activated: ${(error as Error).message})`;
		}
	}
	const store = `${emulator.baseUrl}/stores/${emulator.storeHash}`;
	const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
	log('');
	log('================================================================================');
	log(` n8n is ready: ${n8n.baseUrl}/`);
	log(`   Log in as   ${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}`);
	log('');
	log(` Example workflows (Overview > Workflows), credential "${stack.credential.name}":`);
	for (const workflow of workflows) {
		log(`   ${n8n.baseUrl}/workflow/${workflow.id}  ${workflow.name}${workflow === alert ? alertNote : ''}`);
	}
	log('');
	log(` Store emulator (stands in for BigCommerce): ${emulator.baseUrl}`);
	log(`   Store hash ${emulator.storeHash}, access token ${emulator.token}`);
	log(`   Place an order (the alert workflow runs; see Executions):`);
	log(`     curl -X POST ${emulator.baseUrl}/__admin/orders -H 'Content-Type: application/json' -d '{}'`);
	log(`   Look at the store: curl -H 'X-Auth-Token: ${emulator.token}' ${store}/v3/catalog/products`);
	log(`   Webhooks go to ${PUBLIC_WEBHOOK_URL}... (n8n's WEBHOOK_URL) and the emulator delivers them to n8n.`);
	log('');
	log(
		` Times: install ${seconds(stack.timings.installMs)}, package ${seconds(stack.timings.packMs)}, ` +
			`n8n start ${seconds(n8n.startMs)}, set-up ${seconds(stack.timings.setupMs)}, total ${seconds(Date.now() - started)}`,
	);
	log(` n8n's log: ${n8n.logFile}`);
	log(' Press Ctrl-C to stop everything.');
	log('================================================================================');

	// Stay up until Ctrl-C; report if n8n dies underneath us.
	for (;;) {
		await new Promise((resolve) => setTimeout(resolve, 2000));
		try {
			const response = await fetch(`${n8n.baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) });
			if (!response.ok) throw new Error(`healthz answered ${response.status}`);
		} catch (error) {
			if (stopping) return;
			log(`n8n stopped answering (${(error as Error).message}). Its log ends:\n${tail(n8n.log(), 30)}`);
			await shutdown('n8n stopped', 1);
		}
	}
}

main().catch((error: Error) => {
	process.stderr.write(`\nThe demo could not start: ${error.message}\n`);
	killAllStarted();
	process.exit(1);
});
