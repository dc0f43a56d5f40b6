// What the demo shows without n8n running: the install progress line while npm works, and
// n8n's log left where the banner said once the demo stops.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { installProgress } from './runtimes';
import { removeAllButLog } from './stack';

describe('install progress line', () => {
	it('says npm is resolving until the first package is downloaded, then counts the downloads', () => {
		expect(installProgress('')).toBe('resolving packages...');
		const resolving = [
			'npm http fetch GET 200 https://registry.npmjs.org/n8n 812ms (cache revalidated)',
			'npm http fetch GET 200 https://registry.npmjs.org/n8n-core 90ms (cache hit)',
		].join('\n');
		expect(installProgress(resolving)).toBe('resolving packages (2 looked up)...');
		const downloading = `${resolving}\nnpm http fetch GET 200 https://registry.npmjs.org/n8n/-/n8n-2.41.1.tgz 3012ms\nnpm http fetch GET 200 https://registry.npmjs.org/luxon/-/luxon-3.7.2.tgz 40ms`;
		expect(installProgress(downloading)).toBe('2 packages downloaded');
		expect(installProgress(downloading)).not.toMatch(/^0 /);
	});
});

describe('stopping the demo', () => {
	it("removes n8n's user folder but its log, which stays at the path the banner printed", () => {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-output-test-'));
		try {
			const logFile = path.join(userFolder, 'n8n.log');
			fs.writeFileSync(logFile, 'n8n ready on 127.0.0.1, port 5678\n');
			fs.writeFileSync(path.join(userFolder, 'database.sqlite'), 'db');
			fs.mkdirSync(path.join(userFolder, 'nodes', 'node_modules'), { recursive: true });
			fs.mkdirSync(path.join(userFolder, 'n8n-files'));

			removeAllButLog(userFolder);

			expect(fs.readdirSync(userFolder)).toEqual(['n8n.log']);
			expect(fs.readFileSync(logFile, 'utf8')).toBe('n8n ready on 127.0.0.1, port 5678\n');
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	});

	it('removes a user folder without a log entirely', () => {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-output-test-'));
		fs.writeFileSync(path.join(userFolder, 'database.sqlite'), 'db');
		removeAllButLog(userFolder);
		expect(fs.existsSync(userFolder)).toBe(false);
	});
});
