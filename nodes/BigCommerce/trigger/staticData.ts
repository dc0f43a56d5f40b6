import type { IDataObject } from 'n8n-workflow';

/** What the trigger keeps in the workflow's static data (per node). */
export interface TriggerStaticData extends IDataObject {
	/** Sent by BigCommerce as the VERIFICATION_HEADER of every delivery of our hooks. */
	secret?: string;
	/** The address the hooks deliver to, and their ids at BigCommerce. */
	destination?: string;
	hookIds?: number[];
	/** The latest deliveries run (hash, created_at and scope), newest last (see delivery.ts). */
	seenDeliveries?: string[];
	/** What earlier versions kept instead of seenDeliveries; dropped on the next delivery. */
	seenHashes?: string[];
	/** Recent Standard Webhooks message ids with their timestamps, newest last. */
	seenWebhookIds?: Array<[string, number]>;
	/** The IDs of Options > Only New Order Status Names or IDs, resolved at activation. */
	orderStatusIds?: number[];
	/** The IDs of Options > Only Previous Order Status Names or IDs, resolved at activation. */
	previousOrderStatusIds?: number[];
}

export function staticDataOf(context: { getWorkflowStaticData(type: string): IDataObject }): TriggerStaticData {
	return context.getWorkflowStaticData('node') as TriggerStaticData;
}

/** The secret our hooks send, when the registration has one on record. */
export function storedSecret(data: TriggerStaticData): string | undefined {
	return typeof data.secret === 'string' && data.secret !== '' ? data.secret : undefined;
}

/** The ids of the hooks registered for this node, as far as they were recorded. */
export function recordedHookIds(data: TriggerStaticData): number[] {
	return Array.isArray(data.hookIds) ? data.hookIds.map(Number).filter((id) => Number.isInteger(id) && id > 0) : [];
}

/** Forgets the registration and every delivery seen, so a later activation starts afresh. */
export function forgetRegistration(data: TriggerStaticData): void {
	delete data.hookIds;
	delete data.destination;
	delete data.secret;
	delete data.seenHashes;
	delete data.seenDeliveries;
	delete data.seenWebhookIds;
	delete data.orderStatusIds;
	delete data.previousOrderStatusIds;
}
