// Shared set-up of the catalog tests (products and variants): one emulator per test file,
// a fresh demo store before every test, a runner for the BigCommerce node, and rows that look
// like a spreadsheet of a real shop.

import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import type { Emulator, Product, Variant } from '../emulator';
import { useDemoStore } from '../helpers/demoStore';
import type { NodeRunResult } from '../helpers/workflow';

export interface CatalogStore {
	readonly emulator: Emulator;
	/** Runs the node for one resource; input items default to one empty item. */
	run(
		parameters: INodeParameters,
		options?: { input?: IDataObject[]; continueOnFail?: boolean },
	): Promise<NodeRunResult>;
	/** The product owning this SKU (its own or a variant's), ignoring letter case. */
	productBySku(sku: string): Product | undefined;
	variantBySku(sku: string): Variant | undefined;
	productNamed(name: string): Product;
	/** "METHOD /path" of every request, oldest first. */
	calls(): string[];
}

/** Starts an emulator for the file and gives every test the demo store, fresh. */
export function useCatalogStore(resource: 'product' | 'productVariant'): CatalogStore {
	const demo = useDemoStore(resource, { fresh: true });

	return {
		get emulator() {
			return demo.emulator;
		},
		run: async (parameters, options = {}) =>
			await demo.run(parameters, options.input, options.continueOnFail ?? false),
		productBySku: (sku) => {
			const owner = demo.emulator.state.skuIndex.get(sku.toLowerCase());
			return owner ? demo.emulator.state.products.get(owner.productId) : undefined;
		},
		variantBySku: (sku) => demo.emulator.state.variants.find((v) => v.sku.toLowerCase() === sku.toLowerCase()),
		productNamed: (name) => {
			const product = demo.emulator.state.products.find((p) => p.name === name);
			if (!product) throw new Error(`no product named ${name}`);
			return product;
		},
		calls: () => demo.emulator.requests.map((r) => `${r.method} ${r.path}`),
	};
}

/** A resource locator value in ID mode, as n8n saves it. */
export function byId(id: number | string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value: String(id) };
}

/** Spreadsheet rows of a tee-shirt range: SKU, name, price, weight and stock. */
export function teeRows(count: number, from = 1, prefix = 'TEE'): IDataObject[] {
	return Array.from({ length: count }, (_, i) => {
		const n = String(from + i).padStart(4, '0');
		return {
			sku: `${prefix}-${n}`,
			name: `Organic Cotton Tee ${prefix} ${n}`,
			price: 19 + ((from + i) % 10),
			weight: 0.3,
			stock: (from + i) % 50,
		};
	});
}

/** Puts products in the store as if they had been there before the workflow ran. */
export function stockTheStore(emulator: Emulator, rows: IDataObject[], overrides: IDataObject = {}): Product[] {
	return rows.map((row) =>
		emulator.admin.createProduct({
			name: row.name,
			sku: row.sku,
			type: 'physical',
			price: 5,
			weight: 1,
			inventory_tracking: 'product',
			inventory_level: 1,
			...overrides,
		}),
	);
}

/** Fields of the node's product parameters that read each row by expression. */
export const ROW_PARAMETERS: INodeParameters = {
	sku: '={{ $json.sku }}',
	name: '={{ $json.name }}',
	type: 'physical',
	weight: '={{ $json.weight }}',
	price: '={{ $json.price }}',
	additionalFields: { inventory_tracking: 'product', inventory_level: '={{ $json.stock }}' },
};
