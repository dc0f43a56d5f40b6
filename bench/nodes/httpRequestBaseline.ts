// What a user builds without this pack: n8n's HTTP Request node with the BigCommerce
// credential, one request per input item (a lookup node, an IF and a write node for an
// upsert), or the HTTP Request node's own pagination for a list. Bench-only.

import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IRequestOptions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const BASELINE_TYPE = 'bench.httpRequestBaseline';

/** https://api.bigcommerce.com/stores/{hash}, as a user types it into the URL field. */
async function storeUrl(context: IExecuteFunctions): Promise<string> {
	const credentials = await context.getCredentials('bigCommerceApi');
	const apiUrl = String(credentials.apiUrl ?? 'https://api.bigcommerce.com').replace(/\/+$/, '');
	return `${apiUrl}/stores/${String(credentials.storeHash)}`;
}

function errorText(error: unknown): string {
	const e = error as { message?: string; response?: { status?: number }; httpCode?: string };
	const status = e?.response?.status ?? e?.httpCode;
	return status ? `${status} ${e?.message ?? ''}`.trim() : String(e?.message ?? error);
}

/**
 * Runs `task` for every index with at most `limit` in flight: the HTTP Request node starts
 * every item's request at once; the cap only keeps the socket count sane on a small machine.
 */
async function forEachConcurrently(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.max(1, Math.min(limit, count)) }, async () => {
		while (next < count) {
			const index = next++;
			await task(index);
		}
	});
	await Promise.all(lanes);
}

export class HttpRequestBaseline implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request (baseline)',
		name: 'httpRequestBaseline',
		group: ['transform'],
		version: 1,
		description: 'One HTTP request per item, as the HTTP Request node sends them',
		defaults: { name: 'HTTP Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigCommerceApi', required: true }],
		// n8n keeps only declared parameters: these are the HTTP Request node's fields this
		// bench uses (values may be expressions, resolved per item as the real node does).
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'One Request per Item', value: 'perItem' },
					{ name: 'Look Up Then Write', value: 'lookupThenWrite' },
					{ name: 'Paginate', value: 'paginate' },
				],
				default: 'perItem',
			},
			{ displayName: 'Requests in Flight', name: 'concurrency', type: 'number', default: 64 },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'string', default: '' },
			{ displayName: 'Lookup Path', name: 'lookupPath', type: 'string', default: '' },
			{ displayName: 'Lookup Query', name: 'lookupQuery', type: 'string', default: '' },
			{ displayName: 'Create Path', name: 'createPath', type: 'string', default: '' },
			{ displayName: 'Write Body', name: 'writeBody', type: 'string', default: '' },
			{ displayName: 'Page Size', name: 'pageSize', type: 'number', default: 250 },
			{ displayName: 'Complete When', name: 'completeWhen', type: 'string', default: 'emptyData' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const mode = this.getNodeParameter('mode', 0) as 'perItem' | 'paginate' | 'lookupThenWrite';
		if (mode === 'paginate') return [await paginate.call(this)];
		if (mode === 'lookupThenWrite') return [await lookupThenWrite.call(this)];
		return [await perItem.call(this)];
	}
}

async function send(
	context: IExecuteFunctions,
	base: string,
	request: { method: IHttpRequestMethods; path: string; qs?: IDataObject; body?: unknown },
): Promise<unknown> {
	return await context.helpers.httpRequestWithAuthentication.call(context, 'bigCommerceApi', {
		method: request.method,
		url: `${base}${request.path}`,
		qs: request.qs,
		body: request.body as IDataObject,
		json: true,
		headers: { Accept: 'application/json' },
	});
}

/** HTTP Request node, "Specify Body: Using JSON" with expressions: one request per item. */
async function perItem(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const base = await storeUrl(this);
	const concurrency = this.getNodeParameter('concurrency', 0, 64) as number;
	const method = this.getNodeParameter('method', 0) as IHttpRequestMethods;
	const output: INodeExecutionData[] = new Array(items.length);
	await forEachConcurrently(items.length, concurrency, async (i) => {
		try {
			const path = this.getNodeParameter('path', i) as string;
			const body = this.getNodeParameter('body', i, '') as unknown;
			const response = await send(this, base, { method, path, body: body === '' ? undefined : body });
			output[i] = { json: (response ?? {}) as IDataObject, pairedItem: { item: i } };
		} catch (error) {
			output[i] = { json: { error: errorText(error) }, pairedItem: { item: i } };
		}
	});
	return output;
}

