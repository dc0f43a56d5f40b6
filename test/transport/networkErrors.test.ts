// A mistyped or unreachable API URL must read as what is wrong and which credential field to
// fix, whatever the network answers: a closed port, a host name that does not exist, a server
// whose certificate is not trusted, or an address typed without https://.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';

import { normalizeApiUrl } from '../../nodes/BigCommerce/transport';
import { credentialTestUrl } from '../helpers/credentialTest';
import { PROBE_TYPE, runNode, type NodeRunResult } from '../helpers/workflow';
import { localServer } from '../security/localServers';

async function getStore(apiUrl: string, method = 'GET'): Promise<NodeRunResult> {
	return await runNode(
		{ mode: 'request', method, path: '/v2/store', qs: '{}', body: method === 'POST' ? '{}' : '' },
		{ credentials: { storeHash: 'abc123', accessToken: 'tok_network_errors_4f1a', apiUrl }, type: PROBE_TYPE },
	);
}

describe('a network failure says what is wrong and which credential field to fix', () => {
	it('nothing listening at the API URL', async () => {
		const closed = await localServer();
		await closed.close();

		const result = await getStore(`http://127.0.0.1:${closed.port}`);

		expect(result.error?.message).toBe('Could not reach BigCommerce: nothing answered at the API URL');
		expect(result.error?.description).toMatch(
			new RegExp(`^Nothing is listening at 127\\.0\\.0\\.1:${closed.port}\\. Check the API URL in the BigCommerce API credential`),
		);
	}, 30_000);

	it('an API URL whose host name does not exist', async () => {
		const result = await getStore('https://no-such-store.invalid');

		expect(result.error?.message).toBe("Could not reach BigCommerce: the API URL's host name does not exist");
		expect(result.error?.description).toMatch(
			/^No server is named no-such-store\.invalid\. Look for a typo in the API URL of the BigCommerce API credential/,
		);
	}, 30_000);
});

// openssl makes the certificate at test time; without it the TLS cases are skipped.
const hasOpenssl = (() => {
	try {
		execFileSync('openssl', ['version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

(hasOpenssl ? describe : describe.skip)('an API URL whose server certificate is not trusted', () => {
	let server: https.Server;
	let port = 0;
	let connections = 0;

	beforeAll(async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-tls-'));
		const key = path.join(dir, 'key.pem');
		const cert = path.join(dir, 'cert.pem');
		execFileSync(
			'openssl',
			['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
			{ stdio: 'ignore' },
		);
		server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{}');
		});
		server.on('connection', () => connections++);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as AddressInfo).port;
		fs.rmSync(dir, { recursive: true, force: true });
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	beforeEach(() => {
		connections = 0;
	});

	it('a self-signed certificate is named, with the field to check, and not tried again', async () => {
		const result = await getStore(`https://127.0.0.1:${port}`);

		expect(result.error?.message).toBe(
			"Could not reach BigCommerce: the API URL's server certificate is self-signed, so it is not trusted",
		);
		expect(result.error?.description).toMatch(
			new RegExp(`^BigCommerce's own certificate is always valid, so 127\\.0\\.0\\.1:${port} is not BigCommerce\\. Check the API URL in the BigCommerce API credential`),
		);
		expect(result.error?.description).toMatch(/Tried 1 time\./);
		expect(connections).toBe(1);
	});

	it('an API URL typed without a scheme is read as https', async () => {
		const result = await getStore(`127.0.0.1:${port}`);

		// The certificate check proves the request went out over https.
		expect(result.error?.message).toMatch(/server certificate is self-signed/);
	});
});

describe('an API URL without a scheme', () => {
	it.each([
		['api.bigcommerce.com', 'https://api.bigcommerce.com'],
		['api.bigcommerce.com/', 'https://api.bigcommerce.com'],
		['proxy.example.com/bigcommerce', 'https://proxy.example.com/bigcommerce'],
	])('the nodes read %j as %j', (input, expected) => {
		expect(normalizeApiUrl(input)).toBe(expected);
	});

	it('the credential Test sends it over https as well', () => {
		expect(credentialTestUrl({ storeHash: 'abc123', accessToken: 'x', apiUrl: 'api.bigcommerce.com' })).toBe(
			'https://api.bigcommerce.com/stores/abc123/v2/store',
		);
	});
});
