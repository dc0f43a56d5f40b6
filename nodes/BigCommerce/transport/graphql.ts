import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from './connection';
import { toGraphqlError, toPaginationError } from './errors';
import { absoluteUrlRequest, bigCommerceRequest, type BigCommerceResponse } from './request';
import { storefrontAccess } from './storefront';

/** `storefront`: a channel's GraphQL Storefront API; `admin`: the store's GraphQL Admin API. */
export type GraphqlApi = 'storefront' | 'admin';

export interface GraphqlCall {
	api: GraphqlApi;
	/** The storefront's channel (storefront only). */
	channelId?: number;
	query: string;
	variables?: IDataObject;
	itemIndex?: number;
}

export interface ConnectionCall extends GraphqlCall {
	/** Where the connection sits in `data`, e.g. ['site', 'products']. */
	connectionPath: string[];
	/** The query variable that takes the cursor, e.g. `after`. */
	cursorVariable: string;
}

interface GraphqlAnswer {
	data?: IDataObject | null;
	errors?: unknown[];
}

/** A mutation changes the store, so it is never sent twice; a query only reads. */
function onlyReads(query: string): boolean {
	const text = query.replace(/#[^\n]*/g, '').trimStart();
	return !/^mutation\b/.test(text);
}

async function send(context: RequestContext, call: GraphqlCall, renew = false): Promise<BigCommerceResponse<GraphqlAnswer>> {
	const request = {
		method: 'POST' as const,
		path: '/graphql',
		body: { query: call.query, variables: call.variables ?? {} },
		itemIndex: call.itemIndex,
		repeatable: onlyReads(call.query),
	};
	if (call.api === 'admin') return (await bigCommerceRequest.call(context, request)) as BigCommerceResponse<GraphqlAnswer>;
	const access = await storefrontAccess.call(context, call.channelId ?? 1, { itemIndex: call.itemIndex, renew });
	// Only the minted token goes to the storefront: never the credential's X-Auth-Token.
	return (await absoluteUrlRequest.call(
		context,
		{ url: access.endpoint, headers: { Authorization: `Bearer ${access.token}` }, secrets: [access.token] },
		{ ...request, path: access.endpoint },
	)) as BigCommerceResponse<GraphqlAnswer>;
}

/**
 * Sends a GraphQL document and returns its `data`. GraphQL `errors`
 * become a node error in plain words, with where in the answer each one is.
 */
export async function graphqlRequest(this: RequestContext, call: GraphqlCall): Promise<IDataObject> {
	// A storefront token the storefront refuses (revoked, or minted before a restart) is
	// minted afresh once.
	const refusedToken = (error: unknown) =>
		call.api === 'storefront' && (error as { httpCode?: string } | null)?.httpCode === '401';
	const response = await send(this, call).catch(async (error: unknown) => {
		if (!refusedToken(error)) throw error;
		return await send(this, call, true).catch((again: unknown) => {
			throw refusedToken(again) ? storefrontRefused(this.getNode(), call, again) : again;
		});
	});
	const answer = response.body ?? {};
	if (Array.isArray(answer.errors) && answer.errors.length) {
		const complexity = Number(response.headers['x-bc-graphql-complexity']);
		throw toGraphqlError(this.getNode(), {
			errors: answer.errors,
			complexity: Number.isFinite(complexity) ? complexity : undefined,
			itemIndex: call.itemIndex,
		});
	}
	return (answer.data ?? {}) as IDataObject;
}

/** The storefront refused a token just minted for it: the credential's token is not at fault. */
function storefrontRefused(node: INode, call: GraphqlCall, error: unknown): NodeApiError {
	// GraphQL endpoints answer { errors: [{ message }] }; the body was redacted by transport.
	const body = (error as { errorResponse?: { body?: { errors?: unknown } } }).errorResponse?.body;
	const words = Array.isArray(body?.errors)
		? body.errors.map((entry) => String((entry as IDataObject | null)?.message ?? '')).filter(Boolean).join(' ')
		: '';
	const said = words ? `BigCommerce says: ${words}` : undefined;
	const message = `Channel ${call.channelId ?? 1}'s storefront refused the token just minted for it`;
	const description = [
		said,
		'BigCommerce minted the token, but the storefront the store reports for this channel did not accept it. Check that the channel is a storefront channel with an active site, and that the store\'s GraphQL Storefront API is enabled.',
	]
		.filter(Boolean)
		.join('\n');
	return new NodeApiError(node, { message, description } as JsonObject, { message, description, httpCode: '401', itemIndex: call.itemIndex });
}

function connectionAt(data: IDataObject, path: string[]): IDataObject | undefined {
	let value: unknown = data;
	for (const key of path) {
		if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
		value = (value as IDataObject)[key];
	}
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/**
 * Follows one connection (Relay style: edges { node }, pageInfo { hasNextPage endCursor })
 * page by page, setting the cursor variable to each page's endCursor, and yields each page's
 * nodes.
 */
export async function* graphqlConnection(this: RequestContext, call: ConnectionCall): AsyncGenerator<IDataObject[]> {
	const where = call.connectionPath.join('.');
	const node = this.getNode();
	const variables: IDataObject = { ...call.variables };
	const cursorsSeen = new Set<string>();
	for (let page = 1; ; page++) {
		const data = await graphqlRequest.call(this, { ...call, variables });
		const connection = connectionAt(data, call.connectionPath);
		if (!connection) {
			throw new NodeOperationError(node, `The answer has no connection at ${where}`, {
				itemIndex: call.itemIndex,
				description: `Check the Connection Path: it names where the list is in the answer's data, e.g. site.products for { site { products { ... } } }.`,
			});
		}
		const edges = Array.isArray(connection.edges) ? (connection.edges as IDataObject[]) : undefined;
		const pageInfo = connection.pageInfo as IDataObject | undefined;
		if (!edges || !pageInfo || typeof pageInfo.hasNextPage !== 'boolean') {
			throw new NodeOperationError(node, `The query must ask for edges { node { ... } } and pageInfo { hasNextPage endCursor } at ${where}`, {
				itemIndex: call.itemIndex,
				description: 'Return All reads the list page by page: it needs each page\'s records (edges) and whether another page follows (pageInfo).',
			});
		}
		const nodes = edges.map((edge) => (edge?.node ?? {}) as IDataObject);
		if (nodes.length) yield nodes;
		if (!pageInfo.hasNextPage) return;
		const cursor = pageInfo.endCursor;
		if (typeof cursor !== 'string' || cursor === '' || cursorsSeen.has(cursor)) {
			throw toPaginationError(node, {
				path: where,
				itemIndex: call.itemIndex,
				reason: `page ${page} says more follow but gave ${typeof cursor === 'string' && cursor ? 'a cursor it had already given' : 'no endCursor'}`,
			});
		}
		cursorsSeen.add(cursor);
		variables[call.cursorVariable] = cursor;
	}
}
