// Memory figures of the process that runs the node: peaks sampled while it runs, the kernel's
// peak RSS, and the heap the output items themselves occupy.

import { performance } from 'perf_hooks';

/** A full collection; twice by default, as the first pass may only queue finalizers. */
export function collectGarbage(passes = 2): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('the worker needs --expose-gc');
	for (let pass = 0; pass < passes; pass++) gc();
}

export interface MemoryPeaks {
	heapUsedBefore: number;
	rssBefore: number;
	/** Highest heapUsed sampled: live objects plus garbage V8 has not collected yet. */
	peakHeapUsed: number;
	/** Highest heapUsed right after a full collection: what the run holds. */
	peakHeldHeap: number;
	peakRss: number;
	samples: number;
}

/**
 * Samples heapUsed and RSS every few milliseconds while a run is in progress. V8 lets garbage
 * pile up between collections, so the sampled peak is what the process uses; with
 * `collectEveryMs` it also forces a full collection that often and takes the heap after it as
 * held (exact, but the collections cost time: for the memory scenario only).
 */
export class MemorySampler {
	private timer?: NodeJS.Timeout;
	private readonly peaks: MemoryPeaks;
	private lastCollection = 0;

	constructor(
		private readonly intervalMs = 5,
		private readonly collectEveryMs?: number,
	) {
		const now = process.memoryUsage();
		this.peaks = {
			heapUsedBefore: now.heapUsed,
			rssBefore: now.rss,
			peakHeapUsed: now.heapUsed,
			peakHeldHeap: now.heapUsed,
			peakRss: now.rss,
			samples: 1,
		};
	}

	start(): this {
		this.lastCollection = performance.now();
		this.timer = setInterval(() => this.sample(), this.intervalMs);
		return this;
	}

	/** A heap measured right after a full collection. */
	held(heapAfterCollection: number): void {
		if (heapAfterCollection > this.peaks.peakHeldHeap) this.peaks.peakHeldHeap = heapAfterCollection;
	}

	sample(): void {
		const now = process.memoryUsage();
		if (now.heapUsed > this.peaks.peakHeapUsed) this.peaks.peakHeapUsed = now.heapUsed;
		if (now.rss > this.peaks.peakRss) this.peaks.peakRss = now.rss;
		this.peaks.samples++;
		if (this.collectEveryMs !== undefined && performance.now() - this.lastCollection >= this.collectEveryMs) {
			collectGarbage(1);
			this.lastCollection = performance.now();
			this.held(process.memoryUsage().heapUsed);
		}
	}

	stop(): MemoryPeaks {
		if (this.timer) clearInterval(this.timer);
		this.sample();
		return { ...this.peaks };
	}
}

/** The kernel's high-water mark of this process's RSS, in bytes. */
export function maxRssBytes(): number {
	return process.resourceUsage().maxRSS * 1024;
}

/** JSON size of the items, summed item by item (no giant string). */
export function jsonBytes(values: unknown[]): number {
	let total = 0;
	for (const value of values) total += Buffer.byteLength(JSON.stringify(value));
	return total;
}
