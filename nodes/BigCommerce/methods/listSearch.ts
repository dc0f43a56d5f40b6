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

type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** A list search method that reads the page of `pageFor(filter)` the token asks for, 50 records a page. */
function listSearch(pageFor: (filter: string) => ListPage): ListSearch {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await searchPage(this, pageFor(filter ?? ''), paginationToken);
	};
}

export const searchProducts = listSearch((filter) => ({
	path: '/v3/catalog/products',
	qs: { include_fields: 'name,sku', sort: 'name', ...(filter ? { keyword: filter } : {}) },
	toResult: (p) => ({ name: p.sku ? `${p.name} (${p.sku})` : String(p.name), value: String(p.id) }),
}));

export const searchOrders = listSearch((filter) => {
	const text = filter.trim();
	const qs: IDataObject = { sort: 'id:desc' };
	if (/^\d+$/.test(text)) {
		// From that order up, lowest first: the order asked for heads the first page (newest
		// first would put it on the last page of a busy store).
		qs.min_id = Number(text);
		qs.sort = 'id:asc';
	} else if (text.includes('@')) qs.email = text;
	return {
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
	};
});

export const searchCustomers = listSearch((filter) => {
	const text = filter.trim();
	const qs: IDataObject = {};
	if (text.includes('@')) qs['email:in'] = text;
	else if (text) qs['name:like'] = text;
	return {
		path: '/v3/customers',
		qs,
		toResult: (c) => ({
			name: `${[c.first_name, c.last_name].filter(Boolean).join(' ')} <${c.email}>`,
			value: String(c.id),
		}),
	};
});

export const searchCustomerGroups = listSearch((filter) => ({
	path: '/v2/customer_groups',
	qs: filter ? { 'name:like': filter } : {},
	v2: true,
	toResult: (g) => ({ name: String(g.name), value: String(g.id) }),
}));

export const searchCategories = listSearch((filter) => ({
	path: '/v3/catalog/trees/categories',
	qs: filter ? { 'name:like': filter } : {},
	toResult: (c) => ({ name: `${c.name} (ID ${c.category_id})`, value: String(c.category_id) }),
}));

export const searchBrands = listSearch((filter) => ({
	path: '/v3/catalog/brands',
	qs: { sort: 'name', ...(filter ? { 'name:like': filter } : {}) },
	toResult: (b) => ({ name: String(b.name), value: String(b.id) }),
}));

export const searchPriceLists = listSearch((filter) => ({
	path: '/v3/pricelists',
	qs: filter ? { 'name:like': filter } : {},
	toResult: (l) => ({ name: `${l.name}${l.active === false ? ' (inactive)' : ''}`, value: String(l.id) }),
}));
