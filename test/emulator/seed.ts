// Seed data: the baseline every store has (default channel and location), a small demo
// store, and fast bulk seeding for benchmarks (records built directly, no validation or events).

import { isoDate, money, rfc2822 } from './http';
import type { Core } from './http';
import type { Category, Customer, Location, OrderAddress, Product, Variant } from './types';
import { NO_STOCK, recomputeInventory } from './model/inventory';
import { createProduct, productRecord } from './model/products';
import { insertCustomer } from './model/customers';
import { createOrder, statusName } from './model/orders';
import { seedShipment } from './model/shipments';

export function seedBaseline(core: Core, storeName: string): void {
	const { state } = core;
	const now = isoDate(Date.now());
	if (!state.channels.has(1)) {
		state.channels.insert({
			id: 1,
			name: storeName,
			type: 'storefront',
			platform: 'bigcommerce',
			status: 'active',
			is_listable_from_ui: true,
			is_visible: true,
			date_created: now,
			date_modified: now,
		});
	}
	if (!state.locations.has(1)) state.locations.insert(location(1, 'BC-LOCATION-1', 'Default location', now));
}

function location(id: number, code: string, label: string, now: string): Location {
	return {
		id,
		code,
		label,
		description: '',
		type_id: 'PHYSICAL',
		enabled: true,
		storefront_visibility: true,
		managed_by_external_source: false,
		address: { address1: `${id} Depot Road`, city: 'Austin', state: 'TX', zip: '78701', email: 'depot@example.com', phone: '', country_code: 'US', geo_coordinates: { latitude: 30.27, longitude: -97.74 } },
		created_at: now,
		updated_at: now,
	};
}

