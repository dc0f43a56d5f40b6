// Drives the BigCommerce Trigger the way n8n does: webhookMethods through n8n-core's HookContext,
// deliveries through its WebhookContext with an express-like request (headers, parsed body, raw
// body Buffer) and response, and the items the trigger emits through WorkflowExecute. Static data
// is kept as n8n keeps it: loaded fresh for every activation or delivery, and saved afterwards.

import { randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { ExecutionLifecycleHooks, HookContext, LoadOptionsContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodePropertyOptions,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WebhookSetupMethodNames,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { BigCommerceTrigger } from '../../nodes/BigCommerce/BigCommerceTrigger.node';
import { startEmulator, type Emulator } from '../emulator';
import { TRIGGER_TYPE, additionalDataFor, credentialsFor, nodeTypes, type TestCredentials } from './workflow';

const triggerType = new BigCommerceTrigger();
const webhookDescription = triggerType.description.webhooks?.[0] as IWebhookDescription;

export const PUBLIC_WEBHOOK_BASE = 'https://n8n.example.com/webhook';

export interface TriggerSetup {
	credentials: TestCredentials;
	parameters: INodeParameters;
	/** n8n's webhook base URL (WEBHOOK_URL + '/webhook'); a public HTTPS address by default. */
	webhookBaseUrl?: string;
	/** The node's version, as saved in the workflow; 1 by default. */
	typeVersion?: number;
}

export interface DeliveryRequest {
	headers?: Record<string, string>;
	/** A JSON value (serialised for the raw body) or, with `raw`, ignored. */
	body?: unknown;
	/** The exact bytes sent, e.g. a body that is not JSON. */
	raw?: Buffer | string;
}

export interface DeliveryResult {
	status: number;
	body: unknown;
	/** The items the trigger node outputs in the execution it started (none: no execution). */
	items: INodeExecutionData[];
	executed: boolean;
}

/** An express-like response capturing what the node answers. */
class CapturedResponse {
	statusCode = 200;
	body: unknown = undefined;
	headersSent = false;
	readonly headers: Record<string, string> = {};

	constructor(private readonly onSend?: (status: number, body: unknown) => void) {}

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	json(body: unknown): this {
		return this.send(body);
	}

	send(body: unknown): this {
		if (this.headersSent) throw new Error('the response was sent twice');
		this.body = body;
		this.headersSent = true;
		this.onSend?.(this.statusCode, body);
		return this;
	}

	end(): this {
		return this.headersSent ? this : this.send(undefined);
	}
}

function lowerCaseKeys(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = value;
	return out;
}

/** n8n parses JSON bodies before the node runs and keeps the bytes as rawBody. */
function parsedBody(raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return {};
	}
}

/** Runs the workflow from a trigger node with the data it emitted, as n8n does. */
export async function runFromTrigger(
	node: INode,
	workflow: Workflow,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	workflowData: INodeExecutionData[][],
): Promise<INodeExecutionData[]> {
	const runData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node, data: { main: workflowData }, source: null }],
		},
	} as unknown as IRunExecutionData;
	const run = await new WorkflowExecute(additionalData, mode, runData).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return (taskData?.data?.main?.[0] ?? []) as INodeExecutionData[];
}

export class TriggerHarness {
	/** What n8n stores with the workflow (the trigger's node static data lives under `node:<name>`). */
	staticData: IDataObject = {};
	readonly node: INode;
	readonly workflowId = `wf${randomUUID().replace(/-/g, '').slice(0, 14)}`;
	private readonly webhookBaseUrl: string;
	private readonly pending = new Set<Promise<unknown>>();
	private server?: http.Server;
	/** Every delivery the local server received, in order. */
	readonly received: DeliveryResult[] = [];

