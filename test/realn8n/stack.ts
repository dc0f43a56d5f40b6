/**
 * The whole local set-up the demo and the end-to-end tests share: the store emulator seeded
 * with the demo store, a real n8n with this package installed in its nodes folder, an owner and
 * an API key, a credential pointing at the emulator, and the example workflows imported.
 *
 * BigCommerce only delivers webhooks to HTTPS on port 443, so n8n advertises a public-looking
 * HTTPS WEBHOOK_URL and the emulator delivers to this n8n instead, as a tunnel would.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startEmulator, type Emulator } from '../emulator';
import { N8nClient, DEMO_OWNER, type CreatedCredential, type WorkflowJson } from './n8nApi';
import { freePort, N8N_LOG_NAME, startN8n, type N8nServer } from './n8nProcess';
import { installIntoNodesFolder, packPackage, REPO_ROOT, type PackedPackage } from './package';
import { cacheRoot, ensureRuntime, type Log, type Runtime, type RuntimeSpec } from './runtimes';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
/** The public address n8n advertises for webhooks (a reserved name: nothing there answers). */
export const PUBLIC_WEBHOOK_URL = 'https://n8n.demo-store.example/';
/** Where the examples expect n8n's files folder (n8n's Docker image default). */
export const EXAMPLE_FILES_FOLDER = '/home/node/.n8n-files';
/** The credential name and id the example workflows carry. */
export const EXAMPLE_CREDENTIAL_ID = 'bigcommerce-account';
export const CREDENTIAL_NAME = 'BigCommerce account';
export const CLIENT_SECRET = 'demo-client-secret';

export interface StackOptions {
	spec: RuntimeSpec;
	log: Log;
	/** Fixed n8n port (default: a free one). */
	n8nPort?: number;
	/** Fixed emulator port (default: a free one). */
	emulatorPort?: number;
	/** Keep the n8n user folder after stop (default: removed). */
	keepUserFolder?: boolean;
	/** Keep n8n's log where it is when the user folder is removed (the demo prints its path). */
	keepLog?: boolean;
	/** A package already packed (default: packed now, or taken from the cache). */
	packed?: PackedPackage;
}

export interface ImportedWorkflow {
	file: string;
	id: string;
	name: string;
	json: WorkflowJson;
}

export interface Stack {
	runtime: Runtime;
	packed: PackedPackage;
	emulator: Emulator;
	n8n: N8nServer;
	client: N8nClient;
	credential: CreatedCredential;
	credentialData: Record<string, unknown>;
	filesFolder: string;
	workflows: ImportedWorkflow[];
	timings: { installMs: number; packMs: number; startMs: number; setupMs: number };
	stop(): Promise<void>;
}

export function exampleFiles(): string[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((name) => /^\d\d-.*\.json$/.test(name))
		.sort();
}

/** An example workflow as this stack imports it: its credential and file paths point here. */
export function prepareExample(file: string, credential: CreatedCredential, filesFolder: string): WorkflowJson {
	const text = fs
		.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')
		.split(`${EXAMPLE_FILES_FOLDER}/`)
		.join(`${filesFolder}/`);
	const workflow = JSON.parse(text) as WorkflowJson;
	for (const node of workflow.nodes) {
		const credentials = node.credentials as Record<string, { id: string; name: string }> | undefined;
		if (credentials?.bigCommerceApi) credentials.bigCommerceApi = { id: credential.id, name: credential.name };
	}
	return workflow;
}

/** Builds and packs the package (or takes it from the cache), saying which. */
export function packAndReport(log: Log): PackedPackage {
	const started = Date.now();
	const packed = packPackage(cacheRoot(), (warning) => log(warning));
	log(`Package ${path.basename(packed.tarball)} ${packed.cached ? 'from the cache' : `built and packed in ${((Date.now() - started) / 1000).toFixed(1)}s`}`);
	return packed;
}

/**
 * Removes an n8n user folder (database, installed package, files) but its log, so the path
 * printed while n8n ran still leads to the log after it stopped.
 */
