import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { toSimpleVariant } from './simplify';
import { readVariantOfProduct, variantOfProductProperties } from './variantFields';
import { itemParameter } from '../common/parameters';

const properties: INodeProperties[] = [...variantOfProductProperties, simplifyProperty];

export const description = showFor({ show: { resource: ['productVariant'], operation: ['get'] } }, properties);

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = readVariantOfProduct(this, itemIndex);
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
	const answer = await bigCommerceApiRequest.call(this, { method: 'GET', path, itemIndex });
	const variant = answer.data as IDataObject;
	return simplify ? toSimpleVariant(variant) : variant;
}
