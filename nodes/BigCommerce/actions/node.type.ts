import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** Every resource and its operations, as pinned by the product contract. */
export type BigCommerceMap = {
	product: 'create' | 'upsert' | 'get' | 'getAll' | 'update' | 'deleteProduct';
	productVariant: 'create' | 'get' | 'getAll' | 'update' | 'deleteVariant';
	inventory: 'setLevel' | 'adjustLevel' | 'getAll';
	order: 'get' | 'getAll' | 'update';
	customer: 'create' | 'upsert' | 'get' | 'getAll' | 'update' | 'deleteCustomer' | 'assignGroup';
	customerGroup: 'create' | 'get' | 'getAll' | 'update' | 'deleteCustomerGroup';
	category: 'get' | 'getAll';
	brand: 'get' | 'getAll';
	channel: 'getAll';
	store: 'get';
};

export type BigCommerceResource = keyof BigCommerceMap;

export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** Module names for operations whose value is a reserved word (`delete`). */
export type ResourceModule<R extends BigCommerceResource> = {
	[Op in BigCommerceMap[R]]: OperationModule;
};
