import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData, INodeType } from 'n8n-workflow';

import { bigCommerceRequest, outcomeUnknown } from '../../nodes/BigCommerce/transport';
import { useStore } from '../helpers/store';
import { TransportProbe } from '../helpers/transportProbe';
import { credentialsFor, jsonOf, registerNodeType, runNode, type TestCredentials } from '../helpers/workflow';

const OUTCOME_PROBE = 'test.outcomeProbe';

/** Sends one request through the transport and reports whether its failure is ambiguous. */
class OutcomeProbe implements INodeType {
	description: INodeType['description'] = {
		...new TransportProbe().description,
		displayName: 'Outcome Probe',
		name: 'outcomeProbe',
		description: 'Reports outcomeUnknown for a failed transport request',
		properties: ['method', 'path', 'body'].map((name) => ({ displayName: name, name, type: 'string', default: '' })),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const method = this.getNodeParameter('method', 0) as IHttpRequestMethods;
		const path = this.getNodeParameter('path', 0) as string;
		const rawBody = this.getNodeParameter('body', 0, '') as string | IDataObject;
		const body = typeof rawBody === 'string' ? (rawBody === '' ? undefined : (JSON.parse(rawBody) as IDataObject)) : rawBody;
		try {
			const response = await bigCommerceRequest.call(this, { method, path, body });
			return [[{ json: { failed: false, statusCode: response.statusCode } }]];
		} catch (error) {
			const { httpCode, message } = error as { httpCode?: string | null; message: string };
			return [[{ json: { failed: true, outcomeUnknown: outcomeUnknown(error), httpCode: httpCode ?? null, message } }]];
		}
	}
}

registerNodeType(OUTCOME_PROBE, new OutcomeProbe());

const newProduct = { name: 'Outcome Lamp', type: 'physical', weight: 1, price: 10 };

const store = useStore();

async function probe(
	request: { method: IHttpRequestMethods; path: string; body?: IDataObject },
	credentials: Partial<TestCredentials> = {},
): Promise<IDataObject> {
	const result = await runNode(
		{ method: request.method, path: request.path, body: request.body ? JSON.stringify(request.body) : '' },
		{ credentials: credentialsFor(store.emulator, credentials), type: OUTCOME_PROBE },
	);
	expect(result.error).toBeUndefined();
	return jsonOf(result)[0];
}

describe('transport: outcomeUnknown marks exactly the failures that may have been applied', () => {
	it.each(['reset-after-commit', 'reset', '500', '503', 'malformed-json'] as const)(
		'a POST that meets %s is sent once and its failure is marked ambiguous',
		async (kind) => {
			store.emulator.setFaults([{ kind, method: 'POST', path: '/v3/catalog/products', count: 1 }]);

			const answer = await probe({ method: 'POST', path: '/v3/catalog/products', body: { ...newProduct, sku: `OUT-${kind}` } });

			expect(answer).toMatchObject({ failed: true, outcomeUnknown: true });
			expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
		},
	);

	it('a POST that BigCommerce refuses (422) is not ambiguous: nothing was saved', async () => {
		store.emulator.expectInvalidRequests('POST', '/v3/catalog/products');
		const answer = await probe({ method: 'POST', path: '/v3/catalog/products', body: { name: 'No Type' } });

		expect(answer).toMatchObject({ failed: true, outcomeUnknown: false, httpCode: '422' });
	});

	it('a PUT that keeps meeting 503 is not ambiguous: transport repeated it, as repeating it is harmless', async () => {
		const id = [...store.emulator.state.products.keys()][0];
		store.emulator.setFaults([{ kind: '503', method: 'PUT', path: `/v3/catalog/products/${id}` }]);

		const answer = await probe({ method: 'PUT', path: `/v3/catalog/products/${id}`, body: { price: 1 } });

		expect(answer).toMatchObject({ failed: true, outcomeUnknown: false, httpCode: '503' });
		expect(store.emulator.countRequests({ method: 'PUT' })).toBe(5);
	});

	it('a POST whose connection never opened is not ambiguous: the request was never sent', async () => {
		const answer = await probe(
			{ method: 'POST', path: '/v3/catalog/products', body: { ...newProduct, sku: 'OUT-REFUSED' } },
			{ apiUrl: 'http://127.0.0.1:9' },
		);

		expect(answer).toMatchObject({ failed: true, outcomeUnknown: false });
		expect(String(answer.message)).toMatch(/nothing answered at the API URL/);
	});

	it('a success is not a failure at all', async () => {
		const answer = await probe({ method: 'GET', path: '/v2/store' });

		expect(answer).toEqual({ failed: false, statusCode: 200 });
	});
});
