/**
 * Takes the README's screenshots of the example workflows in the real n8n editor:
 * `node <Node 22 or later> node_modules/.bin/ts-node --transpile-only test/realn8n/screenshots.ts`
 * (it needs the global WebSocket of Node 22+, and Debian's `chromium`: `apt-get install -y chromium`;
 * `pngquant`, if installed, makes the files smaller).
 * Writes examples/screenshots/<example>.png.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { DEMO_OWNER } from './n8nApi';
import { freePort, killAllStarted } from './n8nProcess';
import { N8N_2 } from './runtimes';
import { EXAMPLES_DIR, startStack, type Stack } from './stack';

const log = (line: string) => process.stdout.write(`${line}\n`);
const WIDTH = 1280;
const HEIGHT = 720;

interface CdpResponse {
	id?: number;
	result?: Record<string, unknown>;
	error?: { message: string };
}

class Cdp {
	private nextId = 1;
	private readonly pending = new Map<number, (response: CdpResponse) => void>();

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as CdpResponse;
			if (message.id !== undefined) this.pending.get(message.id)?.(message);
		});
	}

	static async connect(url: string): Promise<Cdp> {
		const socket = new WebSocket(url);
		await new Promise((resolve, reject) => {
			socket.addEventListener('open', resolve);
			socket.addEventListener('error', reject);
		});
		return new Cdp(socket);
	}

	send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, (response) => {
				this.pending.delete(id);
				if (response.error) reject(new Error(`${method}: ${response.error.message}`));
				else resolve(response.result ?? {});
			});
			this.socket.send(JSON.stringify({ id, method, params }));
		});
	}

	async evaluate(expression: string): Promise<unknown> {
		const result = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
		return (result.result as { value?: unknown } | undefined)?.value;
	}

	close(): void {
		this.socket.close();
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, tries = 60): Promise<T> {
	for (let i = 0; i < tries; i++) {
		const value = await probe();
		if (value !== undefined) return value;
		await sleep(500);
	}
	throw new Error(`timed out waiting for ${what}`);
}

/**
 * The new-order example's trigger item as a user first meets it: the workflow activated, an
 * order placed in the store, and that execution opened with the trigger's output shown.
 */
