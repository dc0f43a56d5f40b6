import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as brand from './brand/Brand.resource';
import * as category from './category/Category.resource';
import * as channel from './channel/Channel.resource';
import { executePerItem } from './common/items';
import * as custom from './custom/Custom.resource';
import * as customer from './customer/Customer.resource';
import * as customerGroup from './customerGroup/CustomerGroup.resource';
import * as inventory from './inventory/Inventory.resource';
import * as metafield from './metafield/Metafield.resource';
import type { BigCommerceResource, ItemsOperation, OperationModule, ResourceModule } from './node.type';
import * as order from './order/Order.resource';
import * as orderRefund from './orderRefund/OrderRefund.resource';
import * as priceList from './priceList/PriceList.resource';
import * as priceListAssignment from './priceListAssignment/PriceListAssignment.resource';
import * as priceListRecord from './priceListRecord/PriceListRecord.resource';
import * as product from './product/Product.resource';
import * as productImage from './productImage/ProductImage.resource';
import * as productVariant from './productVariant/ProductVariant.resource';
import * as shipment from './shipment/Shipment.resource';
import * as store from './store/Store.resource';

type ResourceDefinition<R extends BigCommerceResource> = ResourceModule<R> & {
	displayName: string;
	description: INodeProperties[];
};

/** Every resource's operations; a resource or operation missing here is a compile error. */
export const resources: { [R in BigCommerceResource]: ResourceDefinition<R> } = {
	brand,
	category,
	channel,
	custom,
	customer,
	customerGroup,
	inventory,
	metafield,
	order,
	orderRefund,
	product,
	productImage,
	productVariant,
	store,
	shipment,
	priceList,
	priceListRecord,
	priceListAssignment,
};

function isResource(value: string): value is BigCommerceResource {
	return Object.prototype.hasOwnProperty.call(resources, value);
}

/** The Resource dropdown, built from the map so that the two cannot drift apart. */
export const resourceOptions: INodePropertyOptions[] = Object.entries(resources)
	.map(([value, definition]) => ({ name: definition.displayName, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** An operation as the router runs it: over all input items, a per-item one item by item. */
function overAllItems(module: OperationModule): ItemsOperation {
	if (!('executeItem' in module)) return module;
	const { description, executeItem } = module;
	return {
		description,
		async execute(items) {
			return await executePerItem.call(this, items, async (itemIndex) => await executeItem.call(this, itemIndex));
		},
	};
}

/** The module that runs `operation` of `resource`, or undefined for a pair the node does not have. */
export function findOperation(resource: string, operation: string): ItemsOperation | undefined {
	if (!isResource(resource)) return undefined;
	const definition: Record<string, unknown> = resources[resource];
	const module = Object.prototype.hasOwnProperty.call(definition, operation) ? definition[operation] : undefined;
	const isOperation = (candidate: unknown): candidate is OperationModule => {
		const shape = candidate as { execute?: unknown; executeItem?: unknown } | undefined;
		return typeof shape?.execute === 'function' || typeof shape?.executeItem === 'function';
	};
	return isOperation(module) ? overAllItems(module) : undefined;
}
