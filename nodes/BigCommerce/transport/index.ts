export { normalizeApiUrl, normalizeStoreHash } from './connection';
export type { RequestContext } from './connection';
export { bigCommerceRequest, bigCommerceApiRequest } from './request';
export { paginate, getAllItems } from './pagination';
export type { PaginateOptions, PaginationStyle } from './pagination';
export { BATCH_LIMITS, batchWrite, chunkForBatch, mapConcurrent, BatchRecordFailure } from './batch';
export type { BatchOutcome } from './batch';
export { outcomeUnknown, readBigCommerceError, toNodeApiError } from './errors';
