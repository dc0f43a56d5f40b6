import type { INodeProperties } from 'n8n-workflow';

import * as channel from './channel/Channel.resource';
import type { BigCommerceResource, ResourceModule } from './node.type';
import * as store from './store/Store.resource';

type ResourceDefinition<R extends BigCommerceResource> = ResourceModule<R> & {
	description: INodeProperties[];
};

/** Every resource's operations; a resource or operation missing here is a compile error. */
export const resources: { [R in BigCommerceResource]?: ResourceDefinition<R> } = {
	channel,
	store,
};
