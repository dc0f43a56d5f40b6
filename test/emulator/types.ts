// Shared types of the store emulator: the public option/log shapes and the stored records.

export type FaultKind =
	| '429'
	| '429-no-headers'
	| '500'
	| '502'
	| '503'
	| 'reset'
	| 'reset-after-commit'
	| 'stall'
	| 'delay'
	| 'malformed-json'
	| '207';

export interface FaultRule {
	kind: FaultKind;
	method?: string;
	/** Exact path (without /stores/{hash}), a prefix when it ends with '*', or a RegExp. */
	path?: string | RegExp;
	/** Probability 0..1 that a matching request gets the fault (default 1). */
	rate?: number;
	/** Only the first N matching requests are candidates. */
	count?: number;
	/** For 'delay' and 'stall' (and the reset time a '429' advertises). */
	delayMs?: number;
}

export interface RateLimitSetting {
	quota: number;
	windowMs: number;
}

export interface EmulatorOptions {
	storeHash?: string;
	token?: string;
	tokens?: Record<string, string[]>;
	host?: string;
	port?: number;
	seed?: 'demo' | 'empty';
	rateLimit?: RateLimitSetting | false;
	latencyMs?: number;
	clientSecret?: string;
	deliveryRewrite?: (destination: string) => string;
	faultSeed?: number;
}

export interface RequestLogEntry {
	method: string;
	/** Path without /stores/{hash}, e.g. '/v3/catalog/products'. */
	path: string;
	query: Record<string, string>;
	body: unknown;
	/** HTTP status sent; 0 when the connection was dropped without an answer. */
	status: number;
	time: number;
	/** Fault injected into this request, if any. */
	fault?: FaultKind;
}

export interface DeliveryLogEntry {
	hookId: number;
	scope: string;
	destination: string;
	url: string;
	status: number | 'error';
	error?: string;
	payload: WebhookPayload;
	headers: Record<string, string>;
	time: number;
}

export interface WebhookPayload {
	scope: string;
	store_id: string;
	data: Record<string, unknown>;
	hash: string;
	created_at: number;
	producer: string;
}

// ----------------------------------------------------------------------------------------
// Stored records. Field names follow the API so tests can read state directly; fields the
// API never returns are named in camelCase.

export type InventoryTracking = 'none' | 'product' | 'variant';
/** Stock per location id. */
export type Stock = Record<number, number>;

export interface ProductImage {
	id: number;
	product_id: number;
	is_thumbnail: boolean;
	sort_order: number;
	description: string;
	image_url: string;
	date_modified: string;
	/** An uploaded file: where it is stored, its size in bytes and type (none for an image from a URL). */
	upload?: { image_file: string; size: number; mime_type: string };
}

export interface CustomField {
	id: number;
	name: string;
	value: string;
}

export interface OptionValue {
	id: number;
	label: string;
	sort_order: number;
	is_default: boolean;
}

export interface ProductOption {
	id: number;
	product_id: number;
	display_name: string;
	type: string;
	sort_order: number;
	option_values: OptionValue[];
}

export interface Product {
	id: number;
	name: string;
	type: 'physical' | 'digital';
	sku: string;
	description: string;
	weight: number;
	width: number;
	depth: number;
	height: number;
	price: number;
	cost_price: number;
	retail_price: number;
	sale_price: number;
	map_price: number;
	calculated_price: number;
	tax_class_id: number;
	categories: number[];
	brand_id: number;
	inventory_level: number;
	inventory_warning_level: number;
	inventory_tracking: InventoryTracking;
	is_visible: boolean;
	is_featured: boolean;
	is_free_shipping: boolean;
	availability: 'available' | 'disabled' | 'preorder';
	condition: 'New' | 'Used' | 'Refurbished';
	upc: string;
	mpn: string;
	gtin: string;
	search_keywords: string;
	sort_order: number;
	total_sold: number;
	custom_url: { url: string; is_customized: boolean };
	date_created: string;
	date_modified: string;
	base_variant_id: number | null;
	// not in the API's product object:
	variantIds: number[];
	images: ProductImage[];
	customFields: CustomField[];
	options: ProductOption[];
	/** Product-level stock (inventory_tracking product or none). */
	stock: Stock;
}

export interface VariantOptionValue {
	id: number;
	label: string;
	option_id: number;
	option_display_name: string;
}

export interface Variant {
	id: number;
	product_id: number;
	sku: string;
	sku_id: number;
	price: number | null;
	sale_price: number | null;
	retail_price: number | null;
	map_price: number | null;
	cost_price: number | null;
	weight: number | null;
	width: number | null;
	height: number | null;
	depth: number | null;
	calculated_price: number;
	inventory_level: number;
	inventory_warning_level: number;
	purchasing_disabled: boolean;
	purchasing_disabled_message: string;
	image_url: string;
	upc: string;
	mpn: string;
	gtin: string;
	bin_picking_number: string;
	option_values: VariantOptionValue[];
	/** Variant-level stock (inventory_tracking variant). */
	stock: Stock;
}

export interface Category {
	id: number;
	parent_id: number;
	tree_id: number;
	name: string;
	description: string;
	is_visible: boolean;
	sort_order: number;
	page_title: string;
	url: string;
	image_url: string;
	date_modified: string;
}

export interface Brand {
	id: number;
	name: string;
	page_title: string;
	meta_keywords: string[];
	meta_description: string;
	search_keywords: string;
	image_url: string;
	url: string;
}

