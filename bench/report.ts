// The results file (bench/results/<date>.json) and the tables in BENCHMARKS.md.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { Floor, Phase } from './scenarios';
import type { RequestSummary, Runner, RunMetrics, Verification } from './types';

export interface RunResult {
	runner: Runner;
	requests: RequestSummary;
	metrics: RunMetrics;
	verification?: Verification;
	/** When the run was repeated: the wall time of every run, fastest first (this is the median). */
	wallRunsMs?: number[];
}

export interface OverheadResult {
	repetitions: number;
	/** Wall time of each measured run. */
	packMs: number[];
	replayMs: number[];
	/** CPU time of the worker in each measured run (the store's is in its own process). */
	packCpuMs: number[];
	replayCpuMs: number[];
	/** (least node CPU - least replay CPU) / items: the node's own time per item. */
	perItemMs: number;
	/** The same from wall times, which also carry the store's and the machine's noise. */
	perItemWallMs: number;
	/** fastest node run / items, everything included */
	totalPerItemMs: number;
}

export interface ScenarioResult {
	id: string;
	title: string;
	job: string;
	kind: 'standard' | 'overhead' | 'memory';
	size: number;
	floor: Floor;
	/** requests / quota x window, for rate-limited scenarios. */
	quota?: { quota: number; windowMs: number };
	pack: RunResult;
	baseline?: RunResult;
	overhead?: OverheadResult;
	/** A run over a network: the emulator's latency and the job's phases. */
	network?: { latencyMs: number; phases: Phase[] };
	/** Runs of the node started together (1 when absent). */
	parallel?: number;
}

export interface Machine {
	cpu: string;
	cores: number;
	memoryGB: number;
	os: string;
	node: string;
	n8nCore: string;
	n8nWorkflow: string;
	package: string;
}

export interface TargetResult {
	target: string;
	measured: string;
	met: boolean;
}

export interface BenchResults {
	date: string;
	machine: Machine;
	options: {
		scale: number;
		latencyMs: number;
		baselineConcurrency: number;
		repetitions: number;
		/** Runs per latency-bound network scenario (older results: 1). */
		networkRuns?: number;
		only: string[];
		sizes: Record<string, number>;
	};
	durationSeconds: number;
	scenarios: ScenarioResult[];
	/** Scenarios that could not run, with why. */
	errors: Array<{ id: string; error: string }>;
	targets: TargetResult[];
}

const ROOT = path.resolve(__dirname, '..');

