// The live-store check (npm run test:live) run against the store emulator: without settings it
// explains itself; read-only and write runs pass; writes refuse a store not named as a test
// store; and a write that fails halfway still leaves no record of the run behind.
//
// The emulator's demo store is called "Emulated Demo Store", which says neither "sandbox" nor
// "test": the write runs pass --i-know, and that name lets the refusal be checked too.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startEmulator, type Emulator } from '../emulator';
import { runLive, writeExchanges, type LiveOutcome } from './run';

let emulator: Emulator;
let folder: string;

beforeAll(async () => {
	emulator = await startEmulator({ seed: 'demo' });
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bc-live-test-'));
});

afterAll(async () => {
	await emulator.stop();
	fs.rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
	emulator.reset();
	emulator.seedDemo();
});

const exchangesFile = () => path.join(folder, 'live-exchanges.jsonl');

async function live(argv: string[] = []): Promise<LiveOutcome & { lines: string[] }> {
	const lines: string[] = [];
	const outcome = await runLive({
		env: { BIGCOMMERCE_STORE_HASH: emulator.storeHash, BIGCOMMERCE_ACCESS_TOKEN: emulator.token, BIGCOMMERCE_API_URL: emulator.baseUrl },
		argv: [...argv, '--out', exchangesFile()],
		log: (line) => lines.push(...line.split('\n')),
	});
	return { ...outcome, lines };
}

const writes = () => emulator.requests.filter((request) => request.method !== 'GET');

/** Every record of the kinds the write run creates, as text, to look for the run ID in. */
function storeText(): string {
	const { state } = emulator;
	return JSON.stringify([...state.products.values(), ...state.variants.values(), ...state.customers.values(), ...state.customerGroups.values(), ...state.hooks.values()]);
}

function counts() {
	const { state } = emulator;
	return { products: state.products.size, variants: state.variants.size, customers: state.customers.size, groups: state.customerGroups.size, hooks: state.hooks.size };
}

