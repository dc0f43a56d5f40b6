// The leak check itself: a secret that reaches any scanned output fails the file, and the check
// is in place for every file without the file asking for it.

import { expectNoLeaksIn, leakCheckScheduled, OutputCapture } from './outputCapture';

const SECRET = 'tok_leak_check_7d3e91a0c5';

function captureWith(...seen: unknown[]): OutputCapture {
	// A capture of its own, never installed: this file's real one must stay clean.
	const capture = new OutputCapture();
	capture.registerSecret(SECRET, 'access token');
	for (const value of seen) capture.scan('workflow output', value);
	return capture;
}

describe('the leak check after each test file', () => {
	it('is scheduled for this file by the jest set-up alone', () => {
		expect(leakCheckScheduled()).toBe(true);
	});

	it('fails when a token shows up in an output item, naming where but not the value', () => {
		const capture = captureWith({ items: [{ json: { note: 'fine' } }, { json: { error: `refused ${SECRET}` } }] });

		expect(() => expectNoLeaksIn(capture)).toThrow(/items\[1\]\.json\.error/);
		expect(() => expectNoLeaksIn(capture)).not.toThrow(new RegExp(SECRET));
	});

	it('fails on the token URL-encoded or in base64', () => {
		expect(() => expectNoLeaksIn(captureWith(`?token=${encodeURIComponent(SECRET)}`))).toThrow();
		expect(() => expectNoLeaksIn(captureWith(Buffer.from(SECRET).toString('base64')))).toThrow();
	});

	it('passes output without a secret', () => {
		expect(() => expectNoLeaksIn(captureWith({ items: [{ json: { id: 1, name: 'Lamp' } }] }, 'tok_leak_check'))).not.toThrow();
	});
});
