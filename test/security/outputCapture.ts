// Captures everything the pack shows to a person or writes to a log while a test file runs, and
// scans it for secrets: every workflow run's output items and errors (the original error objects
// too, with their causes), every answer the trigger gives a delivery, every error of its
// activation, every console call, every line written to stdout/stderr, and everything n8n's
// loggers receive (at every level, also those n8n would not print by default).
//
// The secrets it looks for are the access tokens and client secrets that the tests' credentials
// hand to the nodes (registered automatically), plus any a test registers itself, e.g. a trigger's
// per-workflow webhook secret. jest's setupFilesAfterEnv (scanAllSuites.ts) installs it for every
// test file; a file reads it with `outputCapture()`.

import { format } from 'util';
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { WorkflowExecute } from 'n8n-core';
import type { IDataObject, Logger as WorkflowLogger } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { TriggerHarness } from '../helpers/trigger';
import { TestCredentialsHelper } from '../helpers/workflow';

/** Shorter values are not treated as secrets: they would match ordinary text. */
const MIN_SECRET_LENGTH = 8;
const MAX_WALK_NODES = 2_000_000;
const MAX_DEPTH = 40;

export interface Leak {
	/** Where it was seen, e.g. 'workflow output', 'console.error', 'trigger answer'. */
	source: string;
	/** Which secret (its label, never its value). */
	secret: string;
	/** Path inside the scanned value, e.g. items[3].json.error */
	path: string;
}

interface Needle {
	label: string;
	forms: string[];
}

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
type StreamWrite = typeof process.stdout.write;

/** The secrets' encodings that would still give them away. */
function formsOf(secret: string): string[] {
	return [...new Set([secret, encodeURIComponent(secret), Buffer.from(secret, 'utf8').toString('base64')])];
}

function isSkippable(value: object): boolean {
	// Sockets, agents and streams are the wire, not something shown or logged.
	const name = value.constructor?.name ?? '';
	return /Socket|Agent|Stream|Server|Readable|Writable|TLS|Timeout|Promise|WeakMap|WeakSet/.test(name);
}

export class OutputCapture {
	private readonly needles = new Map<string, Needle>();
	readonly leaks: Leak[] = [];
	/** How many values of each source were scanned: proof that the capture was in place. */
	readonly scanned: Record<string, number> = {};
	private readonly restore: Array<() => void> = [];
	private installed = false;
	private inConsole = false;

	/** Adds a value to look for; `label` names it in reports (the value itself never is). */
	registerSecret(value: unknown, label: string): void {
		if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
		if (!this.needles.has(value)) this.needles.set(value, { label, forms: formsOf(value) });
	}

	get secretCount(): number {
		return this.needles.size;
	}

