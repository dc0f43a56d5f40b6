import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { multiStatusReasons } from '../common/catalogBatchUpdate';
import { createOnce } from '../common/createOnce';
import { findProductByKey } from './lookups';
import { toProductBody } from './productFields';
import { itemParameter } from '../common/parameters';

/** Reads one item's product: the required fields and the additional ones. */
export async function readNewProduct(
	context: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject = {},
): Promise<IDataObject> {
	const additionalFields = itemParameter(context, 'additionalFields', itemIndex, {}) as IDataObject;
	return await toProductBody(
		context,
		{
			...additionalFields,
			...extra,
			name: itemParameter(context, 'name', itemIndex),
			type: itemParameter(context, 'type', itemIndex),
			weight: itemParameter(context, 'weight', itemIndex),
			price: itemParameter(context, 'price', itemIndex),
		},
		itemIndex,
	);
}

/**
 * POSTs one product (BigCommerce creates one per request) without ever creating it twice.
 * `checkedAbsent`: the caller has just looked the SKU up and the store did not have it.
 */
export async function createProduct(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	checkedAbsent = false,
): Promise<IDataObject> {
	return await createOnce(this, {
		checkedAbsent,
		describe: (found) => `product ${String(found.id)} (${found.sku ? `SKU ${String(found.sku)}` : `named ${String(found.name)}`})`,
		create: async () => {
			const answer = await bigCommerceApiRequest.call(this, {
				method: 'POST',
				path: '/v3/catalog/products',
				body,
				itemIndex,
			});
			// 207: the product was saved but a secondary part (stock, custom URL) was not. BigCommerce
			// documents `errors` as one problem object (a list is read too), and `data` as a list.
			const warnings = multiStatusReasons(answer.errors);
			const product = (Array.isArray(answer.data) ? answer.data[0] : answer.data) as IDataObject;
			return { ...product, ...(warnings.length ? { warnings } : {}) };
		},
		// SKUs and names are both unique: either finds the product if the lost request saved it.
		lookup: async () =>
			await findProductByKey.call(
				this,
				body.sku ? { sku: String(body.sku) } : { name: String(body.name) },
				itemIndex,
			),
	});
}
