// Shared set-up of the action tests: one store emulator per test file (or describe block),
// seeded with the demo store, its request log cleared (or the whole store seeded afresh)
// before every test, and a runner of the BigCommerce node for one resource.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../emulator';
import { credentialsFor, runNode, type NodeRunResult } from './workflow';

export interface DemoStore {
	/** The file's emulator (available from the first test on). */
	readonly emulator: Emulator;
	/** Runs the node for the resource against the emulator (or `on`); input defaults to one empty item. */
	run(
		parameters: INodeParameters,
		input?: IDataObject[],
		continueOnFail?: boolean,
		on?: Emulator,
	): Promise<NodeRunResult>;
}

export interface DemoStoreOptions {
	/** Whether every test starts from a freshly seeded demo store rather than only an empty request log. */
	fresh?: boolean;
}

/** Starts an emulator with the demo store for the file and stops it after the last test. */
export function useDemoStore(resource: string, options: DemoStoreOptions = {}): DemoStore {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ seed: 'demo' });
	});
	afterAll(async () => {
		await emulator.stop();
	});
	beforeEach(() => {
		if (options.fresh) {
			emulator.reset();
			emulator.seedDemo();
		}
		emulator.clearRequests();
	});

	return {
		get emulator() {
			return emulator;
		},
		run: async (parameters, input, continueOnFail = false, on = emulator) =>
			await runNode({ resource, ...parameters }, { credentials: credentialsFor(on), input, continueOnFail }),
	};
}
