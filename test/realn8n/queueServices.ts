/**
 * Postgres and Redis for n8n's queue mode, from the machine's Debian packages (installed with
 * apt-get when missing and running as root, as CI does): each in a fresh temporary folder, on
 * a free local port, without persistence beyond the run, and stopped afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { freePort } from './n8nProcess';
import type { Log } from './runtimes';

export interface LocalService {
	port: number;
	folder: string;
	stop(): Promise<void>;
}

export interface LocalPostgres extends LocalService {
	database: string;
	user: string;
	password: string;
	/** Runs SQL through psql over the unix socket; returns its unaligned output. */
	query(sql: string): string;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function aptInstall(packages: string[], log: Log): void {
	if (!isRoot()) {
		throw new Error(`${packages.join(' and ')} missing: install them (apt-get install -y ${packages.join(' ')})`);
	}
	log(`Installing ${packages.join(', ')} with apt-get...`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, encoding: 'utf8' });
	let result = install();
	if (result.status !== 0) {
		spawnSync('apt-get', ['update'], { env, encoding: 'utf8' });
		result = install();
	}
	if (result.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed:\n${`${result.stdout}${result.stderr}`.slice(-2000)}`);
}

/** Installs whatever of postgresql and redis-server is missing. */
export function ensureQueueServicePackages(log: Log): { postgresBin: string; redisServer: string } {
	const missing: string[] = [];
	if (!postgresBinDir()) missing.push('postgresql');
	const whichRedis = () => spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
	if (!whichRedis()) missing.push('redis-server');
	if (missing.length) aptInstall(missing, log);
	const postgresBin = postgresBinDir();
	const redisServer = whichRedis();
	if (!postgresBin || !redisServer) throw new Error('postgresql or redis-server is still missing after apt-get install');
	return { postgresBin, redisServer };
}

function waitForPort(port: number, child: ChildProcess, what: string, logFile: string, timeoutMs = 120000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const attempt = () => {
			if (child.exitCode !== null) {
				reject(new Error(`${what} exited during start-up: ${readTail(logFile)}`));
				return;
			}
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve();
			});
			socket.once('error', () => {
				socket.destroy();
				if (Date.now() > deadline) reject(new Error(`${what} did not listen on ${port} in time: ${readTail(logFile)}`));
				else setTimeout(attempt, 250);
			});
		};
		attempt();
	});
}

function readTail(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
	} catch {
		return '(no log)';
	}
}

/** Signals the child's whole process group (it runs detached, and may run under runuser). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	try {
		if (child.pid) process.kill(-child.pid, signal);
	} catch {
		// gone
	}
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 15000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		try {
			signalGroup(child, signal);
		} catch {
			clearTimeout(timer);
			resolve();
		}
	});
}

/** The running services, for an exit handler. */
const started = new Set<ChildProcess>();
process.on('exit', () => {
	for (const child of started) signalGroup(child, 'SIGKILL');
});

/**
 * Postgres in a fresh cluster: initdb into a temporary folder (as the `postgres` user when
 * running as root: Postgres refuses root), a free port on 127.0.0.1, its unix socket in that
 * folder, password authentication for the n8n user.
 */
export async function startPostgres(binDir: string, log: Log): Promise<LocalPostgres> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-postgres-'));
	const dataDir = path.join(folder, 'data');
	const logFile = path.join(folder, 'postgres.log');
	const port = await freePort();
	const user = 'n8n';
	const password = 'n8n-queue-test';
	const database = 'n8n';
	const asOwner = (command: string, args: string[]): [string, string[]] =>
		isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	if (isRoot()) spawnSync('chown', ['-R', 'postgres:postgres', folder]);
	const [initCmd, initArgs] = asOwner(path.join(binDir, 'initdb'), [
		'-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync',
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stdout}${init.stderr}`);
	const [cmd, args] = asOwner(path.join(binDir, 'postgres'), [
		'-D', dataDir,
		'-p', String(port),
		'-c', 'listen_addresses=127.0.0.1',
		'-c', `unix_socket_directories=${folder}`,
		'-c', 'fsync=off',
		'-c', 'synchronous_commit=off',
		'-c', 'full_page_writes=off',
		'-c', 'max_connections=200',
	]);
	const out = fs.openSync(logFile, 'a');
	if (isRoot()) spawnSync('chown', ['postgres:postgres', logFile]);
	const child = spawn(cmd, args, { stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	started.add(child);
	await waitForPort(port, child, 'Postgres', logFile);
	const psql = path.join(binDir, 'psql');
	const psqlBin = fs.existsSync(psql) ? psql : 'psql';
	const queryIn = (db: string, sql: string): string => {
		const [c, a] = asOwner(psqlBin, ['-h', folder, '-p', String(port), '-U', 'postgres', '-d', db, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
		const result = spawnSync(c, a, { encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`psql failed (${sql.slice(0, 80)}): ${result.stderr}`);
		return result.stdout.trim();
	};
	const query = (sql: string) => queryIn('postgres', sql);
	// Postgres accepts connections a moment after it listens
	for (let i = 0; ; i++) {
		try {
			query('SELECT 1');
			break;
		} catch (error) {
			if (i > 60) throw error;
			await new Promise((r) => setTimeout(r, 500));
		}
	}
	query(`CREATE USER ${user} WITH PASSWORD '${password}'`);
	query(`CREATE DATABASE ${database} OWNER ${user}`);
	log(`Postgres on 127.0.0.1:${port} (folder ${folder})`);
	return {
		port,
		folder,
		database,
		user,
		password,
		query: (sql) => queryIn(database, sql),
		stop: async () => {
			// SIGINT: Postgres's fast shutdown
			await stopChild(child, 'SIGINT');
			started.delete(child);
			fs.rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** Redis on a free port on 127.0.0.1, without snapshots or an append-only file. */
export async function startRedis(redisServer: string, log: Log): Promise<LocalService> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const logFile = path.join(folder, 'redis.log');
	const port = await freePort();
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		redisServer,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder, '--daemonize', 'no'],
		{ stdio: ['ignore', out, out], detached: true },
	);
	fs.closeSync(out);
	started.add(child);
	await waitForPort(port, child, 'Redis', logFile);
	log(`Redis on 127.0.0.1:${port}`);
	return {
		port,
		folder,
		stop: async () => {
			await stopChild(child, 'SIGTERM');
			started.delete(child);
			fs.rmSync(folder, { recursive: true, force: true });
		},
	};
}
