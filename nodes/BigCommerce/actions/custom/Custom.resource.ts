import type { INodeProperties } from 'n8n-workflow';

import * as apiCall from './apiCall.operation';
import * as graphql from './graphql.operation';

export { apiCall, graphql };

/**
 * The Resource dropdown's entry for this resource. Not "Custom API Call": n8n adds an entry of
 * that name to the Resource list of every node whose credential the HTTP Request node can use
 * (it opens the HTTP Request node instead).
 */
export const displayName = 'Any Endpoint (REST or GraphQL)';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['custom'] } },
		options: [
			{
				name: 'API Call',
				value: 'apiCall',
				description: 'Call any REST path of the store with the credential, with paging, rate limits and retries',
				action: 'Make an API call',
			},
			{
				name: 'GraphQL Query',
				value: 'graphql',
				description: 'Run a GraphQL query on a channel\'s storefront or on the Admin API',
				action: 'Query the storefront or admin API',
			},
		],
		default: 'apiCall',
	},
	...apiCall.description,
	...graphql.description,
];
