import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readId } from '../common/inputs';
import { readOrder } from './readOrder';
import { includeOptions, readIncludes } from './subResources';
import { orderIdLocator } from './orderIdLocator';
import { toSimpleOrder } from './toSimpleOrder';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	orderIdLocator('The order to get'),
	simplifyProperty,
	optionsCollection(includeOptions(false)),
];

export const description = showFor({ show: { resource: ['order'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', itemIndex, 'Order ID');
	const options = itemParameter(this, 'options', itemIndex, {}) as IDataObject;
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;

	const order = await readOrder.call(this, orderId, readIncludes(options), itemIndex);
	return simplify ? toSimpleOrder(order) : order;
}
