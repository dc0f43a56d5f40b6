/** A tiny check recorder for the end-to-end run: named checks, a report, a closing count line. */

export class Checks {
	readonly results: Array<{ name: string; ok: boolean; detail?: string }> = [];

	constructor(private readonly log: (line: string) => void) {}

	pass(name: string, detail?: string): void {
		this.results.push({ name, ok: true, detail });
		this.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`);
	}

	fail(name: string, detail: string): void {
		this.results.push({ name, ok: false, detail });
		this.log(`  FAIL  ${name}\n        ${detail.split('\n').join('\n        ')}`);
	}

	/** Runs one check: it passes unless it throws; the returned text is shown beside it. */
	async run(name: string, body: () => Promise<string | void> | string | void): Promise<boolean> {
		try {
			const detail = await body();
			this.pass(name, detail || undefined);
			return true;
		} catch (error) {
			this.fail(name, error instanceof Error ? error.message : String(error));
			return false;
		}
	}

	get failed(): number {
		return this.results.filter((r) => !r.ok).length;
	}

	get passed(): number {
		return this.results.filter((r) => r.ok).length;
	}
}

export function expect(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
