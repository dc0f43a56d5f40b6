/** Tests run the nodes through n8n-core's WorkflowExecute against the local store emulator. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFiles: ['<rootDir>/test/jest.setup.cjs'],
	// Fails any test file in which the access token or client secret shows up in an output
	// item, error, webhook answer, console call or log line.
	setupFilesAfterEnv: ['<rootDir>/test/security/scanAllSuites.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	testTimeout: 60000,
	maxWorkers: 2,
};
