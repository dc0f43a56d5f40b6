// Look-ups of the catalog tests (products and variants) in the emulator's store.

import type { INodeParameterResourceLocator } from 'n8n-workflow';

import type { Emulator, Product, Variant } from '../emulator';

/** The product owning this SKU (its own or a variant's), ignoring letter case. */
export function productBySku(emulator: Emulator, sku: string): Product | undefined {
	const owner = emulator.state.skuIndex.get(sku.toLowerCase());
	return owner ? emulator.state.products.get(owner.productId) : undefined;
}

export function variantBySku(emulator: Emulator, sku: string): Variant | undefined {
	return emulator.state.variants.find((v) => v.sku.toLowerCase() === sku.toLowerCase());
}

export function productNamed(emulator: Emulator, name: string): Product {
	const product = emulator.state.products.find((p) => p.name === name);
	if (!product) throw new Error(`no product named ${name}`);
	return product;
}

/** A resource locator value in ID mode, as n8n saves it. */
export function byId(id: number | string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value: String(id) };
}
