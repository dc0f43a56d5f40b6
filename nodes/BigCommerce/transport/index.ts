export { normalizeApiUrl, normalizeStoreHash, connectionFromCredentials } from './connection';
export type { RequestContext, StoreConnection } from './connection';
export { bigCommerceRequest, bigCommerceApiRequest } from './request';
export type { BigCommerceRequest, BigCommerceResponse } from './request';
export { paginate, getAllItems } from './pagination';
export type { PaginateOptions, PaginationStyle } from './pagination';
export { BATCH_LIMITS, batchWrite, chunkForBatch, mapConcurrent, BatchRecordFailure } from './batch';
export type { BatchOutcome, BatchWriteOptions } from './batch';
export { outcomeUnknown, readBigCommerceError, toNodeApiError } from './errors';
