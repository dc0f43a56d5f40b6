import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BigCommerceResource, OperationModule } from './node.type';
import { resources } from './resources';

/** Reads the resource and operation once and hands every input item to that operation. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as BigCommerceResource;
	const operation = this.getNodeParameter('operation', 0) as string;

	const operations = resources[resource] as unknown as Record<string, OperationModule> | undefined;
	const module = operations?.[operation];
	if (!module || typeof module.execute !== 'function') {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}
	return [await module.execute.call(this, items)];
}
