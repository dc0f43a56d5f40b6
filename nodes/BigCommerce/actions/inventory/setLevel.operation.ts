import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../common/displayOptions';
import { adjustmentProperties } from './adjustmentInput';
import { executeAdjustmentsAs } from './adjustments';

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

export const execute = executeAdjustmentsAs('absolute');
