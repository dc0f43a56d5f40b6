const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// n8n serves node and credential icons from the package's dist/ folder.
function copyIcons() {
	return src('icons/**/*.svg').pipe(dest(path.resolve('dist', 'icons')));
}

function copyCodex() {
	return src('nodes/**/*.json').pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', parallel(copyIcons, copyCodex));
