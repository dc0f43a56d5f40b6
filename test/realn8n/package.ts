/**
 * Builds and packs this package from a temporary copy of the repository (the shared dist/
 * stays untouched), and installs the tarball into an n8n user folder's nodes folder the way
 * n8n's community-package installer does.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { npmEnv } from './runtimes';

export const PACKAGE_NAME = 'n8n-nodes-bigcommerce';
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

function cleanEnv(): NodeJS.ProcessEnv {
	return npmEnv({});
}

function runOrThrow(command: string, args: string[], cwd: string, what: string, env: NodeJS.ProcessEnv = cleanEnv()): string {
	const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) {
		throw new Error(`${what} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`.trim());
	}
	return result.stdout;
}

/** The repository's files as a clone would have them, plus new files not yet committed. */
function sourceFiles(): string[] {
	try {
		const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		return out.split('\0').filter((file) => file && fs.existsSync(path.join(REPO_ROOT, file)));
	} catch {
		// not a git checkout: take the folders the build reads
		const files: string[] = [];
		const walk = (rel: string) => {
			for (const entry of fs.readdirSync(path.join(REPO_ROOT, rel), { withFileTypes: true })) {
				const child = path.join(rel, entry.name);
				if (entry.isDirectory()) walk(child);
				else files.push(child);
			}
		};
		for (const dir of ['credentials', 'nodes', 'icons']) walk(dir);
		for (const file of ['package.json', 'tsconfig.json', 'gulpfile.js', 'README.md', 'LICENSE', 'LICENSE.md']) {
			if (fs.existsSync(path.join(REPO_ROOT, file))) files.push(file);
		}
		return files;
	}
}

const BUILD_INPUTS = /^(credentials|nodes|icons)\/|^(package\.json|tsconfig\.json|gulpfile\.js|README\.md|LICENSE(\.md)?|\.npmignore)$/;

export interface PackedPackage {
	tarball: string;
	version: string;
	/** Files in the tarball (npm pack's list). */
	files: string[];
}

/**
 * The packed package for the current sources: built once per distinct content of the build
 * inputs and kept in the cache, so a second demo or test run skips the build.
 */
export function packPackage(cacheDir: string, onWarning?: (message: string) => void): PackedPackage & { cached: boolean } {
	const inputs = sourceFiles().filter((file) => BUILD_INPUTS.test(file)).sort();
	const hash = createHash('sha256');
	for (const file of inputs) {
		hash.update(`${file}\0`);
		hash.update(fs.readFileSync(path.join(REPO_ROOT, file)));
	}
	const dir = path.join(cacheDir, 'packs', hash.digest('hex').slice(0, 16));
	const infoFile = path.join(dir, 'pack.json');
	if (fs.existsSync(infoFile)) {
		const info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as PackedPackage;
		if (fs.existsSync(info.tarball)) return { ...info, cached: true };
	}
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	let typeErrors = false;
	const packed = buildAndPack(inputs, fs.mkdtempSync(`${dir}.tmp-`), (message) => {
		typeErrors = true;
		onWarning?.(message);
	});
	if (typeErrors) return { ...packed, cached: false };
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(path.dirname(packed.tarball), dir);
	const info = { ...packed, tarball: path.join(dir, path.basename(packed.tarball)) };
	fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));
	// keep the few newest packs only
	const packs = fs
		.readdirSync(path.dirname(dir))
		.map((name) => path.join(path.dirname(dir), name))
		.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
	for (const old of packs.slice(5)) fs.rmSync(old, { recursive: true, force: true });
	return { ...info, cached: false };
}

/** `tsc` + `gulp build:icons` + `npm pack` in a temporary copy; returns the tarball in `outDir`. */
function buildAndPack(inputs: string[], outDir: string, onWarning?: (message: string) => void): PackedPackage {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-bigcommerce-pack-'));
	try {
		for (const file of inputs) {
			fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
			fs.copyFileSync(path.join(REPO_ROOT, file), path.join(work, file));
		}
		fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
		const node = process.execPath;
		try {
			runOrThrow(node, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], work, 'TypeScript build');
		} catch (error) {
			// For work in progress only: tsc still emits, and the run goes on with what it emitted.
			if (process.env.REALN8N_ALLOW_TYPE_ERRORS !== '1') throw error;
			onWarning?.(`Type errors ignored (REALN8N_ALLOW_TYPE_ERRORS=1):\n${(error as Error).message.split('\n').slice(0, 8).join('\n')}`);
		}
		runOrThrow(node, [path.join(REPO_ROOT, 'node_modules', 'gulp', 'bin', 'gulp.js'), 'build:icons'], work, 'Icon copy (gulp build:icons)');
		fs.mkdirSync(outDir, { recursive: true });
		const out = runOrThrow(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', outDir],
			work,
			'npm pack',
		);
		const [info] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; version: string; files: Array<{ path: string }> }>;
		return { tarball: path.join(outDir, info.filename), version: info.version, files: info.files.map((f) => f.path) };
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

/**
 * Installs the tarball as n8n's community-package installer (2.41, `downloadPackage`) does:
 * unpacked into `<userFolder>/.n8n/nodes/node_modules/<name>`, its package.json stripped of
 * dev, peer and optional dependencies (so `require('n8n-workflow')` finds n8n's own copy), an
 * `npm install` of what remains in that folder, and the nodes folder's package.json listing it.
 */
export function installIntoNodesFolder(tarball: string, userFolder: string): string {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	runOrThrow('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], nodesDir, 'Unpacking the package');
	const manifestFile = path.join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestFile, 'utf8'),
	) as Record<string, unknown> & { version: string };
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
	runOrThrow(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		target,
		'Installing the package (npm install in its folder)',
	);
	const nodesManifest = path.join(nodesDir, 'package.json');
	const nodesPackage = fs.existsSync(nodesManifest)
		? (JSON.parse(fs.readFileSync(nodesManifest, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} as Record<string, string> };
	nodesPackage.dependencies = { ...(nodesPackage.dependencies ?? {}), [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(nodesManifest, JSON.stringify(nodesPackage, null, 2));
	return target;
}
