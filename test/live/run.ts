/**
 * `npm run test:live`: the nodes against your own BigCommerce store, read-only by default.
 *
 *   BIGCOMMERCE_STORE_HASH=abc123 BIGCOMMERCE_ACCESS_TOKEN=... npm run test:live [-- --write [--i-know]]
 *
 * Runs the real node classes (and the credential test) through n8n-core's WorkflowExecute with
 * the credential's API URL pointed at a recording proxy, prints one line per check (a failure
 * with its request, what the pack expected and what the store answered), writes every exchange
 * without the token to live-exchanges.jsonl, and ends with `N passed, M failed`.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { LiveContext, LiveSettings, Step } from './context';
import type { Exchange, RecordingProxy } from './proxy';

export const USAGE = `npm run test:live checks the BigCommerce nodes against your own store.

Set these variables (from a store-level API account: Settings > Store-level API accounts):
  BIGCOMMERCE_STORE_HASH      the store hash: abc123 in https://api.bigcommerce.com/stores/abc123/v3/
  BIGCOMMERCE_ACCESS_TOKEN    the account's access token
  BIGCOMMERCE_CLIENT_SECRET   optional: the account's client secret
  BIGCOMMERCE_API_URL         optional: default https://api.bigcommerce.com

Then:
  npm run test:live                          read-only checks
  npm run test:live -- --write               also creates, changes and deletes records named
                                             n8n-live-<random> (only on a store whose name
                                             contains "sandbox" or "test")
  npm run test:live -- --write --i-know      writes on a store with any name
  npm run test:live -- --out <file>          where to write the exchanges (default live-exchanges.jsonl)

Every request and answer is written, without the token, to live-exchanges.jsonl.`;

export interface LiveOptions {
	env: NodeJS.ProcessEnv;
	argv: string[];
	log: (line: string) => void;
}

export interface LiveOutcome {
	exitCode: number;
	runId?: string;
	passed: number;
	failed: number;
	skipped: number;
	/** Where the exchanges were written. */
	exchangesFile?: string;
}

interface Flags {
	write: boolean;
	iKnow: boolean;
	out: string;
}

function parseFlags(argv: string[]): Flags | string {
	const flags: Flags = { write: false, iKnow: false, out: 'live-exchanges.jsonl' };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--write') flags.write = true;
		else if (arg === '--i-know') flags.iKnow = true;
		else if (arg === '--out' && argv[i + 1]) flags.out = argv[++i];
		else return `Unknown option ${arg}`;
	}
	return flags;
}

function settingsFrom(env: NodeJS.ProcessEnv): LiveSettings | undefined {
	const storeHash = env.BIGCOMMERCE_STORE_HASH?.trim();
	const accessToken = env.BIGCOMMERCE_ACCESS_TOKEN?.trim();
	if (!storeHash || !accessToken) return undefined;
	return {
		storeHash,
		accessToken,
		clientSecret: env.BIGCOMMERCE_CLIENT_SECRET?.trim() ?? '',
		apiUrl: env.BIGCOMMERCE_API_URL?.trim() || 'https://api.bigcommerce.com',
	};
}

/** Runs checks in order and prints each one as it ends. */
class Report {
	passed = 0;
	failed = 0;
	skipped = 0;

	constructor(
		private readonly ctx: LiveContext,
		private readonly log: (line: string) => void,
		// The context module, loaded lazily by runLive.
		private readonly helpers: typeof import('./context'),
	) {}

	section(title: string): void {
		this.log(`\n${title}`);
	}

	/** Runs the steps; after a failure, `stopOnFailure` skips the rest (they build on each other). */
	async run(steps: Step[], stopOnFailure = false): Promise<boolean> {
		let ok = true;
		for (const step of steps) {
			if (!ok && stopOnFailure) {
				this.skip(step.name, 'an earlier check failed');
				continue;
			}
			if (!(await this.one(step))) ok = false;
		}
		return ok;
	}

	skip(name: string, reason: string): void {
		this.skipped++;
		this.log(`  skip  ${name} (${reason})`);
	}

	fail(name: string, lines: string[]): void {
		this.failed++;
		this.log(`  FAIL  ${name}`);
		// One line each: BigCommerce's messages and n8n's descriptions may span several.
		for (const line of lines) this.log(`        ${line.replace(/\s*\n\s*/g, ' ')}`);
	}

