// Every ID, number, date and JSON parameter of every operation, as the node's description lists
// them, fed garbage through an expression (as data from a spreadsheet or another node would
// arrive): each value is refused with a NodeOperationError that names the parameter, and no
// request reaches the store. Parameters that take a name as well as an ID (order statuses,
// product categories) may read the store's list of names once to tell; nothing else is sent.

import { NodeOperationError } from 'n8n-workflow';

import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { useStore } from '../helpers/store';
import { credentialsFor, runNode } from '../helpers/workflow';
import { outputCapture } from './outputCapture';
import { expressionFor, garbageFor, modesFor, operationsOf, parameterMatrix, parametersFor, type MatrixCase } from './parameterMatrix';

const capture = outputCapture();
const properties = new BigCommerce().description.properties;
const matrix = parameterMatrix(properties);

const store = useStore({ token: 'tok_garbage_input_5e0c9a71d2' });

afterAll(() => {
	console.log(`Garbage input: ${matrix.length} parameters, ${tried} values tried, ${refused} refused before any request with an error naming the parameter`);
});

let tried = 0;
let refused = 0;

// The read-only lists a name-or-ID parameter checks a value against before refusing it.
const NAME_LISTS = [/^GET \/v2\/order_statuses(\?|$)/, /^GET \/v3\/catalog\/trees\/categories(\?|$)/];

/** What went wrong with one garbage value, or undefined when it was refused properly. */
async function tryGarbage(testCase: MatrixCase, value: unknown, mode: 'id' | 'list'): Promise<string | undefined> {
	store.emulator.clearRequests();
	capture.lastNodeErrors.length = 0;
	tried++;
	const result = await runNode(parametersFor(properties, testCase, expressionFor(testCase, mode)), {
		credentials: credentialsFor(store.emulator),
		input: [{ value: value as string }],
	});
	const sent = store.requestLines({ query: true }).filter((line) => !NAME_LISTS.some((list) => list.test(line)));
	const thrown = capture.lastNodeErrors.at(-1);
	const shown = `${JSON.stringify(value)}${mode === 'list' ? ' (list mode)' : ''}`;
	if (!result.error) return `${shown}: accepted${sent.length ? `, sent ${sent.join(', ')}` : ''}`;
	const message = thrown instanceof Error ? thrown.message : String(result.error.message);
	if (sent.length) return `${shown}: sent ${sent.join(', ')} before refusing ("${message}")`;
	if (!(thrown instanceof NodeOperationError)) return `${shown}: refused with ${(thrown as Error)?.constructor?.name ?? 'no error'} ("${message}")`;
	if (!testCase.names.some((name) => message.toLowerCase().includes(name.toLowerCase()))) {
		return `${shown}: refused with "${message}", which does not name the parameter (${testCase.names.join(' / ')})`;
	}
	refused++;
	return undefined;
}

describe('the matrix covers the node as described', () => {
	it('finds the ID, number, date and JSON parameters of every operation, in collections too', () => {
		const labels = matrix.map((c) => c.label);
		expect(operationsOf(properties).length).toBeGreaterThanOrEqual(30);
		expect(labels).toEqual(
			expect.arrayContaining([
				'product.update productId (id)',
				'product.update updateFields.price (number)',
				'product.getAll limit (number)',
				'product.getAll filters.minDateModified (date)',
				'order.getAll filters.minDateCreated (date)',
				'customerGroup.create additionalFields.discount_rules (json)',
				'inventory.setLevel quantity (number)',
			]),
		);
		expect(new Set(matrix.map((c) => c.kind))).toEqual(new Set(['id', 'number', 'date', 'json']));
	});
});

describe('garbage in an ID, number, date or JSON parameter is refused before any request', () => {
	it.each(matrix.map((c) => [c.label, c] as const))('%s', async (_label, testCase) => {
		const problems: string[] = [];
		for (const mode of modesFor(testCase)) {
			for (const value of garbageFor(testCase)) {
				const problem = await tryGarbage(testCase, value, mode);
				if (problem) problems.push(problem);
			}
		}
		expect(problems).toEqual([]);
	});
});