export interface Channel {
	id: number;
	name: string;
	type: string;
	platform: string;
	status: string;
	is_listable_from_ui: boolean;
	is_visible: boolean;
	date_created: string;
	date_modified: string;
}

export interface Location {
	id: number;
	code: string;
	label: string;
	description: string;
	type_id: string;
	enabled: boolean;
	storefront_visibility: boolean;
	managed_by_external_source: boolean;
	address: Record<string, unknown>;
	created_at: string;
	updated_at: string;
}

export interface OrderAddress {
	first_name: string;
	last_name: string;
	company: string;
	street_1: string;
	street_2: string;
	city: string;
	state: string;
	zip: string;
	country: string;
	country_iso2: string;
	phone: string;
	email: string;
}

/** v2 order as served (money as strings, RFC-2822 dates) plus numeric copies for filtering. */
export interface Order {
	id: number;
	customer_id: number;
	date_created: string;
	date_modified: string;
	date_shipped: string;
	status_id: number;
	status: string;
	custom_status: string;
	subtotal_ex_tax: string;
	subtotal_inc_tax: string;
	subtotal_tax: string;
	base_shipping_cost: string;
	shipping_cost_ex_tax: string;
	shipping_cost_inc_tax: string;
	shipping_cost_tax: string;
	total_ex_tax: string;
	total_inc_tax: string;
	total_tax: string;
	items_total: number;
	items_shipped: number;
	payment_method: string;
	payment_status: string;
	refunded_amount: string;
	order_is_digital: boolean;
	ip_address: string;
	currency_code: string;
	currency_exchange_rate: string;
	default_currency_code: string;
	staff_notes: string;
	customer_message: string;
	discount_amount: string;
	coupon_discount: string;
	shipping_address_count: number;
	is_deleted: boolean;
	billing_address: OrderAddress;
	is_email_opt_in: boolean;
	order_source: string;
	channel_id: number;
	external_source: string | null;
	external_id: string | null;
	/** The writable ID in another system (external_id is read-only). */
	external_order_id?: string | null;
	cart_id: string;
	createdMs: number;
	modifiedMs: number;
	totalNumber: number;
}

export interface OrderProduct {
	id: number;
	order_id: number;
	product_id: number;
	variant_id: number;
	order_address_id: number;
	name: string;
	sku: string;
	type: string;
	base_price: string;
	price_ex_tax: string;
	price_inc_tax: string;
	price_tax: string;
	base_total: string;
	total_ex_tax: string;
	total_inc_tax: string;
	total_tax: string;
	weight: string;
	quantity: number;
	quantity_shipped: number;
	is_refunded: boolean;
	quantity_refunded: number;
	refund_amount: string;
	product_options: unknown[];
	applied_discounts: unknown[];
}

export interface OrderShippingAddress extends OrderAddress {
	id: number;
	order_id: number;
	items_total: number;
	items_shipped: number;
	shipping_method: string;
	base_cost: string;
	cost_ex_tax: string;
	cost_inc_tax: string;
	cost_tax: string;
	shipping_zone_id: number;
	shipping_zone_name: string;
}

export interface OrderCoupon {
	id: number;
	coupon_id: number;
	order_id: number;
	code: string;
	amount: string;
	type: number;
	discount: number;
}

export interface Shipment {
	id: number;
	order_id: number;
	customer_id: number;
	order_address_id: number;
	date_created: string;
	tracking_number: string;
	shipping_method: string;
	shipping_provider: string;
	items: { order_product_id: number; product_id: number; quantity: number }[];
	tracking_carrier?: string;
	tracking_link?: string;
	merchant_shipping_cost?: string;
	comments?: string;
}

/** A v3 order refund (payment actions), as served. */
export interface Refund {
	id: number;
	order_id: number;
	user_id: number;
	created: string;
	reason: string;
	total_amount: number;
	total_tax: number;
	uses_merchant_override_values: boolean;
	items: { item_type: string; item_id: number; reason: string; quantity?: number; requested_amount: number }[];
	payments: { id: number; provider_id: string; amount: number; offline: boolean; is_declined: boolean; declined_message: string }[];
	createdMs: number;
}

export interface Customer {
	id: number;
	email: string;
	first_name: string;
	last_name: string;
	company: string;
	phone: string;
	notes: string;
	tax_exempt_category: string;
	customer_group_id: number;
	accepts_product_review_abandoned_cart_emails: boolean;
	channel_ids: number[] | null;
	origin_channel_id: number;
	registration_ip_address: string;
	date_created: string;
	date_modified: string;
	storeCredit: number;
	addressIds: number[];
}

export interface CustomerAddress {
	id: number;
	customer_id: number;
	first_name: string;
	last_name: string;
	company: string;
	address1: string;
	address2: string;
	city: string;
	state_or_province: string;
	postal_code: string;
	country: string;
	country_code: string;
	phone: string;
	address_type: 'residential' | 'commercial';
}

export interface CustomerGroup {
	id: number;
	name: string;
	is_default: boolean;
	is_group_for_guests: boolean;
	category_access: { type: 'all' | 'specific' | 'none'; categories?: number[] };
	discount_rules: unknown[];
	date_created: string;
	date_modified: string;
}

export interface Hook {
	id: number;
	client_id: string;
	store_hash: string;
	scope: string;
	destination: string;
	headers: Record<string, string> | null;
	is_active: boolean;
	created_at: number;
	updated_at: number;
}

export interface Cart {
	id: string;
	customer_id: number;
	channel_id: number;
	created_time: string;
	line_items: { product_id: number; variant_id: number | null; quantity: number }[];
}
