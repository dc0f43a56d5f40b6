// Shared set-up of the fault runs: a store per run, the fault rule of each kind at 10% of every
// API request, the request timeout scaled down for the stall runs, and the bookkeeping of what
// was injected, lost and duplicated.

import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { startEmulator, type Emulator, type FaultKind, type FaultRule } from '../emulator';

/** The faults of the issue, each injected into 10% of the API requests of a run. */
export const FAULT_KINDS = [
	'429',
	'429-no-headers',
	'500',
	'502',
	'503',
	'reset',
	'reset-after-commit',
	'stall',
	'malformed-json',
	'207',
] as const satisfies readonly FaultKind[];

export type RunFaultKind = (typeof FAULT_KINDS)[number];

export const FAULT_RATE = 0.1;

// The transport waits 60 s for an answer, so a real stall would cost a minute per fault. The
// stall runs scale that clock down: every request to the stalling store gets an 800 ms timeout
// (see scaleRequestTimeout) and the store holds each stalled request for 1.1 s, longer than that
// timeout, before dropping the connection. The code path is the one a 60 s timeout takes.
export const SCALED_TIMEOUT_MS = 800;
export const STALL_MS = 1100;

// A 429 with headers announces when the window resets; the store here announces 100 ms.
export const RATE_LIMIT_RESET_MS = 100;

/** The fault rule of one kind at 10% of every API request. */
export function faultRule(kind: RunFaultKind, extra: Partial<FaultRule> = {}): FaultRule {
	const rule: FaultRule = { kind, rate: FAULT_RATE, ...extra };
	if (kind === '429') rule.delayMs = RATE_LIMIT_RESET_MS;
	if (kind === 'stall') rule.delayMs = STALL_MS;
	return rule;
}

const timeoutCaps = new Map<string, number>();
let restoreOutbound: (() => void) | undefined;

/**
 * Caps the timeout of every request n8n sends to `baseUrl` (one store) at `ms`, at n8n's own
 * outbound HTTP service, below the node: the node still asks for its 60 s, and its timeout
 * handling runs unchanged. Other stores in the same process keep their timeouts.
 */
export function scaleRequestTimeout(baseUrl: string, ms: number): () => void {
	if (!restoreOutbound) {
		const outbound = Container.get(OutboundHttp);
		const requests = outbound.requests.bind(outbound);
		outbound.requests = (options) => {
			const client = requests(options);
			return {
				...client,
				request: async (request: IHttpRequestOptions) => {
					const url = String(request.url ?? '');
					for (const [prefix, cap] of timeoutCaps) {
						if (url.startsWith(prefix)) return await client.request({ ...request, timeout: Math.min(cap, request.timeout ?? cap) });
					}
					return await client.request(request);
				},
			} as ReturnType<typeof requests>;
		};
		restoreOutbound = () => {
			outbound.requests = requests;
		};
	}
	timeoutCaps.set(baseUrl, ms);
	return () => {
		timeoutCaps.delete(baseUrl);
		if (!timeoutCaps.size && restoreOutbound) {
			restoreOutbound();
			restoreOutbound = undefined;
		}
	};
}

/** A fresh store for one fault run, with the kind's rule armed once `arm()` is called. */
export async function faultStore(
	kind: RunFaultKind,
	seed: (emulator: Emulator) => void,
	faultSeed = 7,
): Promise<{ emulator: Emulator; arm: (extra?: Partial<FaultRule>) => void; stop: () => Promise<void> }> {
	const emulator = await startEmulator({ seed: 'empty', faultSeed, token: TEST_TOKEN, clientSecret: TEST_CLIENT_SECRET });
	seed(emulator);
	const unscale = kind === 'stall' ? scaleRequestTimeout(emulator.baseUrl, SCALED_TIMEOUT_MS) : () => undefined;
	return {
		emulator,
		arm: (extra = {}) => {
			emulator.clearRequests();
			emulator.setFaults([faultRule(kind, extra)]);
		},
		stop: async () => {
			unscale();
			await emulator.stop();
		},
	};
}

// Distinctive values, so the secret scan of these runs cannot miss or mistake them.
export const TEST_TOKEN = 'tok_reliability_7d1f0c2e9a8b4e55';
export const TEST_CLIENT_SECRET = 'cs_reliability_3b9e71d04c6a2f88';

/** Faults injected in a run, by kind, from the store's own log. */
export function injectedFaults(emulator: Emulator): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const request of emulator.requests) {
		if (request.fault) counts[request.fault] = (counts[request.fault] ?? 0) + 1;
	}
	return counts;
}

/** The error an item carries with Continue On Fail, if any. */
export function itemError(item: INodeExecutionData): string | undefined {
	const error = (item.json as IDataObject).error;
	return typeof error === 'string' ? error : error === undefined ? undefined : JSON.stringify(error);
}

export interface RunFigures {
	operation: string;
	kind: string;
	rows: number;
	requests: number;
	faults: number;
	/** Items reported as failed, each on its own item. */
	reported: number;
	lost: number;
	duplicated: number;
}

const figures: RunFigures[] = [];

export function recordFigures(entry: RunFigures): void {
	figures.push(entry);
}

/** One line per run, for the closing note (printed once, after the file's last test). */
export function printFigures(title: string): void {
	if (!figures.length) return;
	const lines = figures
		.sort((a, b) => a.operation.localeCompare(b.operation) || FAULT_KINDS.indexOf(a.kind as RunFaultKind) - FAULT_KINDS.indexOf(b.kind as RunFaultKind))
		.map(
			(f) =>
				`${f.operation.padEnd(16)} ${f.kind.padEnd(19)} rows ${String(f.rows).padStart(5)}  requests ${String(f.requests).padStart(5)}  faults ${String(f.faults).padStart(4)}  reported ${String(f.reported).padStart(3)}  lost ${f.lost}  duplicated ${f.duplicated}`,
		);
	console.log(`${title}\n${lines.join('\n')}`);
}

/**
 * Starts one run per fault kind at once, before the file's tests (their waits overlap; each run
 * has its own store), and hands each test its own run's outcome.
 */
export function runConcurrently<K extends string, R>(
	kinds: readonly K[],
	run: (kind: K) => Promise<R>,
	timeoutMs = 280_000,
): (kind: K) => R {
	const outcomes = new Map<K, PromiseSettledResult<R>>();
	beforeAll(async () => {
		const settled = await Promise.allSettled(kinds.map(async (kind) => await run(kind)));
		kinds.forEach((kind, index) => outcomes.set(kind, settled[index]));
	}, timeoutMs);
	return (kind) => {
		const outcome = outcomes.get(kind);
		if (!outcome) throw new Error(`the ${kind} run did not finish`);
		if (outcome.status === 'rejected') throw outcome.reason;
		return outcome.value;
	};
}
