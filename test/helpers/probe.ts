import type { IDataObject } from 'n8n-workflow';

import type { Emulator } from '../emulator';
import { credentialsFor, PROBE_TYPE, runNode, type NodeRunResult, type TestCredentials } from './workflow';

/** Reads every page of a list through the transport's paginator. */
export async function probeList(
	emulator: Emulator,
	style: 'v3Page' | 'v3Cursor' | 'v2Page',
	path: string,
	options: { limit?: number; qs?: IDataObject; credentials?: Partial<TestCredentials> } = {},
): Promise<NodeRunResult> {
	return await runNode(
		{ mode: 'paginate', style, path, qs: JSON.stringify(options.qs ?? {}), limit: options.limit ?? 0 },
		{ credentials: credentialsFor(emulator, options.credentials), type: PROBE_TYPE },
	);
}

/** Sends single requests (one per input item) through the transport's request function. */
export async function probeRequest(
	emulator: Emulator,
	request: { method: string; path: string; body?: IDataObject | IDataObject[]; qs?: IDataObject },
	options: { times?: number; credentials?: Partial<TestCredentials> } = {},
): Promise<NodeRunResult> {
	return await runNode(
		{ mode: 'request', method: request.method, path: request.path, qs: JSON.stringify(request.qs ?? {}), body: request.body === undefined ? '' : JSON.stringify(request.body) },
		{
			credentials: credentialsFor(emulator, options.credentials),
			type: PROBE_TYPE,
			input: Array.from({ length: options.times ?? 1 }, () => ({})),
		},
	);
}
