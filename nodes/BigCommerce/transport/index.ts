export { normalizeApiUrl, normalizeStoreHash } from './connection';
export type { RequestContext } from './connection';
export { bigCommerceRequest, bigCommerceApiRequest } from './request';
export { paginate, getAllItems } from './pagination';
export type { PaginateOptions, PaginationStyle } from './pagination';
export { batchWrite, chunkForBatch, mapConcurrent, BatchRecordFailure } from './batch';
export type { BatchOutcome } from './batch';
export { outcomeUnknown, readBigCommerceError, toNodeApiError } from './errors';
export {
	CUSTOMERS_PER_WRITE,
	INVENTORY_ITEMS_PER_ADJUSTMENT,
	PRODUCT_IDS_PER_DELETE,
	PRODUCTS_PER_UPDATE,
	VARIANTS_PER_UPDATE,
} from './batchLimits';
