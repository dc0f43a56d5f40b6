import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	MAX_DELIVERY_BYTES,
	hasWellFormedHash,
	isReplayedMessage,
	isRepeatedDelivery,
	parseDelivery,
	rawBodyOf,
	writeBackRecentDeliveries,
} from './delivery';
import { isOrderStatusChange, scopeCovers } from './events';
import { readScopes, requiresSignedDeliveries } from './hooks';
import { staticDataOf } from './staticData';
import { readOrderStatusFilter, statusChangeIgnored } from './statusFilter';
import { resolveEvent } from './resolveEvent';
import { toSimpleEvent } from './simplify';
import {
	SIGNATURE_TOLERANCE_SECONDS,
	readStandardWebhookHeaders,
	verifyStandardWebhookSignature,
	verifyWebhookSecret,
} from './verify';

/**
 * Answers the request itself with an exact status, so n8n sends nothing more. BigCommerce only
 * needs a quick 2xx; bodies are for people reading logs.
 */
function answer(context: IWebhookFunctions, status: number, body: IDataObject): void {
	context.getResponseObject().status(status).json(body);
}

function refuse(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	answer(context, status, { message });
	return { noWebhookResponse: true };
}

/**
 * One delivery: checks size, secret and (when configured) signature, drops malformed,
 * replayed and repeated deliveries, events the trigger did not register and filtered status
 * changes, acknowledges at once, then fetches the full record so the workflow gets one
 * complete item.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const raw = rawBodyOf(request as unknown as { rawBody?: unknown; body?: unknown });
	if (raw.length > MAX_DELIVERY_BYTES) return refuse(this, 413, 'The delivery is larger than 1 MB');

	const headers = this.getHeaderData();
	const staticData = staticDataOf(this);
	if (!verifyWebhookSecret(headers, staticData.secret)) {
		return refuse(this, 401, 'The delivery does not carry this workflow\'s secret');
	}

	const credentials = await this.getCredentials('bigCommerceApi');
	const clientSecret = typeof credentials.clientSecret === 'string' ? credentials.clientSecret : '';
	const signatureHeaders = readStandardWebhookHeaders(headers);
	const nowSeconds = Math.floor(Date.now() / 1000);
	if (requiresSignedDeliveries(this) && (clientSecret === '' || !signatureHeaders)) {
		return refuse(this, 401, 'The delivery carries no signature, and this trigger requires signed deliveries');
	}
	let signedMessage: { id: string; timestamp: number } | undefined;
	if (clientSecret !== '' && signatureHeaders) {
		const verdict = verifyStandardWebhookSignature({ clientSecret, headers: signatureHeaders, rawBody: raw, nowSeconds });
		if (verdict === 'stale') return refuse(this, 401, 'The delivery\'s signature timestamp is too old or in the future');
		if (verdict !== 'valid') return refuse(this, 401, 'The delivery\'s signature does not match the client secret');
		signedMessage = { id: String(signatureHeaders.id), timestamp: Number(signatureHeaders.timestamp) };
	}

	const delivery = parseDelivery(raw);
	if (!delivery) return refuse(this, 400, 'The body is not a BigCommerce webhook delivery (JSON with a scope)');
	// Every BigCommerce delivery carries a SHA-1 `hash`; without one a delivery cannot be told
	// from its retries, and keeping an arbitrary string would let a body grow the static data.
	// BigCommerce never sends this 400, so it cannot count against the hook.
	if (!hasWellFormedHash(delivery)) {
		return refuse(this, 400, 'The body is not a BigCommerce webhook delivery (its hash must be 40 hexadecimal characters)');
	}

	// Only the events this trigger registered run. Others (e.g. retries of a hook for an event
	// taken out of the trigger) are acknowledged: an error answer would make BigCommerce retry
	// for two days, count against every hook at this address and then deactivate the hook.
	let registered: string[];
	try {
		registered = readScopes(this);
	} catch {
		registered = [];
	}
	if (!registered.some((scope) => scopeCovers(scope, delivery.scope))) {
		answer(this, 200, { received: true, ignored: `${delivery.scope.slice(0, 200)} is not one of this trigger's events` });
		return { noWebhookResponse: true };
	}

	const nodeKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	if (signedMessage && isReplayedMessage(nodeKey, staticData, signedMessage, nowSeconds - SIGNATURE_TOLERANCE_SECONDS)) {
		answer(this, 200, { received: true, duplicate: true, replay: true });
		return { noWebhookResponse: true };
	}
	if (isRepeatedDelivery(nodeKey, staticData, delivery)) {
		answer(this, 200, { received: true, duplicate: true });
		return { noWebhookResponse: true };
	}

	if (isOrderStatusChange(delivery.scope)) {
		const wanted = await readOrderStatusFilter(this);
		const data = Array.isArray(delivery.data) ? {} : delivery.data;
		const ignored = statusChangeIgnored(wanted, (data.status ?? {}) as IDataObject);
		if (ignored) {
			answer(this, 200, { received: true, ignored });
			return { noWebhookResponse: true };
		}
	}

	// Acknowledge before fetching anything: BigCommerce retries and eventually deactivates
	// hooks whose destination answers slowly.
	answer(this, 200, { received: true });

	const resolveData = this.getNodeParameter('resolveData', true) as boolean;
	const resolution = resolveData ? await resolveEvent.call(this, delivery) : {};
	// Version 1 has no Simplify and hands over the delivery as BigCommerce sent it.
	const simplify = this.getNodeParameter('simplify', false) === true;
	const item = simplify ? toSimpleEvent(delivery, resolution) : { ...delivery, ...resolution };
	// What this process learnt while fetching goes into the save too.
	writeBackRecentDeliveries(nodeKey, staticData);
	return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
}
