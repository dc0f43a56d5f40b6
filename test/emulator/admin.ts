// Store-admin actions (what a merchant does in the control panel: they change state and emit
// the webhooks the real store would) and the /__admin/ HTTP routes that drive them.

import { randomUUID } from 'crypto';
import type * as http from 'http';
import { ApiError, isoDate } from './http';
import type { Core } from './http';
import { rulesFromJson } from './faults';
import { applyCustomerUpdate, checkCustomerCreates, checkCustomerUpdates, insertCustomer } from './model/customers';
import { archiveOrder, createOrder, createShipment, setOrderStatus, updateOrder } from './model/orders';
import { applyProductUpdate, checkProductUpdate, createProduct, deleteProducts } from './model/products';
import type { EmulatorServer } from './server';
import type { Cart, Category, Customer, Order, Product, Shipment } from './types';
import { serializeHook } from './routes/hooks';

export interface AdminOrderLine {
	product_id?: number;
	variant_id?: number;
	quantity: number;
	/** For a custom line without a catalog product. */
	name?: string;
	price_ex_tax?: number;
}

export interface AdminOrderInput {
	customer_id: number;
	status_id: number;
	products: AdminOrderLine[];
	billing_address: Record<string, unknown>;
	shipping_addresses: Record<string, unknown>[];
	coupons: { code: string; amount: number }[];
	channel_id: number;
	customer_message: string;
	staff_notes: string;
	payment_method: string;
	/** When the order was placed (default now). */
	date_created: Date | number;
}

export interface AdminCartInput {
	customer_id: number;
	channel_id: number;
	line_items: { product_id: number; variant_id?: number; quantity: number }[];
}

export interface EmulatorAdmin {
	/** Places an order (default: one unit of the first product, status 11 Awaiting Fulfillment); emits store/order/created. */
	createOrder(input?: Partial<AdminOrderInput>): Order;
	/** Emits store/order/statusUpdated and store/order/updated. */
	setOrderStatus(orderId: number, statusId: number): void;
	/** Emits store/order/updated (and statusUpdated when status_id changes). */
	updateOrder(orderId: number, patch: Record<string, unknown>): void;
	/** Emits store/order/archived. */
	archiveOrder(orderId: number): void;
	/** Emits store/product/created. */
	createProduct(input: Record<string, unknown>): Product;
	/** Emits store/product/updated (and store/product/inventory/updated when stock changes). */
	updateProduct(id: number, patch: Record<string, unknown>): void;
	/** Emits store/product/deleted. */
	deleteProduct(id: number): void;
	/** Emits store/customer/created (and address/created per address). */
	createCustomer(input: Record<string, unknown>): Customer;
	/** Emits store/customer/updated. */
	updateCustomer(id: number, patch: Record<string, unknown>): void;
	/** Emits store/category/created. */
	createCategory(input: { name: string; parent_id?: number; is_visible?: boolean }): Category;
	/** Emits store/cart/created and store/cart/lineItem/created per line. */
	createCart(input?: Partial<AdminCartInput>): Cart;
	/** Turns the cart into an order: emits store/cart/converted and store/order/created. */
	convertCart(cartId: string): Order;
	/** Ships every line to the first address: emits store/shipment/created, store/order/statusUpdated (-> 2 Shipped), store/order/updated. */
	createShipment(orderId: number): Shipment;
	/** Sets is_active false, as the real store does after failed retries. */
	deactivateHook(hookId: number): void;
}

function orderOrThrow(core: Core, id: number): Order {
	const o = core.state.orders.get(id);
	if (!o) throw new Error(`order ${id} does not exist`);
	return o;
}

