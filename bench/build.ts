// Transpiles the sources the child processes run (the bench, the nodes, the credential, the
// test harness and the emulator) once per run, into bench/results/tmp/build, so that each of
// the many fresh workers starts on plain JavaScript instead of loading the TypeScript compiler
// again (about 3 s of CPU per worker).

import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const SOURCES = ['bench', 'nodes', 'credentials', 'test/helpers', 'test/emulator'];
const BUILD_DIR = path.join(ROOT, 'bench', 'results', 'tmp', 'build');

function sourceFiles(dir: string): string[] {
	const files: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'results' && entry.name !== 'node_modules') files.push(...sourceFiles(full));
		} else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
			files.push(full);
		}
	}
	return files;
}

function compilerOptions(): ts.CompilerOptions {
	const file = path.join(ROOT, 'tsconfig.json');
	const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
	if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
	const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT);
	return { ...options, sourceMap: false, declaration: false, noEmit: false };
}

/** Returns the path of the transpiled script for a source path relative to the project. */
export function built(relative: string): string {
	return path.join(BUILD_DIR, relative.replace(/\.ts$/, '.js'));
}

export function buildForChildren(): void {
	fs.rmSync(BUILD_DIR, { recursive: true, force: true });
	const options = compilerOptions();
	for (const source of SOURCES.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
		const relative = path.relative(ROOT, source);
		const { outputText } = ts.transpileModule(fs.readFileSync(source, 'utf8'), { compilerOptions: options, fileName: source });
		const target = built(relative);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.writeFileSync(target, outputText);
	}
	// transport reads its version from the package.json three levels up.
	fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(BUILD_DIR, 'package.json'));
}
