// Counts the API requests in flight at once, per route (method and path with IDs as :id), from
// the moment a request arrives to the moment its answer is sent or its connection dropped.

export interface InFlightSpan {
	route: string;
	start: number;
	end: number;
}

export function routeOf(method: string, path: string): string {
	return `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}

export class ConcurrencyMeter {
	private readonly current = new Map<string, number>();
	private readonly peaks = new Map<string, number>();
	private readonly spans: InFlightSpan[] = [];
	private total = 0;
	private totalPeak = 0;

	/** Counts a request in; the returned function counts it out (once). */
	enter(method: string, path: string): () => void {
		const route = routeOf(method, path);
		const now = performance.now();
		const count = (this.current.get(route) ?? 0) + 1;
		this.current.set(route, count);
		this.peaks.set(route, Math.max(this.peaks.get(route) ?? 0, count));
		this.total++;
		this.totalPeak = Math.max(this.totalPeak, this.total);
		let left = false;
		return () => {
			if (left) return;
			left = true;
			this.current.set(route, (this.current.get(route) ?? 1) - 1);
			this.total--;
			this.spans.push({ route, start: now, end: performance.now() });
		};
	}

	/** The most requests in flight at once to each route, and to the store as a whole. */
	peak(): { routes: Record<string, number>; total: number } {
		return { routes: Object.fromEntries(this.peaks), total: this.totalPeak };
	}

	/** When each finished request was in flight, oldest first (by its end). */
	intervals(): InFlightSpan[] {
		return [...this.spans];
	}

	reset(): void {
		this.peaks.clear();
		this.spans.length = 0;
		this.totalPeak = this.total;
		for (const [route, count] of this.current) if (count > 0) this.peaks.set(route, count);
	}
}
