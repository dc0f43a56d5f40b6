// `npm run bench`: runs every scenario against the store emulator, with the BigCommerce node and
// with the HTTP Request baseline, and writes bench/results/<date>.json and BENCHMARKS.md.
//
//   npm run bench -- --only upsert --scale 0.1

import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import {
	concurrencyFloorMs,
	evaluateTargets,
	itemsPerSecond,
	machine,
	peakHeapGrowth,
	renderMarkdown,
	timeline,
	floorOf,
	floorRatio,
	networkFloorMs,
	type BenchResults,
	type OverheadResult,
	type RunResult,
	type ScenarioResult,
} from './report';
import { buildForChildren, built } from './build';
import { Child } from './rpc';
import { SCENARIOS, SCALED_QUOTA, type NodeJob, type Scenario } from './scenarios';
import type { Credentials, Fixture, RecordedRequest, RequestSummary, Runner, RunMetrics, RunSpec, StoreSetup, Verification } from './types';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');

const USAGE = `Usage: npm run bench -- [options]
  --only <ids>                 scenarios whose id contains any of these (comma-separated), e.g. upsert,getAll
  --scale <x>                  multiply every default size (e.g. 0.1 while developing)
  --size <id>=<n>              size of one scenario (repeatable), e.g. --size products.upsert=1000
  --latency <ms>               emulator latency per request (default 0; overhead runs always use 0)
  --baseline-concurrency <n>   HTTP Request baseline requests in flight together (default 64)
  --no-baseline                skip the HTTP Request baseline runs
  --reps <n>                   measured runs per overhead scenario (default 2)
  --network-runs <n>           runs of the node per network scenario of about a second, median shown (default 3)
  --markdown / --no-markdown   write BENCHMARKS.md (default: only for a full run at the default sizes)
  --render <results.json>      only rewrite BENCHMARKS.md from a results file
Scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}`;

interface Options {
	only: string[];
	scale: number;
	sizes: Record<string, number>;
	latencyMs: number;
	baselineConcurrency: number;
	baseline: boolean;
	repetitions: number;
	networkRuns: number;
	markdown?: boolean;
	render?: string;
}

function parseArgs(argv: string[]): Options {
	const options: Options = { only: [], scale: 1, sizes: {}, latencyMs: 0, baselineConcurrency: 64, baseline: true, repetitions: 2, networkRuns: 3 };
	const value = (i: number, flag: string): string => {
		const v = argv[i + 1];
		if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
		return v;
	};
	const positive = (raw: string, flag: string): number => {
		const n = Number(raw);
		if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number, got ${raw}`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		switch (flag) {
			case '--only':
				options.only.push(...value(i++, flag).split(',').map((s) => s.trim()).filter(Boolean));
				break;
			case '--scale':
				options.scale = positive(value(i++, flag), flag);
				break;
			case '--size': {
				const [id, n] = value(i++, flag).split('=');
				if (!SCENARIOS.some((s) => s.id === id)) throw new Error(`--size: no scenario ${id}`);
				options.sizes[id] = Math.round(positive(n, flag));
				break;
			}
			case '--latency':
				options.latencyMs = Number(value(i++, flag));
				break;
			case '--baseline-concurrency':
				options.baselineConcurrency = Math.round(positive(value(i++, flag), flag));
				break;
			case '--no-baseline':
				options.baseline = false;
				break;
			case '--reps':
				options.repetitions = Math.round(positive(value(i++, flag), flag));
				break;
			case '--network-runs':
				options.networkRuns = Math.round(positive(value(i++, flag), flag));
				break;
			case '--markdown':
				options.markdown = true;
				break;
			case '--no-markdown':
				options.markdown = false;
				break;
			case '--render':
				options.render = value(i++, flag);
				break;
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown option ${flag}\n${USAGE}`);
		}
	}
	return options;
}

function sizeOf(scenario: Scenario, options: Options): number {
	return options.sizes[scenario.id] ?? Math.max(1, Math.round(scenario.defaultSize * options.scale));
}

