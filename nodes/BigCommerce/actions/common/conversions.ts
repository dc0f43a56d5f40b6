/** v2 sends money as strings ("54.0000"); simplified output gives numbers. */
export function moneyToNumber(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
}

const UTC_SECONDS = /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)(?:Z|\+00:00)$/;

/** RFC-2822 (v2) or ISO-8601 (v3) in, ISO-8601 out; empty or unreadable gives null. */
export function toIsoDate(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	// v3 already writes UTC ISO-8601: only the milliseconds are missing. Days past the 28th go
	// through Date, as before, which rolls an impossible day such as 30 February over.
	const utc = typeof value === 'string' ? UTC_SECONDS.exec(value) : null;
	// Joined rather than concatenated: a flat string, no bigger than the one Date gives.
	if (utc) return [utc[1], '.000Z'].join('');
	const date = new Date(String(value));
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** v2 order filters take RFC-2822 or ISO-8601: send ISO-8601 seconds, unambiguous in UTC. */
export function toV2Date(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** v3 filters take ISO-8601; a bare date would get the current time appended, so send a full one. */
export function toV3Date(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
