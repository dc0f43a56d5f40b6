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
// An update that a 207 answer left unsaved is sent at most this often in all.
const UPDATE_ATTEMPTS = 3;

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

interface WriteAnswer {
	saved: IDataObject[];
	/** Per-record problems of a 207 Multi-Status answer. */
	problems: IDataObject[];
}

async function sendCustomers(
	this: IExecuteFunctions,
	method: 'POST' | 'PUT',
	records: IDataObject[],
): Promise<WriteAnswer> {
	const response = await bigCommerceRequest.call(this, { method, path: CUSTOMERS_PATH, body: records });
	const body = (response.body ?? {}) as IDataObject;
	return {
		saved: Array.isArray(body.data) ? (body.data as IDataObject[]) : [],
		problems: Array.isArray(body.errors) ? (body.errors as IDataObject[]) : [],
	};
}

/** The error of one record that a 207 Multi-Status answer reported as not saved. */
function recordProblem(
	context: IExecuteFunctions,
	method: 'POST' | 'PUT',
	problems: IDataObject[],
	mentions: string,
): NodeApiError {
	const problem =
		problems.find((entry) => JSON.stringify(entry).includes(mentions)) ??
		problems[0] ?? { title: 'BigCommerce answered without saving this customer' };
	return toNodeApiError(context.getNode(), {
		method,
		path: CUSTOMERS_PATH,
		statusCode: Number(problem.status) || 500,
		body: problem,
	});
}

/**
 * Creates up to 10 customers in one request and answers per record, in order: the customer,
 * or a BatchRecordFailure. When the outcome is unknown (connection lost after sending, 5xx) or
 * BigCommerce saved only some records (207), the customers are looked up by e-mail instead of
 * blindly sent again, and only the ones not saved are sent once more. `checkedAbsent`: the
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
			const saved = new Map(answer.saved.map((customer) => [emailKey(customer.email), customer]));
			return pending.map(
				(record) =>
					saved.get(emailKey(record.email)) ??
					new BatchRecordFailure(recordProblem(this, 'POST', answer.problems, String(record.email))),
			);
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
 * record, in order: the customer, or a BatchRecordFailure. Records a 207 answer reports as not
 * saved are sent again: an update sets absolute values, so repeating it is safe. BigCommerce
 * skips an ID it does not have without a word, so the IDs an answer leaves out are looked up,
 * all in one request: a missing customer fails its record.
 */
export async function updateCustomers(
	this: IExecuteFunctions,
	records: IDataObject[],
): Promise<Array<IDataObject | BatchRecordFailure>> {
	const saved = new Map<number, IDataObject>();
	const unknown = new Set<number>();
	let pending = records;
	let problems: IDataObject[] = [];
	for (let attempt = 1; pending.length > 0 && attempt <= UPDATE_ATTEMPTS; attempt++) {
		const answer = await sendCustomers.call(this, 'PUT', pending);
		for (const customer of answer.saved) saved.set(Number(customer.id), customer);
		problems = answer.problems;
		const missing = pending.map((record) => Number(record.id)).filter((id) => !saved.has(id));
		if (missing.length) {
			const found = await findCustomersById.call(this, missing);
			for (const id of missing) {
				const customer = found.get(id);
				if (!customer) unknown.add(id);
				// A plain 200 saved every customer it was sent, even one its answer left out.
				else if (problems.length === 0) saved.set(id, customer);
			}
		}
		pending = pending.filter((record) => !saved.has(Number(record.id)) && !unknown.has(Number(record.id)));
	}
	return records.map((record) => {
		const id = Number(record.id);
		const customer = saved.get(id);
		if (customer) return customer;
		if (unknown.has(id)) return new BatchRecordFailure(customerNotFound(this, id, undefined, 'PUT'));
		return new BatchRecordFailure(recordProblem(this, 'PUT', problems, `id ${String(record.id)} `));
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
