// The yardstick for the node's own overhead: a node that reads the same parameters for every
// item, the way the node reads them (a plain column straight from the item, anything else
// through n8n's expressions), so that cost is on both sides, then sends exactly the requests
// the BigCommerce node sent, one after another, with no logic of its own.
// Bench-only.

import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemParameter } from '../../nodes/BigCommerce/actions/common/parameters';
import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';

export const REPLAY_TYPE = 'bench.replay';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
}

export interface ReplayPlan {
	requests: RecordedRequest[];
	/** Parameters the node under test reads per item; a resource locator is read for its value. */
	parameters: Array<{ name: string; extractValue: boolean }>;
	/** 'records': one output item per record in the answers (a list); 'perInput': one per input item. */
	output: 'records' | 'perInput';
}

let plan: ReplayPlan = { requests: [], parameters: [], output: 'perInput' };

/** The requests are handed over in-process, not as node parameters, so n8n does not copy them. */
export function setReplayPlan(next: ReplayPlan): void {
	plan = next;
}

export class Replay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Replay (baseline)',
		name: 'replay',
		group: ['transform'],
		version: 1,
		description: 'Sends a recorded list of requests',
		defaults: { name: 'Replay' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigCommerceApi', required: true }],
		// The BigCommerce node's own parameters, so n8n prepares and resolves them identically.
		properties: new BigCommerce().description.properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const read: unknown[] = new Array(items.length);
		for (let i = 0; i < items.length; i++) {
			read[i] = plan.parameters.map(({ name, extractValue }) =>
				itemParameter(this, name, i, undefined, extractValue ? { extractValue } : undefined),
			);
		}
		const credentials = await this.getCredentials('bigCommerceApi');
		const storeUrl = `${String(credentials.apiUrl).replace(/\/+$/, '')}/stores/${String(credentials.storeHash)}`;
		const output: INodeExecutionData[] = [];
		for (const request of plan.requests) {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'bigCommerceApi', {
				method: request.method as IHttpRequestMethods,
				url: `${storeUrl}${request.path}`,
				qs: request.query,
				body: request.body as IDataObject,
				json: true,
				headers: { Accept: 'application/json' },
			})) as IDataObject[] | { data?: IDataObject[] } | undefined;
			if (plan.output === 'records') {
				const records = Array.isArray(response) ? response : (response?.data ?? []);
				for (const json of records) output.push({ json, pairedItem: { item: 0 } });
			}
		}
		if (plan.output === 'perInput') {
			for (let i = 0; i < items.length; i++) output.push({ json: { done: true }, pairedItem: { item: i } });
		}
		return [output];
	}
}