	/** Scans any value (object graph, error, text) and records each secret found in it. */
	scan(source: string, value: unknown): void {
		this.scanned[source] = (this.scanned[source] ?? 0) + 1;
		if (!this.needles.size) return;
		const seen = new WeakSet<object>();
		let budget = MAX_WALK_NODES;
		const check = (text: string, path: string) => {
			for (const needle of this.needles.values()) {
				if (needle.forms.some((form) => text.includes(form))) {
					this.leaks.push({ source, secret: needle.label, path });
				}
			}
		};
		const walk = (node: unknown, path: string, depth: number): void => {
			if (budget-- <= 0 || depth > MAX_DEPTH) return;
			if (typeof node === 'string') return check(node, path);
			if (node === null || typeof node !== 'object') return;
			if (seen.has(node)) return;
			seen.add(node);
			if (Buffer.isBuffer(node) || node instanceof Uint8Array) {
				if (node.byteLength <= 8 * 1024 * 1024) check(Buffer.from(node).toString('utf8'), path);
				return;
			}
			if (isSkippable(node)) return;
			if (node instanceof Map) {
				for (const [key, entry] of node) {
					walk(key, `${path}<key>`, depth + 1);
					walk(entry, `${path}.get(${String(key)})`, depth + 1);
				}
				return;
			}
			if (node instanceof Set) {
				for (const entry of node) walk(entry, `${path}<entry>`, depth + 1);
				return;
			}
			// Own names, enumerable or not: an Error's message, stack, description and cause.
			for (const key of Object.getOwnPropertyNames(node)) {
				let entry: unknown;
				try {
					entry = (node as Record<string, unknown>)[key];
				} catch {
					continue;
				}
				if (typeof entry === 'function') continue;
				check(key, `${path}<key ${key.slice(0, 20)}>`);
				walk(entry, Array.isArray(node) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
			}
		};
		walk(value, '', 0);
	}

	/** Patches every place output appears. Idempotent. */
	install(): void {
		if (this.installed) return;
		this.installed = true;
		this.captureCredentials();
		this.captureWorkflowRuns();
		this.captureTrigger();
		this.captureConsole();
		this.captureStreams();
		this.captureLoggers();
	}

	uninstall(): void {
		while (this.restore.length) this.restore.pop()?.();
		this.installed = false;
	}

	private patch<T extends object, K extends keyof T>(target: T, key: K, replacement: T[K]): void {
		const original = target[key];
		target[key] = replacement;
		this.restore.push(() => {
			target[key] = original;
		});
	}

	/** Every credential handed to a node: its token and client secret become needles. */
	private captureCredentials(): void {
		const capture = this;
		const original = TestCredentialsHelper.prototype.getDecrypted;
		this.patch(TestCredentialsHelper.prototype, 'getDecrypted', async function (
			this: TestCredentialsHelper,
			...args: Parameters<typeof original>
		) {
			const values = await original.apply(this, args);
			capture.registerSecret(values.accessToken, 'credential accessToken');
			capture.registerSecret(values.clientSecret, 'credential clientSecret');
			return values;
		});
	}

	/** Every run through n8n-core: output items, the run's error, and each original node error. */
	private captureWorkflowRuns(): void {
		const capture = this;
		const proto = WorkflowExecute.prototype as unknown as {
			processRunExecutionData: (...args: unknown[]) => PromiseLike<unknown>;
			reportNodeExecutionError: (error: unknown, ...rest: unknown[]) => unknown;
		};
		const run = proto.processRunExecutionData;
		this.patch(proto, 'processRunExecutionData', function (this: unknown, ...args: unknown[]) {
			const pending = run.apply(this, args);
			return Promise.resolve(pending).then((result) => {
				const data = (result as { data?: { resultData?: IDataObject } }).data?.resultData;
				capture.scan('workflow output', data);
				return result;
			});
		});
		const report = proto.reportNodeExecutionError;
		this.patch(proto, 'reportNodeExecutionError', function (this: unknown, error: unknown, ...rest: unknown[]) {
			capture.lastNodeErrors.push(error);
			if (capture.lastNodeErrors.length > 50) capture.lastNodeErrors.shift();
			capture.scan('node error', error);
			return report.call(this, error, ...rest);
		});
	}

	/** The original error objects the nodes threw, newest last (class and cause intact). */
	readonly lastNodeErrors: unknown[] = [];

	/** Every answer the trigger gives a delivery, and every error of its activation. */
	private captureTrigger(): void {
		const capture = this;
		const deliver = TriggerHarness.prototype.deliver;
		this.patch(TriggerHarness.prototype, 'deliver', async function (
			this: TriggerHarness,
			...args: Parameters<typeof deliver>
		) {
			try {
				const result = await deliver.apply(this, args);
				capture.scan('trigger answer', result);
				return result;
			} catch (error) {
				capture.scan('trigger error', error);
				throw error;
			}
		});
		const hookMethod = TriggerHarness.prototype.runHookMethod;
		this.patch(TriggerHarness.prototype, 'runHookMethod', async function (
			this: TriggerHarness,
			...args: Parameters<typeof hookMethod>
		) {
			try {
				return await hookMethod.apply(this, args);
			} catch (error) {
				capture.scan('trigger activation error', error);
				throw error;
			}
		});
	}

	private captureConsole(): void {
		for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as ConsoleMethod[]) {
			const original = console[method];
			this.patch(console, method, (...args: unknown[]) => {
				if (!this.inConsole) {
					this.inConsole = true;
					try {
						this.scan(`console.${method}`, [format(...args), ...args]);
					} finally {
						this.inConsole = false;
					}
				}
				original.apply(console, args);
			});
		}
	}

