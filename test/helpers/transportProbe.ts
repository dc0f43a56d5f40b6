import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { bigCommerceRequest, getAllItems, type PaginationStyle } from '../../nodes/BigCommerce/transport';

function parseJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	return value === '' ? undefined : JSON.parse(value);
}

/**
 * A test-only node that hands its parameters straight to the transport, so transport
 * behaviour (pagination, retries, rate limits, error mapping) is exercised inside n8n-core's
 * WorkflowExecute with the real httpRequestWithAuthentication.
 */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls the BigCommerce transport directly',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigCommerceApi', required: true }],
		// n8n keeps only declared parameters, so each one the tests pass is declared here.
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'request' },
			{ displayName: 'Style', name: 'style', type: 'string', default: 'v3Page' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 0 },
			{ displayName: 'Query', name: 'qs', type: 'json', default: '{}' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Timeout (ms)', name: 'timeoutMs', type: 'number', default: 0 },
			{ displayName: 'Rate-Limit Wait (ms)', name: 'maxWaitMs', type: 'number', default: 0 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const mode = this.getNodeParameter('mode', itemIndex) as string;
			const path = this.getNodeParameter('path', itemIndex) as string;
			const qs = parseJson(this.getNodeParameter('qs', itemIndex, '{}')) as IDataObject;
			if (mode === 'paginate') {
				const limit = this.getNodeParameter('limit', itemIndex, 0) as number;
				const records = await getAllItems.call(this, {
					style: this.getNodeParameter('style', itemIndex) as PaginationStyle,
					path,
					qs,
					limit: limit > 0 ? limit : undefined,
					itemIndex,
				});
				for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
			} else {
				const timeoutMs = this.getNodeParameter('timeoutMs', itemIndex, 0) as number;
				const maxWaitMs = this.getNodeParameter('maxWaitMs', itemIndex, 0) as number;
				const response = await bigCommerceRequest.call(this, {
					method: this.getNodeParameter('method', itemIndex) as IHttpRequestMethods,
					path,
					qs,
					body: parseJson(this.getNodeParameter('body', itemIndex, '')) as IDataObject | undefined,
					itemIndex,
					...(timeoutMs > 0 ? { timeoutMs } : {}),
					...(maxWaitMs > 0 ? { maxWaitMs } : {}),
				});
				output.push({ json: { statusCode: response.statusCode, body: response.body as IDataObject }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
