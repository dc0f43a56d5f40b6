/**
 * Starts a real n8n server in the background on free local ports, waits until it is ready and
 * stops it (its whole process group) again. Telemetry, version checks, templates and every
 * other call to n8n's servers are off.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

import { envForNode, type Runtime } from './runtimes';

export interface StartOptions {
	/** N8N_USER_FOLDER: n8n keeps its database, settings and community nodes in `<it>/.n8n`. */
	userFolder: string;
	/** Port for the editor and the API (a free one when omitted). */
	port?: number;
	/** The public base URL n8n advertises for production webhooks (defaults to its own address). */
	webhookUrl?: string;
	/** Folder the "Read/Write Files from Disk" node may read (N8N_RESTRICT_FILE_ACCESS_TO). */
	filesFolder?: string;
	env?: Record<string, string>;
	/**
	 * n8n's command and flags (default `start`). For `webhook` and `worker`, readiness is the
	 * process's /healthz/readiness on `port` (a worker's health port: QUEUE_HEALTH_CHECK_PORT).
	 */
	command?: string[];
}

export interface N8nServer {
	runtime: Runtime;
	port: number;
	brokerPort: number;
	baseUrl: string;
	userFolder: string;
	logFile: string;
	/** The environment n8n runs with (CLI commands next to the server reuse it). */
	env: NodeJS.ProcessEnv;
	/** Milliseconds from spawn to ready. */
	startMs: number;
	log(): string;
	stop(): Promise<void>;
}

/** Fixed secrets: the demo's data survives restarts, and nothing here is a real secret. */
const ENCRYPTION_KEY = 'n8n-nodes-bigcommerce-local-demo-key';
const JWT_SECRET = 'n8n-nodes-bigcommerce-local-demo-jwt';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

const running = new Set<ChildProcess>();

/** Kills every process group this module started; safe to call from an 'exit' handler. */
export function killAllStarted(): void {
	for (const child of running) {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	running.clear();
}
process.on('exit', killAllStarted);

/** The environment n8n runs with; the caller's npm settings are left out. */
export function n8nEnv(runtime: Runtime, settings: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		// n8n's own settings come from here only, not from the caller's shell
		if (/^(npm_|N8N_|WEBHOOK_URL$|DB_|EXECUTIONS_|GENERIC_TIMEZONE$)/i.test(key)) continue;
		env[key] = value;
	}
	return { ...env, ...envForNode(runtime.nodeBin), ...settings };
}

/** n8n's log file in its user folder. */
export const N8N_LOG_NAME = 'n8n.log';

export async function startN8n(runtime: Runtime, options: StartOptions): Promise<N8nServer> {
	const port = options.port ?? (await freePort());
	const brokerPort = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	fs.mkdirSync(options.userFolder, { recursive: true });
	const logFile = path.join(options.userFolder, N8N_LOG_NAME);
	const webhookUrl = options.webhookUrl ?? `${baseUrl}/`;
	const major = runtime.spec.n8nVersion.split('.')[0];
	const settings: Record<string, string> = {
		N8N_USER_FOLDER: options.userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_USER_MANAGEMENT_JWT_SECRET: JWT_SECRET,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// n8n 1.x lets community nodes be AI agent tools only with this
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// the machine's time zone, so "today" in expressions is the user's today
		GENERIC_TIMEZONE: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		...(options.filesFolder ? { N8N_RESTRICT_FILE_ACCESS_TO: options.filesFolder } : {}),
		...(major === '1'
			? { WEBHOOK_URL: webhookUrl, N8N_RUNNERS_ENABLED: 'true', DB_SQLITE_POOL_SIZE: '2' }
			: {
					// 2.x reads this name (WEBHOOK_URL is deprecated there)
					N8N_WEBHOOK_URL: webhookUrl,
					// Without this 2.41 calls n8n's servers at start-up.
					N8N_DISABLED_MODULES: 'mcp-registry',
					// Activation then reports a failing trigger set-up as an error instead of retrying silently.
					N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
					N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
				}),
		...runtime.spec.env,
		...options.env,
	};
	const env = n8nEnv(runtime, settings);
	const out = fs.openSync(logFile, 'a');
	const started = Date.now();
	const command = options.command ?? ['start'];
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, ...command], {
		cwd: options.userFolder,
		env,
		detached: true,
		stdio: ['ignore', out, out],
	});
	fs.closeSync(out);
	running.add(child);
	let exited: string | undefined;
	const exitPromise = new Promise<void>((resolve) =>
		child.on('exit', (code, signal) => {
			exited = signal ?? `exit code ${code}`;
			running.delete(child);
			resolve();
		}),
	);
	const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
	const stop = async () => {
		if (exited || !child.pid) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15000).unref());
		if ((await Promise.race([exitPromise, timeout])) === 'timeout') {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// gone meanwhile
			}
			await exitPromise;
		}
		// the task runner lives in the same group; make sure nothing of it is left
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// the group is empty
		}
	};
	const deadline = Date.now() + 240000;
	for (;;) {
		if (exited) throw new Error(`n8n exited during start-up (${exited}). Its log (${logFile}) ends:\n${tail(readLog(), 40)}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n was not ready after 4 minutes. Its log (${logFile}) ends:\n${tail(readLog(), 40)}`);
		}
		if (await isReady(baseUrl, command[0] === 'start' ? undefined : ['/healthz/readiness'])) break;
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		runtime,
		port,
		brokerPort,
		baseUrl,
		userFolder: options.userFolder,
		logFile,
		env,
		startMs: Date.now() - started,
		log: readLog,
		stop,
	};
}

