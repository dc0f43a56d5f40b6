// The most records BigCommerce takes in one write; a larger batch is refused with a 413.
// Each cites the BigCommerce OpenAPI spec that states it.

/** PUT /v3/catalog/products: "maximum items allowed in the array is 10" (products_catalog.v3). */
export const PRODUCTS_PER_UPDATE = 10;

/** PUT /v3/catalog/variants: at most 50 variants, "subject to change" (products_catalog.v3). */
export const VARIANTS_PER_UPDATE = 50;

/** POST and PUT /v3/customers: at most 10 customers per request (customers.v3). */
export const CUSTOMERS_PER_WRITE = 10;

/** Absolute and relative inventory adjustments: at most 2,000 items per request (inventory.v3). */
export const INVENTORY_ITEMS_PER_ADJUSTMENT = 2000;

/** DELETE /v3/catalog/products?id:in=: at most 250 IDs per request (products_catalog.v3). */
export const PRODUCT_IDS_PER_DELETE = 250;
