// Failures below HTTP (no answer, or no answer that could be read), in words that say what is
// wrong and which credential field to check.

interface NetworkReason {
	reason: string;
	/** Whether the request may have reached the server. */
	sent: boolean;
	/** What to check, naming the credential field. */
	hint?: string;
	/** A certificate does not fix itself between tries. */
	final?: boolean;
}

const CHECK_API_URL = 'Check the API URL in the BigCommerce API credential: https://api.bigcommerce.com unless you use a proxy.';

const CERTIFICATE_REASONS: Record<string, string> = {
	CERT_HAS_EXPIRED: 'the API URL\'s server certificate has expired',
	CERT_NOT_YET_VALID: 'the API URL\'s server certificate is not valid yet',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'the API URL\'s server certificate is self-signed, so it is not trusted',
	SELF_SIGNED_CERT_IN_CHAIN: 'the API URL\'s server certificate comes from an untrusted (self-signed) authority',
	ERR_TLS_CERT_ALTNAME_INVALID: 'the API URL\'s server certificate is for another host name',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the API URL\'s server certificate could not be verified',
	UNABLE_TO_GET_ISSUER_CERT: 'the API URL\'s server certificate could not be verified',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the API URL\'s server certificate comes from an authority this machine does not trust',
	CERT_REVOKED: 'the API URL\'s server certificate has been revoked',
};

export function networkReason(error: unknown, timeoutMs: number, host: string): NetworkReason {
	const err = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
	const code = err?.cause?.code ?? err?.code;
	const raw = `${err?.cause?.message ?? ''} ${err?.message ?? ''}`;
	if ((code && CERTIFICATE_REASONS[code]) || /^(CERT_|ERR_TLS_|ERR_SSL_)/.test(code ?? '')) {
		return {
			reason: CERTIFICATE_REASONS[code as string] ?? `the secure connection to the API URL failed (${code})`,
			sent: false,
			final: true,
			hint: `BigCommerce's own certificate is always valid, so ${host} is not BigCommerce. ${CHECK_API_URL} A proxy needs a certificate this machine trusts.`,
		};
	}
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(raw)) {
		return { reason: timedOut(timeoutMs), sent: true, hint: `${host} did not answer in time. Check the network, then the API URL in the BigCommerce API credential (https://api.bigcommerce.com unless you use a proxy).` };
	}
	if (code === 'ECONNREFUSED') {
		return { reason: 'nothing answered at the API URL', sent: false, hint: `Nothing is listening at ${host}. ${CHECK_API_URL}` };
	}
	if (code === 'ENOTFOUND') {
		return { reason: 'the API URL\'s host name does not exist', sent: false, hint: `No server is named ${host}. Look for a typo in the API URL of the BigCommerce API credential: https://api.bigcommerce.com unless you use a proxy.` };
	}
	if (code === 'EAI_AGAIN') {
		return { reason: 'the API URL\'s host name could not be looked up', sent: false, hint: `Looking up ${host} failed, usually a DNS or network problem on the n8n machine. Check the network, then the API URL in the BigCommerce API credential.` };
	}
	if (code === 'ECONNRESET' || /socket hang up|ECONNRESET/i.test(raw)) {
		return { reason: 'the connection was reset', sent: true, hint: `${host} closed the connection. A proxy or firewall may be in the way. ${CHECK_API_URL}` };
	}
	return { reason: code ? `network failure (${code})` : 'network failure', sent: true };
}

export function timedOut(ms: number): string {
	return `the request timed out (no complete answer within ${Number((ms / 1000).toFixed(1))} second${ms === 1000 ? '' : 's'})`;
}

export function isAbort(error: unknown): boolean {
	const err = error as { name?: string; code?: string; cause?: { name?: string; code?: string } };
	return [err?.name, err?.code, err?.cause?.name, err?.cause?.code].some(
		(v) => v === 'AbortError' || v === 'CanceledError' || v === 'ERR_CANCELED',
	);
}
