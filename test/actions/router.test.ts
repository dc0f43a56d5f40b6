// The node's two dropdowns come from one typed map: every resource offered can run every
// operation it offers, and a saved workflow naming an operation the node lacks fails plainly.

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { findOperation } from '../../nodes/BigCommerce/actions/resources';
import { useStore } from '../helpers/store';
import { credentialsFor, runNode } from '../helpers/workflow';

const demo = useStore({ resource: 'router' });
const properties = new BigCommerce().description.properties;

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return (property?.options ?? []) as INodePropertyOptions[];
}

describe('resource and operation dropdowns', () => {
	it('offers every resource once, by its display name, in alphabetical order', () => {
		const resource = properties.find((property) => property.name === 'resource');
		expect(optionsOf(resource).map((option) => `${option.name}=${option.value}`)).toEqual([
			'Any Endpoint (REST or GraphQL)=custom',
			'Brand=brand',
			'Category=category',
			'Channel=channel',
			'Customer=customer',
			'Customer Group=customerGroup',
			'Inventory=inventory',
			'Metafield=metafield',
			'Order=order',
			'Order Refund=orderRefund',
			'Price List=priceList',
			'Price List Assignment=priceListAssignment',
			'Price List Record=priceListRecord',
			'Product=product',
			'Product Image=productImage',
			'Product Variant=productVariant',
			'Shipment=shipment',
			'Store=store',
		]);
		expect(resource?.default).toBe('product');
	});

	it('runs every operation that an Operation dropdown offers', () => {
		const operationLists = properties.filter((property) => property.name === 'operation');
		// One Operation dropdown per resource.
		expect(operationLists.map((list) => (list.displayOptions?.show?.resource as string[])[0]).sort()).toEqual(
			optionsOf(properties.find((property) => property.name === 'resource')).map((option) => String(option.value)).sort(),
		);
		const missing: string[] = [];
		for (const list of operationLists) {
			const [resource] = list.displayOptions?.show?.resource as string[];
			for (const option of optionsOf(list)) {
				if (!findOperation(resource, String(option.value))) missing.push(`${resource}.${option.value}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('finds no module for names that are not operations', () => {
		expect(findOperation('product', 'description')).toBeUndefined();
		expect(findOperation('product', 'displayName')).toBeUndefined();
		expect(findOperation('product', 'toString')).toBeUndefined();
		expect(findOperation('constructor', 'get')).toBeUndefined();
		expect(findOperation('product', 'get')?.execute).toEqual(expect.any(Function));
	});

	it('refuses an operation the resource does not have, before any request', async () => {
		const result = await runNode(
			{ resource: 'store', operation: 'delete' },
			{ credentials: credentialsFor(demo.emulator) },
		);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('The operation "delete" is not supported for resource "store"');
		expect(demo.emulator.requests).toHaveLength(0);
	});
});
