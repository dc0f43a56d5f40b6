// Drives the BigCommerce Polling Trigger the way n8n does: each poll through n8n-core's
// PollTriggerExecutor with a PollContext, the items it emits through WorkflowExecute. Static
// data lives as in n8n: in the active workflow kept in memory from poll to poll, saved to the
// database when a poll emits (or, returning nothing, when n8n commits the poll) and read back
// from there when n8n restarts.

import { randomUUID } from 'crypto';
import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext, PollTriggerExecutor } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeParameters, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { BigCommercePollTrigger } from '../../nodes/BigCommerce/BigCommercePollTrigger.node';
import { runFromTrigger } from './trigger';
import { additionalDataFor, nodeTypes, registerNodeType, runNode, type NodeRunResult, type TestCredentials } from './workflow';

export const POLL_TRIGGER_TYPE = 'n8n-nodes-bigcommerce.bigCommercePollTrigger';
registerNodeType(POLL_TRIGGER_TYPE, new BigCommercePollTrigger());

export interface PollOutcome {
	/** The trigger node's output items in the execution the poll started (none: no execution). */
	items: INodeExecutionData[];
	/** The error the poll reported to n8n (n8n records a failed execution), if any. */
	error?: Error;
}

function plain(data: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(data)) as IDataObject;
	delete copy.__dataChanged;
	return copy;
}

export class PollHarness {
	/** The workflow's static data as n8n last saved it to its database. */
	saved: IDataObject = {};
	readonly node: INode;
	readonly workflowId = `wf${randomUUID().replace(/-/g, '').slice(0, 14)}`;
	private active?: Workflow;

	constructor(
		private readonly credentials: TestCredentials,
		parameters: INodeParameters,
	) {
		this.node = {
			id: randomUUID(),
			name: 'BigCommerce Polling Trigger',
			type: POLL_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { bigCommerceApi: { id: '1', name: 'BigCommerce account' } },
		};
	}

	/** The trigger's own static data as last saved. */
	get nodeStaticData(): IDataObject {
		return (this.saved[`node:${this.node.name}`] ?? {}) as IDataObject;
	}

	/** The trigger's static data in the running workflow (saved or not). */
	get liveStaticData(): IDataObject {
		return plain((this.workflow().staticData[`node:${this.node.name}`] ?? {}) as IDataObject);
	}

	/** n8n restarts: the active workflow is loaded again from the database. */
	restart(): void {
		this.active = undefined;
	}

	private workflow(): Workflow {
		this.active ??= new Workflow({
			id: this.workflowId,
			name: 'BigCommerce polling test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: plain(this.saved),
		});
		return this.active;
	}

	private additionalData(mode: 'trigger' | 'manual') {
		const hooks = new ExecutionLifecycleHooks(mode, '1', { id: this.workflowId, nodes: [this.node] } as unknown as IWorkflowBase);
		return additionalDataFor(this.credentials, hooks);
	}

	/** One scheduled poll, as n8n's PollTriggerExecutor runs it, and the execution it starts. */
	async poll(): Promise<PollOutcome> {
		const workflow = this.workflow();
		const additionalData = this.additionalData('trigger');
		let emitted: INodeExecutionData[][] | undefined;
		let error: Error | undefined;
		const save = async () => {
			this.saved = plain(workflow.staticData);
		};
		const context = new PollContext(
			workflow,
			this.node,
			additionalData,
			'trigger',
			'activate',
			(data) => {
				// n8n saves the static data, then runs the workflow with what the poll emitted.
				void save();
				emitted = data;
			},
			(pollError) => {
				error = pollError;
			},
			save,
		);
		const executor = Container.get(PollTriggerExecutor).create(workflow, this.node, context, () => true);
		await executor(false);
		if (!emitted) return { items: [], error };
		return { items: await runFromTrigger(this.node, workflow, additionalData, 'trigger', emitted), error };
	}

	/** "Fetch Test Event" in the editor: the node run once in manual mode through WorkflowExecute. */
	async fetchTestEvent(): Promise<NodeRunResult> {
		return await runNode(this.node.parameters, { credentials: this.credentials, type: POLL_TRIGGER_TYPE, name: this.node.name });
	}
}
