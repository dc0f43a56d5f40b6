import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { graphqlConnection, graphqlRequest, type GraphqlApi } from '../../transport';
import { optionsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readJson, toId, toText } from '../common/inputs';
import { itemParameter } from '../common/parameters';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const properties: INodeProperties[] = [
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		options: [
			{
				name: 'Storefront',
				value: 'storefront',
				description: 'A channel\'s shop as shoppers see it (prices, availability), with a short-lived token minted from the credential',
			},
			{ name: 'Admin', value: 'admin', description: 'The store\'s GraphQL Admin API, with the credential\'s token' },
		],
		default: 'storefront',
	},
	{
		displayName: 'Channel Name or ID',
		name: 'channelId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getChannels' },
		default: 1,
		displayOptions: { show: { api: ['storefront'] } },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The storefront channel whose shop the query reads',
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 10 },
		default: '',
		required: true,
		placeholder: 'e.g. query { site { products(first: 50) { edges { node { entityId name } } } } }',
		description: 'The GraphQL query (or mutation)',
	},
	{
		displayName: 'Variables (JSON)',
		name: 'variables',
		type: 'json',
		default: '{}',
		description: 'The query\'s variables as a JSON object',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName:
			'Return All follows one connection page by page and returns its nodes, one item each: the query takes the cursor variable (e.g. after: $after) and asks for pageInfo { hasNextPage endCursor }',
		name: 'returnAllNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { returnAll: [true] } },
	},
	{
		displayName: 'Connection Path',
		name: 'connectionPath',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { returnAll: [true] } },
		placeholder: 'e.g. site.products',
		description: 'Where the connection (edges and pageInfo) is in the answer\'s data, its names joined by dots',
	},
	optionsCollection([
		{
			displayName: 'Cursor Variable',
			name: 'cursorVariable',
			type: 'string',
			default: 'after',
			description: 'The query variable that Return All sets to each page\'s endCursor',
		},
	]),
];

export const description = showFor({ show: { resource: ['custom'], operation: ['graphql'] } }, properties);

interface GraphqlInput {
	api: GraphqlApi;
	channelId?: number;
	query: string;
	variables: IDataObject;
}

function readInput(context: IExecuteFunctions, itemIndex: number): GraphqlInput {
	const api = itemParameter(context, 'api', itemIndex, 'storefront') as GraphqlApi;
	if (api !== 'storefront' && api !== 'admin') {
		throw new NodeOperationError(context.getNode(), `API must be storefront or admin, got "${String(api).slice(0, 40)}"`, { itemIndex });
	}
	const channelId = api === 'storefront' ? toId(context, itemParameter(context, 'channelId', itemIndex, 1), 'Channel ID', itemIndex) : undefined;
	const query = toText(context, itemParameter(context, 'query', itemIndex, ''), 'Query', itemIndex);
	const variables = readJson(context, itemParameter(context, 'variables', itemIndex, '{}'), 'Variables (JSON)', itemIndex);
	if (Array.isArray(variables)) {
		throw new NodeOperationError(context.getNode(), 'Variables (JSON) must be a JSON object, got a list', {
			itemIndex,
			description: 'Example: {"first": 50}',
		});
	}
	return { api, channelId, query, variables };
}

function readConnection(context: IExecuteFunctions, query: string, itemIndex: number): { connectionPath: string[]; cursorVariable: string } {
	const path = toText(context, itemParameter(context, 'connectionPath', itemIndex, ''), 'Connection Path', itemIndex);
	const connectionPath = path.split('.');
	if (!connectionPath.every((name) => NAME.test(name))) {
		throw new NodeOperationError(context.getNode(), `Connection Path must be field names joined by dots, e.g. site.products, got "${path.slice(0, 60)}"`, { itemIndex });
	}
	const options = itemParameter(context, 'options', itemIndex, {}) as IDataObject;
	const cursorVariable = toText(context, options.cursorVariable ?? 'after', 'Cursor Variable', itemIndex);
	if (!NAME.test(cursorVariable)) {
		throw new NodeOperationError(context.getNode(), `Cursor Variable must be a variable name, e.g. after, got "${cursorVariable.slice(0, 60)}"`, { itemIndex });
	}
	// Without the variable every page would be the first one again.
	if (!new RegExp(`\\$${cursorVariable}\\b`).test(query)) {
		throw new NodeOperationError(context.getNode(), `Query must take the cursor variable $${cursorVariable} for Return All`, {
			itemIndex,
			description: `Declare it and pass it to the connection, e.g. query ($${cursorVariable}: String) { site { products(first: 50, ${cursorVariable}: $${cursorVariable}) { pageInfo { hasNextPage endCursor } edges { node { entityId name } } } } }`,
		});
	}
	return { connectionPath, cursorVariable };
}

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const input = readInput(this, itemIndex);
	const returnAll = itemParameter(this, 'returnAll', itemIndex, false) as boolean;
	if (!returnAll) return await graphqlRequest.call(this, { ...input, itemIndex });

	const connection = readConnection(this, input.query, itemIndex);
	const nodes: IDataObject[] = [];
	for await (const page of graphqlConnection.call(this, { ...input, ...connection, itemIndex })) nodes.push(...page);
	return nodes;
}
