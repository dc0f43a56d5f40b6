const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** How far the time zone's wall clock is ahead of UTC at this instant. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(instant));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wall - Math.floor(instant / 1000) * 1000;
}

const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Whether the date and time written at the start of an ISO-8601 text exist on the calendar:
 * Date would roll 2026-02-30 over to March instead of refusing it.
 */
export function isCalendarDate(text: string): boolean {
	const match = CALENDAR.exec(text);
	if (!match) return true;
	const [, year, month, day, hour = '0', minute = '0', second = '0'] = match.map((part) => part ?? '0');
	const daysInMonth = new Date(Date.UTC(+year, +month, 0)).getUTCDate();
	return (
		+month >= 1 && +month <= 12 && +day >= 1 && +day <= daysInMonth && +hour <= 23 && +minute <= 59 && +second <= 59
	);
}

/**
 * n8n's date picker gives wall time without an offset (2026-01-31T09:00:00), meant in the
 * workflow's time zone; JavaScript's Date would read it in the server's zone instead.
 * Returns undefined for text that carries its own offset, or an unknown zone name.
 */
export function wallTimeIn(text: string, timeZone: string): Date | undefined {
	const match = ZONELESS.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', ms = '0'] = match;
	const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, +ms.padEnd(3, '0'));
	try {
		const first = wall - zoneOffsetMs(wall, timeZone);
		// Second pass: the offset at the real instant differs from the guess around DST changes.
		return new Date(wall - zoneOffsetMs(first, timeZone));
	} catch {
		return undefined; // unknown time zone name: fall back to reading it as given
	}
}