export function createAdmin(core: Core): EmulatorAdmin {
	const { state } = core;
	const admin: EmulatorAdmin = {
		createOrder(input = {}) {
			const customer = input.customer_id ? state.customers.get(input.customer_id) : undefined;
			if (input.customer_id && !customer) throw new Error(`customer ${input.customer_id} does not exist`);
			const address = customer?.addressIds.length ? state.customerAddresses.get(customer.addressIds[0]) : undefined;
			const billing = input.billing_address ?? {
				first_name: customer?.first_name ?? 'Jane',
				last_name: customer?.last_name ?? 'Doe',
				company: customer?.company ?? '',
				street_1: address?.address1 ?? '123 Main Street',
				city: address?.city ?? 'Austin',
				state: address?.state_or_province ?? 'Texas',
				zip: address?.postal_code ?? '78701',
				country_iso2: address?.country_code ?? 'US',
				email: customer?.email ?? 'jane.doe@example.com',
				phone: customer?.phone ?? '555-0100',
			};
			let products: AdminOrderLine[] | undefined = input.products;
			if (!products) {
				const first = state.products.slice(0, 1)[0];
				products = first ? [{ product_id: first.id, quantity: 1 }] : [{ name: 'Custom item', price_ex_tax: 10, quantity: 1 }];
			}
			const created = input.date_created instanceof Date ? input.date_created.getTime() : input.date_created;
			return createOrder(
				core,
				{ ...input, customer_id: customer?.id ?? 0, billing_address: billing, products, date_created: undefined },
				{ defaultStatusId: 11, createdMs: created },
			);
		},
		setOrderStatus(orderId, statusId) {
			const o = orderOrThrow(core, orderId);
			const before = o.status_id;
			setOrderStatus(core, o, statusId);
			if (before !== statusId) core.emit('store/order/updated', { type: 'order', id: o.id });
		},
		updateOrder(orderId, patch) {
			updateOrder(core, orderOrThrow(core, orderId), patch);
		},
		archiveOrder(orderId) {
			archiveOrder(core, orderOrThrow(core, orderId));
		},
		createProduct(input) {
			return createProduct(core, input);
		},
		updateProduct(id, patch) {
			const p = state.products.get(id);
			if (!p) throw new Error(`product ${id} does not exist`);
			checkProductUpdate(state, p, patch);
			applyProductUpdate(core, p, patch);
		},
		deleteProduct(id) {
			if (!state.products.has(id)) throw new Error(`product ${id} does not exist`);
			deleteProducts(core, [id]);
		},
		createCustomer(input) {
			checkCustomerCreates(state, [input]);
			return insertCustomer(core, input);
		},
		updateCustomer(id, patch) {
			const [c] = checkCustomerUpdates(state, [{ ...patch, id }]);
			if (!c) throw new Error(`customer ${id} does not exist`);
			applyCustomerUpdate(core, c, patch);
		},
		createCategory(input) {
			const id = state.categories.allocateId();
			const c: Category = {
				id,
				parent_id: input.parent_id ?? 0,
				tree_id: 1,
				name: input.name,
				description: '',
				is_visible: input.is_visible ?? true,
				sort_order: 0,
				page_title: '',
				url: `/${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
				image_url: '',
				date_modified: isoDate(Date.now()),
			};
			state.categories.insert(c);
			core.emit('store/category/created', { type: 'category', id });
			return c;
		},
		createCart(input = {}) {
			let lines = input.line_items;
			if (!lines) {
				const first = state.products.slice(0, 1)[0];
				lines = first ? [{ product_id: first.id, quantity: 1 }] : [];
			}
			for (const l of lines) if (!state.products.has(l.product_id)) throw new Error(`product ${l.product_id} does not exist`);
			const cart: Cart = {
				id: randomUUID(),
				customer_id: input.customer_id ?? 0,
				channel_id: input.channel_id ?? 1,
				created_time: isoDate(Date.now()),
				line_items: lines.map((l) => ({ product_id: l.product_id, variant_id: l.variant_id ?? null, quantity: l.quantity })),
			};
			state.carts.set(cart.id, cart);
			core.emit('store/cart/created', { type: 'cart', id: cart.id });
			for (const l of cart.line_items) {
				core.emit('store/cart/lineItem/created', { type: 'cart_line_item', id: randomUUID(), cartId: cart.id, product_id: l.product_id });
			}
			return cart;
		},
		convertCart(cartId) {
			const cart = state.carts.get(cartId);
			if (!cart) throw new Error(`cart ${cartId} does not exist`);
			if (!cart.line_items.length) throw new Error(`cart ${cartId} is empty`);
			const order = admin.createOrder({
				customer_id: cart.customer_id || undefined,
				channel_id: cart.channel_id,
				products: cart.line_items.map((l) => ({ product_id: l.product_id, variant_id: l.variant_id ?? undefined, quantity: l.quantity })),
			});
			order.cart_id = cart.id;
			state.carts.delete(cart.id);
			core.emit('store/cart/converted', { type: 'cart', id: cart.id, orderId: order.id });
			return order;
		},
		createShipment(orderId) {
			return createShipment(core, orderOrThrow(core, orderId));
		},
		deactivateHook(hookId) {
			const h = state.hooks.get(hookId);
			if (!h) throw new Error(`hook ${hookId} does not exist`);
			h.is_active = false;
			h.updated_at = Math.floor(Date.now() / 1000);
		},
	};
	return admin;
}

// ------------------------------------------------------------------------------------------
// HTTP admin routes (no auth): GET /__admin/requests etc.

export interface AdminHost {
	server: EmulatorServer;
	admin: EmulatorAdmin;
	reset(): void;
	seedDemo(): void;
	seedScale(counts: { products?: number; variantsPerProduct?: number; orders?: number; customers?: number }): void;
	setRateLimit(limit: { quota: number; windowMs: number } | false): void;
	setLatency(ms: number): void;
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body, (_k, v) => (v instanceof RegExp ? `re:${v.source}` : v));
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
	res.end(text);
}

export function adminHttpHandler(host: AdminHost) {
	const { server, admin } = host;
	return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string): Promise<void> => {
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname.replace(/\/+$/, '');
		let body: Record<string, unknown> & { [k: string]: unknown } = {};
		let parsed: unknown = undefined;
		if (raw) {
			try {
				parsed = JSON.parse(raw);
				if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
			} catch {
				return reply(res, 400, { error: 'body is not valid JSON' });
			}
		}
		const num = (s: string) => Number(s);
		try {
			let m: RegExpExecArray | null;
			if (method === 'GET' && path === '/__admin/requests') return reply(res, 200, server.requests);
			if (method === 'DELETE' && path === '/__admin/requests') {
				server.requests.length = 0;
				return reply(res, 200, { ok: true });
			}
			if (method === 'GET' && path === '/__admin/deliveries') return reply(res, 200, server.webhooks.deliveries);
			if (method === 'GET' && path === '/__admin/hooks') return reply(res, 200, [...server.state.hooks.values()].map(serializeHook));
			if (method === 'GET' && path === '/__admin/stats') {
				const s = server.state;
				return reply(res, 200, {
					products: s.products.size,
					variants: s.variants.size,
					customers: s.customers.size,
					orders: s.orders.size,
					hooks: s.hooks.size,
					requests: server.requests.length,
					deliveries: server.webhooks.deliveries.length,
					rateLimited: server.rateLimiter.stats.limited,
					faults: server.faults.stats,
				});
			}
			if (method === 'POST' && path === '/__admin/reset') {
				host.reset();
				if (body.seed === 'demo' || body.demo === true) host.seedDemo();
				return reply(res, 200, { ok: true });
			}
			if (method === 'POST' && path === '/__admin/faults') {
				server.setFaults(rulesFromJson(parsed ?? []));
				return reply(res, 200, { ok: true });
			}
			if (method === 'POST' && path === '/__admin/rate-limit') {
				const off = parsed === false || body.enabled === false || !body.quota;
				host.setRateLimit(off ? false : { quota: Number(body.quota), windowMs: Number(body.windowMs ?? 30_000) });
				return reply(res, 200, { ok: true });
			}
			if (method === 'POST' && path === '/__admin/latency') {
				host.setLatency(Number(body.ms ?? body.latencyMs ?? 0));
				return reply(res, 200, { ok: true });
			}
			if (method === 'POST' && path === '/__admin/seed') {
				if (body.demo === true) host.seedDemo();
				else host.seedScale(body as { products?: number });
				return reply(res, 200, { ok: true });
			}
			if (method === 'POST' && path === '/__admin/orders') {
				const o = admin.createOrder(body as Partial<AdminOrderInput>);
				return reply(res, 200, { id: o.id, status_id: o.status_id, total_inc_tax: o.total_inc_tax });
			}
			if (method === 'POST' && (m = /^\/__admin\/orders\/(\d+)\/status$/.exec(path))) {
				admin.setOrderStatus(num(m[1]), Number(body.status_id));
				return reply(res, 200, { ok: true });
			}
			if (method === 'POST' && (m = /^\/__admin\/orders\/(\d+)\/shipments$/.exec(path))) {
				return reply(res, 200, admin.createShipment(num(m[1])));
			}
			if (method === 'POST' && (m = /^\/__admin\/products\/(\d+)$/.exec(path))) {
				admin.updateProduct(num(m[1]), body);
				return reply(res, 200, { ok: true });
			}
			if (method === 'POST' && path === '/__admin/carts') return reply(res, 200, admin.createCart(body as Partial<AdminCartInput>));
			if (method === 'POST' && (m = /^\/__admin\/hooks\/(\d+)\/deactivate$/.exec(path))) {
				admin.deactivateHook(num(m[1]));
				return reply(res, 200, { ok: true });
			}
			if (method === 'POST' && path === '/__admin/events') {
				if (typeof body.scope !== 'string') return reply(res, 400, { error: 'scope is required' });
				server.emit(body.scope, (body.data as Record<string, unknown>) ?? {});
				return reply(res, 200, { ok: true });
			}
			return reply(res, 404, { error: `no admin route ${method} ${path}` });
		} catch (e) {
			if (e instanceof ApiError) return reply(res, e.reply.status, { error: e.message, body: e.reply.body });
			return reply(res, 400, { error: e instanceof Error ? e.message : String(e) });
		}
	};
}
