/** n8n loaded the package: both nodes (and the tool variant), the credential, no load errors, a passing credential test. */
import type { Stack } from '../realn8n/stack';
import { expect, type Checks } from './checks';

const PACKAGE = 'n8n-nodes-bigcommerce';

export async function loadChecks(stack: Stack, checks: Checks, prefix: string): Promise<void> {
	const { client, n8n } = stack;

	await checks.run(`${prefix}n8n lists both nodes and the AI tool from the package`, async () => {
		const types = await client.get<Array<{ name: string; version: number | number[] }>>('/types/nodes.json');
		const names = new Set(types.map((t) => t.name));
		const wanted = [`${PACKAGE}.bigCommerce`, `${PACKAGE}.bigCommerceTrigger`, `${PACKAGE}.bigCommerceTool`, `${PACKAGE}.bigCommercePollTrigger`];
		const missing = wanted.filter((name) => !names.has(name));
		expect(!missing.length, `missing node types: ${missing.join(', ')} (n8n knows ${types.filter((t) => t.name.startsWith(PACKAGE)).map((t) => t.name).join(', ') || 'none of ours'})`);
		return wanted.join(', ');
	});

	await checks.run(`${prefix}n8n lists the credential bigCommerceApi`, async () => {
		const types = await client.get<Array<{ name: string; displayName: string }>>('/types/credentials.json');
		const credential = types.find((t) => t.name === 'bigCommerceApi');
		expect(credential, 'bigCommerceApi is not among the credential types');
		return credential.displayName;
	});

	await checks.run(`${prefix}n8n's log shows no error loading the package`, () => {
		const problems = n8n
			.log()
			.split('\n')
			.filter(
				(line) =>
					(/bigcommerce/i.test(line) && /error|fail|cannot|could not|unrecognized/i.test(line)) ||
					/error loading package|failed to load|unrecognized node type|unrecognized credential type/i.test(line),
			);
		expect(!problems.length, problems.slice(0, 10).join('\n'));
	});

	await checks.run(`${prefix}the credential test passes against the store`, async () => {
		const result = await client.testCredential(stack.credential, stack.credentialData);
		expect(result.status === 'OK', `status ${result.status}: ${result.message}`);
		return result.message;
	});

	await checks.run(`${prefix}the credential test explains a refused token`, async () => {
		const result = await client.testCredential(stack.credential, { ...stack.credentialData, accessToken: 'not-a-valid-token' });
		expect(result.status === 'Error', `status ${result.status}: ${result.message}`);
		// n8n 1.x answers a 401 with its own words and never reaches the credential's rules.
		const expected = stack.runtime.spec.n8nVersion.startsWith('1.') ? /access token was refused|authorization failed/i : /access token was refused/i;
		expect(expected.test(result.message), `message: ${result.message}`);
		return result.message;
	});
}
