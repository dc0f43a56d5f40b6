import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { bigCommerceRequest, paginate, type PaginationStyle } from '../../transport';
import { optionsCollection } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { readJson, toText, toWholeNumber } from '../common/inputs';
import { readStorePath } from './storePath';
import { itemParameter } from '../common/parameters';

const MAX_PAGE_SIZE = 250;

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		description: 'The HTTP method. GET, PUT and DELETE are retried after a network fault; POST is never sent twice.',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /v3/catalog/brands',
		description: 'The API path below the store, starting with /v3/ or /v2/. The store hash and the access token come from the credential.',
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Query Parameter',
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'parameters',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. name:like' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. acme' },
				],
			},
		],
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST', 'PUT'] } },
		description: 'The request body: a JSON object, or a list for the batch endpoints',
	},
	{
		displayName: 'Pagination',
		name: 'pagination',
		type: 'options',
		displayOptions: { show: { method: ['GET'] } },
		options: [
			{
				name: 'Detect From the Answer',
				value: 'detect',
				description: 'Read every page in the style the first answer shows (v3 pages, v3 cursor or v2 pages)',
			},
			{ name: 'Off', value: 'off', description: 'One request, one answer' },
			{ name: 'V2 Pages', value: 'v2Page', description: 'Page and limit over a list, until 204 No Content' },
			{ name: 'V3 Cursor', value: 'v3Cursor', description: 'After = meta.cursor_pagination.end_cursor (v3 customers)' },
			{ name: 'V3 Pages', value: 'v3Page', description: 'Page and limit, with meta.pagination (most v3 lists)' },
		],
		default: 'off',
		description: 'Whether to read every page of a list, and how BigCommerce pages it',
	},
	optionsCollection([
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{
					name: 'Records',
					value: 'records',
					description: 'Each record of a list as its own item; the record itself for a single-record answer',
				},
				{ name: 'Whole Answer', value: 'body', description: 'The answer\'s body as BigCommerce sends it, one item per page' },
			],
			default: 'records',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
			default: MAX_PAGE_SIZE,
			description: 'Records per page when paginating; most lists allow up to 250',
		},
	]),
];

export const description = showFor({ show: { resource: ['custom'], operation: ['apiCall'] } }, properties);

type Pagination = PaginationStyle | 'detect' | 'off';

function readQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const rows = itemParameter(context, 'queryParameters.parameters', itemIndex, []) as Array<{ name?: unknown; value?: unknown }>;
	const qs: IDataObject = {};
	for (const row of rows) {
		const name = toText(context, row.name, 'Query Parameter Name', itemIndex, false);
		if (name === '') continue;
		qs[name] = typeof row.value === 'number' || typeof row.value === 'boolean' ? row.value : toText(context, row.value, `Query Parameter ${name}`, itemIndex, false);
	}
	return qs;
}

/** An answer as output items: a list's records, a v3 envelope's record, or the body itself. */
function recordsOf(statusCode: number, body: unknown): IDataObject[] {
	if (body === undefined || body === null) return [{ statusCode }];
	if (Array.isArray(body)) return body.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string }));
	if (typeof body !== 'object') return [{ value: body as string }];
	const data = (body as IDataObject).data;
	if (Array.isArray(data)) return recordsOf(statusCode, data);
	if (data && typeof data === 'object') return [data as IDataObject];
	return [body as IDataObject];
}

/** A body as one output item; a v2 list is put under `data`. */
function bodyItem(statusCode: number, body: unknown): IDataObject {
	if (body === undefined || body === null) return { statusCode };
	if (Array.isArray(body)) return { data: body };
	return typeof body === 'object' ? (body as IDataObject) : { value: body as string };
}

export async function executeItem(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const method = itemParameter(this, 'method', itemIndex, 'GET') as IHttpRequestMethods;
	const qs = readQuery(this, itemIndex);
	const body =
		method === 'POST' || method === 'PUT'
			? readJson(this, itemParameter(this, 'body', itemIndex, '{}'), 'Body (JSON)', itemIndex)
			: undefined;
	const pagination = (method === 'GET' ? itemParameter(this, 'pagination', itemIndex, 'off') : 'off') as Pagination;
	const options = itemParameter(this, 'options', itemIndex, {}) as IDataObject;
	const wholeAnswer = options.output === 'body';
	const pageSizeOption =
		options.pageSize === undefined ? MAX_PAGE_SIZE : toWholeNumber(this, options.pageSize, 'Page Size', itemIndex, { min: 1, max: MAX_PAGE_SIZE });
	const path = readStorePath(this, itemParameter(this, 'path', itemIndex, ''), itemIndex);

	if (pagination === 'off') {
		const response = await bigCommerceRequest.call(this, { method, path, qs, body, itemIndex });
		return wholeAnswer ? bodyItem(response.statusCode, response.body) : recordsOf(response.statusCode, response.body);
	}

	// The paginator sets page, limit and the cursor; a limit given here is the page size.
	const { limit, ...filters } = qs;
	delete filters.page;
	delete filters.after;
	const pageSize = limit === undefined ? pageSizeOption : toWholeNumber(this, limit, 'Query Parameter limit', itemIndex, { min: 1, max: MAX_PAGE_SIZE });
	const bodies: IDataObject[] = [];
	let first: { statusCode: number; body: unknown } | undefined;
	const records: IDataObject[] = [];
	const pages = paginate.call(this, {
		style: pagination,
		path,
		qs: filters,
		maxPageSize: pageSize,
		itemIndex,
		onPage: (page, statusCode) => {
			first ??= { statusCode, body: page };
			if (wholeAnswer && statusCode !== 204) bodies.push(bodyItem(statusCode, page));
		},
	});
	for await (const page of pages) records.push(...page);
	if (wholeAnswer) return bodies;
	// An answer that is not a list (detected as such) is output as a single answer is.
	if (!records.length && first && first.statusCode !== 204 && !Array.isArray(first.body) && !Array.isArray((first.body as IDataObject | undefined)?.data)) {
		return recordsOf(first.statusCode, first.body);
	}
	return records;
}