function category(id: number, parent: number, name: string, now: string): Category {
	return {
		id,
		parent_id: parent,
		tree_id: 1,
		name,
		description: `<p>${name}</p>`,
		is_visible: true,
		sort_order: id,
		page_title: '',
		url: `/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
		image_url: '',
		date_modified: now,
	};
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee'];

/** A small, realistic store: brands, categories, products with and without variants, customers, groups, orders. */
export function seedDemo(core: Core): void {
	const { state } = core;
	const now = isoDate(Date.now());
	if (!state.locations.has(2)) state.locations.insert(location(2, 'WH-EAST', 'Warehouse East', now));
	if (!state.locations.has(3)) state.locations.insert(location(3, 'WH-WEST', 'Warehouse West', now));
	if (!state.channels.has(2)) {
		state.channels.insert({ id: 2, name: 'Marketplace', type: 'marketplace', platform: 'amazon', status: 'connected', is_listable_from_ui: true, is_visible: true, date_created: now, date_modified: now });
	}
	const brandNames = ['Common Good', 'Sagaform', 'OFS', 'Barista Co', 'Trailhead'];
	const brandIds = brandNames.map((name) => {
		const id = state.brands.allocateId();
		state.brands.insert({ id, name, page_title: name, meta_keywords: [], meta_description: '', search_keywords: name.toLowerCase(), image_url: '', url: `/brands/${name.replace(/\s+/g, '-')}.html` });
		return id;
	});
	const cats: [number, string][] = [
		[0, 'Shop All'],
		[0, 'Kitchen'],
		[0, 'Garden'],
		[0, 'Utility'],
		[2, 'Coffee'],
		[2, 'Tableware'],
		[3, 'Planters'],
		[0, 'Publications'],
	];
	const catIds: number[] = [];
	for (const [parentIdx, name] of cats) {
		const id = state.categories.allocateId();
		state.categories.insert(category(id, parentIdx ? catIds[parentIdx - 1] : 0, name, now));
		catIds.push(id);
	}
	const simple: [string, string, number, number, number[], number][] = [
		['[Sample] Orbit Terrarium - Large', 'OTL', 109, 2, [1, 3, 7], 0],
		['[Sample] Fog Linen Chambray Towel', 'FLCT', 49, 1, [1, 4], 2],
		['[Sample] Utility Caddy', 'OFSUC', 45.95, 3, [1, 4], 2],
		['[Sample] Canvas Laundry Cart', 'CLC', 200, 10, [1, 4], 2],
		['[Sample] Laundry Detergent', 'CGLD', 29, 2, [1, 4], 0],
		['[Sample] Tiered Wire Basket', 'TWB', 119.95, 4, [1, 2], 2],
		['[Sample] Oak Cheese Grater', 'OCG', 34.95, 1, [1, 2], 1],
		['[Sample] 1 L Le Parfait Jar', 'SLLPJ', 7, 1, [1, 2], 1],
		['[Sample] Chemex Coffeemaker 3 Cup', 'CC3C', 49.5, 2, [1, 5], 3],
		['[Sample] Able Brewing System', 'ABS', 225, 5, [1, 5], 3],
		['[Sample] Sodling, Black Leather Duffle Bag', 'SLCTBS', 249, 4, [1], 4],
		['[Sample] Dustpan & Brush', 'DPB', 34.95, 1, [1, 4], 2],
		['[Sample] Smith Journal 13', 'SM13', 25, 0.5, [1, 8], 0],
		['[Sample] Tote Bag Natural', 'TBN', 18, 0.5, [1], 4],
		['[Sample] Ceramic Pour Over', 'CPO', 39, 2, [1, 5], 3],
	];
	simple.forEach(([name, sku, price, weight, catIdx, brandIdx], i) => {
		const tracked = i % 3 !== 2;
		createProduct(
			core,
			{
				name,
				sku,
				type: i === 12 ? 'digital' : 'physical',
				price,
				weight,
				categories: catIdx.map((c) => catIds[c - 1]),
				brand_id: brandIdx ? brandIds[brandIdx - 1] : 0,
				inventory_tracking: tracked ? 'product' : 'none',
				inventory_level: tracked ? 10 + ((i * 7) % 40) : undefined,
				inventory_warning_level: tracked ? 5 : 0,
				is_visible: i !== 6,
				is_featured: i < 3,
				description: `<p>${name.replace('[Sample] ', '')}: a demo product of the emulated store.</p>`,
				images: [{ image_url: `https://cdn.example.com/products/${sku.toLowerCase()}.jpg`, is_thumbnail: true, description: name }],
			},
			{ silent: true },
		);
	});
	const withVariants: [string, string, number, string, string[]][] = [
		['[Sample] Pickle Jar T-Shirt', 'PJT', 25, 'Size', ['S', 'M', 'L', 'XL']],
		['[Sample] Canvas Sneakers', 'CSN', 79, 'Color', ['Red', 'Navy', 'White']],
		['[Sample] Wool Beanie', 'WB', 22, 'Color', ['Charcoal', 'Mustard']],
	];
	withVariants.forEach(([name, sku, price, option, values], i) => {
		createProduct(
			core,
			{
				name,
				sku,
				type: 'physical',
				price,
				weight: 1,
				categories: [catIds[0]],
				brand_id: brandIds[4],
				inventory_tracking: 'variant',
				variants: values.map((v, j) => ({
					sku: `${sku}-${v.toUpperCase()}`,
					option_values: [{ option_display_name: option, label: v }],
					inventory_level: 5 + ((i + j) * 3) % 20,
					price: j === values.length - 1 ? price + 5 : null,
				})),
			},
			{ silent: true },
		);
	});

	const groupIds = ['Retail', 'Wholesale', 'VIP'].map((name, i) => {
		const id = state.customerGroups.allocateId();
		const d = rfc2822(Date.now());
		state.customerGroups.insert({
			id,
			name,
			is_default: i === 0,
			is_group_for_guests: false,
			category_access: { type: 'all' },
			discount_rules: i === 1 ? [{ type: 'all', method: 'percent', amount: '10.0000' }] : [],
			date_created: d,
			date_modified: d,
		});
		return id;
	});
	const customers: Customer[] = [];
	for (let i = 0; i < 12; i++) {
		const first = FIRST[i];
		const last = LAST[i];
		const company = i % 4 === 1 ? `${last} Trading Ltd` : '';
		customers.push(
			insertCustomer(
				core,
				{
					email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + (i % 3 === 0 ? '@example.com' : i % 3 === 1 ? '@wholesale.example.org' : '@mail.example.net'),
					first_name: first,
					last_name: last,
					company,
					phone: `555-01${String(i).padStart(2, '0')}`,
					customer_group_id: i % 4 === 1 ? groupIds[1] : i === 0 ? groupIds[2] : 0,
					registration_ip_address: `10.0.0.${i + 1}`,
					addresses: [{ first_name: first, last_name: last, address1: `${100 + i} Main Street`, city: 'Austin', state_or_province: 'Texas', postal_code: '78701', country_code: 'US', phone: `555-01${String(i).padStart(2, '0')}` }],
				},
				true,
			),
		);
	}
	// Orders spread over the last 60 days, a mix of statuses.
	const statuses = [11, 11, 2, 10, 1, 7, 5, 9, 11, 2, 4, 3];
	const productIds = [...state.products.keys()];
	const day = 86_400_000;
	for (let i = 0; i < 24; i++) {
		const c = i % 5 === 4 ? undefined : customers[i % customers.length];
		const addr = c ? state.customerAddresses.get(c.addressIds[0]) : undefined;
		const billing = {
			first_name: c?.first_name ?? 'Guest',
			last_name: c?.last_name ?? `Shopper ${i}`,
			street_1: addr?.address1 ?? '1 Guest Lane',
			city: 'Austin',
			state: 'Texas',
			zip: '78701',
			country_iso2: 'US',
			email: c?.email ?? `guest${i}@example.com`,
			phone: c?.phone ?? '',
		};
		createOrder(
			core,
			{
				customer_id: c?.id ?? 0,
				status_id: statuses[i % statuses.length],
				billing_address: billing,
				shipping_addresses: [{ ...billing, shipping_method: 'Flat Rate', base_cost: 10 }],
				products: [
					{ product_id: productIds[i % productIds.length], quantity: 1 + (i % 3) },
					...(i % 2 ? [{ product_id: productIds[(i * 5 + 3) % productIds.length], quantity: 1 }] : []),
				],
				coupons: i % 6 === 0 ? [{ code: 'WELCOME10', amount: 5 }] : undefined,
				customer_message: i % 4 === 0 ? 'Please gift wrap.' : '',
				channel_id: i % 7 === 6 ? 2 : 1,
				payment_method: i % 2 ? 'Credit Card' : 'PayPal',
			},
			{ silent: true, createdMs: Date.now() - (24 - i) * 2.5 * day },
		);
	}
	// Shipped orders have their items shipped (one shipment); partially shipped ones their first line.
	for (const order of state.orders.filter((o) => o.status_id === 2 || o.status_id === 3)) {
		const lines = (state.orderProducts.get(order.id) ?? []).filter((line) => line.type !== 'digital');
		const shipped = order.status_id === 2 ? lines : lines.slice(0, 1);
		seedShipment(core, order, shipped.map((line) => ({ line, quantity: line.quantity })), `9400${String(order.id).padStart(8, '0')}`);
	}
}

