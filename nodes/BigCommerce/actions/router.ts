import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, MAX_CONCURRENT_REQUESTS_OPTION, REQUEST_OPTIONS_PARAMETER } from '../transport';
import { toWholeNumber } from './common/inputs';
import { findOperation } from './resources';

/** Reads the resource and operation once and hands every input item to that operation. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;

	const module = findOperation(resource, operation);
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}
	// The transport reads Request Options at its first request; a bad value is refused first.
	const requestOptions = this.getNodeParameter(REQUEST_OPTIONS_PARAMETER, 0, {}) as IDataObject;
	const maxConcurrent = requestOptions[MAX_CONCURRENT_REQUESTS_OPTION];
	if (maxConcurrent !== undefined) {
		toWholeNumber(this, maxConcurrent, 'Max Concurrent Requests', 0, { min: 1, max: DEFAULT_CONCURRENCY });
	}
	return [await module.execute.call(this, items)];
}
