// Small HTTP servers on the loopback address that stand for hosts the pack must never reach with
// the token: they record every request (URL and headers) and answer as told.

import * as http from 'http';
import type { AddressInfo } from 'net';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
}

export interface LocalServer {
	/** e.g. http://127.0.0.1:43210 */
	url: string;
	port: number;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

export async function localServer(
	answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{}');
	},
): Promise<LocalServer> {
	const requests: RecordedRequest[] = [];
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
		req.resume();
		req.on('end', () => answer(req, res));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A store address that sends every request elsewhere with a redirect. */
export async function redirectingServer(location: (url: string) => string, status = 302): Promise<LocalServer> {
	return await localServer((req, res) => {
		res.writeHead(status, { Location: location(req.url ?? '/') });
		res.end();
	});
}