	pass(name: string, detail?: string): void {
		this.passed++;
		this.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`);
	}

	private async one(step: Step): Promise<boolean> {
		const { proxy } = this.ctx;
		proxy.step = step.name;
		try {
			const detail = await step.run();
			this.pass(step.name, detail || undefined);
			return true;
		} catch (error) {
			if (error instanceof this.helpers.Skip) {
				this.skip(step.name, (error as Error).message);
				return true;
			}
			const failure = error instanceof this.helpers.CheckFailure ? error : undefined;
			const own = proxy.exchanges.filter((e) => e.step === step.name);
			// Without a named exchange, the step's last refused (or else last) request explains it best.
			const exchange = failure?.exchange ?? [...own].reverse().find((e) => e.status === 0 || e.status >= 400) ?? own[own.length - 1];
			const lines = [
				exchange ? `request:  ${this.helpers.requestLine(exchange)}` : 'request:  (none sent)',
				`expected: ${failure ? failure.expected : `no error; it threw ${error instanceof Error ? error.message : String(error)}`}`,
			];
			if (exchange) lines.push(`answered: ${this.helpers.answerLine(exchange)}`);
			this.fail(step.name, lines);
			return false;
		} finally {
			proxy.step = '';
		}
	}
}

/** Writes the exchanges as JSON Lines; refuses (and removes the file) if a secret slipped in. */
export function writeExchanges(file: string, exchanges: Exchange[], secrets: string[]): string | undefined {
	// A request the store never answered has no status or response (the spec checker reads them as optional).
	const lines = exchanges.map((e) =>
		JSON.stringify({
			method: e.method,
			path: e.path,
			query: e.query,
			body: e.body,
			...(e.status === 0 ? { answered: false } : { status: e.status, response: e.response }),
			step: e.step,
			via: e.via,
			rateLimit: e.rateLimit,
		}),
	);
	fs.writeFileSync(file, lines.length ? `${lines.join('\n')}\n` : '');
	const written = fs.readFileSync(file, 'utf8');
	const leaked = secrets.filter((secret) => secret !== '' && written.includes(secret));
	if (leaked.length) {
		fs.rmSync(file, { force: true });
		return `the file held the ${leaked.length === 1 ? 'access token' : 'access token or client secret'}; it was removed`;
	}
	return undefined;
}

export async function runLive(options: LiveOptions): Promise<LiveOutcome> {
	const { log } = options;
	const flags = parseFlags(options.argv);
	if (typeof flags === 'string') {
		log(`${flags}\n\n${USAGE}`);
		return { exitCode: 2, passed: 0, failed: 0, skipped: 0 };
	}
	const settings = settingsFrom(options.env);
	if (!settings) {
		log(`${USAGE}\n\nBIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN are not set: nothing was run.`);
		return { exitCode: 0, passed: 0, failed: 0, skipped: 0 };
	}

	// Loaded only now: they bring in n8n-core, which a run without a store never needs.
	const { RecordingProxy: Proxy } = await import('./proxy');
	const context = await import('./context');
	const { readSteps, rateLimitStep } = await import('./readChecks');
	const { cleanupSteps, writeRun, writeSteps } = await import('./writeChecks');

	const runId = `n8n-live-${randomBytes(4).toString('hex')}`;
	const proxy: RecordingProxy = await Proxy.start(settings.apiUrl);
	const ctx = new context.LiveContext(settings, proxy, runId);
	const report = new Report(ctx, log, context);
	const exchangesFile = path.resolve(flags.out);

	log(`BigCommerce live check: store ${settings.storeHash} at ${settings.apiUrl}, ${flags.write ? 'read and write' : 'read-only'}, run ID ${runId}`);
	try {
		report.section('Reads');
		await report.run(readSteps(ctx));

		if (flags.write) {
			report.section(`Writes (records named ${runId})`);
			const name = String(ctx.found.storeName ?? '');
			const guard = 'Writes run only on a store whose name contains "sandbox" or "test"';
			if (/sandbox|test/i.test(name)) {
				report.pass(guard, name);
			} else if (flags.iKnow) {
				report.pass(guard, `"${name}" does not, but --i-know was given`);
			} else {
				report.fail(guard, [
					`expected: a store name with "sandbox" or "test"; this store is called "${name}"`,
					'Nothing was written. Run against a sandbox store, or add --i-know to write anyway.',
				]);
			}
			if (/sandbox|test/i.test(name) || flags.iKnow) {
				const run = writeRun(runId);
				try {
					await report.run(writeSteps(ctx, run), true);
				} finally {
					report.section('Cleanup (by run ID, whatever happened above)');
					await report.run(cleanupSteps(ctx, run));
				}
			}
		}

		report.section('Every answer');
		await report.run([rateLimitStep(ctx)]);
	} finally {
		await proxy.stop();
		report.section('Exchanges');
		const problem = writeExchanges(exchangesFile, proxy.exchanges, [settings.accessToken, settings.clientSecret]);
		if (problem) report.fail('The recorded exchanges hold no access token or client secret', [`expected: no secret in ${exchangesFile}; ${problem}`]);
		else report.pass('The recorded exchanges hold no access token or client secret', `${proxy.exchanges.length} exchanges in ${exchangesFile}`);
		log(`Compare them with the API specs: ../shared/tools/spec-check/run ${flags.out}`);
	}

	if (report.skipped) log(`${report.skipped} skipped`);
	log(`${report.passed} passed, ${report.failed} failed`);
	return { exitCode: report.failed > 0 ? 1 : 0, runId, passed: report.passed, failed: report.failed, skipped: report.skipped, exchangesFile };
}

/** n8n-core needs reflect-metadata first, and writes its settings into a user folder: a throw-away one. */
function prepareN8nCore(): () => void {
	require('reflect-metadata');
	let folder: string | undefined;
	if (!process.env.N8N_USER_FOLDER) {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bc-live-'));
		process.env.N8N_USER_FOLDER = folder;
	}
	process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('base64');
	// The report shows each failure with its request and answer; n8n's own log would repeat it.
	process.env.N8N_LOG_LEVEL ??= 'silent';
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
	process.env.N8N_RUNNERS_ENABLED ??= 'false';
	process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
	return () => {
		if (folder) fs.rmSync(folder, { recursive: true, force: true });
	};
}

if (require.main === module) {
	const cleanUp = prepareN8nCore();
	runLive({ env: process.env, argv: process.argv.slice(2), log: (line) => process.stdout.write(`${line}\n`) })
		.then((outcome) => {
			process.exitCode = outcome.exitCode;
		})
		.catch((error) => {
			process.stdout.write(`The live check stopped: ${error instanceof Error ? error.message : String(error)}\n`);
			process.exitCode = 1;
		})
		.finally(cleanUp);
}
