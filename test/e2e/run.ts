/**
 * `npm run test:e2e`: the package in a real n8n, headless, for n8n 2.x on Node 24 and the last
 * n8n 1.x on Node 20. For each: install the packed package as a user would, check n8n loaded
 * the nodes and the credential, test the credential, execute every example workflow against
 * the store emulator (output items and the store's final state), and take the trigger through
 * activation, a real delivery, a forged delivery and deactivation.
 *
 * Options: `--major 2` or `--major 1` (default both); E2E_MAJORS=2,1 does the same.
 * `--queue`: instead, the package in n8n 2.x's queue mode (test/e2e/queue/run.ts).
 * The last line is `N passed, M failed`; the exit code is non-zero on any failure.
 */
import * as fs from 'fs';
import * as path from 'path';

import { killAllStarted, tail } from '../realn8n/n8nProcess';
import { RUNTIMES } from '../realn8n/runtimes';
import type { PackedPackage } from '../realn8n/package';
import { packAndReport, startStack, type Stack } from '../realn8n/stack';
import { Checks } from './checks';
import { exampleChecks } from './examples';
import { loadChecks } from './load';
import { runQueueMode } from './queue/run';
import { subtitleChecks } from './subtitles';
import { triggerChecks } from './trigger';

const log = (line: string) => process.stdout.write(`${line}\n`);

function majorsToRun(): string[] {
	const index = process.argv.indexOf('--major');
	const raw = index >= 0 ? process.argv[index + 1] : process.env.E2E_MAJORS;
	const majors = (raw ?? '2,1').split(',').map((m) => m.trim()).filter(Boolean);
	for (const major of majors) if (!RUNTIMES[major]) throw new Error(`Unknown n8n major "${major}" (use 2 or 1)`);
	return majors;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

async function runMajor(major: string, checks: Checks, packed: PackedPackage): Promise<string> {
	const spec = RUNTIMES[major];
	log(`\n== ${spec.label}: n8n ${spec.n8nVersion} on Node ${spec.nodeVersion.split('.')[0]} ==`);
	const started = Date.now();
	let stack: Stack | undefined;
	try {
		try {
			stack = await startStack({ spec, packed, log: (line) => log(`  ${line}`) });
			checks.pass(`${spec.label}: n8n starts with the package installed in its nodes folder`, `started in ${seconds(stack.n8n.startMs)}`);
		} catch (error) {
			checks.fail(`${spec.label}: n8n starts with the package installed in its nodes folder`, (error as Error).message);
			return `${spec.label}: did not start`;
		}
		const prefix = `${spec.label}: `;
		const runStarted = Date.now();
		await loadChecks(stack, checks, prefix);
		await subtitleChecks(stack, checks, prefix);
		await exampleChecks(stack, checks, prefix);
		await triggerChecks(stack, checks, prefix);
		await (await import('./poll')).pollChecks(stack, checks, prefix);
		const failuresHere = checks.results.filter((r) => !r.ok && r.name.startsWith(prefix)).length;
		if (failuresHere) {
			const errors = stack.n8n
				.log()
				.split('\n')
				.filter((line) => /error|fail/i.test(line))
				.slice(-20)
				.join('\n');
			if (errors) log(`  n8n's log, lines with errors (last 20):\n${errors}`);
		}
		return (
			`${spec.label} (n8n ${spec.n8nVersion}, Node ${stack.runtime.nodeVersion}): install ${seconds(stack.timings.installMs)}, ` +
			`start ${seconds(stack.n8n.startMs)}, set-up ${seconds(stack.timings.setupMs)}, ` +
			`checks ${seconds(Date.now() - runStarted)}, total ${seconds(Date.now() - started)}`
		);
	} finally {
		if (stack) {
			const logCopy = process.env.E2E_KEEP_LOGS;
			if (logCopy) {
				fs.mkdirSync(logCopy, { recursive: true });
				fs.writeFileSync(path.join(logCopy, `n8n-${spec.n8nVersion}.log`), stack.n8n.log());
			}
			await stack.stop();
		}
	}
}

async function main(): Promise<number> {
	const checks = new Checks(log);
	const timings: string[] = [];
	const queueMode = process.argv.includes('--queue');
	const majors = queueMode ? [] : majorsToRun();
	// One package for every n8n under test, packed as `npm pack` packs it.
	let packed: PackedPackage | undefined;
	const packStarted = Date.now();
	try {
		packed = packAndReport(log);
		checks.pass('the package builds and packs', `${packed.files.length} files, ${seconds(Date.now() - packStarted)}`);
	} catch (error) {
		checks.fail('the package builds and packs', (error as Error).message);
	}
	for (const major of packed ? majors : []) {
		if (!packed) break;
		try {
			timings.push(await runMajor(major, checks, packed));
		} catch (error) {
			checks.fail(`${RUNTIMES[major].label}: end-to-end run`, `${(error as Error).stack ?? error}`);
		}
	}
	if (packed && queueMode) {
		try {
			timings.push(...(await runQueueMode(checks, packed, log)));
		} catch (error) {
			checks.fail('n8n 2.x queue mode: end-to-end run', `${(error as Error).stack ?? error}`);
		}
	}
	log('\nTimes:');
	for (const line of timings) log(`  ${line}`);
	const failed = checks.results.filter((r) => !r.ok);
	if (failed.length) {
		log('\nFailed:');
		for (const r of failed) log(`  ${r.name}: ${tail(r.detail ?? '', 3)}`);
	}
	log(`\n${checks.passed} passed, ${checks.failed} failed`);
	return checks.failed ? 1 : 0;
}

const stopOnSignal = (signal: string) => {
	log(`\n${signal}: stopping`);
	killAllStarted();
	process.exit(130);
};
process.on('SIGINT', () => stopOnSignal('SIGINT'));
process.on('SIGTERM', () => stopOnSignal('SIGTERM'));

main()
	.then((code) => {
		killAllStarted();
		process.exit(code);
	})
	.catch((error: Error) => {
		log(`${error.stack ?? error.message}`);
		killAllStarted();
		log('\n0 passed, 1 failed');
		process.exit(1);
	});