describe('npm run test:live', () => {
	it('without the variables, says how to set them and exits 0 without running anything', () => {
		const env = { ...process.env };
		for (const name of ['BIGCOMMERCE_STORE_HASH', 'BIGCOMMERCE_ACCESS_TOKEN', 'BIGCOMMERCE_CLIENT_SECRET', 'BIGCOMMERCE_API_URL']) delete env[name];
		const result = spawnSync('npm', ['run', '--silent', 'test:live'], { cwd: path.resolve(__dirname, '../..'), env, encoding: 'utf8' });

		expect(result.status).toBe(0);
		expect(result.stdout).toContain('BIGCOMMERCE_STORE_HASH      the store hash');
		expect(result.stdout).toContain('BIGCOMMERCE_ACCESS_TOKEN    the account\'s access token');
		expect(result.stdout).toContain('--write');
		expect(result.stdout.trim().split('\n').pop()).toBe('BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN are not set: nothing was run.');
		expect(emulator.requests).toEqual([]);
	});

	it('read-only: every check passes, nothing is written, and every exchange is recorded without the token', async () => {
		const result = await live();

		expect(result.lines.filter((line) => line.includes('FAIL'))).toEqual([]);
		expect(result.exitCode).toBe(0);
		expect(result.failed).toBe(0);
		expect(result.passed).toBeGreaterThanOrEqual(30);
		expect(result.lines[result.lines.length - 1]).toBe(`${result.passed} passed, 0 failed`);
		expect(writes()).toEqual([]);

		const text = fs.readFileSync(exchangesFile(), 'utf8');
		expect(text).not.toContain(emulator.token);
		const exchanges = text.trim().split('\n').map((line) => JSON.parse(line));
		// Every request the emulator saw (the wrong-token credential test included) is in the file.
		expect(exchanges).toHaveLength(emulator.requests.length);
		expect(exchanges[0]).toEqual(
			expect.objectContaining({ method: 'GET', path: `/stores/${emulator.storeHash}/v2/store`, query: {}, body: null, status: 200, via: 'credential test' }),
		);
		const productsPage = exchanges.find((e) => e.path.endsWith('/v3/catalog/products') && e.query.limit === '2');
		expect(productsPage).toEqual(expect.objectContaining({ via: 'node', status: 200, response: expect.objectContaining({ meta: expect.objectContaining({ pagination: expect.anything() }) }) }));
		expect(Object.keys(productsPage.rateLimit).sort()).toEqual([
			'x-rate-limit-requests-left',
			'x-rate-limit-requests-quota',
			'x-rate-limit-time-reset-ms',
			'x-rate-limit-time-window-ms',
		]);
		expect(exchanges.some((e) => e.via === 'plain request' && e.path.endsWith('/v2/order_statuses'))).toBe(true);
	});

	it('--write refuses a store whose name says neither sandbox nor test, and writes nothing', async () => {
		const result = await live(['--write']);

		expect(result.exitCode).toBe(1);
		expect(result.lines).toContain('  FAIL  Writes run only on a store whose name contains "sandbox" or "test"');
		expect(result.lines).toContain('        Nothing was written. Run against a sandbox store, or add --i-know to write anyway.');
		expect(result.lines[result.lines.length - 1]).toBe(`${result.passed} passed, 1 failed`);
		expect(writes()).toEqual([]);
	});

	it('--write --i-know: every check passes and the store ends as it began', async () => {
		const before = counts();

		const result = await live(['--write', '--i-know']);

		expect(result.lines.filter((line) => line.includes('FAIL'))).toEqual([]);
		expect(result.exitCode).toBe(0);
		expect(result.lines).toContain('  ok    Customer Assign Group: the customer joins the new group');
		expect(result.lines.filter((line) => line.includes('Cleanup:') && line.includes('(nothing left behind)'))).toHaveLength(4);
		expect(writes().length).toBeGreaterThan(10);
		expect(counts()).toEqual(before);
		expect(storeText()).not.toContain(result.runId);
		expect(fs.readFileSync(exchangesFile(), 'utf8')).not.toContain(emulator.token);
	});

	it('a write that fails halfway (a customer group created, its answer lost) leaves no record of the run behind', async () => {
		const before = counts();
		emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path: '/v2/customer_groups', count: 1 }]);

		const result = await live(['--write', '--i-know']);

		expect(result.exitCode).toBe(1);
		expect(result.failed).toBe(1);
		expect(result.lines).toContain('  FAIL  Customer Group Create');
		const failure = result.lines.slice(result.lines.indexOf('  FAIL  Customer Group Create') + 1);
		expect(failure[0]).toBe(`        request:  POST /stores/${emulator.storeHash}/v2/customer_groups {"name":"${result.runId} group"}`);
		expect(failure[1]).toMatch(/^ {8}expected: the node to succeed; it stopped with/);
		expect(failure[2]).toBe('        answered: no answer (the connection was closed)');
		expect(result.lines).toContain('  skip  Customer Create (an earlier check failed)');
		expect(result.lines).toContain('  skip  Product Delete: gone from Get Many (an earlier check failed)');
		// The product (with its variant and metafield) and the group whose answer was lost.
		expect(result.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}ok {4}Cleanup: no customer group named .* \(deleted 1 left behind/)]));
		expect(result.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}ok {4}Cleanup: no product named .* \(deleted 1 left behind/)]));
		expect(result.lines[result.lines.length - 1]).toBe(`${result.passed} passed, 1 failed`);

		const lost = fs
			.readFileSync(exchangesFile(), 'utf8')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line))
			.filter((e) => e.method === 'POST' && e.path.endsWith('/v2/customer_groups'));
		expect(lost).toEqual([expect.objectContaining({ answered: false, step: 'Customer Group Create', via: 'node' })]);
		expect(lost[0]).not.toHaveProperty('status');

		expect(emulator.faultStats['reset-after-commit']).toBe(1);
		expect(storeText()).not.toContain(result.runId);
		expect(storeText()).not.toContain('n8n-live-');
		expect(counts()).toEqual(before);
	});

	it('does not keep an exchange file that holds the token: it is removed and reported', () => {
		const file = path.join(folder, 'leaky.jsonl');
		const exchange = { step: 'x', via: 'plain request', method: 'GET', path: '/stores/abc/v2/store', query: {}, body: null, status: 200, response: { echo: 'secret-token-123' }, rateLimit: {} };

		expect(writeExchanges(file, [exchange], ['secret-token-123', ''])).toBe('the file held the access token; it was removed');
		expect(fs.existsSync(file)).toBe(false);
		expect(writeExchanges(file, [exchange], ['another-token', ''])).toBeUndefined();
		expect(fs.existsSync(file)).toBe(true);
	});
});