function fmt(n: number, digits = 0): string {
	return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

class Bench {
	// How often the memory scenario forces a full collection to read what the run holds.
	private static readonly HELD_SAMPLE_MS = 500;

	constructor(
		private readonly host: Child,
		private readonly credentials: Credentials,
		private readonly options: Options,
	) {}

	/**
	 * Runs `task` with a fresh worker against a store prepared for the scenario. The worker loads
	 * while the store is seeded, warms up (n8n-core's lazy services, axios, the credential) on the
	 * idle store, and only then are the scenario's conditions set and the request log cleared.
	 * Each worker gets its own throw-away n8n user folder (n8n-core writes settings there).
	 */
	private async withWorker<T>(setup: StoreSetup, task: (worker: Child, fixture: Fixture) => Promise<T>): Promise<T> {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bc-bench-'));
		const worker = new Child(built('bench/worker.ts'), {
			name: 'worker',
			execArgv: ['--expose-gc'],
			env: {
				N8N_USER_FOLDER: userFolder,
				N8N_ENCRYPTION_KEY: randomBytes(24).toString('base64'),
				N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
				N8N_RUNNERS_ENABLED: 'false',
				N8N_DIAGNOSTICS_ENABLED: 'false',
			},
		});
		try {
			const fixture = await this.host.call<Fixture>('prepare', setup);
			await worker.call('warmUp', { credentials: this.credentials });
			await this.host.call('arm', setup);
			return await task(worker, fixture);
		} finally {
			await worker.stop();
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	}

	private setupFor(scenario: Scenario, size: number): StoreSetup {
		const setup = scenario.setup(size);
		return scenario.kind === 'overhead' ? { ...setup, latencyMs: 0 } : { latencyMs: this.options.latencyMs, ...setup };
	}

	private spec(runner: RunSpec['runner'], job: NodeJob, measureMemory: boolean, replay?: RunSpec['replay']): RunSpec {
		return { runner, parameters: job.parameters, input: job.input, continueOnFail: true, measureMemory, replay };
	}

	/** One measured run in a fresh worker: the store prepared, the node run, the store read back. */
	async measure(scenario: Scenario, size: number, runner: Runner): Promise<RunResult> {
		return await this.withWorker(this.setupFor(scenario, size), async (worker, fixture) => {
			const job =
				runner === 'pack'
					? scenario.pack(fixture, size)
					: (scenario.baseline as NonNullable<Scenario['baseline']>)(fixture, size, this.options.baselineConcurrency);
			const spec = this.spec(runner, job, true);
			if (scenario.kind === 'memory') spec.collectEveryMs = Bench.HELD_SAMPLE_MS;
			const parallel =
				runner === 'pack'
					? scenario.packParallel?.(fixture, size)
					: scenario.baselineParallel?.(fixture, size, this.options.baselineConcurrency);
			if (parallel) spec.parallel = parallel;
			const metrics = await worker.call<RunMetrics>('run', spec);
			const requests = await this.host.call<RequestSummary>('summary');
			const verification = scenario.expect
				? await this.host.call<Verification>('verify', scenario.expect(fixture, size))
				: undefined;
			return { runner, requests, metrics, verification };
		});
	}

	/**
	 * The node's own time per item: the node's run against a replay of its exact requests, in one
	 * warm worker, alternating, fastest of each.
	 */
	async overhead(scenario: Scenario, size: number): Promise<{ pack: RunResult; overhead: OverheadResult }> {
		return await this.withWorker(this.setupFor(scenario, size), async (worker, fixture) => {
			const job = scenario.pack(fixture, size);
			const warm = await worker.call<RunMetrics>('run', this.spec('pack', job, false));
			const requests = await this.host.call<RequestSummary>('summary');
			const replay = {
				requests: await this.host.call<RecordedRequest[]>('requestLog'),
				parameters: Object.entries(job.parameters)
					.filter(([name]) => name !== 'resource' && name !== 'operation')
					.map(([name, value]) => ({ name, extractValue: (value as { __rl?: boolean } | null)?.__rl === true })),
				output: scenario.replayOutput ?? 'perInput',
			};
			await worker.call<RunMetrics>('run', this.spec('replay', job, false, replay));
			const packRuns: RunMetrics[] = [];
			const replayRuns: RunMetrics[] = [];
			for (let rep = 0; rep < this.options.repetitions; rep++) {
				await this.host.call('clearRequests');
				packRuns.push(await worker.call<RunMetrics>('run', this.spec('pack', job, false)));
				await this.host.call('clearRequests');
				replayRuns.push(await worker.call<RunMetrics>('run', this.spec('replay', job, false, replay)));
			}
			const least = (runs: RunMetrics[], key: 'wallMs' | 'cpuMs') => Math.min(...runs.map((run) => run[key]));
			const failedItems = Math.max(warm.failedItems, ...packRuns.map((run) => run.failedItems));
			const fastestPack = least(packRuns, 'wallMs');
			const overhead: OverheadResult = {
				repetitions: this.options.repetitions,
				packMs: packRuns.map((run) => run.wallMs),
				replayMs: replayRuns.map((run) => run.wallMs),
				packCpuMs: packRuns.map((run) => run.cpuMs),
				replayCpuMs: replayRuns.map((run) => run.cpuMs),
				perItemMs: (least(packRuns, 'cpuMs') - least(replayRuns, 'cpuMs')) / size,
				perItemWallMs: (fastestPack - least(replayRuns, 'wallMs')) / size,
				totalPerItemMs: fastestPack / size,
			};
			const metrics = { ...warm, wallMs: fastestPack, cpuMs: least(packRuns, 'cpuMs'), failedItems };
			return { pack: { runner: 'pack', requests, metrics }, overhead };
		});
	}
}

function describeRun(scenario: ScenarioResult, result: RunResult): string {
	const m = result.metrics;
	const heap = peakHeapGrowth(result);
	const parts = [
		`${fmt(result.requests.total)} requests (floor ${fmt(floorOf(scenario, result))}, ×${fmt(floorRatio(scenario, result), 2)})`,
		`${fmt(result.requests.status429)} 429s`,
		`${fmt(m.failedItems)} failed`,
		`${fmt(m.wallMs / 1000, 2)} s`,
		`${fmt(itemsPerSecond(result, scenario.size))} items/s`,
	];
	if (heap !== undefined) parts.push(`heap +${fmt(heap / 1024 / 1024, 1)} MB`);
	if (scenario.network) {
		parts.push(`floor ${fmt(networkFloorMs(scenario, result) / 1000, 2)} s (×${fmt(result.metrics.wallMs / networkFloorMs(scenario, result), 2)})`);
		const peak = result.requests.inFlightPeak;
		if (peak) parts.push(`most in flight ${Object.entries(peak.routes).map(([route, n]) => `${route} ${n}`).join(', ')}`);
	}
	const times = scenario.quota ? timeline(result) : undefined;
	if (times) {
		parts.push(
			`first request after ${fmt(times.beforeFirstMs / 1000, 2)} s, paused ${fmt(times.pausedMs / 1000, 1)} s, done ${fmt(times.afterLastMs / 1000, 2)} s after the last`,
		);
	}
	if (result.verification && !result.verification.ok) parts.push(`store check: ${result.verification.detail}`);
	if (m.firstError && m.failedItems) parts.push(`first error: ${m.firstError.slice(0, 160)}`);
	return `  ${result.runner.padEnd(8)} ${parts.join(', ')}`;
}

/** Network runs whose concurrency floor is shorter than this are repeated (see runScenario). */
const SHORT_RUN_MS = 2000;

/**
 * Runs a measurement `runs` times and keeps the median by wall time, with every run's wall time;
 * a run that failed items or the store check is kept instead, so a failure is never hidden.
 */
async function medianRun(runs: number, measure: () => Promise<RunResult>): Promise<RunResult> {
	const results: RunResult[] = [];
	for (let run = 0; run < runs; run++) results.push(await measure());
	if (runs === 1) return results[0];
	const failed = results.find((r) => r.metrics.failedItems > 0 || r.verification?.ok === false);
	const byWall = [...results].sort((a, b) => a.metrics.wallMs - b.metrics.wallMs);
	return { ...(failed ?? byWall[Math.floor((runs - 1) / 2)]), wallRunsMs: byWall.map((r) => r.metrics.wallMs) };
}

async function runScenario(bench: Bench, scenario: Scenario, options: Options): Promise<ScenarioResult> {
	const size = sizeOf(scenario, options);
	console.log(`${scenario.id} (${fmt(size)}): ${scenario.job}`);
	const setup = scenario.setup(size);
	const base: Omit<ScenarioResult, 'pack'> = {
		id: scenario.id,
		title: scenario.title,
		job: scenario.job,
		kind: scenario.kind,
		size,
		floor: scenario.floor(size),
		quota: setup.rateLimit ? setup.rateLimit : undefined,
		network: scenario.network ? { latencyMs: scenario.network.latencyMs, phases: scenario.network.phases(size) } : undefined,
		parallel: scenario.parallel,
	};
	if (scenario.kind === 'overhead') {
		const { pack, overhead } = await bench.overhead(scenario, size);
		const result = { ...base, pack, overhead };
		console.log(describeRun(result, pack));
		console.log(
			`  overhead ${fmt(overhead.perItemMs, 4)} ms per item of CPU (node ${fmt(Math.min(...overhead.packCpuMs))} ms, replay ${fmt(Math.min(...overhead.replayCpuMs))} ms); wall ${fmt(overhead.perItemWallMs, 4)} ms per item`,
		);
		return result;
	}
	// A run of about a second moves by several per cent from one run to the next on a small
	// machine: the median of several, each in a fresh worker. Longer and quota-bound runs vary
	// by about 1%, and run once.
	const floorMs = concurrencyFloorMs(base);
	const runs = floorMs !== undefined && floorMs < SHORT_RUN_MS && !setup.rateLimit ? options.networkRuns : 1;
	const result: ScenarioResult = { ...base, pack: await medianRun(runs, async () => await bench.measure(scenario, size, 'pack')) };
	console.log(describeRun(result, result.pack));
	if (options.baseline && scenario.baseline) {
		result.baseline = await bench.measure(scenario, size, 'baseline');
		console.log(describeRun(result, result.baseline));
	}
	return result;
}

function writeMarkdown(results: BenchResults, file: string): void {
	fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), renderMarkdown(results, path.relative(ROOT, file)));
	console.log('Tables: BENCHMARKS.md');
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	if (options.render) {
		const file = path.resolve(options.render);
		writeMarkdown(JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults, file);
		return;
	}
	const selected = SCENARIOS.filter((s) => !options.only.length || options.only.some((part) => s.id.includes(part)));
	if (!selected.length) throw new Error(`no scenario matches --only ${options.only.join(',')}\n${USAGE}`);
	// Only a run at every default makes the dated results and BENCHMARKS.md.
	const defaults = parseArgs([]);
	const fullRun =
		!options.only.length &&
		!Object.keys(options.sizes).length &&
		(['scale', 'latencyMs', 'baselineConcurrency', 'baseline', 'repetitions', 'networkRuns'] as const).every((key) => options[key] === defaults[key]);

	buildForChildren();
	const host = new Child(built('bench/emulatorHost.ts'), { name: 'emulator', execArgv: ['--max-old-space-size=4096'] });
	const results: ScenarioResult[] = [];
	const errors: Array<{ id: string; error: string }> = [];
	try {
		const credentials = await host.call<Credentials>('start');
		const bench = new Bench(host, credentials, options);
		for (const scenario of selected) {
			try {
				results.push(await runScenario(bench, scenario, options));
			} catch (error) {
				// One broken scenario should not cost the others' figures.
				const text = error instanceof Error ? error.message : String(error);
				console.error(`  FAILED: ${text}`);
				errors.push({ id: scenario.id, error: text.split('\n')[0] });
			}
		}
		await host.call('stop');
	} finally {
		await host.stop();
	}

	const durationSeconds = process.uptime();
	const date = new Date();
	const day = date.toISOString().slice(0, 10);
	const output: BenchResults = {
		date: date.toISOString(),
		machine: machine(),
		options: {
			scale: options.scale,
			latencyMs: options.latencyMs,
			baselineConcurrency: options.baselineConcurrency,
			repetitions: options.repetitions,
			networkRuns: options.networkRuns,
			only: options.only,
			sizes: options.sizes,
		},
		durationSeconds,
		scenarios: results,
		errors,
		targets: evaluateTargets(results, errors, durationSeconds, fullRun),
	};
	// Partial or scaled runs are for development: they go to results/tmp (ignored by git).
	const dir = fullRun ? RESULTS : path.join(RESULTS, 'tmp');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, fullRun ? `${day}.json` : `${date.toISOString().replace(/[:.]/g, '-')}.json`);
	fs.writeFileSync(file, `${JSON.stringify(output, null, '\t')}\n`);
	const relative = path.relative(ROOT, file);
	console.log(`\nResults: ${relative}`);
	if (options.markdown ?? fullRun) writeMarkdown(output, file);
	console.log('\nTargets:');
	for (const t of output.targets) console.log(`  ${t.met ? 'met    ' : 'NOT MET'} ${t.target}: ${t.measured}`);
	console.log(`\nDone in ${fmt(durationSeconds / 60, 1)} min (quota scenarios use ${SCALED_QUOTA.quota} per ${SCALED_QUOTA.windowMs} ms).`);
	if (errors.length) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
