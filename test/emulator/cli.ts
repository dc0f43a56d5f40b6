// `npm run emulator`: runs the store emulator in the foreground for demos and manual tests.
//
//   npm run emulator -- --port 4000 --seed demo --rate-limit 150/30000 --deliver-to http://127.0.0.1:5678

import { startEmulator } from './index';
import type { EmulatorOptions } from './types';

function parseArgs(argv: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const eq = a.indexOf('=');
		if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
		else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
		else out[a.slice(2)] = 'true';
	}
	return out;
}

const USAGE = `Usage: npm run emulator -- [options]
  --port <n>               port (default 4000; 0 = any free port)
  --host <addr>            host (default 127.0.0.1)
  --store-hash <hash>      store hash (default abc123)
  --token <token>          full-scope access token (default test-token-all-scopes)
  --seed demo|empty        initial data (default demo)
  --rate-limit <q>/<ms>    e.g. 150/30000 (default: off, headers still sent)
  --latency <ms>           every API answer leaves this long after its request arrived
  --client-secret <s>      sign webhook deliveries (Standard Webhooks)
  --deliver-to <origin>    deliver webhooks here instead of their https destination (path kept)`;

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const options: EmulatorOptions = {
		host: args.host ?? '127.0.0.1',
		port: args.port !== undefined ? Number(args.port) : 4000,
		storeHash: args['store-hash'],
		token: args.token,
		seed: args.seed === 'empty' ? 'empty' : 'demo',
		clientSecret: args['client-secret'],
		latencyMs: args.latency ? Number(args.latency) : 0,
	};
	if (args['rate-limit']) {
		const m = /^(\d+)\/(\d+)$/.exec(args['rate-limit']);
		if (!m) throw new Error('--rate-limit must look like 150/30000 (quota/window in ms)');
		options.rateLimit = { quota: Number(m[1]), windowMs: Number(m[2]) };
	}
	if (args['deliver-to']) {
		const origin = new URL(args['deliver-to']);
		options.deliveryRewrite = (destination) => {
			const d = new URL(destination);
			if (d.protocol !== 'https:') return destination;
			return `${origin.origin}${d.pathname}${d.search}`;
		};
	}
	const emu = await startEmulator(options);
	console.log('BigCommerce store emulator running');
	console.log(`  API URL (credential apiUrl): ${emu.baseUrl}`);
	console.log(`  Store hash:                  ${emu.storeHash}`);
	console.log(`  Access token:                ${emu.token}`);
	console.log(`  Example: curl -H "X-Auth-Token: ${emu.token}" ${emu.baseUrl}/stores/${emu.storeHash}/v2/store`);
	console.log(`  Admin:   ${emu.baseUrl}/__admin/stats`);
	const stop = async (signal: string) => {
		console.log(`\n${signal}: stopping emulator`);
		await emu.stop();
		process.exit(0);
	};
	process.once('SIGINT', () => void stop('SIGINT'));
	process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
