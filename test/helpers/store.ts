// The one set-up of the tests that talk to a store: `useStore()` starts an emulator for the file
// (or the describe block it is called in), tidies it before every test and stops it after the
// last; `run` runs the BigCommerce node against it; `requestLog` reads what the store was sent.

import type { IBinaryKeyData, INodeParameters, IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator, type EmulatorOptions, type RequestLogEntry, type ScaleCounts } from '../emulator';
import { credentialsFor, runNode, type NodeRunResult, type TestCredentials } from './workflow';

export interface StoreOptions extends EmulatorOptions {
	/** Generated records on top of the seed, e.g. `{ products: 1234 }`. */
	scale?: ScaleCounts;
	/**
	 * What every test starts from. 'requests' (the default): the store as the previous test left
	 * it, with an empty request log, no faults and the file's rate limit. 'store': the store seeded
	 * afresh as well, for tests that write. false: nothing is touched, for files whose tests all
	 * read what one beforeAll did.
	 */
	fresh?: 'requests' | 'store' | false;
	/** The resource `run` uses when its parameters name none. */
	resource?: string;
}

export interface RunOptions {
	/** Items fed into the node; one empty item by default. */
	input?: IDataObject[];
	/** Files of the input items, by position (see n8n's IBinaryData: base64 `data`, `mimeType`...). */
	binary?: Array<IBinaryKeyData | undefined>;
	continueOnFail?: boolean;
	/** Changes to the credential, e.g. another token. */
	credentials?: Partial<TestCredentials>;
	/** Another emulator to run against. */
	on?: Emulator;
}

export interface TestStore {
	/** The running emulator (from the first test on). */
	readonly emulator: Emulator;
	/** A credential for this store. */
	credentials(overrides?: Partial<TestCredentials>): TestCredentials;
	/** Runs the BigCommerce node through WorkflowExecute against the store. */
	run(parameters: INodeParameters, options?: RunOptions): Promise<NodeRunResult>;
	/** "METHOD /path" of every request since the test began, oldest first. */
	requestLines(format?: RequestLineFormat): string[];
}

export interface RequestLineFormat {
	/** Adds "?key=value&..." when the request had a query. */
	query?: boolean;
	/** Adds the status the store answered. */
	status?: boolean;
}

/** "METHOD /path" of each request, e.g. "GET /v3/catalog/products?page=2 200" with both options. */
export function requestLog(emulator: Emulator, format: RequestLineFormat = {}): string[] {
	return emulator.requests.map((r) => requestLine(r, format));
}

function requestLine(r: RequestLogEntry, format: RequestLineFormat): string {
	const query = format.query && Object.keys(r.query).length ? `?${new URLSearchParams(r.query).toString()}` : '';
	return `${r.method} ${r.path}${query}${format.status ? ` ${r.status}` : ''}`;
}

async function startStore(options: StoreOptions): Promise<Emulator> {
	const { scale, fresh: _fresh, resource: _resource, ...emulatorOptions } = options;
	const emulator = await startEmulator({ seed: 'demo', ...emulatorOptions });
	if (scale) emulator.seedScale(scale);
	return emulator;
}

/** Starts a store for the file (demo seed unless told otherwise) and stops it after the last test. */
export function useStore(options: StoreOptions = {}): TestStore {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		emulator = await startStore(options);
	});
	afterAll(async () => {
		await emulator?.stop();
	});
	beforeEach(() => {
		if (options.fresh === false) return;
		const store = running();
		if (options.fresh === 'store') {
			store.reset();
			if ((options.seed ?? 'demo') === 'demo') store.seedDemo();
			if (options.scale) store.seedScale(options.scale);
		}
		store.clearRequests();
		store.setFaults([]);
		store.setRateLimit(options.rateLimit ?? false);
		store.rateLimitStats.limited = 0;
	});

	const running = (): Emulator => {
		if (!emulator) throw new Error('the store starts in beforeAll: use it inside a test or hook');
		return emulator;
	};
	const credentials = (overrides: Partial<TestCredentials> = {}) =>
		credentialsFor(running(), { ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}), ...overrides });

	return {
		get emulator() {
			return running();
		},
		credentials,
		run: async (parameters, run = {}) =>
			await runNode(options.resource && !parameters.resource ? { resource: options.resource, ...parameters } : parameters, {
				credentials: run.on ? credentialsFor(run.on, run.credentials) : credentials(run.credentials),
				input: run.input,
				binary: run.binary,
				continueOnFail: run.continueOnFail ?? false,
			}),
		requestLines: (format) => requestLog(running(), format),
	};
}

