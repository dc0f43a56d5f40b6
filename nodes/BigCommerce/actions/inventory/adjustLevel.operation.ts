import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../common/displayOptions';
import { adjustmentProperties } from './adjustmentInput';
import { executeAdjustmentsAs } from './adjustments';

const properties: INodeProperties[] = adjustmentProperties({
	displayName: 'Quantity',
	name: 'quantity',
	type: 'number',
	typeOptions: { numberPrecision: 0 },
	required: true,
	default: 1,
	description: 'How many to add to the stock at the location, or to remove when negative, e.g. -2',
});

export const description = showFor({ show: { resource: ['inventory'], operation: ['adjustLevel'] } }, properties);

export const execute = executeAdjustmentsAs('relative');
