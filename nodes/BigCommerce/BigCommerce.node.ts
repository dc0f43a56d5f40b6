import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestOptionsCollection } from './actions/common/descriptions';
import { resourceOptions, resources } from './actions/resources';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class BigCommerce implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce',
		name: 'bigCommerce',
		icon: { light: 'file:../../icons/bigcommerce.svg', dark: 'file:../../icons/bigcommerce.dark.svg' },
		group: ['transform'],
		version: 1,
		// "Get Many: Product" rather than the internal "getAll: product": camelCase values read as
		// Title Case, and those whose display names say more are named here.
		subtitle:
			'={{ [$parameter["operation"], $parameter["resource"]].map((value) => ({ getAll: "Get Many", upsert: "Create or Update", assignGroup: "Assign to Group", apiCall: "API Call", graphql: "GraphQL Query", custom: "Any Endpoint (REST or GraphQL)", addToChannel: "Add to Channel" })[value] || value.charAt(0).toUpperCase() + value.slice(1).replace(/([A-Z])/g, " $1")).join(": ") }}',
		description: 'Manage products, inventory, orders, shipments, refunds, customers and price lists in a BigCommerce store',
		defaults: { name: 'BigCommerce' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigCommerceApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'product',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			requestOptionsCollection,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
