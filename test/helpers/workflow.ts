import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IBinaryKeyData,
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Expression, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { BigCommerceApi } from '../../credentials/BigCommerceApi.credentials';
import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { BigCommerceTrigger } from '../../nodes/BigCommerce/BigCommerceTrigger.node';
import { TransportProbe } from './transportProbe';

export const ACTION_TYPE = 'n8n-nodes-bigcommerce.bigCommerce';
export const TRIGGER_TYPE = 'n8n-nodes-bigcommerce.bigCommerceTrigger';
export const PROBE_TYPE = 'test.transportProbe';

/** What the credential holds: defaults point at an emulator. */
export interface TestCredentials {
	storeHash: string;
	accessToken: string;
	clientSecret?: string;
	apiUrl: string;
}

export function credentialsFor(
	emulator: { baseUrl: string; storeHash: string; token: string },
	overrides: Partial<TestCredentials> = {},
): TestCredentials {
	return {
		storeHash: emulator.storeHash,
		accessToken: emulator.token,
		clientSecret: '',
		apiUrl: emulator.baseUrl,
		...overrides,
	};
}

const nodeTypeMap: Record<string, INodeType> = {
	[ACTION_TYPE]: new BigCommerce(),
	[TRIGGER_TYPE]: new BigCommerceTrigger(),
	[PROBE_TYPE]: new TransportProbe(),
};

/** Makes one more node type runnable by runNode (e.g. the benchmarks' HTTP Request baseline). */
export function registerNodeType(type: string, nodeType: INodeType): void {
	nodeTypeMap[type] = nodeType;
}

export const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeMap[type],
	getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version),
	getKnownTypes: () => ({}),
};

const credentialType = new BigCommerceApi();

/**
 * Stands in for n8n's CredentialsHelper: decrypts nothing (hands over the test's values) and
 * applies the credential's real generic `authenticate` templates through n8n's expression
 * engine, as n8n does.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly values: TestCredentials) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const options = { ...(requestOptions as IHttpRequestOptions) };
		const templates = credentialType.authenticate.properties.headers ?? {};
		const headers: IDataObject = { ...(options.headers ?? {}) };
		for (const [name, template] of Object.entries(templates)) {
			headers[name] = Expression.resolveWithoutWorkflow(String(template).replace(/^=/, ''), {
				$credentials: credentials,
			}) as string;
		}
		options.headers = headers;
		return options;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		_type: string,
		_mode: WorkflowExecuteMode,
		_executeData?: IExecuteData,
		_raw?: boolean,
		_expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.values } as unknown as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

export function additionalDataFor(
	credentials: TestCredentials,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		executionId: '1',
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		currentNodeParameters: undefined,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'https://n8n.example.com/webhook',
		webhookTestBaseUrl: 'https://n8n.example.com/webhook-test',
		webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
		formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
		formBaseUrl: 'https://n8n.example.com/form',
		formTestBaseUrl: 'https://n8n.example.com/form-test',
		mcpBaseUrl: 'https://n8n.example.com/mcp',
		mcpTestBaseUrl: 'https://n8n.example.com/mcp-test',
		variables: {},
		userId: 'user',
		currentNodeExecutionIndex: 0,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRunResult {
	/** The node's output items (first output). */
	items: INodeExecutionData[];
	/** The error that stopped the run, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

export interface RunNodeOptions {
	credentials: TestCredentials;
	/** Items fed into the node, as from a previous node. Defaults to one empty item. */
	input?: IDataObject[];
	/** Files of the input items, by position, as a node before would output them. */
	binary?: Array<IBinaryKeyData | undefined>;
	continueOnFail?: boolean;
	name?: string;
	/** Node type to run; the BigCommerce action node unless a test probes the transport. */
	type?: string;
}

/**
 * Runs one BigCommerce action node through n8n-core's WorkflowExecute, exactly as n8n runs a
 * node: parameters (expressions too) resolved by the engine, requests through the real
 * httpRequestWithAuthentication.
 */
export async function runNode(parameters: INodeParameters, options: RunNodeOptions): Promise<NodeRunResult> {
	const name = options.name ?? 'BigCommerce';
	const node: INode = {
		id: 'b1c2d3e4-0000-4000-8000-000000000001',
		name,
		type: options.type ?? ACTION_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { bigCommerceApi: { id: '1', name: 'BigCommerce account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const hooks = new ExecutionLifecycleHooks('manual', '1', { id: 'test-workflow', nodes: [node] } as unknown as IWorkflowBase);
	const additionalData = additionalDataFor(options.credentials, hooks);
	const input = (options.input ?? [{}]).map((json, index) => {
		const binary = options.binary?.[index];
		return binary ? { json, binary } : { json };
	});
	const runData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
	} as unknown as IRunExecutionData;
	const run = await new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData[name]?.[0];
	const items = (taskData?.data?.main?.[0] ?? []) as INodeExecutionData[];
	const error = (run.data.resultData.error ?? taskData?.error) as NodeRunResult['error'];
	return { items, error, run };
}

/** The JSON of each output item, for assertions. */
export function jsonOf(result: NodeRunResult): IDataObject[] {
	return result.items.map((item) => item.json);
}