/** Ready: the database is migrated (readiness) and the REST API is mounted (1.x answers readiness before). */
async function isReady(baseUrl: string, paths = ['/healthz/readiness', '/rest/settings']): Promise<boolean> {
	try {
		for (const path of paths) {
			const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(2000) });
			await response.arrayBuffer();
			if (response.status !== 200) return false;
		}
		return true;
	} catch {
		return false;
	}
}

export function tail(text: string, lines: number): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** Runs an n8n CLI command (import, execute...) beside a running server; resolves with its stdout. */
export function runN8nCli(
	server: Pick<N8nServer, 'runtime' | 'env' | 'userFolder'>,
	args: string[],
	options: { timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return freePort().then(
		(brokerPort) =>
			new Promise((resolve, reject) => {
				const child = spawn(server.runtime.nodeBin, [server.runtime.n8nBin, ...args], {
					cwd: server.userFolder,
					// a second task broker on the server's port would fail to start
					env: { ...server.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
					detached: true,
					stdio: ['ignore', 'pipe', 'pipe'],
				});
				running.add(child);
				let stdout = '';
				let stderr = '';
				child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
				child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
				const timer = setTimeout(() => {
					try {
						if (child.pid) process.kill(-child.pid, 'SIGKILL');
					} catch {
						// gone
					}
				}, options.timeoutMs ?? 120000);
				child.on('error', reject);
				child.on('exit', (code) => {
					clearTimeout(timer);
					running.delete(child);
					try {
						if (child.pid) process.kill(-child.pid, 'SIGKILL');
					} catch {
						// the group is empty
					}
					resolve({ code, stdout, stderr });
				});
			}),
	);
}

export interface NodeRun {
	items: Array<Record<string, unknown>>;
	/** Items with their binary data keys, for nodes that make files. */
	binaryKeys: string[][];
	error?: { message?: string; description?: string };
}

/** The error lines of a CLI run's output (JSON log lines or plain text), shortened. */
function cliErrors(output: string): string {
	const errors: string[] = [];
	for (const line of output.split('\n')) {
		try {
			const entry = JSON.parse(line) as { level?: string; message?: string };
			if (entry.level === 'error' && entry.message) errors.push(entry.message.split('\n').slice(0, 3).join(' | '));
		} catch {
			if (/error/i.test(line)) errors.push(line.trim());
		}
	}
	return (errors.length ? errors.slice(0, 6).join('\n') : tail(output.trim(), 15)).slice(0, 2000);
}

interface RunJson {
	data: {
		resultData: {
			error?: { message?: string };
			lastNodeExecuted?: string;
			runData: Record<
				string,
				Array<{
					data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> | null> };
					error?: { message?: string; description?: string };
				}>
			>;
		};
	};
}

function isRun(value: unknown): value is RunJson {
	return typeof value === 'object' && value !== null && typeof (value as RunJson).data?.resultData === 'object';
}

/**
 * The run `n8n execute --rawOutput` printed: 2.x logs it as the message of a JSON log line,
 * 1.x prints it as plain pretty-printed JSON.
 */
function parseRunOutput(stdout: string): RunJson | undefined {
	for (const line of stdout.split('\n')) {
		if (!line.startsWith('{"')) continue;
		try {
			const entry = JSON.parse(line) as { message?: unknown };
			if (typeof entry.message === 'string' && entry.message.startsWith('{')) {
				const run = JSON.parse(entry.message) as unknown;
				if (isRun(run)) return run;
			}
			if (isRun(entry)) return entry;
		} catch {
			// not a complete JSON line
		}
	}
	const start = stdout.search(/^\{$/m);
	const end = stdout.lastIndexOf('\n}');
	if (start < 0 || end < start) return undefined;
	try {
		const run = JSON.parse(stdout.slice(start, end + 2)) as unknown;
		return isRun(run) ? run : undefined;
	} catch {
		return undefined;
	}
}

export interface CliExecution {
	ok: boolean;
	/** Output of each node's first run, first output. */
	nodes: Record<string, NodeRun>;
	error?: string;
	lastNode?: string;
	output: string;
}

/**
 * Executes a saved workflow that starts with a Manual Trigger through `n8n execute`, beside the
 * running server, and returns what each node output.
 */
export async function executeWorkflowCli(server: N8nServer, workflowId: string): Promise<CliExecution> {
	// One JSON object per log line (2.x logs the run as one of them; 1.x prints it plainly)
	const result = await runN8nCli(
		{ ...server, env: { ...server.env, N8N_LOG_OUTPUT: 'console', N8N_LOG_FORMAT: 'json' } },
		['execute', `--id=${workflowId}`, '--rawOutput'],
	);
	const output = `${result.stdout}\n${result.stderr}`;
	const run = parseRunOutput(result.stdout);
	if (result.code !== 0 || !run) {
		return { ok: false, nodes: {}, error: `n8n execute exited ${result.code}: ${cliErrors(output)}`, output };
	}
	const nodes: Record<string, NodeRun> = {};
	for (const [name, runs] of Object.entries(run.data.resultData.runData)) {
		const first = runs[0];
		const items = first?.data?.main?.[0] ?? [];
		nodes[name] = {
			items: items.map((item) => item.json),
			binaryKeys: items.map((item) => Object.keys(item.binary ?? {})),
			error: first?.error,
		};
	}
	const error = run.data.resultData.error?.message;
	return { ok: !error, nodes, error, lastNode: run.data.resultData.lastNodeExecuted, output };
}