	private captureStreams(): void {
		for (const stream of [process.stdout, process.stderr]) {
			const original: StreamWrite = stream.write.bind(stream);
			const name = stream === process.stdout ? 'stdout' : 'stderr';
			this.patch(stream, 'write', ((chunk: unknown, ...rest: unknown[]) => {
				this.scan(name, typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk);
				return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
			}) as StreamWrite);
		}
	}

	/** n8n's LoggerProxy (n8n-workflow) and the DI Logger nodes reach as this.logger. */
	private captureLoggers(): void {
		const capture = this;
		const levels = ['error', 'warn', 'info', 'debug'] as const;
		const proxy = LoggerProxy as unknown as Record<(typeof levels)[number], (message: string, meta?: object) => void>;
		const previous = Object.fromEntries(levels.map((level) => [level, proxy[level]]));
		const recorder = Object.fromEntries(
			levels.map((level) => [
				level,
				(message: string, meta?: object) => {
					capture.scan(`n8n log (${level})`, [message, meta]);
					previous[level](message, meta);
				},
			]),
		) as unknown as WorkflowLogger;
		LoggerProxy.init(recorder);
		this.restore.push(() => LoggerProxy.init(previous as unknown as WorkflowLogger));

		// The DI Logger turns levels below its own into fixed no-ops; what it writes goes through log().
		let logger: Record<string, unknown> | undefined;
		try {
			logger = Container.get(Logger) as unknown as Record<string, unknown>;
		} catch {
			logger = undefined;
		}
		const log = logger?.log;
		if (!logger || typeof log !== 'function') return;
		try {
			this.patch(logger, 'log', function (this: unknown, level: unknown, message: unknown, meta?: unknown) {
				capture.scan(`n8n log (${String(level)})`, [message, meta]);
				return (log as (...a: unknown[]) => unknown).call(this, level, message, meta);
			});
		} catch {
			// A logger that cannot be patched writes through winston to the streams captured above.
		}
	}
}

const GLOBAL_KEY = Symbol.for('n8n-nodes-bigcommerce.outputCapture');

/** The capture of this test file (one per jest module registry). */
export function outputCapture(): OutputCapture {
	const holder = globalThis as unknown as Record<symbol, OutputCapture | undefined>;
	holder[GLOBAL_KEY] ??= new OutputCapture();
	return holder[GLOBAL_KEY];
}

/**
 * Installs the capture for this test file and, after its last test, fails the file if a secret
 * appeared anywhere. Returns the capture, so tests can register more secrets and read figures.
 */
export function expectNoSecretLeaks(): OutputCapture {
	const capture = outputCapture();
	capture.install();
	const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
	const asserted = Symbol.for('n8n-nodes-bigcommerce.outputCapture.asserted');
	if (!holder[asserted]) {
		holder[asserted] = true;
		afterAll(() => {
			capture.uninstall();
			expectNoLeaksIn(capture);
		});
	}
	return capture;
}

/** Whether this file's capture is installed and will be checked after its last test. */
export function leakCheckScheduled(): boolean {
	return (globalThis as unknown as Record<symbol, boolean | undefined>)[Symbol.for('n8n-nodes-bigcommerce.outputCapture.asserted')] === true;
}

/** Fails (throws) when the capture saw a secret, listing the first 20 places. */
export function expectNoLeaksIn(capture: OutputCapture): void {
	expect(capture.leaks.slice(0, 20)).toEqual([]);
}
