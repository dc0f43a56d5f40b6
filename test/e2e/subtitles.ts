/**
 * The action node's subtitle (the line under its name on the canvas), worked out by the n8n under
 * test's own expression engine from the description n8n serves, for every resource and operation:
 * it must read the names the editor's dropdowns show ("Get Many: Product"), not internal values.
 */
import { spawnSync } from 'child_process';

import type { Stack } from '../realn8n/stack';
import { expect, type Checks } from './checks';

interface Option {
	name: string;
	value: string;
}
interface Property {
	name: string;
	options?: Option[];
	displayOptions?: { show?: Record<string, unknown[]> };
}
interface NodeDescription {
	name: string;
	subtitle?: string;
	properties: Property[];
}

/** Runs in n8n's own Node with n8n's own n8n-workflow: stdin { description, nodes }, stdout { name: subtitle }. */
const EVALUATE_SUBTITLES = `
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const { Workflow, NodeHelpers } = require(require.resolve('n8n-workflow', { paths: [process.cwd()] }));
const { description } = input;
const nodeTypes = { getByName: () => ({ description }), getByNameAndVersion: () => ({ description }), getKnownTypes: () => ({}) };
const out = {};
for (const node of input.nodes) {
	// Defaults filled in as the editor does before it shows a node.
	const parameters = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description);
	const full = { ...node, parameters, position: [0, 0], id: node.name };
	const workflow = new Workflow({ nodes: [full], connections: {}, active: false, nodeTypes });
	out[node.name] = workflow.expression.getSimpleParameterValue(full, description.subtitle, 'internal', {});
}
process.stdout.write(JSON.stringify(out));
`;

export async function subtitleChecks(stack: Stack, checks: Checks, prefix: string): Promise<void> {
	await checks.run(`${prefix}the action node's subtitle shows the names of its resource and operation`, async () => {
		const types = await stack.client.get<NodeDescription[]>('/types/nodes.json');
		const description = types.find((t) => t.name === 'n8n-nodes-bigcommerce.bigCommerce');
		expect(description?.subtitle, 'n8n serves no subtitle for the BigCommerce node');
		// n8n appends its own "Custom API Call" (value __CUSTOM_API_CALL__) to these lists: not ours.
		const ours = (options: Option[] | undefined) => (options ?? []).filter((option) => !option.value.startsWith('__'));
		const resources = ours(description.properties.find((p) => p.name === 'resource')?.options);
		expect(resources.length > 0, 'the BigCommerce node has no resource options');
		const expected: Record<string, string> = {};
		const nodes = [];
		for (const resource of resources) {
			const operations = ours(description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value))?.options);
			expect(operations.length > 0, `resource ${resource.value} has no operations`);
			for (const operation of operations) {
				const name = `${resource.value}.${operation.value}`;
				expected[name] = `${operation.name}: ${resource.name}`;
				nodes.push({ name, type: description.name, typeVersion: 1, parameters: { resource: resource.value, operation: operation.value } });
			}
		}
		const run = spawnSync(stack.runtime.nodeBin, ['-e', EVALUATE_SUBTITLES], {
			cwd: stack.runtime.n8nDir,
			input: JSON.stringify({ description, nodes }),
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(run.status === 0, `evaluating the subtitles failed: ${run.stderr || run.error?.message}`);
		const actual = JSON.parse(run.stdout) as Record<string, string>;
		const wrong = Object.keys(expected).filter((name) => actual[name] !== expected[name]);
		expect(!wrong.length, wrong.slice(0, 8).map((name) => `${name}: "${actual[name]}", expected "${expected[name]}"`).join('; '));
		return `${nodes.length} operations, e.g. "${actual['product.getAll'] ?? Object.values(actual)[0]}"`;
	});
}
