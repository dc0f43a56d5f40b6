import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getAllItems } from '../transport';

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = await getAllItems.call(this, { style: 'v3Page', path: '/v3/catalog/trees/categories' });
	const names = new Map(categories.map((c) => [c.category_id, String(c.name)]));
	return categories
		.map((c: IDataObject) => {
			const parent = c.parent_id ? names.get(c.parent_id) : undefined;
			return { name: parent ? `${parent} > ${c.name}` : String(c.name), value: Number(c.category_id) };
		})
		.sort(byName);
}

export async function getBrands(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const brands = await getAllItems.call(this, { style: 'v3Page', path: '/v3/catalog/brands' });
	return brands.map((b) => ({ name: String(b.name), value: Number(b.id) })).sort(byName);
}

export async function getCustomerGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await getAllItems.call(this, { style: 'v2Page', path: '/v2/customer_groups' });
	return groups.map((g) => ({ name: String(g.name), value: Number(g.id) })).sort(byName);
}

export async function getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const channels = await getAllItems.call(this, { style: 'v3Page', path: '/v3/channels' });
	return channels.map((c) => ({
		name: `${c.name} (${c.platform ?? c.type ?? 'channel'})`,
		value: Number(c.id),
	}));
}

export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const locations = await getAllItems.call(this, { style: 'v3Page', path: '/v3/inventory/locations' });
	return locations.map((l) => ({
		name: `${l.label ?? l.code ?? `Location ${l.id}`}`,
		value: Number(l.id),
		description: l.code ? `Code ${l.code}` : undefined,
	}));
}

export async function getOrderStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const statuses = await getAllItems.call(this, { style: 'v2Page', path: '/v2/order_statuses' });
	return statuses.map((s) => ({ name: String(s.custom_label || s.name), value: Number(s.id) }));
}
