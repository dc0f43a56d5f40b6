// The live data of one emulated store. Plain tables plus the unique indexes the API enforces
// (SKU across products and variants, product name, customer e-mail), kept in step by the
// model functions in ./model.

import type { StoredMetafield } from './model/metafields';
import { PriceRecordBook, type PriceList, type PriceListAssignment } from './model/priceLists';
import { Table } from './table';
import type {
	Brand,
	Cart,
	Category,
	Channel,
	Customer,
	CustomerAddress,
	CustomerGroup,
	Hook,
	Location,
	Order,
	OrderCoupon,
	OrderProduct,
	OrderShippingAddress,
	Product,
	Refund,
	Shipment,
	Variant,
} from './types';

export interface SkuOwner {
	productId: number;
	/** null when the SKU is a product's own SKU. */
	variantId: number | null;
}

export class StoreState {
	readonly products = new Table<Product>();
	readonly variants = new Table<Variant>();
	readonly categories = new Table<Category>();
	readonly brands = new Table<Brand>();
	readonly channels = new Table<Channel>();
	readonly locations = new Table<Location>();
	readonly orders = new Table<Order>(100);
	readonly orderProducts = new Map<number, OrderProduct[]>();
	readonly orderShippingAddresses = new Map<number, OrderShippingAddress[]>();
	readonly orderCoupons = new Map<number, OrderCoupon[]>();
	readonly shipments = new Table<Shipment>();
	readonly refunds = new Table<Refund>();
	readonly customers = new Table<Customer>();
	readonly customerAddresses = new Table<CustomerAddress>();
	readonly customerGroups = new Table<CustomerGroup>();
	readonly hooks = new Table<Hook>();
	readonly carts = new Map<string, Cart>();
	readonly metafields = new Table<StoredMetafield>();
	/** Product id -> the channels it is assigned to; a product not here is on the default channel 1. */
	readonly productChannels = new Map<number, Set<number>>();
	readonly priceLists = new Table<PriceList>();
	readonly priceRecords = new PriceRecordBook();
	readonly priceListAssignments = new Table<PriceListAssignment>();

	/** Lower-cased SKU -> owner. A product's SKU and its base variant's SKU are one entry. */
	readonly skuIndex = new Map<string, SkuOwner>();
	/** Lower-cased product name -> product id. */
	readonly productNames = new Map<string, number>();
	/** Lower-cased e-mail -> customer id. */
	readonly customerEmails = new Map<string, number>();

	/** Archived orders (hidden from lists); a count lets unfiltered lists skip a scan. */
	archivedOrders = 0;

	private seq: Record<string, number> = {};

	/** Counter for ids that are not table keys (options, images, order lines...). */
	nextSeq(name: string): number {
		this.seq[name] = (this.seq[name] ?? 0) + 1;
		return this.seq[name];
	}

	clear(): void {
		for (const t of [
			this.products,
			this.variants,
			this.categories,
			this.brands,
			this.channels,
			this.locations,
			this.orders,
			this.shipments,
			this.refunds,
			this.customers,
			this.customerAddresses,
			this.customerGroups,
			this.hooks,
			this.metafields,
		] as Table<{ id: number }>[]) {
			t.clear();
		}
		this.orderProducts.clear();
		this.orderShippingAddresses.clear();
		this.orderCoupons.clear();
		this.carts.clear();
		this.productChannels.clear();
		this.priceLists.clear();
		this.priceRecords.clear();
		this.priceListAssignments.clear();
		this.skuIndex.clear();
		this.productNames.clear();
		this.customerEmails.clear();
		this.seq = {};
		this.archivedOrders = 0;
	}
}
