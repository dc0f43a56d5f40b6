// itemParameter reads a parameter that only names a column of the item straight from the item.
// These runs go through n8n-core's WorkflowExecute: for every parameter shape and item, the value
// must be exactly what n8n's own getNodeParameter gives, and the expression engine must be left
// out only where the value is a plain column.

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, WorkflowExpression } from 'n8n-workflow';

import { itemParameter } from '../../nodes/BigCommerce/actions/common/parameters';
import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { BigCommercePollTrigger } from '../../nodes/BigCommerce/BigCommercePollTrigger.node';
import { registerNodeType, runNode } from '../helpers/workflow';

const PROBE_TYPE = 'test.parameterProbe';
const NAMES = ['text', 'count', 'fields', 'fields.price', 'record', 'rows', 'flag'];

let reads: { fast: number; n8n: number } = { fast: 0, n8n: 0 };

class ParameterProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Parameter Probe',
		name: 'parameterProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads its parameters both ways',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigCommerceApi', required: true }],
		properties: [
			{ displayName: 'Text', name: 'text', type: 'string', default: '' },
			{ displayName: 'Count', name: 'count', type: 'number', default: 0 },
			{ displayName: 'Flag', name: 'flag', type: 'boolean', default: false },
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'collection',
				default: {},
				options: [
					{ displayName: 'Price', name: 'price', type: 'number', default: 0 },
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				],
			},
			{
				displayName: 'Record',
				name: 'record',
				type: 'resourceLocator',
				default: { mode: 'id', value: '' },
				modes: [
					{ displayName: 'ID', name: 'id', type: 'string' },
					{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'search' } },
					{
						displayName: 'By URL',
						name: 'url',
						type: 'string',
						extractValue: { type: 'regex', regex: '/products/(\\d+)' },
					},
				],
			},
			{
				displayName: 'Rows',
				name: 'rows',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Row',
						name: 'row',
						values: [
							{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
							{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0 },
						],
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const spy = jest.spyOn(WorkflowExpression.prototype, 'getParameterValue');
		const output: INodeExecutionData[] = [];
		try {
			this.getInputData().forEach((_item, itemIndex) => {
				const json: IDataObject = {};
				for (const name of NAMES) {
					const read = (how: () => unknown) => {
						try {
							return { value: how() };
						} catch (error) {
							return { error: (error as Error).message };
						}
					};
					// Locators are read as the nodes read IDs: with the value extracted.
					const options = name === 'record' ? { extractValue: true } : undefined;
					const before = spy.mock.calls.length;
					const fast = read(() => itemParameter(this, name, itemIndex, undefined, options));
					if (spy.mock.calls.length === before) reads.fast++;
					const n8n = read(() => this.getNodeParameter(name, itemIndex, undefined, options));
					reads.n8n++;
					json[name] = { fast, n8n } as unknown as IDataObject;
				}
				output.push({ json });
			});
		} finally {
			spy.mockRestore();
		}
		return [output];
	}
}

registerNodeType(PROBE_TYPE, new ParameterProbe());

const credentials = { storeHash: 'abc', accessToken: 'token', clientSecret: '', apiUrl: 'http://127.0.0.1:9' };

async function readBothWays(parameters: INodeParameters, input: IDataObject[]) {
	reads = { fast: 0, n8n: 0 };
	const result = await runNode(parameters, { credentials, input, type: PROBE_TYPE, name: 'Probe' });
	if (result.error) throw result.error;
	return result.items.map((item) => item.json as Record<string, { fast: unknown; n8n: unknown }>);
}

const ITEMS: IDataObject[] = [
	{ sku: 'A-1', qty: 5, price: 9.5, 'Unit Price': '12.00', ok: true, nested: { city: 'Austin', zip: 78701 }, id: 111 },
	{ sku: '=not an expression', qty: '7', price: 0, 'Unit Price': '', ok: false, nested: { city: '' }, id: '222' },
	{ sku: null, qty: [1, 2], price: { amount: 3 }, nested: null, id: 'https://shop.test/products/333' },
	{},
	JSON.parse('{"a .b": "spaced key", "a.b": "dotted key", "a": {" b": 7}, "__proto__": "own", "constructor": "own too"}') as IDataObject,
];