const NO_OPTION_VALUES: Variant['option_values'] = Object.freeze([]) as unknown as Variant['option_values'];

export interface ScaleCounts {
	products?: number;
	variantsPerProduct?: number;
	orders?: number;
	customers?: number;
}

/** Bulk records for benchmarks: built directly (no validation, no events), ~100k products in seconds. */
export function seedScale(core: Core, counts: ScaleCounts): void {
	const { state } = core;
	const now = isoDate(Date.now());
	const nProducts = counts.products ?? 0;
	const perProduct = counts.variantsPerProduct ?? 0;
	for (let i = 0; i < nProducts; i++) {
		const id = state.products.allocateId();
		const sku = `SCALE-${id}`;
		const name = `Scale Product ${id}`;
		const tracking = perProduct ? 'variant' : 'product';
		const p = productRecord(
			{
				id,
				name,
				type: 'physical',
				sku,
				weight: 1,
				price: 10 + (id % 90),
				calculated_price: 10 + (id % 90),
				inventory_tracking: tracking,
				custom_url: { url: `/scale-product-${id}/`, is_customized: false },
				// Each product gets its own lists: options and variants are pushed onto them below.
				variantIds: [],
				stock: perProduct ? NO_STOCK : { 1: id % 100 },
			},
			now,
		);
		state.products.insert(p);
		state.productNames.set(name.toLowerCase(), id);
		if (perProduct) {
			const optionId = state.nextSeq('option');
			const values = Array.from({ length: perProduct }, (_, j) => ({ id: state.nextSeq('optionValue'), label: `V${j + 1}`, sort_order: j, is_default: false }));
			p.options = [{ id: optionId, product_id: id, display_name: 'Size', type: 'radio_buttons', sort_order: 0, option_values: values }];
			state.skuIndex.set(sku.toLowerCase(), { productId: id, variantId: null });
			for (let j = 0; j < perProduct; j++) {
				const v = variant(state.variants.allocateId(), state.nextSeq('sku'), p, `${sku}-${j + 1}`, [
					{ id: values[j].id, label: values[j].label, option_id: optionId, option_display_name: 'Size' },
				]);
				v.stock = { 1: (id + j) % 50 };
				state.variants.insert(v);
				p.variantIds.push(v.id);
				state.skuIndex.set(v.sku.toLowerCase(), { productId: id, variantId: v.id });
			}
		} else {
			const v = variant(state.variants.allocateId(), state.nextSeq('sku'), p, sku, NO_OPTION_VALUES);
			state.variants.insert(v);
			p.base_variant_id = v.id;
			p.variantIds.push(v.id);
			state.skuIndex.set(sku.toLowerCase(), { productId: id, variantId: v.id });
		}
		recomputeInventory(state, p);
	}

	const nCustomers = counts.customers ?? 0;
	for (let i = 0; i < nCustomers; i++) {
		const id = state.customers.allocateId();
		const email = `scale.customer.${id}@example.com`;
		state.customers.insert({
			id,
			email,
			first_name: FIRST[id % FIRST.length],
			last_name: `${LAST[id % LAST.length]}-${id}`,
			company: '',
			phone: '',
			notes: '',
			tax_exempt_category: '',
			customer_group_id: 0,
			accepts_product_review_abandoned_cart_emails: false,
			channel_ids: null,
			origin_channel_id: 1,
			registration_ip_address: '',
			date_created: now,
			date_modified: now,
			storeCredit: 0,
			addressIds: [],
		});
		state.customerEmails.set(email, id);
	}

	const nOrders = counts.orders ?? 0;
	if (nOrders) seedScaleOrders(core, nOrders);

}