function versionOf(pkg: string): string {
	const file = path.join(ROOT, 'node_modules', pkg, 'package.json');
	return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

export function machine(): Machine {
	const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
	return {
		cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
		cores: os.cpus().length,
		memoryGB: Math.round(os.totalmem() / 1024 ** 3),
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		n8nCore: versionOf('n8n-core'),
		n8nWorkflow: versionOf('n8n-workflow'),
		package: `${own.name}@${own.version}`,
	};
}

// ------------------------------------------------------------------------------------------
// Figures

const MB = 1024 * 1024;

/** Requests that were not answered with an injected fault: a retry of a fault is the fault's cost. */
export function usefulRequests(result: RunResult): number {
	const injected = Object.values(result.requests.faults).reduce((sum, n) => sum + n, 0);
	return result.requests.total - injected;
}

/**
 * The floor for this run: the scenario's, plus one check by SKU for each create an injected
 * fault left in doubt (a client that never duplicates must look before sending it again).
 */
export function floorOf(scenario: ScenarioResult, result: RunResult): number {
	return scenario.floor.requests + result.requests.faultedCreates;
}

export function floorRatio(scenario: ScenarioResult, result: RunResult): number {
	return usefulRequests(result) / floorOf(scenario, result);
}

export function itemsPerSecond(result: RunResult, size: number): number {
	return size / (result.metrics.wallMs / 1000);
}

export function peakHeapGrowth(result: RunResult): number | undefined {
	const m = result.metrics.memory;
	return m ? m.peakHeapUsed - m.heapUsedBefore : undefined;
}

/** Growth of the heap the run holds (measured after collections), above the heap before it. */
export function heldHeapGrowth(result: RunResult): number | undefined {
	const m = result.metrics.memory;
	return m ? m.peakHeldHeap - m.heapUsedBefore : undefined;
}

/** Where a run's wall time went: before its first request, in pauses, after its last one. */
export function timeline(result: RunResult): { beforeFirstMs: number; pausedMs: number; afterLastMs: number } | undefined {
	const { firstAt, lastAt, pausedMs } = result.requests;
	const { startedAt, wallMs } = result.metrics;
	if (firstAt === undefined || lastAt === undefined) return undefined;
	return { beforeFirstMs: firstAt - startedAt, pausedMs, afterLastMs: startedAt + wallMs - lastAt };
}

export function quotaFloorMs(scenario: ScenarioResult, requests: number): number | undefined {
	if (!scenario.quota) return undefined;
	return (requests / scenario.quota.quota) * scenario.quota.windowMs;
}

/** Sum over the job's phases of requests × latency / the requests in flight allowed. */
export function concurrencyFloorMs(scenario: Pick<ScenarioResult, 'network'>): number | undefined {
	const network = scenario.network;
	if (!network) return undefined;
	return network.phases.reduce((sum, phase) => sum + (phase.requests * network.latencyMs) / phase.concurrency, 0);
}

/** The larger of the quota floor (for the run's requests) and the concurrency floor. */
export function networkFloorMs(scenario: ScenarioResult, result: RunResult): number {
	return Math.max(concurrencyFloorMs(scenario) ?? 0, quotaFloorMs(scenario, result.requests.total) ?? 0);
}

function fmt(n: number | undefined, digits = 0): string {
	if (n === undefined || !Number.isFinite(n)) return '–';
	return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(a: number | undefined, b: number | undefined): string {
	if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
	const r = a / b;
	return `×${r >= 10 ? fmt(r, 0) : r >= 0.1 ? fmt(r, 2) : fmt(r, 3)}`;
}

function seconds(ms: number): string {
	return fmt(ms / 1000, ms < 10_000 ? 2 : 1);
}

function mb(bytes: number | undefined): string {
	return bytes === undefined ? '–' : fmt(bytes / MB, 1);
}

// ------------------------------------------------------------------------------------------
// Targets

export function evaluateTargets(
	results: ScenarioResult[],
	errors: BenchResults['errors'],
	durationSeconds: number,
	fullRun: boolean,
): TargetResult[] {
	const targets: TargetResult[] = [];
	if (errors.length) {
		targets.push({
			target: 'Every scenario runs',
			measured: errors.map((e) => `${e.id}: ${e.error}`).join('; '),
			met: false,
		});
	}

	const counted = results.filter((s) => s.kind !== 'overhead');
	if (counted.length) {
		const ratios = counted.map((s) => ({ s, r: floorRatio(s, s.pack) }));
		const worst = ratios.reduce((a, b) => (b.r > a.r ? b : a));
		const list = ratios.map(({ s, r }) => `${s.id} ${ratio(r, 1)}`).join(', ');
		targets.push({
			target: 'Requests within 5% of the floor, every scenario',
			measured: `worst ${worst.s.id}: ${fmt(usefulRequests(worst.s.pack))} requests for a floor of ${fmt(floorOf(worst.s, worst.s.pack))} (${ratio(worst.r, 1)}); ${list}`,
			met: worst.r <= 1.05,
		});
	}

	const limited = results.find((s) => s.id === 'products.upsert.rateLimited');
	if (limited) {
		const floorMs = quotaFloorMs(limited, limited.pack.requests.total) ?? 0;
		const wall = limited.pack.metrics.wallMs;
		targets.push({
			target: 'Rate-limited import: zero failed items',
			measured: `${fmt(limited.pack.metrics.failedItems)} failed of ${fmt(limited.size)}; ${fmt(limited.pack.requests.status429)} 429s received`,
			met: limited.pack.metrics.failedItems === 0,
		});
		targets.push({
			target: 'Rate-limited import: wall time within 10% of the quota floor (requests / quota × window)',
			measured: `${seconds(wall)} s for a quota floor of ${seconds(floorMs)} s (${fmt(limited.pack.requests.total)} requests / ${limited.quota?.quota} × ${(limited.quota?.windowMs ?? 0) / 1000} s): ${ratio(wall, floorMs)}`,
			met: wall <= floorMs * 1.1,
		});
	}

	const faults = results.find((s) => s.id === 'products.upsert.faults');
	if (faults) {
		targets.push({
			target: 'Rate-limited import with 10% 5xx and resets: zero failed items, nothing duplicated',
			measured: `${fmt(faults.pack.metrics.failedItems)} failed of ${fmt(faults.size)}; store check: ${faults.pack.verification?.detail ?? 'not run'}`,
			met: faults.pack.metrics.failedItems === 0 && faults.pack.verification?.ok === true,
		});
	}

	const overheads = results.filter((s) => s.overhead);
	if (overheads.length) {
		const worst = overheads.reduce((a, b) => ((b.overhead?.perItemMs ?? 0) > (a.overhead?.perItemMs ?? 0) ? b : a));
		targets.push({
			target: 'Node overhead under 0.1 ms per item (zero latency)',
			measured: overheads
				.map((s) => `${s.id}: ${fmt(s.overhead?.perItemMs, 4)} ms/item of CPU (wall ${fmt(s.overhead?.perItemWallMs, 4)}) over ${fmt(s.size)} items`)
				.join('; '),
			met: (worst.overhead?.perItemMs ?? Infinity) < 0.1,
		});
	}

	const memory = results.find((s) => s.kind === 'memory');
	if (memory?.pack.metrics.memory) {
		const held = heldHeapGrowth(memory.pack) ?? 0;
		const peak = peakHeapGrowth(memory.pack) ?? 0;
		const items = memory.pack.metrics.memory.itemsHeap;
		targets.push({
			target: `getAll of ${fmt(memory.size)} records holds no more than about twice the items' own size`,
			measured: `holds at most ${mb(held)} MB above the heap before the run (peak with uncollected garbage ${mb(peak)} MB) for items of ${mb(items)} MB in the heap (${mb(memory.pack.metrics.memory.itemsJson)} MB as JSON): ${ratio(held, items)}`,
			met: held <= items * 2,
		});
	}

	for (const s of results.filter((x) => x.network)) {
		const wall = s.pack.metrics.wallMs;
		const floorMs = networkFloorMs(s, s.pack);
		const concurrent = (s.parallel ?? 1) > 1;
		const limit = concurrent ? 1.15 : s.quota ? 1.1 : 1.25;
		const floorName = s.quota ? 'quota floor' : 'concurrency floor';
		const share429 = s.pack.requests.status429 / Math.max(1, s.pack.requests.total);
		const extra = concurrent
			? `; ${fmt(s.pack.metrics.failedItems)} failed; ${fmt(s.pack.requests.status429)} of ${fmt(s.pack.requests.total)} requests answered 429 (${fmt(share429 * 100, 2)}%)`
			: '';
		const runs = s.pack.wallRunsMs;
		const median = runs ? `; median of ${runs.length} runs (${runs.map(seconds).join(', ')} s)` : '';
		targets.push({
			target: concurrent
				? `${s.title}: 0 failed, under 1% 429, within ${limit} × the combined quota floor`
				: `${s.title}: within ${limit} × the ${floorName}`,
			measured: `${seconds(wall)} s for a floor of ${seconds(floorMs)} s (concurrency ${seconds(concurrencyFloorMs(s) ?? 0)} s${s.quota ? `, quota ${seconds(quotaFloorMs(s, s.pack.requests.total) ?? 0)} s` : ''}): ${ratio(wall, floorMs)}; from the first request (after ${seconds(timeline(s.pack)?.beforeFirstMs ?? 0)} s reading and checking the items): ${ratio(wall - (timeline(s.pack)?.beforeFirstMs ?? 0), floorMs)}${extra}${median}`,
			met: wall <= floorMs * limit && (!concurrent || (s.pack.metrics.failedItems === 0 && share429 < 0.01)),
		});
	}

	if (fullRun) {
		targets.push({
			target: '`npm run bench` with the defaults in under 10 minutes',
			measured: `${fmt(durationSeconds / 60, 1)} min`,
			met: durationSeconds < 600,
		});
	}
	return targets;
}

// ------------------------------------------------------------------------------------------
// Markdown

function checkText(result: RunResult, size: number, kind: ScenarioResult['kind']): string {
	if (result.verification) return result.verification.ok ? 'ok' : `**${result.verification.detail}**`;
	if (kind !== 'overhead' && result.metrics.outputItems !== size && result.runner === 'pack') {
		return `**${fmt(result.metrics.outputItems)} items, expected ${fmt(size)}**`;
	}
	return result.metrics.stopped ? `**stopped: ${result.metrics.firstError ?? ''}**` : 'ok';
}

function row(scenario: ScenarioResult, result: RunResult, other?: RunResult): string {
	const m = result.metrics;
	const vs = (mine: number | undefined, theirs: number | undefined) => (other ? ratio(mine, theirs) : '');
	const heap = peakHeapGrowth(result);
	const otherHeap = other ? peakHeapGrowth(other) : undefined;
	const rss = m.memory?.peakRss;
	const label = result.runner === 'pack' ? `**${scenario.title}**` : 'HTTP Request baseline';
	const cells = [
		label,
		result.runner === 'pack' ? fmt(scenario.size) : '',
		result.runner,
		fmt(result.requests.total),
		ratio(floorRatio(scenario, result), 1),
		vs(result.requests.total, other?.requests.total),
		fmt(result.requests.status429),
		fmt(m.failedItems),
		seconds(m.wallMs),
		vs(m.wallMs, other?.metrics.wallMs),
		fmt(itemsPerSecond(result, scenario.size)),
		vs(itemsPerSecond(result, scenario.size), other ? itemsPerSecond(other, scenario.size) : undefined),
		mb(heap),
		vs(heap, otherHeap),
		mb(rss),
		vs(rss, other?.metrics.memory?.peakRss),
		checkText(result, scenario.size, scenario.kind),
	];
	return `| ${cells.join(' | ')} |`;
}

function resultsTable(scenarios: ScenarioResult[]): string[] {
	const lines = [
		'| Scenario | Items | Runner | Requests | × floor | × baseline | 429s | Failed items | Wall (s) | × baseline | Items/s | × baseline | Peak heap (MB) | × baseline | Peak RSS (MB) | × baseline | Store check |',
		'|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
	];
	for (const s of scenarios.filter((x) => x.kind !== 'overhead')) {
		lines.push(row(s, s.pack, s.baseline));
		if (s.baseline) lines.push(row(s, s.baseline));
	}
	return lines;
}

function floorsTable(scenarios: ScenarioResult[]): string[] {
	const lines = ['| Scenario | Floor (requests) | How the floor is made | Requests by route (node) |', '|---|--:|---|---|'];
	for (const s of scenarios) {
		const routes = Object.entries(s.pack.requests.byRoute)
			.sort((a, b) => b[1] - a[1])
			.map(([route, n]) => `${route} ${fmt(n)}`)
			.join('; ');
		const faults = Object.entries(s.pack.requests.faults)
			.map(([kind, n]) => `${kind} ${fmt(n)}`)
			.join(', ');
		const checks = s.pack.requests.faultedCreates
			? ` + ${fmt(s.pack.requests.faultedCreates)} checks by SKU for creates hit by a fault`
			: '';
		const quotaMs = quotaFloorMs(s, s.pack.requests.total);
		const times = timeline(s.pack);
		const quota =
			quotaMs === undefined || !times
				? ''
				: `; quota floor for the node's ${fmt(s.pack.requests.total)} requests: ${seconds(quotaMs)} s; the node's ${seconds(s.pack.metrics.wallMs)} s: ${seconds(times.beforeFirstMs)} s before the first request, ${seconds(times.pausedMs)} s of pauses, ${seconds(times.afterLastMs)} s after the last`;
		lines.push(`| ${s.id} | ${fmt(floorOf(s, s.pack))} | ${s.floor.note}${checks}${quota} | ${routes}${faults ? ` (injected faults: ${faults})` : ''} |`);
	}
	return lines;
}

function networkTable(scenarios: ScenarioResult[]): string[] {
	const rows = scenarios.filter((s) => s.network);
	if (!rows.length) return [];
	const lines = [
		'| Scenario | Items | Runner | Requests | 429s | Failed items | Wall (s) | Runs (s) | Before the first request (s) | Concurrency floor (s) | Quota floor (s) | × floor | × floor from the first request | × baseline | Most in flight (route) | Store check |',
		'|---|--:|---|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|---|---|',
	];
	for (const s of rows) {
		for (const result of [s.pack, s.baseline].filter((r): r is RunResult => r !== undefined)) {
			const peak = Object.entries(result.requests.inFlightPeak?.routes ?? {})
				.sort((a, b) => b[1] - a[1])
				.slice(0, 2)
				.map(([route, n]) => `${n} ${route}`)
				.join('; ');
			const quotaMs = quotaFloorMs(s, result.requests.total);
			const before = timeline(result)?.beforeFirstMs ?? 0;
			const floorMs = networkFloorMs(s, result);
			lines.push(
				`| ${result.runner === 'pack' ? `**${s.title}**` : 'HTTP Request baseline'} | ${result.runner === 'pack' ? fmt(s.size * (s.parallel ?? 1)) : ''} | ${result.runner} | ${fmt(result.requests.total)} | ${fmt(result.requests.status429)} | ${fmt(result.metrics.failedItems)} | ${seconds(result.metrics.wallMs)} | ${(result.wallRunsMs ?? [result.metrics.wallMs]).map(seconds).join(', ')} | ${seconds(before)} | ${seconds(concurrencyFloorMs(s) ?? 0)} | ${quotaMs === undefined ? '–' : seconds(quotaMs)} | ${ratio(result.metrics.wallMs, floorMs)} | ${ratio(result.metrics.wallMs - before, floorMs)} | ${result.runner === 'pack' && s.baseline ? ratio(result.metrics.wallMs, s.baseline.metrics.wallMs) : ''} | ${peak} | ${checkText(result, s.size * (s.parallel ?? 1), s.kind)} |`,
			);
		}
	}
	lines.push('', '| Scenario | Phases: requests × 100 ms / requests in flight allowed |', '|---|---|');
	for (const s of rows) {
		const phases = (s.network?.phases ?? []).map((p) => `${p.what} ${fmt(p.requests)} / ${p.concurrency}`).join(' + ');
		lines.push(`| ${s.id} | ${phases} |`);
	}
	return lines;
}

function overheadTable(scenarios: ScenarioResult[]): string[] {
	const rows = scenarios.filter((s) => s.overhead);
	if (!rows.length) return [];
	const lines = [
		'| Scenario | Items | Requests | Node CPU (s) | Replay CPU (s) | Overhead per item, CPU (ms) | Node wall (s) | Replay wall (s) | Overhead per item, wall (ms) | Everything per item, wall (ms) | Runs |',
		'|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
	];
	const least = (values: number[]) => seconds(Math.min(...values));
	for (const s of rows) {
		const o = s.overhead as OverheadResult;
		lines.push(
			`| ${s.title} | ${fmt(s.size)} | ${fmt(s.pack.requests.total)} | ${least(o.packCpuMs)} | ${least(o.replayCpuMs)} | **${fmt(o.perItemMs, 4)}** | ${least(o.packMs)} | ${least(o.replayMs)} | ${fmt(o.perItemWallMs, 4)} | ${fmt(o.totalPerItemMs, 4)} | ${o.repetitions} each + 1 warm-up |`,
		);
	}
	return lines;
}

function memoryLines(scenarios: ScenarioResult[]): string[] {
	const s = scenarios.find((x) => x.kind === 'memory');
	if (!s?.pack.metrics.memory) return [];
	const lines = [
		'| Runner | Items | Items in the heap (MB) | Items as JSON (MB) | Held at most (MB) | × items | Peak heap with garbage (MB) | × items | Peak RSS (MB) |',
		'|---|--:|--:|--:|--:|--:|--:|--:|--:|',
	];
	for (const result of [s.pack, s.baseline].filter((r): r is RunResult => r !== undefined)) {
		const m = result.metrics.memory;
		if (!m) continue;
		const held = heldHeapGrowth(result);
		const peak = peakHeapGrowth(result);
		lines.push(
			`| ${result.runner === 'pack' ? 'BigCommerce node' : 'HTTP Request baseline'} | ${fmt(result.metrics.outputItems)} | ${mb(m.itemsHeap)} | ${mb(m.itemsJson)} | ${mb(held)} | ${ratio(held, m.itemsHeap)} | ${mb(peak)} | ${ratio(peak, m.itemsHeap)} | ${mb(m.peakRss)} |`,
		);
	}
	return lines;
}

export function renderMarkdown(results: BenchResults, resultsFile: string): string {
	const { machine: m, options } = results;
	const sizes = results.scenarios.map((s) => `${s.id} ${fmt(s.size)}`).join(', ');
	return [
		'# Benchmarks',
		'',
		'What the BigCommerce node costs a store owner, measured with `npm run bench` against the local store',
		"emulator, through n8n-core's `WorkflowExecute` (the engine n8n runs), beside the same job built from",
		"n8n's HTTP Request node. The emulator runs in a child process of its own, so its memory and CPU are",
		'not in the figures; each measured run gets a fresh worker process.',
		'',
		`- Date: ${results.date}`,
		`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}`,
		`- Versions: Node ${m.node}, n8n-core ${m.n8nCore}, n8n-workflow ${m.n8nWorkflow}, ${m.package}`,
		`- Options: scale ${options.scale}, emulator latency ${options.latencyMs} ms, baseline concurrency ${options.baselineConcurrency}, overhead runs ${options.repetitions}, network runs ${options.networkRuns ?? 1}`,
		`- Sizes: ${sizes}`,
		`- Whole run: ${fmt(results.durationSeconds / 60, 1)} min; raw figures in \`${resultsFile}\``,
		'',
		'## Results',
		'',
		'Ratios: "× floor" is requests (less those answered with an injected fault) over the fewest the API',
		'allows (with faults: plus one check by SKU per create a fault left in doubt); "× baseline" is the',
		'node\'s figure over the HTTP Request baseline\'s (below 1 means the node needs less, except items/s).',
		'Peak heap is the sampled growth above the heap before the run (garbage included); peak RSS is the',
		'whole worker process. The memory scenario forces a full collection every 500 ms to read what the',
		'run holds, which slows it down.',
		'"Store check" reads the store afterwards: every row saved with the right values, nothing duplicated.',
		'',
		...resultsTable(results.scenarios),
		'',
		'### Over a network: 100 ms per request',
		'',
		'The write jobs and Get Many again, with the emulator answering each request 100 ms after it arrived,',
		'as a store across the internet does. The emulator does its work within those 100 ms, as a store\'s',
		'servers do side by side: on its one core, work done after the wait queued a burst of ten pages one',
		'behind the other (about 3 ms each), a delay the real store does not add. The node keeps as many requests in flight as BigCommerce allows per',
		'endpoint (10 where no lower limit is stated, 3 for customer updates, 1 for inventory adjustments),',
		'through one scheduler per store that also spreads the quota over its window. Floor: the larger of',
		'the concurrency floor (sum over the job\'s phases of requests × 100 ms / requests allowed in flight)',
		'and the quota floor (requests / quota × window). "Most in flight" is counted by the emulator.',
		'"Before the first request" is the time n8n and the node spend reading and checking every item',
		'before anything is sent, as the node checks all input first; "× floor from the first request"',
		'leaves it out. The floor counts 100 ms per request and nothing else: where requests follow one',
		'another (inventory adjustments one at a time, v2 and cursor pages), n8n\'s request handling and',
		'the node\'s reading of each answer add to every one of them.',
		'A run of about a second varies by several per cent on a small machine, so the scenarios whose',
		'floor is under 2 s run three times, each in a fresh worker, and the table shows the median run',
		'("Runs" lists all three); the longer ones vary by about 1% and run once.',
		'The last scenario is three imports of 2,000 rows each started at once against one store with the',
		'scaled Standard quota: they share it through the scheduler.',
		'',
		...networkTable(results.scenarios),
		'',
		'### Node overhead at zero latency',
		'',
		'The node runs the job, then a replay node sends exactly the same requests and reads the same',
		"parameters the way the node reads them (a plain column straight from the item, anything else",
		"through n8n's expressions, so that cost is on both sides) with no logic of its own; the difference,",
		'per item, is the time the node itself adds. Runs alternate in one warm worker; each figure is the',
		"least of its runs. CPU time is the worker's own (the store runs in another process), so it is the",
		'measure; wall time also carries the store and whatever else the machine is doing.',
		'',
		...overheadTable(results.scenarios),
		'',
		'### Memory of a large list',
		'',
		'"Items in the heap" is what the output items occupy once the run is over, measured by garbage',
		'collection with and without them. "Held at most" is the highest heap right after a garbage',
		'collection during the run (or with the items at the end), above the heap before it: what the run',
		'holds. "Peak heap with garbage" is sampled every 5 ms and includes garbage V8 had not collected yet.',
		'',
		...memoryLines(results.scenarios),
		'',
		'### Floors and requests',
		'',
		...floorsTable(results.scenarios),
		'',
		'## Targets',
		'',
		'| Target | Measured | Met |',
		'|---|---|---|',
		...results.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`),
		'',
		'## How it is measured',
		'',
		'- Requests, statuses and injected faults come from the emulator\'s request log; 429s are every 429',
		'  answer (the quota ran out, or an injected one).',
		'- Failed items are output items carrying `error` (both runners use "Continue On Fail"); a run that',
		'  stops counts all its items as failed.',
		'- Wall time is the `WorkflowExecute` run of the one node, after a warm-up of the engine in the same',
		'  worker; items/s is items over wall time.',
		'- Baseline: the HTTP Request node pattern, one request per item with `httpRequestWithAuthentication`',
		'  (an upsert is a look-up `GET ?sku=` then a `PUT` or `POST`), requests in flight together as the',
		`  HTTP Request node sends them (capped at ${options.baselineConcurrency} here); lists use n8n-core's own paginated`,
		'  request helper with page = `$pageCount + 1`, 250 per page, until an empty page (v3) or a 204 (v2).',
		'  It has no retries: that is the HTTP Request node\'s default.',
		'- Rate-limited runs: a quota of 150 requests per 3 s window (BigCommerce\'s Standard plan, 150 per',
		'  30 s, scaled by 1/10); quota floor = requests / quota × window.',
		'- The emulator answers with no latency unless `--latency` is given or the scenario is a `network.`',
		'  one (100 ms per request), so the other runs measure requests, CPU and quota, not the network.',
		'',
		'Run it: `npm run bench` (defaults, about 10 minutes), or for example',
		'`npm run bench -- --only upsert --scale 0.1`. See `npm run bench -- --help`.',
		'',
	].join('\n');
}
