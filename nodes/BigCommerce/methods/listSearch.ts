import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { bigCommerceRequest } from '../transport';

const PAGE_SIZE = 50;

interface ListPage {
	path: string;
	qs: IDataObject;
	v2?: boolean;
	toResult: (record: IDataObject) => { name: string; value: string };
}

async function searchPage(
	context: ILoadOptionsFunctions,
	page: ListPage,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNumber = Math.max(1, Number(paginationToken) || 1);
	const response = await bigCommerceRequest.call(context, {
		method: 'GET',
		path: page.path,
		qs: { ...page.qs, page: pageNumber, limit: PAGE_SIZE },
	});
	const body = response.body as IDataObject | IDataObject[] | undefined;
	const records = (page.v2 ? body : (body as IDataObject | undefined)?.data) as IDataObject[] | undefined;
	const list = Array.isArray(records) ? records : [];
	return {
		results: list.map(page.toResult),
		paginationToken: list.length >= PAGE_SIZE ? String(pageNumber + 1) : undefined,
	};
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		{
			path: '/v3/catalog/products',
			qs: { include_fields: 'name,sku', sort: 'name', ...(filter ? { keyword: filter } : {}) },
			toResult: (p) => ({ name: p.sku ? `${p.name} (${p.sku})` : String(p.name), value: String(p.id) }),
		},
		paginationToken,
	);
}

export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const qs: IDataObject = { sort: 'id:desc' };
	if (/^\d+$/.test(text)) qs.min_id = Number(text);
	else if (text.includes('@')) qs.email = text;
	return await searchPage(
		this,
		{
			path: '/v2/orders',
			qs,
			v2: true,
			toResult: (o) => {
				const billing = (o.billing_address ?? {}) as IDataObject;
				const who = [billing.first_name, billing.last_name].filter(Boolean).join(' ');
				return {
					name: `#${o.id}${who ? ` ${who}` : ''} (${o.status ?? 'status unknown'}, ${o.total_inc_tax ?? ''} ${o.currency_code ?? ''})`.trim(),
					value: String(o.id),
				};
			},
		},
		paginationToken,
	);
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const qs: IDataObject = {};
	if (text.includes('@')) qs['email:in'] = text;
	else if (text) qs['name:like'] = text;
	return await searchPage(
		this,
		{
			path: '/v3/customers',
			qs,
			toResult: (c) => ({
				name: `${[c.first_name, c.last_name].filter(Boolean).join(' ')} <${c.email}>`,
				value: String(c.id),
			}),
		},
		paginationToken,
	);
}

export async function searchCustomerGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		{
			path: '/v2/customer_groups',
			qs: filter ? { 'name:like': filter } : {},
			v2: true,
			toResult: (g) => ({ name: String(g.name), value: String(g.id) }),
		},
		paginationToken,
	);
}

export async function searchCategories(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		{
			path: '/v3/catalog/trees/categories',
			qs: filter ? { 'name:like': filter } : {},
			toResult: (c) => ({ name: `${c.name} (ID ${c.category_id})`, value: String(c.category_id) }),
		},
		paginationToken,
	);
}

export async function searchBrands(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		{
			path: '/v3/catalog/brands',
			qs: { sort: 'name', ...(filter ? { 'name:like': filter } : {}) },
			toResult: (b) => ({ name: String(b.name), value: String(b.id) }),
		},
		paginationToken,
	);
}
