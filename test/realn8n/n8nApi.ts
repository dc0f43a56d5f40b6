/**
 * A small client for a running n8n: the editor's REST API (owner set-up, login, API keys,
 * credential tests) with the session cookie, and the public API with an API key.
 */

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export const DEMO_OWNER: Owner = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'BigCommerce-Demo-1',
};

export interface CreatedCredential {
	id: string;
	name: string;
	type: string;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<Record<string, unknown> & { name: string; type: string; parameters?: Record<string, unknown> }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ExecutionSummary {
	id: string | number;
	finished: boolean;
	mode: string;
	status?: string;
	workflowId: string;
	data?: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: unknown }>>;
			error?: { message: string };
			lastNodeExecuted?: string;
		};
	};
}

export class N8nApiError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: unknown,
	) {
		super(message);
	}
}

export class N8nClient {
	private cookie = '';
	apiKey = '';

	constructor(readonly baseUrl: string) {}

	private async call<T>(method: string, path: string, body?: unknown, auth: 'cookie' | 'apiKey' | 'none' = 'cookie'): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (auth === 'cookie' && this.cookie) headers.cookie = this.cookie;
		if (auth === 'apiKey') headers['x-n8n-api-key'] = this.apiKey;
		// 2.x refuses state-changing editor calls without this header (CSRF protection)
		headers['browser-id'] = 'n8n-nodes-bigcommerce-tools';
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const setCookie = response.headers.get('set-cookie');
		const match = setCookie?.match(/n8n-auth=[^;]+/);
		if (match) this.cookie = match[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON
		}
		if (!response.ok) {
			throw new N8nApiError(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`, response.status, parsed);
		}
		return parsed as T;
	}

	/** Any path of the server, with the session cookie (e.g. /types/nodes.json). */
	get<T>(path: string): Promise<T> {
		return this.call<T>('GET', path, undefined, 'cookie');
	}

	/** The `n8n-auth=...` session cookie, once logged in. */
	get sessionCookie(): string {
		return this.cookie;
	}

	rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		return this.call<T>(method, `/rest${path}`, body, 'cookie');
	}

	api<T>(method: string, path: string, body?: unknown): Promise<T> {
		return this.call<T>(method, `/api/v1${path}`, body, 'apiKey');
	}

	/** Creates the owner on a fresh instance, or logs in as them on a used one. */
	async setUpOwner(owner: Owner = DEMO_OWNER): Promise<void> {
		try {
			await this.rest('POST', '/owner/setup', owner);
		} catch (error) {
			if (!(error instanceof N8nApiError) || error.status >= 500) throw error;
			await this.login(owner);
		}
		if (!this.cookie) await this.login(owner);
	}

	async login(owner: Owner = DEMO_OWNER): Promise<void> {
		try {
			await this.rest('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		} catch (error) {
			// 1.x names the field `email`
			if (!(error instanceof N8nApiError) || error.status !== 400) throw error;
			await this.rest('POST', '/login', { email: owner.email, password: owner.password });
		}
	}

	/** Creates an API key with every scope the instance offers and uses it for the public API. */
	async createApiKey(label = 'n8n-nodes-bigcommerce tools'): Promise<string> {
		let scopes: string[] | undefined;
		try {
			scopes = (await this.rest<{ data: string[] }>('GET', '/api-keys/scopes')).data;
		} catch {
			scopes = undefined;
		}
		const body: Record<string, unknown> = { label: `${label} ${Date.now()}`, expiresAt: null };
		if (scopes) body.scopes = scopes;
		const created = await this.rest<{ data: { rawApiKey?: string; apiKey?: string } }>('POST', '/api-keys', body);
		this.apiKey = created.data.rawApiKey ?? created.data.apiKey ?? '';
		if (!this.apiKey) throw new Error('n8n returned no API key');
		return this.apiKey;
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<CreatedCredential> {
		return this.api<CreatedCredential>('POST', '/credentials', { name, type, data });
	}

	/** The editor's "Test" button for a saved credential: `{ status: 'OK' | 'Error', message }`. */
	async testCredential(credential: CreatedCredential, data: Record<string, unknown>): Promise<{ status: string; message: string }> {
		const result = await this.rest<{ data: { status: string; message: string } }>('POST', '/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type: credential.type, data },
		});
		return result.data;
	}

	async createWorkflow(workflow: WorkflowJson): Promise<{ id: string; name: string }> {
		// the public API takes these fields only
		const body = {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: workflow.settings ?? { executionOrder: 'v1' },
		};
		return this.api('POST', '/workflows', body);
	}

	async listWorkflows(): Promise<Array<{ id: string; name: string; active: boolean }>> {
		return (await this.api<{ data: Array<{ id: string; name: string; active: boolean }> }>('GET', '/workflows?limit=250')).data;
	}

	activate(id: string): Promise<unknown> {
		return this.api('POST', `/workflows/${id}/activate`);
	}

	deactivate(id: string): Promise<unknown> {
		return this.api('POST', `/workflows/${id}/deactivate`);
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const result = await this.api<{ data: ExecutionSummary[] }>(
			'GET',
			`/executions?workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=100`,
		);
		return result.data;
	}
}
