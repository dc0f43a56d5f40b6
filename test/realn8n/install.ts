/**
 * Installs the runtimes ahead of time: `ts-node --transpile-only test/realn8n/install.ts [2] [1]`
 * (default: both n8n majors). The demo and the end-to-end tests install what they need anyway.
 */
import { RUNTIMES, cacheRoot, ensureRuntime } from './runtimes';

async function main(): Promise<void> {
	const majors = process.argv.slice(2).length ? process.argv.slice(2) : ['2', '1'];
	const log = (line: string) => process.stdout.write(`${line}\n`);
	log(`Cache: ${cacheRoot()}`);
	for (const major of majors) {
		const spec = RUNTIMES[major];
		if (!spec) throw new Error(`Unknown n8n major "${major}" (use 2 or 1)`);
		const started = Date.now();
		const runtime = await ensureRuntime(spec, log);
		log(`${spec.label}: n8n ${spec.n8nVersion} at ${runtime.n8nDir} (node ${runtime.nodeBin}), ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
