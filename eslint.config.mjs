// The rule set of n8n's community-package verification scanner (@n8n/scan-community-package):
// the community-nodes recommended rules, no-console, and eslint-plugin-n8n-nodes-base's
// community, credentials and nodes rules, with the scanner's own overrides. The scanner
// ignores inline eslint-disable comments, so this config refuses them too.
import tseslint from 'typescript-eslint';
import { configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const scannerOff = {
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
	'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
	'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
};

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/**', 'bench/**', 'examples/**', '.ci/**', '*.js', '*.cjs', '*.mjs'] },
	{ linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
	{
		files: ['package.json', '{nodes,credentials}/**/*.{ts,json}'],
		languageOptions: { parser: tseslint.parser },
		...communityConfigs.recommended,
		rules: { ...communityConfigs.recommended.rules, 'no-console': 'error' },
	},
	...tseslint.configs.recommended.map((c) => ({ ...c, files: ['{nodes,credentials}/**/*.ts'] })),
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules, ...scannerOff },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.credentials.rules, ...scannerOff },
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.nodes.rules, ...scannerOff },
	},
];
