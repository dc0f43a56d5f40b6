import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** Every resource and its operations, as pinned by the product contract. */
export type BigCommerceMap = {
	product: 'create' | 'upsert' | 'get' | 'getAll' | 'update' | 'delete' | 'addToChannel' | 'removeFromChannel';
	productVariant: 'create' | 'get' | 'getAll' | 'update' | 'delete';
	productImage: 'create' | 'get' | 'getAll' | 'delete';
	inventory: 'setLevel' | 'adjustLevel' | 'getAll';
	order: 'create' | 'get' | 'getAll' | 'update';
	customer: 'create' | 'upsert' | 'get' | 'getAll' | 'update' | 'delete' | 'assignGroup';
	customerGroup: 'create' | 'get' | 'getAll' | 'update' | 'delete';
	category: 'get' | 'getAll';
	brand: 'get' | 'getAll';
	channel: 'getAll';
	store: 'get';
	shipment: 'create' | 'get' | 'getAll' | 'update' | 'delete';
	custom: 'apiCall' | 'graphql';
	orderRefund: 'getQuote' | 'create' | 'getAll';
	metafield: 'upsert' | 'getAll' | 'delete';
	priceList: 'create' | 'get' | 'getAll' | 'update' | 'delete';
	priceListRecord: 'upsert' | 'getAll' | 'delete';
	priceListAssignment: 'create' | 'getAll' | 'delete';
};

export type BigCommerceResource = keyof BigCommerceMap;

/** An operation that takes every input item at once, e.g. to batch its requests. */
export interface ItemsOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/**
 * An operation run one input item at a time: the router pairs its result (one record or a list)
 * with the item, and with Continue On Fail a failure stays on that item (see executePerItem).
 */
export interface PerItemOperation {
	description: INodeProperties[];
	executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export type OperationModule = ItemsOperation | PerItemOperation;

/**
 * A resource file exports one module per operation value; `delete` is a reserved word, so its
 * module is named after the resource (deleteProduct.operation.ts) and exported as `delete`.
 */
export type ResourceModule<R extends BigCommerceResource> = {
	[Op in BigCommerceMap[R]]: OperationModule;
};