async function shootTriggerItem(stack: Stack, cdp: Cdp, outDir: string): Promise<void> {
	const workflow = stack.workflows.find((w) => w.file.startsWith('01-'));
	if (!workflow) throw new Error('no 01-*.json example');
	const trigger = workflow.json.nodes.find((n) => String(n.type).endsWith('.bigCommerceTrigger'));
	if (!trigger) throw new Error('the new-order example has no BigCommerce Trigger');
	await stack.client.activate(workflow.id);
	try {
		await waitUntil('the hook in the store', async () => (stack.emulator.state.hooks.size ? true : undefined));
		const before = (await stack.client.executions(workflow.id)).length;
		stack.emulator.admin.createOrder({});
		await stack.emulator.waitForDeliveries();
		const execution = await waitUntil('the execution', async () => {
			const executions = await stack.client.executions(workflow.id);
			return executions.length > before && executions[0].data ? executions[0] : undefined;
		});
		await cdp.send('Page.navigate', { url: `${stack.n8n.baseUrl}/workflow/${workflow.id}/executions/${execution.id}` });
		// The execution preview: in the page itself, or in an iframe of the same origin (older editors).
		const frame = `(document.querySelector('iframe')?.contentDocument ?? document)`;
		const findNode = `[...(${frame}?.querySelectorAll('[data-test-id="canvas-node"]') ?? [])].find((n) => n.textContent.includes(${JSON.stringify(trigger.name)}))`;
		try {
			await waitUntil('the execution preview', async () => ((await cdp.evaluate(`!!${findNode}`)) ? true : undefined));
		} catch (error) {
			const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
			fs.writeFileSync(path.join(os.tmpdir(), 'screenshot-failed.png'), Buffer.from(String(shot.data), 'base64'));
			log(`page: ${String(await cdp.evaluate(`location.href + ' iframes: ' + document.querySelectorAll('iframe').length + ' nodes: ' + document.querySelectorAll('[data-test-id="canvas-node"]').length`))}`);
			throw error;
		}
		await sleep(1500);
		// A real double click (as the mouse sends it), which the canvas opens the node on.
		const box = (await cdp.evaluate(`(() => { const r = ${findNode}.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)) as [number, number];
		for (const clickCount of [1, 2]) {
			for (const type of ['mousePressed', 'mouseReleased']) {
				await cdp.send('Input.dispatchMouseEvent', { type, x: box[0], y: box[1], button: 'left', clickCount });
			}
		}
		await waitUntil('the node details view', async () =>
			(await cdp.evaluate(`!!${frame}?.querySelector('[data-test-id="ndv"]')`)) ? true : undefined,
		);
		await sleep(2500);
		const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
		const file = path.join(outDir, '01-new-order-alert-trigger-item.png');
		fs.writeFileSync(file, Buffer.from(String(shot.data), 'base64'));
		spawnSync('pngquant', ['--force', '--skip-if-larger', '--output', file, '256', file], { stdio: 'ignore' });
		log(`${file} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
	} finally {
		await stack.client.deactivate(workflow.id);
	}
}

async function main(): Promise<void> {
	const stack = await startStack({ spec: N8N_2, log });
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-screens-'));
	const port = await freePort();
	const chromium = spawn(
		'chromium',
		[
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--hide-scrollbars',
			'--no-first-run',
			`--remote-debugging-port=${port}`,
			`--user-data-dir=${profile}`,
			`--window-size=${WIDTH},${HEIGHT}`,
			'about:blank',
		],
		{ stdio: 'ignore', detached: true },
	);
	try {
		let pageUrl: string | undefined;
		for (let i = 0; i < 60 && !pageUrl; i++) {
			await sleep(500);
			try {
				const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ type: string; webSocketDebuggerUrl: string }>;
				pageUrl = targets.find((t) => t.type === 'page')?.webSocketDebuggerUrl;
			} catch {
				// not up yet
			}
		}
		if (!pageUrl) throw new Error('Chromium did not start');
		const cdp = await Cdp.connect(pageUrl);
		await cdp.send('Page.enable');
		await cdp.send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false });
		// Log in the way the editor does, so the session is bound to this browser's id.
		await cdp.send('Page.navigate', { url: `${stack.n8n.baseUrl}/signin` });
		await sleep(5000);
		const login = await cdp.evaluate(`(async () => {
			const key = Object.keys(localStorage).find((k) => /browser/i.test(k));
			const response = await fetch('/rest/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'browser-id': key ? localStorage.getItem(key) : '' },
				body: JSON.stringify({ emailOrLdapLoginId: ${JSON.stringify(DEMO_OWNER.email)}, password: ${JSON.stringify(DEMO_OWNER.password)} }),
			});
			return response.status;
		})()`);
		if (login !== 200) throw new Error(`login from the browser answered ${String(login)}`);
		const outDir = path.join(EXAMPLES_DIR, 'screenshots');
		fs.mkdirSync(outDir, { recursive: true });
		const only = process.env.SCREENSHOT_ONLY ? new RegExp(process.env.SCREENSHOT_ONLY) : undefined;
		for (const workflow of stack.workflows.filter((w) => !only || only.test(w.file))) {
			await cdp.send('Page.navigate', { url: `${stack.n8n.baseUrl}/workflow/${workflow.id}` });
			// wait until the canvas shows the workflow's nodes, then for it to settle
			for (let i = 0; i < 60; i++) {
				const count = await cdp.evaluate(`document.querySelectorAll('[data-test-id="canvas-node"]').length`);
				if (typeof count === 'number' && count >= workflow.json.nodes.length) break;
				await sleep(500);
			}
			await sleep(1500);
			// close any toast or modal the editor opened
			await cdp.evaluate(`document.querySelectorAll('.el-notification__closeBtn, .el-dialog__headerbtn').forEach((b) => b.click())`);
			await sleep(800);
			const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
			const file = path.join(outDir, workflow.file.replace(/\.json$/, '.png'));
			fs.writeFileSync(file, Buffer.from(String(shot.data), 'base64'));
			// Smaller files for the README: a 256-colour palette, where pngquant is installed.
			spawnSync('pngquant', ['--force', '--skip-if-larger', '--output', file, '256', file], { stdio: 'ignore' });
			log(`${file} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
		}
		await shootTriggerItem(stack, cdp, outDir);
		cdp.close();
	} finally {
		try {
			if (chromium.pid) process.kill(-chromium.pid, 'SIGKILL');
		} catch {
			// gone
		}
		fs.rmSync(profile, { recursive: true, force: true });
		await stack.stop();
		killAllStarted();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	killAllStarted();
	process.exit(1);
});
