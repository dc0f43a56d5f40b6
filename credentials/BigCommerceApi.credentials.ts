import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

// The credential test checks the API URL as the nodes' transport does: a plain https host (or
// http on this machine only, for the local emulator), optional port and path, no user name,
// query, fragment or dot segments, so the token goes nowhere else and never unencrypted over a
// network. A URL without a scheme is read as https, as the nodes read it. A refused URL is sent
// to a host name that cannot exist and says what is wrong.
const normalizedApiUrl =
	'("" + ($credentials.apiUrl || "https://api.bigcommerce.com")).trim().replace(/\\/+$/, "").replace(/^(?![A-Za-z][A-Za-z0-9+.-]*:\\/\\/)(?=[A-Za-z0-9])/, "https://")';
const portAndPath = '(:[0-9]+)?(\\/[A-Za-z0-9._~-]+)*$';
const httpsUrl = `/^https:\\/\\/[A-Za-z0-9.-]+${portAndPath}/.test(${normalizedApiUrl})`;
const loopbackHttpUrl = `/^http:\\/\\/(localhost|127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|\\[::1\\])${portAndPath}/.test(${normalizedApiUrl})`;
const testApiUrl = `(${httpsUrl} || ${loopbackHttpUrl}) && !${normalizedApiUrl}.includes("..") ? ${normalizedApiUrl} : /^http:/.test(${normalizedApiUrl}) ? "https://api-url-must-use-https-except-on-localhost.invalid" : "https://api-url-is-not-valid.invalid"`;
// It reduces a pasted API path to the store hash and refuses anything that is not [a-z0-9]+,
// so no path can reach the URL.
const normalizedHash = '("" + $credentials.storeHash).trim().toLowerCase().split("/stores/").pop().replace(/\\/(v2|v3)?\\/*$/, "")';
const testStoreHash = `{{ /^[a-z0-9]+$/.test(${normalizedHash}) ? ${normalizedHash} : "invalid-store-hash" }}`;

export class BigCommerceApi implements ICredentialType {
	name = 'bigCommerceApi';

	displayName = 'BigCommerce API';

	icon: Icon = { light: 'file:../icons/bigcommerce.svg', dark: 'file:../icons/bigcommerce.dark.svg' };

	documentationUrl =
		'https://developer.bigcommerce.com/docs/start/authentication/api-accounts';

	properties: INodeProperties[] = [
		{
			displayName: 'Store Hash',
			name: 'storeHash',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. abc123',
			description:
				'The store hash from your API account\'s API path. You may paste the whole API path (https://api.bigcommerce.com/stores/abc123/v3/).',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The access token of a store-level API account (Settings > Store-level API accounts)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The API account\'s client secret, used to check the signature of signed webhook deliveries.',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.bigcommerce.com',
			description:
				'Change only to reach BigCommerce through a proxy or a local store emulator. An address without https:// is read as https (http:// only for localhost, 127.0.0.1 or ::1).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Auth-Token': '={{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${testApiUrl} }}/stores/${testStoreHash}`,
			url: '/v2/store',
			method: 'GET',
			headers: { Accept: 'application/json' },
			// BigCommerce's API never redirects, and n8n would carry X-Auth-Token to wherever a
			// redirect points.
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The access token was refused. Copy it again from the store-level API account.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token works but lacks the "Information & settings" read scope that this test uses. Give the API account that scope (and the scopes of the resources you will use).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No store found at this Store Hash. Copy the Store Hash from the API account\'s API path, e.g. abc123 in https://api.bigcommerce.com/stores/abc123/v3/.',
				},
			},
		],
	};
}
