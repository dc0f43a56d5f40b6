// n8n-core resolves services lazily through decorators and writes its instance settings
// into N8N_USER_FOLDER: point that at a throw-away folder for every test worker.
require('reflect-metadata');
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER || !process.env.N8N_USER_FOLDER.includes('n8n-bc-test-')) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bc-test-'));
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
}
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_RUNNERS_ENABLED = 'false';
