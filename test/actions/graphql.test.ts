// GraphQL: a channel's storefront with a token minted from the credential (never the
// credential's own token), the Admin API with the credential, Return All over a connection,
// and GraphQL errors in plain words.

import { forgetStorefrontTokens } from '../../nodes/BigCommerce/transport';
import type { Core } from '../emulator/http';
import { mintedTokens } from '../emulator/routes/storefront';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';

const store = useStore({ resource: 'custom', fresh: 'store', tokens: { 'no-storefront': ['store_v2_products', 'store_v2_information'] } });
const { run } = store;

beforeEach(() => forgetStorefrontTokens());

const PRODUCTS_WITH_PRICES = `query StorefrontPrices($first: Int, $after: String) {
  site {
    products(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { entityId name sku prices { price { value currencyCode } } } }
    }
  }
}`;

const visibleProducts = () => [...store.emulator.state.products.values()].filter((p) => p.is_visible);
const storefrontCalls = () => store.emulator.graphqlRequests.filter((r) => r.api === 'storefront');

describe('storefront GraphQL', () => {
	it('returns the store\'s products over two pages with a minted token, never the credential\'s', async () => {
		const products = visibleProducts();
		const first = Math.ceil(products.length / 2);
		expect(products.length).toBeGreaterThan(3);

		const result = await run({
			operation: 'graphql',
			api: 'storefront',
			channelId: 1,
			query: PRODUCTS_WITH_PRICES,
			variables: JSON.stringify({ first }),
			returnAll: true,
			connectionPath: 'site.products',
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual(
			products.map((p) => ({
				entityId: p.id,
				name: p.name,
				sku: p.sku,
				prices: { price: { value: p.sale_price > 0 ? p.sale_price : p.price, currencyCode: 'USD' } },
			})),
		);
		// The store says where its storefront is; one token is minted for channel 1.
		expect(store.requestLines()).toEqual(['GET /v2/store', 'POST /v3/storefront/api-token-private']);
		const mint = store.emulator.requests[1].body as { channel_id: number; expires_at: number; scopes: string[] };
		expect(mint).toEqual({ channel_id: 1, expires_at: expect.any(Number), scopes: ['Unauthenticated'] });
		expect(mint.expires_at - Date.now() / 1000).toBeLessThanOrEqual(600);

		const calls = storefrontCalls();
		expect(calls.map((c) => [c.path, c.status])).toEqual([['/graphql', 200], ['/graphql', 200]]);
		expect((calls[1].body as { variables: Record<string, unknown> }).variables).toEqual({ first, after: expect.any(String) });
		const token = calls[0].headers.authorization.replace(/^Bearer /, '');
		for (const c of calls) {
			expect(c.headers.authorization).toBe(`Bearer ${token}`);
			expect(c.headers['x-auth-token']).toBeUndefined();
			expect(JSON.stringify(c.headers)).not.toContain(store.emulator.token);
		}
		expect(token).not.toBe(store.emulator.token);
		expect(JSON.stringify(result.items)).not.toContain(token);
	});

	it('keeps the minted token for the next run, and mints afresh when the storefront refuses it', async () => {
		const parameters = { operation: 'graphql', api: 'storefront', query: '{ site { products(first: 2) { edges { node { entityId } } } } }' };
		await run(parameters);
		await run(parameters);
		expect(store.emulator.countRequests({ method: 'POST', path: '/v3/storefront/api-token-private' })).toBe(1);

		// The store forgets its tokens (revoked): the next query is refused once, then works.
		mintedTokens((store.emulator as unknown as { server: Core }).server).clear();
		const result = await run(parameters);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([{ site: { products: { edges: [expect.anything(), expect.anything()] } } }]);
		expect(storefrontCalls().map((c) => c.status)).toEqual([200, 200, 401, 200]);
		expect(store.emulator.countRequests({ method: 'POST', path: '/v3/storefront/api-token-private' })).toBe(2);
	});

	it('says so in plain words when the storefront keeps refusing a freshly minted token', async () => {
		const tokens = mintedTokens((store.emulator as unknown as { server: Core }).server);
		const lookup = jest.spyOn(tokens, 'get').mockReturnValue(undefined);
		try {
			const result = await run({ operation: 'graphql', query: '{ site { products { edges { node { name } } } } }' });

			expect(result.error?.message).toBe('Channel 1\'s storefront refused the token just minted for it');
			expect(result.error?.description).toContain('BigCommerce says: Unknown JWT token');
			expect(storefrontCalls().map((c) => c.status)).toEqual([401, 401]);
			const minted = storefrontCalls().map((c) => c.headers.authorization);
			expect(minted[0]).not.toBe(minted[1]);
			for (const token of minted) expect(JSON.stringify(result.error)).not.toContain(token.replace('Bearer ', ''));
		} finally {
			lookup.mockRestore();
		}
	});

	it('finds another channel\'s storefront from its site, and mints the token for that channel', async () => {
		const now = new Date().toISOString();
		store.emulator.state.channels.insert({ id: 3, name: 'Wholesale shop', type: 'storefront', platform: 'bigcommerce', status: 'active', is_listable_from_ui: true, is_visible: true, date_created: now, date_modified: now });

		const result = await run({ operation: 'graphql', channelId: 3, query: '{ site { products(first: 1) { edges { node { name } } } } }' });

		expect(result.error).toBeUndefined();
		expect(store.requestLines()).toEqual(['GET /v3/channels/3/site', 'POST /v3/storefront/api-token-private']);
		expect(store.emulator.requests[1].body).toMatchObject({ channel_id: 3 });
		expect(storefrontCalls().map((c) => c.path)).toEqual(['/storefront/3/graphql']);
	});

	it('reports GraphQL errors in plain words with where they point', async () => {
		const result = await run({
			operation: 'graphql',
			query: '{\n  site {\n    products(first: 5) { edges { node { entityId colour } } }\n  }\n}',
		});

		expect(result.error?.message).toBe('The GraphQL query failed: Field \'colour\' doesn\'t exist on type \'Product\'');
		expect(result.error?.description).toContain('(at query.site.products.edges.node.colour, query line 3, column 50)');
	});

	it('explains the complexity limit when a query asks for too much', async () => {
		const result = await run({
			operation: 'graphql',
			query: '{ site { products(first: 50) { edges { node { name brand { products(first: 100) { edges { node { name sku } } } } } } } } }',
		});

		expect(result.error?.message).toMatch(/^The GraphQL query failed: Query has complexity of \d+, which exceeds max complexity of 10000$/);
		expect(result.error?.description).toContain('Ask for fewer records per page (a smaller first');
		expect(result.error?.description).toContain('fewer fields');
	});

	it('refuses bad variables or a Return All the query cannot page, before any request', async () => {
		const badJson = await run({ operation: 'graphql', query: PRODUCTS_WITH_PRICES, variables: '{"first": 5' });
		expect(badJson.error?.message).toBe('Variables (JSON) is not valid JSON: "," or "}" was expected at line 1, column 12 (character 12), found the end of the text');

		const noCursor = await run({
			operation: 'graphql',
			query: '{ site { products(first: 5) { pageInfo { hasNextPage endCursor } edges { node { name } } } } }',
			returnAll: true,
			connectionPath: 'site.products',
		});
		expect(noCursor.error?.message).toBe('Query must take the cursor variable $after for Return All');

		const badPath = await run({ operation: 'graphql', query: PRODUCTS_WITH_PRICES, returnAll: true, connectionPath: 'site..products' });
		expect(badPath.error?.message).toBe('Connection Path must be field names joined by dots, e.g. site.products, got "site..products"');

		expect(store.emulator.requests).toHaveLength(0);
		expect(store.emulator.graphqlRequests).toHaveLength(0);
	});

	it('names the scope when the API account may not mint storefront tokens', async () => {
		const result = await run({ operation: 'graphql', query: '{ site { products { edges { node { name } } } } }' }, { credentials: { accessToken: 'no-storefront' } });

		expect(result.error?.message).toBe('The API account is not allowed to do this');
		expect(result.error?.description).toContain('Storefront API Tokens (modify), scope store_storefront_api');
		expect(storefrontCalls()).toHaveLength(0);
	});
});

describe('admin GraphQL', () => {
	it('queries the store\'s Admin API with the credential\'s token, following the connection', async () => {
		const locations = [...store.emulator.state.locations.values()];
		const result = await run({
			operation: 'graphql',
			api: 'admin',
			query: 'query ($after: String) { store { locations(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { entityId code label } } } } }',
			returnAll: true,
			connectionPath: 'store.locations',
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual(locations.map((l) => ({ entityId: l.id, code: l.code, label: l.label })));
		const calls = store.emulator.graphqlRequests;
		expect(calls).toHaveLength(Math.ceil(locations.length / 2));
		for (const c of calls) {
			expect(c).toMatchObject({ api: 'admin', path: `/stores/${store.emulator.storeHash}/graphql`, status: 200 });
			expect(c.headers['x-auth-token']).toBe(store.emulator.token);
			expect(c.headers.authorization).toBeUndefined();
		}
		expect(store.emulator.requests).toHaveLength(0);
	});
});
