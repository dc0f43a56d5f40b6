import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
/** Request headers as n8n hands them over (lower-case names). */
type DeliveryHeaders = Record<string, string | string[] | undefined>;

/**
 * The header every hook we register carries: BigCommerce sends the hook's `headers` with each
 * delivery, so a delivery without our per-workflow secret did not come from our hooks.
 */
export const VERIFICATION_HEADER = 'x-n8n-bigcommerce-secret';

/** Standard Webhooks allows this much clock difference before a delivery counts as replayed. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export function generateWebhookSecret(): string {
	return randomBytes(32).toString('hex');
}

function headerValue(headers: DeliveryHeaders, name: string): string | undefined {
	const value = headers[name];
	if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/**
 * Compares the secret header with the expected secret in constant time. Both sides are hashed
 * first, so the buffers timingSafeEqual compares always have the same length and the length of
 * the secret leaks nothing either.
 */
export function verifyWebhookSecret(headers: DeliveryHeaders, expected: unknown): boolean {
	if (typeof expected !== 'string' || expected === '') return false;
	const received = headerValue(headers, VERIFICATION_HEADER);
	if (received === undefined) return false;
	const a = createHash('sha256').update(received, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

interface StandardWebhookHeaders {
	id: string;
	timestamp: string;
	signature: string;
}

/** The Standard Webhooks headers, when the delivery carries any of them. */
export function readStandardWebhookHeaders(
	headers: DeliveryHeaders,
): Partial<StandardWebhookHeaders> | undefined {
	const id = headerValue(headers, 'webhook-id');
	const timestamp = headerValue(headers, 'webhook-timestamp');
	const signature = headerValue(headers, 'webhook-signature');
	if (id === undefined && timestamp === undefined && signature === undefined) return undefined;
	return { id, timestamp, signature };
}

type SignatureVerdict = 'valid' | 'invalid' | 'stale';

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Standard Webhooks message ids are short printable tokens (e.g. msg_2KWPBgLlAfxdpx2AI54pPJ85f4W). */
const MESSAGE_ID_PATTERN = /^[\x21-\x7e]{1,256}$/;

/**
 * Verifies a Standard Webhooks signature (https://www.standardwebhooks.com): the header holds
 * one or more space-separated `v1,<base64 HMAC-SHA256>` entries over `${id}.${timestamp}.${body}`.
 * BigCommerce keys the HMAC with the app's client secret as UTF-8 bytes (its docs base64-encode the
 * secret for the standardwebhooks library, which decodes it again).
 */
export function verifyStandardWebhookSignature(options: {
	clientSecret: string;
	headers: Partial<StandardWebhookHeaders>;
	rawBody: Buffer;
	nowSeconds: number;
}): SignatureVerdict {
	const { id, timestamp, signature } = options.headers;
	if (!id || !timestamp || !signature || !/^\d+$/.test(timestamp) || !MESSAGE_ID_PATTERN.test(id)) return 'invalid';
	const sent = Number(timestamp);
	if (Math.abs(options.nowSeconds - sent) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';

	const expected = createHmac('sha256', Buffer.from(options.clientSecret, 'utf8'))
		.update(`${id}.${timestamp}.`, 'utf8')
		.update(options.rawBody)
		.digest();
	let matched = false;
	for (const entry of signature.split(' ')) {
		if (entry === '') continue;
		const comma = entry.indexOf(',');
		const version = comma < 0 ? entry : entry.slice(0, comma);
		if (version !== 'v1') continue;
		const encoded = entry.slice(comma + 1);
		// Node's base64 decoder skips characters it does not know: a malformed entry is refused
		// outright rather than compared after a lenient decoding.
		if (comma < 0 || encoded === '' || !BASE64_PATTERN.test(encoded)) return 'invalid';
		const candidate = Buffer.from(encoded, 'base64');
		// timingSafeEqual needs equal lengths; a different length cannot match anyway.
		if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
	}
	return matched ? 'valid' : 'invalid';
}
