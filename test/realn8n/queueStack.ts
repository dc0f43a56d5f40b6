/**
 * n8n in queue mode on one machine, as stores that outgrow one process run it: Postgres and
 * Redis, one main process (editor, API, trigger activation), two webhook processes behind a
 * round-robin "load balancer" (the emulator delivers each webhook to the next one), and two
 * workers taking executions from Redis. Every process has its own user folder with this package
 * installed in its nodes folder, and all share one encryption key, database and queue.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startEmulator, type Emulator } from '../emulator';
import { DEMO_OWNER, N8nClient, type CreatedCredential } from './n8nApi';
import { freePort, startN8n, type N8nServer, type StartOptions } from './n8nProcess';
import { installIntoNodesFolder, type PackedPackage } from './package';
import { ensureQueueServicePackages, startPostgres, startRedis, type LocalPostgres, type LocalService } from './queueServices';
import { ensureRuntime, type Log, type Runtime, type RuntimeSpec } from './runtimes';
import { CLIENT_SECRET, CREDENTIAL_NAME, EXAMPLES_DIR, PUBLIC_WEBHOOK_URL, cleanupList } from './stack';

export interface QueueStackOptions {
	spec: RuntimeSpec;
	packed: PackedPackage;
	log: Log;
	/** Jobs each worker takes at once (n8n's --concurrency). */
	workerConcurrency: number;
}

export interface QueueStack {
	runtime: Runtime;
	emulator: Emulator;
	postgres: LocalPostgres;
	redis: LocalService;
	main: N8nServer;
	webhooks: N8nServer[];
	workers: N8nServer[];
	client: N8nClient;
	credential: CreatedCredential;
	filesFolder: string;
	timings: { servicesMs: number; startMs: number; setupMs: number };
	/** Stops the main process and starts it again (same folder, ports and settings). */
	restartMain(): Promise<number>;
	stop(): Promise<void>;
}

export async function startQueueStack(options: QueueStackOptions): Promise<QueueStack> {
	const { log, spec, packed } = options;
	const { cleanups, stop } = cleanupList();
	try {
		const runtime = await ensureRuntime(spec, log);
		let t = Date.now();
		const { postgresBin, redisServer } = ensureQueueServicePackages(log);
		const postgres = await startPostgres(postgresBin, log);
		cleanups.push(() => postgres.stop());
		const redis = await startRedis(redisServer, log);
		cleanups.push(() => redis.stop());
		const servicesMs = Date.now() - t;

		t = Date.now();
		const webhookPorts = [await freePort(), await freePort()];
		const webhookOrigin = new URL(PUBLIC_WEBHOOK_URL).origin;
		let next = 0;
		const emulator = await startEmulator({
			seed: 'demo',
			port: 0,
			clientSecret: CLIENT_SECRET,
			// A round-robin load balancer in front of the webhook processes.
			deliveryRewrite: (destination) => {
				if (!destination.startsWith(webhookOrigin)) return destination;
				const port = webhookPorts[next++ % webhookPorts.length];
				return `http://127.0.0.1:${port}${destination.slice(webhookOrigin.length)}`;
			},
		});
		cleanups.push(() => emulator.stop());

		const base = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bigcommerce-queue-'));
		cleanups.push(() => fs.rmSync(base, { recursive: true, force: true }));
		const filesFolder = path.join(base, 'n8n-files');
		fs.mkdirSync(filesFolder, { recursive: true });
		for (const name of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.csv'))) {
			fs.copyFileSync(path.join(EXAMPLES_DIR, name), path.join(filesFolder, name));
		}
		const names = ['main', 'webhook-1', 'webhook-2', 'worker-1', 'worker-2'];
		const folders = Object.fromEntries(names.map((name) => [name, path.join(base, name)]));
		installIntoNodesFolder(packed.tarball, folders.main);
		for (const name of names.slice(1)) {
			fs.cpSync(path.join(folders.main, '.n8n', 'nodes'), path.join(folders[name], '.n8n', 'nodes'), { recursive: true });
		}
		const queueEnv: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		};
		const mainOptions: StartOptions = {
			userFolder: folders.main,
			port: await freePort(),
			webhookUrl: PUBLIC_WEBHOOK_URL,
			filesFolder,
			env: queueEnv,
			command: ['start'],
		};
		log(`Starting n8n ${spec.n8nVersion} in queue mode: main...`);
		let main = await startN8n(runtime, mainOptions);
		cleanups.push(() => main.stop());
		log(`  main ready in ${(main.startMs / 1000).toFixed(1)}s; webhook processes and workers...`);
		const started = await Promise.all([
			...webhookPorts.map((port, i) =>
				startN8n(runtime, {
					userFolder: folders[`webhook-${i + 1}`],
					port,
					webhookUrl: PUBLIC_WEBHOOK_URL,
					filesFolder,
					env: queueEnv,
					command: ['webhook'],
				}),
			),
			...[1, 2].map(async (i) => {
				const healthPort = await freePort();
				return startN8n(runtime, {
					userFolder: folders[`worker-${i}`],
					port: healthPort,
					filesFolder,
					env: { ...queueEnv, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) },
					command: ['worker', `--concurrency=${options.workerConcurrency}`],
				});
			}),
		]);
		const webhooks = started.slice(0, 2);
		const workers = started.slice(2);
		for (const server of started) cleanups.push(() => server.stop());
		const startMs = Date.now() - t;

		t = Date.now();
		const client = new N8nClient(main.baseUrl);
		await client.setUpOwner(DEMO_OWNER);
		await client.createApiKey();
		const credential = await client.createCredential(CREDENTIAL_NAME, 'bigCommerceApi', {
			storeHash: emulator.storeHash,
			accessToken: emulator.token,
			clientSecret: CLIENT_SECRET,
			apiUrl: emulator.baseUrl,
		});
		const setupMs = Date.now() - t;

		const stack: QueueStack = {
			runtime,
			emulator,
			postgres,
			redis,
			main,
			webhooks,
			workers,
			client,
			credential,
			filesFolder,
			timings: { servicesMs, startMs, setupMs },
			restartMain: async () => {
				await main.stop();
				main = await startN8n(runtime, mainOptions);
				stack.main = main;
				return main.startMs;
			},
			stop: async () => {
				const keep = process.env.E2E_KEEP_LOGS;
				if (keep) {
					fs.mkdirSync(keep, { recursive: true });
					for (const name of names) {
						const log = path.join(folders[name], 'n8n.log');
						if (fs.existsSync(log)) fs.copyFileSync(log, path.join(keep, `queue-${name}.log`));
					}
				}
				await stop();
			},
		};
		return stack;
	} catch (error) {
		await stop();
		throw error;
	}
}
