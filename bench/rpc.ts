// Calls between the bench runner and its child processes (the emulator host and the workers
// that run a node): request/answer messages over Node's IPC channel.

import { fork, type ChildProcess } from 'child_process';

interface Call {
	id: number;
	method: string;
	args: unknown;
}

interface Answer {
	id: number;
	result?: unknown;
	error?: string;
}

// n8n-core resolves its services through decorators: reflect-metadata must load first.
const EXEC_ARGV = ['-r', require.resolve('reflect-metadata')];

export class Child {
	private readonly process: ChildProcess;
	private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	private nextId = 1;
	private exited = false;

	/** `script`: the path of a transpiled child script (see build.ts). */
	constructor(
		script: string,
		options: { execArgv?: string[]; env?: NodeJS.ProcessEnv; name: string },
	) {
		this.process = fork(script, [], {
			execArgv: [...(options.execArgv ?? []), ...EXEC_ARGV],
			env: { ...process.env, ...options.env },
			serialization: 'advanced',
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		this.process.on('message', (message: Answer) => {
			const waiting = this.pending.get(message.id);
			if (!waiting) return;
			this.pending.delete(message.id);
			if (message.error !== undefined) waiting.reject(new Error(`${options.name}: ${message.error}`));
			else waiting.resolve(message.result);
		});
		this.process.on('exit', (code, signal) => {
			this.exited = true;
			for (const waiting of this.pending.values()) {
				waiting.reject(new Error(`${options.name} exited (${signal ?? code}) before answering`));
			}
			this.pending.clear();
		});
	}

	call<T>(method: string, args?: unknown): Promise<T> {
		if (this.exited) return Promise.reject(new Error(`child process has exited; cannot call ${method}`));
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			this.process.send({ id, method, args } satisfies Call);
		});
	}

	/** Asks the child to leave, and ends it by its own pid if it does not. */
	async stop(): Promise<void> {
		if (this.exited) return;
		const gone = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
		try {
			await Promise.race([this.call('exit'), gone]);
		} catch {
			// it left before answering: that is what we asked for
		}
		const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
		await gone;
		clearTimeout(timer);
	}
}

type Handler = (args: never) => unknown;

/** The child's side: answers each call with its handler's result. */
export function serve(handlers: Record<string, Handler>): void {
	process.on('message', async (message: Call) => {
		const send = (answer: Answer) => process.send?.(answer);
		if (message.method === 'exit') {
			send({ id: message.id, result: true });
			setImmediate(() => process.exit(0));
			return;
		}
		const handler = handlers[message.method];
		if (!handler) {
			send({ id: message.id, error: `no handler for ${message.method}` });
			return;
		}
		try {
			send({ id: message.id, result: await handler(message.args as never) });
		} catch (error) {
			send({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
		}
	});
	// The runner went away: nothing left to answer.
	process.on('disconnect', () => process.exit(0));
}
