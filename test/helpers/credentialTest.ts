import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { IAuthenticateRuleResponseCode, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { BigCommerceApi } from '../../credentials/BigCommerceApi.credentials';

const credential = new BigCommerceApi();

function resolve(template: unknown, credentials: IDataObject): string {
	const text = String(template ?? '');
	return text.startsWith('=')
		? String(Expression.resolveWithoutWorkflow(text.slice(1), { $credentials: credentials }))
		: text;
}

/** The address the credential's test request goes to for these values. */
export function credentialTestUrl(credentials: IDataObject): string {
	const request = credential.test.request;
	return `${resolve(request.baseURL, credentials)}${resolve(request.url, credentials)}`;
}

/**
 * Runs the credential's test the way n8n's credential tester does: resolves the test
 * request's expressions with the credential's values, applies its authenticate templates,
 * sends it through n8n's own outbound HTTP client with the test request's other options
 * (redirect handling included), and reads the answer through the credential's
 * response-code rules.
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
	const response = (await Container.get(OutboundHttp)
		.requests()
		.request({
			...(request as IHttpRequestOptions),
			method: request.method ?? 'GET',
			baseURL: resolve(request.baseURL, credentials),
			url: resolve(request.url, credentials),
			headers,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number };
	const status = Number(response.statusCode);
	if (status >= 200 && status < 300) return { status: 'OK', message: 'Connection successful' };
	const rule = (credential.test.rules as IAuthenticateRuleResponseCode[] | undefined)?.find(
		(r) => r.type === 'responseCode' && r.properties.value === status,
	);
	return { status: 'Error', message: rule ? rule.properties.message : `Request failed with status code ${status}` };
}
