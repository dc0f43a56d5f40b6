// Child process that runs one node through n8n-core's WorkflowExecute (the test harness's
// runNode) and measures it: wall time, output and failed items, memory. A fresh worker per
// measured run keeps one run's memory out of the next one's figures.

import type { INodeExecutionData } from 'n8n-workflow';

import { registerNodeType, runNode, type NodeRunResult } from '../test/helpers/workflow';
import { collectGarbage, jsonBytes, maxRssBytes, MemorySampler } from './measure';
import { BASELINE_TYPE, HttpRequestBaseline } from './nodes/httpRequestBaseline';
import { Replay, REPLAY_TYPE, setReplayPlan } from './nodes/replay';
import { serve } from './rpc';
import type { Credentials, RunMetrics, RunSpec } from './types';

registerNodeType(BASELINE_TYPE, new HttpRequestBaseline());
registerNodeType(REPLAY_TYPE, new Replay());

const TYPES = { pack: undefined, baseline: BASELINE_TYPE, replay: REPLAY_TYPE } as const;

let credentials: Credentials;

function failed(items: INodeExecutionData[]): { count: number; first?: string } {
	let count = 0;
	let first: string | undefined;
	for (const item of items) {
		if (item.json.error !== undefined) {
			count++;
			first ??= String(item.json.error);
		}
	}
	return { count, first };
}

/** Runs started together count as one: their items side by side, the first error. */
function mergeRuns(runs: NodeRunResult[]): NodeRunResult {
	return { ...runs[0], items: runs.flatMap((run) => run.items), error: runs.find((run) => run.error)?.error };
}

function inputCount(spec: RunSpec): number {
	return spec.parallel ? spec.parallel.reduce((sum, job) => sum + job.input.length, 0) : spec.input.length;
}

async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 20));
	collectGarbage();
}

async function run(spec: RunSpec): Promise<RunMetrics> {
	if (spec.replay) setReplayPlan(spec.replay);
	const options = {
		credentials,
		input: spec.input,
		continueOnFail: spec.continueOnFail,
		type: TYPES[spec.runner],
		name: spec.runner === 'pack' ? 'BigCommerce' : 'HTTP Request',
	};
	let sampler: MemorySampler | undefined;
	if (spec.measureMemory) {
		await settle();
		sampler = new MemorySampler(5, spec.collectEveryMs).start();
	}
	const cpuBefore = process.cpuUsage();
	const startedAt = Date.now();
	const started = performance.now();
	let result: NodeRunResult | undefined = spec.parallel
		? mergeRuns(await Promise.all(spec.parallel.map(async (job) => await runNode(job.parameters, { ...options, input: job.input }))))
		: await runNode(spec.parameters, options);
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);

	const outputItems = result.items.length;
	const itemFailures = failed(result.items);
	const stopped = result.error !== undefined;
	const metrics: RunMetrics = {
		wallMs,
		cpuMs: (cpu.user + cpu.system) / 1000,
		startedAt,
		outputItems,
		failedItems: stopped ? Math.max(1, inputCount(spec)) : itemFailures.count,
		firstError: result.error ? `${result.error.message} ${result.error.description ?? ''}`.trim() : itemFailures.first,
		stopped,
	};
	if (sampler) {
		// n8n-core lets go of a finished run only after the current macrotask: wait for it on
		// both sides, so the difference is the result alone.
		await settle();
		const withResult = process.memoryUsage().heapUsed;
		sampler.held(withResult);
		const peaks = sampler.stop();
		const itemsJson = jsonBytes(result.items.map((item) => item.json));
		result = undefined;
		await settle();
		const withoutResult = process.memoryUsage().heapUsed;
		metrics.memory = {
			heapUsedBefore: peaks.heapUsedBefore,
			peakHeapUsed: peaks.peakHeapUsed,
			peakHeldHeap: peaks.peakHeldHeap,
			rssBefore: peaks.rssBefore,
			peakRss: peaks.peakRss,
			maxRss: maxRssBytes(),
			itemsHeap: Math.max(0, withResult - withoutResult),
			itemsJson,
		};
	}
	return metrics;
}

/**
 * Loads and initialises everything once (n8n-core's lazy services, axios, the credential) with
 * one request per runner, so a measured run starts warm, as it does in a running n8n.
 */
async function warmUp(args: { credentials: Credentials }): Promise<boolean> {
	credentials = args.credentials;
	await runNode({ resource: 'store', operation: 'get' }, { credentials });
	await runNode(
		{ mode: 'perItem', method: 'GET', path: '/v2/store', concurrency: 1 },
		{ credentials, type: BASELINE_TYPE, name: 'HTTP Request' },
	);
	return true;
}

serve({ warmUp, run });
