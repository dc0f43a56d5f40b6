import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceRequest, getAllItems } from '../transport';
import { withChosenChannel } from './channelEvents';
import { EVENT_OPTIONS, expandEvent, parseCustomScopes } from './events';
import { VERIFICATION_HEADER, generateWebhookSecret } from './verify';
import { forgetRegistration, recordedHookIds, staticDataOf, storedSecret } from './staticData';
import { prepareOrderStatusFilter } from './statusFilter';

interface RemoteHook {
	id: number;
	scope: string;
	destination: string;
	is_active: boolean;
	headers: Record<string, string> | null;
}

const HOOKS_PATH = '/v3/hooks';
const DELIVERY_EXCEPTION_SCOPE = 'store/hook/deliveryException';
const KNOWN_SCOPES = new Set(EVENT_OPTIONS.map((option) => String(option.value)));

/** The scopes to register: the chosen events plus the custom scopes, each once. */
export function readScopes(context: IHookFunctions | IWebhookFunctions): string[] {
	const node = context.getNode();
	const events = (context.getNodeParameter('events', []) as string[]).map(String).flatMap(expandEvent);
	const custom = parseCustomScopes(context.getNodeParameter('options.customScope', ''));
	if (custom.invalid.length) {
		throw new NodeOperationError(node, `The Custom Scope "${custom.invalid[0]}" is not a BigCommerce webhook scope`, {
			description: 'Write it as BigCommerce names it, e.g. store/order/created, store/cart/* or store/channel/1/order/created.',
		});
	}
	const unknown = events.find((scope) => !KNOWN_SCOPES.has(scope) && !parseCustomScopes(scope).scopes.length);
	if (unknown !== undefined) {
		throw new NodeOperationError(node, `The event "${unknown}" is not a BigCommerce webhook scope`, {
			description: 'Choose the events from the list, or put other scopes in Options > Custom Scope.',
		});
	}
	const scopes = [...new Set([...withChosenChannel(context, events), ...custom.scopes])];
	if (!scopes.length) {
		throw new NodeOperationError(node, 'No event is chosen', {
			description: 'Choose at least one event in Events, or enter a scope in Options > Custom Scope.',
		});
	}
	// BigCommerce wants the delivery-trouble hook at an address no other hook uses.
	if (scopes.includes(DELIVERY_EXCEPTION_SCOPE) && scopes.length > 1) {
		throw new NodeOperationError(node, 'Webhook Delivery Trouble must be the only event of its trigger node', {
			description:
				'BigCommerce sends it only to an address no other webhook uses: put it in a BigCommerce Trigger node of its own.',
		});
	}
	return scopes;
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * BigCommerce delivers only to HTTPS on port 443, and cannot reach this machine's own
 * addresses: refuse such an address before any request, saying how to fix it.
 */
function assertDeliverableDestination(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	let reason: string | undefined;
	let parsed: URL | undefined;
	try {
		parsed = url ? new URL(url) : undefined;
	} catch {
		parsed = undefined;
	}
	if (!url || !parsed) reason = 'it is not a complete URL';
	else if (parsed.protocol !== 'https:') reason = 'it does not use HTTPS';
	else if (parsed.port !== '' && parsed.port !== '443') reason = `it uses port ${parsed.port}, and BigCommerce only delivers to port 443`;
	else if (LOOPBACK_HOSTS.test(parsed.hostname)) reason = `${parsed.hostname} is this machine, which BigCommerce cannot reach`;
	if (reason !== undefined || !url) {
		throw new NodeOperationError(
			context.getNode(),
			`BigCommerce cannot deliver webhooks to ${url ?? "n8n's webhook address"}: ${reason}`,
			{
				description:
					"BigCommerce sends webhooks only to a public HTTPS address on port 443. Set n8n's WEBHOOK_URL environment variable to such an address (e.g. https://n8n.example.com/), or expose n8n through a tunnel (e.g. ngrok or Cloudflare Tunnel) and set WEBHOOK_URL to the tunnel's https address, then activate the workflow again.",
			},
		);
	}
	return url;
}

async function listHooksAt(context: IHookFunctions, destination: string): Promise<RemoteHook[]> {
	// Every page: hooks are listed per API account, and a store can hold many.
	const hooks = (await getAllItems.call(context, {
		style: 'v3Page',
		path: HOOKS_PATH,
		maxPageSize: 250,
	})) as unknown as RemoteHook[];
	return hooks.filter((hook) => hook.destination === destination);
}

function carriesSecret(hook: RemoteHook, secret: string): boolean {
	const headers = hook.headers ?? {};
	return Object.entries(headers).some(([name, value]) => name.toLowerCase() === VERIFICATION_HEADER && value === secret);
}

/** The hook's own headers with our secret header set (replacing an older secret). */
function withSecret(headers: Record<string, string> | null, secret: string): Record<string, string> {
	const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== VERIFICATION_HEADER);
	return { ...Object.fromEntries(kept), [VERIFICATION_HEADER]: secret };
}