describe('itemParameter', () => {
	it('gives what getNodeParameter gives, for every shape of parameter and item', async () => {
		const shapes: INodeParameters[] = [
			{
				text: '={{ $json.sku }}',
				count: '={{ $json.qty }}',
				flag: '={{ $json.ok }}',
				fields: { price: '={{ $json["Unit Price"] }}', name: '={{ $json.nested.city }}' },
				record: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				rows: { row: [{ sku: '={{ $json.sku }}', quantity: '={{ $json.qty }}' }, { sku: 'fixed', quantity: 3 }] },
			},
			{
				text: "={{ $json['sku'] }}",
				count: '={{ $json . price }}',
				flag: true,
				fields: { price: 12, name: 'Fixed name' },
				record: { __rl: true, mode: 'list', value: '={{ $json.nested.zip }}' },
				rows: { row: [{ sku: 'SKU-{{ $json.sku }}', quantity: '={{ $json.qty * 2 }}' }] },
			},
			{
				text: '=SKU-{{ $json.sku }}',
				count: '={{ $json.qty + 1 }}',
				fields: { price: '={{ $json.price.amount }}', name: '={{ $json.missing }}' },
				record: { __rl: true, mode: 'url', value: '={{ $json.id }}' },
				rows: {},
			},
			{
				text: '={{ $json["a .b"] }}',
				count: "={{ $json.a[' b'] }}",
				flag: '={{ $json.__proto__ }}',
				fields: { name: '={{ $json.constructor }}', price: '={{ $json [ "a" ] . missing }}' },
			},
			{
				text: '={{ $json.sku.toUpperCase() }}',
				count: 4,
				fields: {},
				record: { __rl: true, mode: 'id', value: '333' },
			},
		];
		for (const parameters of shapes) {
			const outputs = await readBothWays(parameters, ITEMS);
			expect(outputs).toHaveLength(ITEMS.length);
			for (const [index, output] of outputs.entries()) {
				for (const name of NAMES) {
					// A thrown error is n8n's own on both sides; a value is the same value.
					expect({ parameters, index, name, value: output[name].fast }).toEqual({ parameters, index, name, value: output[name].n8n });
				}
			}
		}
	});

	it('leaves n8n expression engine out only for plain column values', async () => {
		await readBothWays(
			{ text: '={{ $json.sku }}', count: '={{ $json.qty }}', fields: { price: '={{ $json.price }}' }, record: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			[{ sku: 'A-1', qty: 5, price: 9.5, id: 111 }],
		);
		// text, count, fields, fields.price, record, rows (default), flag (default): all read directly.
		expect(reads).toEqual({ fast: NAMES.length, n8n: NAMES.length });

		await readBothWays({ text: '={{ $json.sku }}', count: '={{ $json.qty + 1 }}', fields: { price: '={{ $json.missing }}' } }, [
			{ sku: { nested: true }, qty: 5 },
		]);
		// An object, a computation and a missing column all go to n8n: only the defaults are direct.
		expect(reads).toEqual({ fast: NAMES.length - 4, n8n: NAMES.length });
	});

	it('matches the fast path assumptions of the nodes: no type validation, value extraction, mapper or filter', () => {
		const unsupported: string[] = [];
		const walk = (properties: unknown[], where: string) => {
			for (const property of properties as IDataObject[]) {
				const at = `${where}.${String(property.name)}`;
				if (property.validateType) unsupported.push(`${at} validateType`);
				if (property.extractValue) unsupported.push(`${at} extractValue`);
				if (property.type === 'resourceMapper' || property.type === 'filter') unsupported.push(`${at} ${String(property.type)}`);
				for (const mode of (property.modes as IDataObject[] | undefined) ?? []) {
					if (mode.extractValue && ['id', 'list'].includes(String(mode.name))) unsupported.push(`${at} mode ${String(mode.name)} extractValue`);
				}
				if (Array.isArray(property.options)) walk(property.options, at);
				if (Array.isArray(property.values)) walk(property.values, at);
			}
		};
		walk(new BigCommerce().description.properties, 'bigCommerce');
		walk(new BigCommercePollTrigger().description.properties, 'bigCommercePollTrigger');
		expect(unsupported).toEqual([]);
	});
});
