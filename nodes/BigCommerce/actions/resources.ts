import type { INodeProperties } from 'n8n-workflow';

import * as brand from './brand/Brand.resource';
import * as category from './category/Category.resource';
import * as channel from './channel/Channel.resource';
import * as customer from './customer/Customer.resource';
import * as customerGroup from './customerGroup/CustomerGroup.resource';
import * as inventory from './inventory/Inventory.resource';
import type { BigCommerceResource, ResourceModule } from './node.type';
import * as order from './order/Order.resource';
import * as product from './product/Product.resource';
import * as productVariant from './productVariant/ProductVariant.resource';
import * as store from './store/Store.resource';

type ResourceDefinition<R extends BigCommerceResource> = ResourceModule<R> & {
	description: INodeProperties[];
};

/** Every resource's operations; a resource or operation missing here is a compile error. */
export const resources: { [R in BigCommerceResource]?: ResourceDefinition<R> } = {
	brand,
	category,
	channel,
	customer,
	customerGroup,
	inventory,
	order,
	product,
	productVariant,
	store,
};