export function removeAllButLog(userFolder: string): void {
	if (!fs.existsSync(path.join(userFolder, N8N_LOG_NAME))) {
		fs.rmSync(userFolder, { recursive: true, force: true });
		return;
	}
	for (const entry of fs.readdirSync(userFolder)) {
		if (entry !== N8N_LOG_NAME) fs.rmSync(path.join(userFolder, entry), { recursive: true, force: true });
	}
}

/** What a stack started, undone in reverse order by stop (each step tried, whatever failed). */
export function cleanupList(): { cleanups: Array<() => Promise<void> | void>; stop: () => Promise<void> } {
	const cleanups: Array<() => Promise<void> | void> = [];
	const stop = async () => {
		for (const cleanup of cleanups.reverse()) {
			try {
				await cleanup();
			} catch {
				// keep stopping the rest
			}
		}
		cleanups.length = 0;
	};
	return { cleanups, stop };
}

export async function startStack(options: StackOptions): Promise<Stack> {
	const { log } = options;
	const { cleanups, stop } = cleanupList();
	try {
		let t = Date.now();
		const runtime = await ensureRuntime(options.spec, log);
		const installMs = Date.now() - t;

		t = Date.now();
		const packed = options.packed ?? packAndReport(log);
		const packMs = Date.now() - t;

		t = Date.now();
		const n8nPort = options.n8nPort ?? (await freePort());
		const webhookOrigin = new URL(PUBLIC_WEBHOOK_URL).origin;
		const emulator = await startEmulator({
			seed: 'demo',
			port: options.emulatorPort ?? 0,
			clientSecret: CLIENT_SECRET,
			// What a tunnel does: the public HTTPS address reaches this n8n.
			deliveryRewrite: (destination) =>
				destination.startsWith(webhookOrigin)
					? `http://127.0.0.1:${n8nPort}${destination.slice(webhookOrigin.length)}`
					: destination,
		});
		cleanups.push(() => emulator.stop());

		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-bigcommerce-${options.spec.n8nVersion.split('.')[0]}x-`));
		if (!options.keepUserFolder) {
			cleanups.push(() =>
				options.keepLog ? removeAllButLog(userFolder) : fs.rmSync(userFolder, { recursive: true, force: true }),
			);
		}
		installIntoNodesFolder(packed.tarball, userFolder);
		const filesFolder = path.join(userFolder, 'n8n-files');
		fs.mkdirSync(filesFolder, { recursive: true });
		for (const name of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.csv'))) {
			fs.copyFileSync(path.join(EXAMPLES_DIR, name), path.join(filesFolder, name));
		}

		log(`Starting n8n ${runtime.spec.n8nVersion} on Node ${runtime.nodeVersion}...`);
		const n8n = await startN8n(runtime, {
			userFolder,
			port: n8nPort,
			webhookUrl: PUBLIC_WEBHOOK_URL,
			filesFolder,
		});
		cleanups.push(() => n8n.stop());
		const startMs = Date.now() - t;

		t = Date.now();
		const client = new N8nClient(n8n.baseUrl);
		await client.setUpOwner(DEMO_OWNER);
		await client.createApiKey();
		const credentialData: Record<string, unknown> = {
			storeHash: emulator.storeHash,
			accessToken: emulator.token,
			clientSecret: CLIENT_SECRET,
			apiUrl: emulator.baseUrl,
		};
		// n8n 1.x wants this for credentials with an `authenticate` block created through the API
		if (runtime.spec.n8nVersion.startsWith('1.')) credentialData.allowedHttpRequestDomains = 'all';
		const credential = await client.createCredential(CREDENTIAL_NAME, 'bigCommerceApi', credentialData);
		const workflows: ImportedWorkflow[] = [];
		for (const file of exampleFiles()) {
			const json = prepareExample(file, credential, filesFolder);
			const created = await client.createWorkflow(json);
			workflows.push({ file, id: created.id, name: created.name, json });
		}
		const setupMs = Date.now() - t;
		return {
			runtime,
			packed,
			emulator,
			n8n,
			client,
			credential,
			credentialData,
			filesFolder,
			workflows,
			timings: { installMs, packMs, startMs, setupMs },
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