async function deleteHook(context: IHookFunctions, id: number): Promise<void> {
	// A hook someone already deleted is what we wanted; anything else must surface.
	await bigCommerceRequest.call(context, { method: 'DELETE', path: `${HOOKS_PATH}/${id}`, allowStatuses: [404] });
}

/**
 * Makes BigCommerce hold exactly one active hook per scope at this destination, each carrying
 * our secret: re-activates hooks BigCommerce deactivated, puts the secret back on hooks that
 * lack it, creates missing hooks and removes hooks at this address for scopes no longer chosen.
 */
async function syncHooks(
	context: IHookFunctions,
	destination: string,
	scopes: string[],
	secret: string,
): Promise<number[]> {
	const existing = await listHooksAt(context, destination);
	const ids: number[] = [];
	for (const scope of scopes) {
		const hook = existing.find((h) => h.scope === scope);
		if (!hook) {
			const created = await bigCommerceRequest.call(context, {
				method: 'POST',
				path: HOOKS_PATH,
				body: { scope, destination, is_active: true, headers: withSecret(null, secret) },
			});
			ids.push(Number(((created.body as IDataObject)?.data as IDataObject)?.id));
		} else {
			if (!carriesSecret(hook, secret) || !hook.is_active) {
				// One PUT both re-activates a hook BigCommerce deactivated and restores the secret.
				await bigCommerceRequest.call(context, {
					method: 'PUT',
					path: `${HOOKS_PATH}/${hook.id}`,
					body: { is_active: true, headers: withSecret(hook.headers, secret) },
				});
			}
			ids.push(hook.id);
		}
	}
	for (const hook of existing) {
		if (!scopes.includes(hook.scope)) await deleteHook(context, hook.id);
	}
	return ids;
}

/** Options > Require Signed Deliveries. */
export function requiresSignedDeliveries(context: IHookFunctions | IWebhookFunctions): boolean {
	return context.getNodeParameter('options.requireSignedDeliveries', false) === true;
}

/** Signed deliveries can only be checked with the credential's Client Secret. */
async function assertSignatureCheckPossible(context: IHookFunctions): Promise<void> {
	if (!requiresSignedDeliveries(context)) return;
	const credentials = await context.getCredentials('bigCommerceApi');
	if (typeof credentials.clientSecret === 'string' && credentials.clientSecret !== '') return;
	throw new NodeOperationError(context.getNode(), "Require Signed Deliveries needs the credential's Client Secret", {
		description:
			"Enter the API account's or app's Client Secret in the BigCommerce API credential, or turn Options > Require Signed Deliveries off.",
	});
}

/**
 * checkExists. n8n calls it on each activation and calls create only when it answers false, so
 * this is where a registration is repaired: with our secret on record, it re-activates hooks
 * BigCommerce deactivated, restores missing hooks and secrets, removes hooks for events no
 * longer chosen, and answers true. Without a secret it answers false and create registers.
 */
export async function repairHooks(context: IHookFunctions): Promise<boolean> {
	const destination = assertDeliverableDestination(context);
	const scopes = readScopes(context);
	await assertSignatureCheckPossible(context);
	const data = staticDataOf(context);
	const secret = storedSecret(data);
	if (secret === undefined) return false;
	await prepareOrderStatusFilter(context);
	data.hookIds = await syncHooks(context, destination, scopes, secret);
	data.destination = destination;
	return true;
}

/** create: registers one hook per scope, each sending the workflow's secret. */
export async function createHooks(context: IHookFunctions): Promise<boolean> {
	const destination = assertDeliverableDestination(context);
	const scopes = readScopes(context);
	await assertSignatureCheckPossible(context);
	await prepareOrderStatusFilter(context);
	const data = staticDataOf(context);
	const secret = storedSecret(data) ?? generateWebhookSecret();
	// Keep the secret before any request, so hooks created before a failure stay verifiable.
	data.secret = secret;
	data.destination = destination;
	data.hookIds = await syncHooks(context, destination, scopes, secret);
	return true;
}

/** delete: removes every hook registered for this node; a hook already gone is fine. */
export async function deleteHooks(context: IHookFunctions): Promise<boolean> {
	const data = staticDataOf(context);
	const ids = recordedHookIds(data);
	for (const id of ids) await deleteHook(context, id);
	// Hooks at our address whose ids were never recorded (static data lost) go too.
	const destination = context.getNodeWebhookUrl('default');
	if (destination) {
		for (const hook of await listHooksAt(context, destination)) {
			if (!ids.includes(hook.id)) await deleteHook(context, hook.id);
		}
	}
	forgetRegistration(data);
	return true;
}
