import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../common/displayOptions';
import { adjustmentProperties } from './adjustmentInput';
import { executeAdjustments } from './adjustments';

const properties: INodeProperties[] = adjustmentProperties({
	displayName: 'Quantity',
	name: 'quantity',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	required: true,
	default: 0,
	description: 'The stock on hand to set at the location, replacing the current level',
});

export const description = showFor({ show: { resource: ['inventory'], operation: ['setLevel'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeAdjustments.call(this, items, 'absolute');
}
