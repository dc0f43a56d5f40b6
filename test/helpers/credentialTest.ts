import axios from 'axios';
import type { IAuthenticateRuleResponseCode, IDataObject } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { BigCommerceApi } from '../../credentials/BigCommerceApi.credentials';

const credential = new BigCommerceApi();

function resolve(template: unknown, credentials: IDataObject): string {
	const text = String(template ?? '');
	return text.startsWith('=')
		? String(Expression.resolveWithoutWorkflow(text.slice(1), { $credentials: credentials }))
		: text;
}

/**
 * Runs the credential's test the way n8n's credential tester does: resolves the test
 * request's expressions with the credential's values, applies its authenticate templates,
 * sends it, and reads the answer through the credential's response-code rules.
 */
export async function runCredentialTest(
	credentials: IDataObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const request = credential.test.request;
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = resolve(value, credentials);
	for (const [name, value] of Object.entries(credential.authenticate.properties.headers ?? {})) {
		headers[name] = resolve(value, credentials);
	}
	const response = await axios.request({
		method: request.method ?? 'GET',
		baseURL: resolve(request.baseURL, credentials),
		url: resolve(request.url, credentials),
		headers,
		validateStatus: () => true,
	});
	if (response.status >= 200 && response.status < 300) return { status: 'OK', message: 'Connection successful' };
	const rule = (credential.test.rules as IAuthenticateRuleResponseCode[] | undefined)?.find(
		(r) => r.type === 'responseCode' && r.properties.value === response.status,
	);
	return { status: 'Error', message: rule ? rule.properties.message : `Request failed with status code ${response.status}` };
}