/**
 * The upsert a user wires by hand: HTTP Request (GET ?sku=) -> IF found -> HTTP Request PUT
 * /products/{id} or HTTP Request POST /products. Each node sends its items' requests
 * together; the write nodes run after the lookup node, updates before creates.
 */
async function lookupThenWrite(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const base = await storeUrl(this);
	const concurrency = this.getNodeParameter('concurrency', 0, 64) as number;
	const lookupPath = this.getNodeParameter('lookupPath', 0) as string;
	const createPath = this.getNodeParameter('createPath', 0) as string;
	const output: INodeExecutionData[] = new Array(items.length);
	const found: Array<number | null> = new Array(items.length).fill(null);
	const fail = (i: number, error: unknown) => {
		output[i] = { json: { error: errorText(error) }, pairedItem: { item: i } };
	};

	await forEachConcurrently(items.length, concurrency, async (i) => {
		try {
			const qs = this.getNodeParameter('lookupQuery', i) as IDataObject;
			const response = (await send(this, base, { method: 'GET', path: lookupPath, qs })) as { data?: IDataObject[] };
			const match = response?.data?.[0];
			found[i] = match ? Number(match.id) : null;
		} catch (error) {
			fail(i, error);
		}
	});

	const write = async (i: number, method: IHttpRequestMethods, path: string) => {
		try {
			const body = this.getNodeParameter('writeBody', i) as IDataObject;
			const response = (await send(this, base, { method, path, body })) as { data?: IDataObject };
			output[i] = { json: response?.data ?? {}, pairedItem: { item: i } };
		} catch (error) {
			fail(i, error);
		}
	};
	const pending = (wanted: boolean) =>
		items.map((_, i) => i).filter((i) => output[i] === undefined && (found[i] !== null) === wanted);
	const updates = pending(true);
	await forEachConcurrently(updates.length, concurrency, (k) => write(updates[k], 'PUT', `${createPath}/${found[updates[k]]}`));
	const creates = pending(false);
	await forEachConcurrently(creates.length, concurrency, (k) => write(creates[k], 'POST', createPath));
	return output;
}

/**
 * HTTP Request node pagination ("Update a Parameter in Each Request": page = $pageCount + 1),
 * through n8n-core's own paginated request helper, then Split Out on the records.
 */
async function paginate(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const base = await storeUrl(this);
	const path = this.getNodeParameter('path', 0) as string;
	const pageSize = this.getNodeParameter('pageSize', 0, 250) as number;
	const completeWhen = this.getNodeParameter('completeWhen', 0) as 'emptyData' | 'status204';
	const options: IRequestOptions = {
		method: 'GET',
		uri: `${base}${path}`,
		qs: { limit: pageSize },
		json: true,
		headers: { Accept: 'application/json' },
	};
	// The node's "Pagination Complete When": "Other" with an expression for v3 envelopes,
	// "Receive Specific Status Codes: 204" for v2.
	const continueExpression =
		completeWhen === 'status204'
			? '={{ ![204].includes($response.statusCode) }}'
			: '={{ !($response.body.data.length === 0) }}';
	const responses = (await this.helpers.requestWithAuthenticationPaginated.call(
		this,
		options,
		0,
		{ continue: continueExpression, request: { qs: { page: '={{ $pageCount + 1 }}' } }, requestInterval: 0 },
		'bigCommerceApi',
	)) as Array<{ body?: unknown }>;
	const output: INodeExecutionData[] = [];
	for (const response of responses) {
		const body = response.body as IDataObject[] | { data?: IDataObject[] } | undefined;
		const records = Array.isArray(body) ? body : (body?.data ?? []);
		for (const json of records) output.push({ json, pairedItem: { item: 0 } });
	}
	return output;
}
