import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { atItem } from '../common/items';

/**
 * Reads and checks every item's input before the first request is sent. Without Continue On
 * Fail the first bad item stops the node; with it, the item's error is kept for its own output.
 */
export function readEveryItem<T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => T,
): Array<T | NodeApiError | NodeOperationError> {
	const continueOnFail = context.continueOnFail();
	return items.map((_, itemIndex) => {
		try {
			return read(itemIndex);
		} catch (error) {
			const failure = atItem(context, error, itemIndex);
			if (!continueOnFail) throw failure;
			return failure;
		}
	});
}
