import type { INodeProperties } from 'n8n-workflow';

import * as apiCall from './apiCall.operation';
import * as graphql from './graphql.operation';

export { apiCall, graphql };

/** The Resource dropdown's entry for this resource. */
export const displayName = 'Custom API Call';

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
