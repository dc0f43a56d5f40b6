import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import {
	BATCH_LIMITS,
	BatchRecordFailure,
	bigCommerceRequest,
	chunkForBatch,
	getAllItems,
	toNodeApiError,
	type RequestContext,
} from '../../transport';
import { createEachOnce } from '../common/createOnce';
import { emailKey } from './fields';

// The customer requests: look-ups by ID and e-mail, batched creates and updates.
export const CUSTOMERS_PATH = '/v3/customers';
// Largest page of /v3/customers; one lookup by `id:in` reads this many at once.
export const CUSTOMER_PAGE_SIZE = 250;
// E-mails per `email:in` lookup: many per request, while the URL stays well under 8 KB.
const EMAILS_PER_LOOKUP = 50;

/** Customers by ID (v3 has no single-customer GET), 250 IDs per request. */
export async function findCustomersById(
	this: RequestContext,
	ids: number[],
	include: string[] = [],
	itemIndex?: number,
): Promise<Map<number, IDataObject>> {
	const found = new Map<number, IDataObject>();
	for (const chunk of chunkForBatch([...new Set(ids)], CUSTOMER_PAGE_SIZE)) {
		const qs: IDataObject = { 'id:in': chunk.join(',') };
		if (include.length) qs.include = include.join(',');
		const records = await getAllItems.call(this, {
			style: 'v3Cursor',
			path: CUSTOMERS_PATH,
			qs,
			maxPageSize: CUSTOMER_PAGE_SIZE,
			itemIndex,
		});
		for (const record of records) found.set(Number(record.id), record);
	}
	return found;
}

/**
 * Customers by e-mail, many addresses per request. Keys are lower-cased: BigCommerce keeps
 * e-mails unique regardless of letter case, so the lookup sends both spellings.
 */
export async function findCustomersByEmail(
	this: IExecuteFunctions,
	emails: string[],
	itemIndex?: number,
): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	const unique = new Map<string, string[]>();
	for (const email of emails) {
		const trimmed = String(email).trim();
		const key = emailKey(trimmed);
		if (!unique.has(key)) unique.set(key, [...new Set([trimmed, key])]);
	}
	for (const chunk of chunkForBatch([...unique.values()], EMAILS_PER_LOOKUP)) {
		const spellings = chunk.flat();
		const records = await getAllItems.call(this, {
			style: 'v3Cursor',
			path: CUSTOMERS_PATH,
			qs: { 'email:in': spellings.join(',') },
			maxPageSize: CUSTOMER_PAGE_SIZE,
			itemIndex,
		});
		for (const record of records) found.set(emailKey(record.email), record);
	}
	return found;
}

/**
 * Customer writes go BATCH_LIMITS.customers per request, all-or-nothing, so a batch refused for
 * one bad record is halved until the refusal sits on that record alone.
 */
export const CUSTOMER_WRITES = { batchSize: BATCH_LIMITS.customers, isolateFailures: true };

/** The customers a write answered with; BigCommerce documents no partial success here. */
async function sendCustomers(
	this: IExecuteFunctions,
	method: 'POST' | 'PUT',
	records: IDataObject[],
): Promise<IDataObject[]> {
	const response = await bigCommerceRequest.call(this, { method, path: CUSTOMERS_PATH, body: records });
	const body = (response.body ?? {}) as IDataObject;
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

/** A record a successful answer left out and the store does not have either. */
function notSaved(context: IExecuteFunctions): NodeApiError {
	return toNodeApiError(context.getNode(), {
		method: 'POST',
		path: CUSTOMERS_PATH,
		statusCode: 500,
		body: { title: 'BigCommerce answered without saving this customer' },
	});
}

/**
 * Creates up to 10 customers in one request and answers per record, in order: the customer,
 * or a BatchRecordFailure. When the outcome is unknown (connection lost after sending, 5xx) or
 * the answer leaves a record out, the customers are looked up by e-mail instead of blindly sent
 * again, and only the ones not saved are sent once more. `checkedAbsent`: the
 * caller has just looked these e-mails up and the store did not have them.
 */
export async function createCustomers(
	this: IExecuteFunctions,
	records: IDataObject[],
	checkedAbsent = false,
): Promise<Array<IDataObject | BatchRecordFailure>> {
	return await createEachOnce(this, {
		records,
		checkedAbsent,
		create: async (pending) => {
			const answer = await sendCustomers.call(this, 'POST', pending);
			const saved = new Map(answer.map((customer) => [emailKey(customer.email), customer]));
			return pending.map((record) => saved.get(emailKey(record.email)) ?? new BatchRecordFailure(notSaved(this)));
		},
		lookup: async (pending) => {
			const found = await findCustomersByEmail.call(
				this,
				pending.map((record) => String(record.email)),
			);
			return pending.map((record) => found.get(emailKey(record.email)));
		},
	});
}

/**
 * Updates up to 10 customers in one request (each record carries its `id`) and answers per
 * record, in order: the customer, or a BatchRecordFailure. BigCommerce skips an ID it does not
 * have without a word, so the IDs an answer leaves out are looked up, all in one request: a
 * missing customer fails its record, one that exists was saved.
 */
export async function updateCustomers(
	this: IExecuteFunctions,
	records: IDataObject[],
): Promise<Array<IDataObject | BatchRecordFailure>> {
	const answer = await sendCustomers.call(this, 'PUT', records);
	const saved = new Map(answer.map((customer) => [Number(customer.id), customer]));
	const missing = records.map((record) => Number(record.id)).filter((id) => !saved.has(id));
	if (missing.length) {
		const found = await findCustomersById.call(this, missing);
		for (const [id, customer] of found) saved.set(id, customer);
	}
	return records.map((record) => {
		const id = Number(record.id);
		return saved.get(id) ?? new BatchRecordFailure(customerNotFound(this, id, undefined, 'PUT'));
	});
}

/** The error of a customer ID that BigCommerce does not know, in the transport's words. */
export function customerNotFound(
	context: IExecuteFunctions,
	id: number,
	itemIndex: number | undefined,
	method: 'GET' | 'PUT' = 'GET',
): NodeApiError {
	return toNodeApiError(context.getNode(), {
		method,
		path: CUSTOMERS_PATH,
		statusCode: 404,
		body: { status: 404, title: `There is no customer with ID ${id}` },
		itemIndex,
	});
}