	constructor(private readonly setup: TriggerSetup) {
		this.webhookBaseUrl = setup.webhookBaseUrl ?? PUBLIC_WEBHOOK_BASE;
		this.node = {
			id: randomUUID(),
			name: 'BigCommerce Trigger',
			type: TRIGGER_TYPE,
			typeVersion: setup.typeVersion ?? 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: setup.parameters,
			credentials: { bigCommerceApi: { id: '1', name: 'BigCommerce account' } },
		};
	}

	/** The production URL BigCommerce is told to deliver to. */
	get webhookUrl(): string {
		return `${this.webhookBaseUrl}/${this.node.webhookId}/${webhookDescription.path}`;
	}

	/** The trigger's own static data as last saved. */
	get nodeStaticData(): IDataObject {
		return (this.staticData[`node:${this.node.name}`] ?? {}) as IDataObject;
	}

	setParameters(parameters: INodeParameters): void {
		this.node.parameters = parameters;
	}

	private loadWorkflow(): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'BigCommerce trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.staticData)) as IDataObject,
		});
	}

	private saveStaticData(workflow: Workflow): void {
		this.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks('webhook', '1', {
			id: this.workflowId,
			nodes: [this.node],
		} as unknown as IWorkflowBase);
		const data = additionalDataFor(this.setup.credentials, hooks);
		data.webhookBaseUrl = this.webhookBaseUrl;
		return data;
	}

	private webhookData(workflow: Workflow, additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/${webhookDescription.path}`,
			webhookDescription,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
		};
	}

	/** Runs checkExists, create or delete as n8n does on activation and deactivation. */
	async runHookMethod(method: WebhookSetupMethodNames): Promise<boolean | undefined> {
		const workflow = this.loadWorkflow();
		const additionalData = this.additionalData();
		const activation = method === 'delete' ? 'manual' : 'activate';
		const context = new HookContext(workflow, this.node, additionalData, 'trigger', activation, this.webhookData(workflow, additionalData));
		const result = await triggerType.webhookMethods.default[method].call(context);
		// n8n saves static data once the webhook methods ran (also when they failed part-way).
		this.saveStaticData(workflow);
		return result;
	}

	/** What a loadOptions method offers in the editor for this node. */
	async loadOptions(method: keyof typeof triggerType.methods.loadOptions): Promise<INodePropertyOptions[]> {
		const workflow = this.loadWorkflow();
		const context = new LoadOptionsContext(workflow, this.node, this.additionalData(), 'options.orderStatuses');
		return await triggerType.methods.loadOptions[method].call(context);
	}

	/** Activation: checkExists, then create only if that found nothing (n8n's createWebhookIfNotExists). */
	async activate(): Promise<void> {
		const exists = await this.runHookMethod('checkExists');
		if (!exists) await this.runHookMethod('create');
	}

	async deactivate(): Promise<void> {
		await this.runHookMethod('delete');
	}

	/**
	 * One request to the trigger's webhook, as n8n hands it over. Answers as soon as the node
	 * answers (`onAnswer`), then runs the workflow with the items the trigger returned.
	 */
	async deliver(request: DeliveryRequest, onAnswer?: (status: number, body: unknown) => void): Promise<DeliveryResult> {
		const raw =
			request.raw !== undefined
				? Buffer.isBuffer(request.raw)
					? request.raw
					: Buffer.from(request.raw, 'utf8')
				: Buffer.from(JSON.stringify(request.body ?? {}), 'utf8');
		const workflow = this.loadWorkflow();
		const additionalData = this.additionalData();
		const response = new CapturedResponse(onAnswer);
		const httpRequest = {
			method: 'POST',
			url: `/webhook/${this.node.webhookId}/${webhookDescription.path}`,
			headers: lowerCaseKeys({ 'content-type': 'application/json', ...request.headers }),
			body: parsedBody(raw),
			rawBody: raw,
			query: {},
			params: {},
		};
		additionalData.httpRequest = httpRequest as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse = response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
		const webhookData = this.webhookData(workflow, additionalData);
		const context = new WebhookContext(workflow, this.node, additionalData, 'webhook', webhookData, [], null);

		const result: IWebhookResponseData = await triggerType.webhook.call(context);
		this.saveStaticData(workflow);
		// What n8n answers when the node did not answer itself (responseMode onReceived).
		if (!result.noWebhookResponse && !response.headersSent) {
			response.status(200).json(result.workflowData ? { message: 'Workflow was started' } : (result.webhookResponse ?? { message: 'Webhook call received' }));
		}
		if (!result.workflowData) {
			return { status: response.statusCode, body: response.body, items: [], executed: false };
		}
		const items = await runFromTrigger(this.node, workflow, additionalData, 'webhook', result.workflowData);
		return { status: response.statusCode, body: response.body, items, executed: true };
	}

	/**
	 * A local HTTP server standing in for n8n's public address: the emulator's deliveryRewrite
	 * points https://n8n.example.com/... here. It answers as soon as the node does.
	 */
	async listen(): Promise<string> {
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const headers: Record<string, string> = {};
				for (const [name, value] of Object.entries(req.headers)) {
					if (typeof value === 'string') headers[name] = value;
				}
				const work = this.deliver({ headers, raw: Buffer.concat(chunks) }, (status, body) => {
					res.writeHead(status, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify(body ?? {}));
				})
					.then((result) => {
						this.received.push(result);
					})
					.catch((error: unknown) => {
						this.received.push({ status: 500, body: String(error), items: [], executed: false });
						if (!res.headersSent) {
							res.writeHead(500);
							res.end();
						}
					});
				this.pending.add(work);
				void work.finally(() => this.pending.delete(work));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		this.server = server;
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}

	/** Waits until every delivery the local server received has finished its execution. */
	async settled(): Promise<void> {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}

	async close(): Promise<void> {
		await this.settled();
		const server = this.server;
		this.server = undefined;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}

/**
 * The emulated store with its deliveries routed to local trigger harnesses: each harness's public
 * webhook address (https://n8n.example.com/webhook/<id>/webhook) reaches its own local server.
 */
export class TriggerTestbed {
	private readonly routes = new Map<string, string>();
	private readonly harnesses: TriggerHarness[] = [];
	emulator!: Emulator;
	credentials!: TestCredentials;

	static async start(options: { clientSecret?: string; seed?: 'demo' | 'empty' } = {}): Promise<TriggerTestbed> {
		const bed = new TriggerTestbed();
		bed.emulator = await startEmulator({
			seed: options.seed ?? 'demo',
			clientSecret: options.clientSecret,
			deliveryRewrite: (destination) => bed.rewrite(destination),
		});
		bed.credentials = credentialsFor(bed.emulator, { clientSecret: options.clientSecret ?? '' });
		return bed;
	}

	private rewrite(destination: string): string {
		const id = /\/webhook\/([^/]+)\//.exec(new URL(destination).pathname)?.[1];
		const local = id === undefined ? undefined : this.routes.get(id);
		return local ? `${local}${new URL(destination).pathname}` : destination;
	}

	/** A trigger node with these parameters, listening for the store's deliveries. */
	async trigger(parameters: INodeParameters, setup: Partial<TriggerSetup> = {}): Promise<TriggerHarness> {
		const harness = new TriggerHarness({ credentials: this.credentials, parameters, ...setup });
		this.routes.set(String(harness.node.webhookId), await harness.listen());
		this.harnesses.push(harness);
		return harness;
	}

	/** Waits until the store delivered every event and each execution it started finished. */
	async settle(): Promise<void> {
		await this.emulator.waitForDeliveries();
		await Promise.all(this.harnesses.map(async (h) => await h.settled()));
	}

	async reset(): Promise<void> {
		await this.settle();
		await Promise.all(this.harnesses.splice(0).map(async (h) => await h.close()));
		this.routes.clear();
		this.emulator.reset();
		this.emulator.seedDemo();
	}

	async stop(): Promise<void> {
		await this.settle();
		await Promise.all(this.harnesses.map(async (h) => await h.close()));
		await this.emulator.stop();
	}
}