/** Orders built directly (one line, one shipping address each), with shared strings. */
function seedScaleOrders(core: Core, n: number): void {
	const { state } = core;
	if (!state.products.size) seedScale(core, { products: 10 });
	const products = state.products.slice(0, 50);
	const buyers: OrderAddress[] = Array.from({ length: 1000 }, (_, i) => ({
		first_name: FIRST[i % FIRST.length],
		last_name: `Buyer ${i}`,
		company: '',
		street_1: '1 Bulk Way',
		street_2: '',
		city: 'Austin',
		state: 'Texas',
		zip: '78701',
		country: 'United States',
		country_iso2: 'US',
		phone: '',
		email: `buyer${i}@example.com`,
	}));
	const zero = money(0);
	const statuses = [11, 2, 10, 1];
	const start = Date.now() - n * 60_000;
	for (let i = 0; i < n; i++) {
		const id = state.orders.allocateId();
		const p = products[i % products.length];
		const qty = 1 + (i % 3);
		const unit = money(p.calculated_price);
		const total = money(p.calculated_price * qty);
		const ms = start + i * 60_000;
		const date = rfc2822(ms);
		const statusId = statuses[i % statuses.length];
		const buyer = buyers[i % buyers.length];
		const addressId = state.nextSeq('orderAddress');
		state.orders.insert({
			id,
			customer_id: 0,
			date_created: date,
			date_modified: date,
			date_shipped: statusId === 2 || statusId === 10 ? date : '',
			status_id: statusId,
			status: statusName(statusId),
			custom_status: statusName(statusId),
			subtotal_ex_tax: total,
			subtotal_inc_tax: total,
			subtotal_tax: zero,
			base_shipping_cost: zero,
			shipping_cost_ex_tax: zero,
			shipping_cost_inc_tax: zero,
			shipping_cost_tax: zero,
			total_ex_tax: total,
			total_inc_tax: total,
			total_tax: zero,
			items_total: qty,
			items_shipped: statusId === 2 || statusId === 10 ? qty : 0,
			payment_method: 'Manual',
			payment_status: statusId === 1 ? '' : 'captured',
			refunded_amount: zero,
			order_is_digital: false,
			ip_address: '127.0.0.1',
			currency_code: 'USD',
			currency_exchange_rate: '1.0000000000',
			default_currency_code: 'USD',
			staff_notes: '',
			customer_message: '',
			discount_amount: zero,
			coupon_discount: zero,
			shipping_address_count: 1,
			is_deleted: false,
			billing_address: buyer,
			is_email_opt_in: false,
			order_source: 'external',
			channel_id: 1,
			external_source: null,
			external_id: null,
			cart_id: '',
			createdMs: ms,
			modifiedMs: ms,
			totalNumber: p.calculated_price * qty,
		});
		state.orderProducts.set(id, [
			{
				id: state.nextSeq('orderProduct'),
				order_id: id,
				product_id: p.id,
				variant_id: p.base_variant_id ?? p.variantIds[0] ?? 0,
				order_address_id: addressId,
				name: p.name,
				sku: p.sku,
				type: p.type,
				base_price: unit,
				price_ex_tax: unit,
				price_inc_tax: unit,
				price_tax: zero,
				base_total: total,
				total_ex_tax: total,
				total_inc_tax: total,
				total_tax: zero,
				weight: money(p.weight),
				quantity: qty,
				quantity_shipped: 0,
				is_refunded: false,
				quantity_refunded: 0,
				refund_amount: zero,
				product_options: NO_ITEMS,
				applied_discounts: NO_ITEMS,
			},
		]);
		state.orderShippingAddresses.set(id, [
			{
				...buyer,
				id: addressId,
				order_id: id,
				items_total: qty,
				items_shipped: 0,
				shipping_method: 'Flat Rate',
				base_cost: zero,
				cost_ex_tax: zero,
				cost_inc_tax: zero,
				cost_tax: zero,
				shipping_zone_id: 1,
				shipping_zone_name: 'Default zone',
			},
		]);
	}
}

const NO_ITEMS: unknown[] = Object.freeze([]) as unknown as unknown[];

function variant(id: number, skuId: number, p: Product, sku: string, optionValues: Variant['option_values']): Variant {
	return {
		id,
		product_id: p.id,
		sku,
		sku_id: skuId,
		price: null,
		sale_price: null,
		retail_price: null,
		map_price: null,
		cost_price: null,
		weight: null,
		width: null,
		height: null,
		depth: null,
		calculated_price: p.calculated_price,
		inventory_level: 0,
		inventory_warning_level: 0,
		purchasing_disabled: false,
		purchasing_disabled_message: '',
		image_url: '',
		upc: '',
		mpn: '',
		gtin: '',
		bin_picking_number: '',
		option_values: optionValues,
		stock: NO_STOCK,
	};
}
