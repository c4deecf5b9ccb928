#!/usr/bin/env node
// Bundles the real editor libraries (node_modules, pinned by package-lock.json) for the
// browser tests: dist/NAME.js defines window.MarginTestEditors.NAME(element) -> Promise,
// served by the test servers at /_editors/NAME.js. TinyMCE and CKEditor 4 load their
// themes, skins and plugins from beside their own script, so their package folders are
// copied to dist/tinymce/ and dist/ckeditor4/. Skips the work when dist is newer than the
// sources and the lockfile.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const stamp = join(dist, '.built');

// NAME -> source. One source may define several NAMEs (the four CKEditor 5 types).
export const EDITORS = {
  tinymce: 'tinymce.js',
  'tinymce-inline': 'tinymce-inline.js',
  ckeditor4: 'ckeditor4.js',
  'ckeditor5-classic': 'ckeditor5.js',
  'ckeditor5-inline': 'ckeditor5.js',
  'ckeditor5-balloon': 'ckeditor5.js',
  'ckeditor5-decoupled': 'ckeditor5.js',
  quill: 'quill.js',
  prosemirror: 'prosemirror.js',
  tiptap: 'tiptap.js',
  lexical: 'lexical.js',
  slate: 'slate.jsx',
  draftjs: 'draftjs.jsx',
  trix: 'trix.js',
  summernote: 'summernote.js',
  'react-textarea': 'frameworks.jsx',
  'react-contenteditable': 'frameworks.jsx',
  'vue-textarea': 'frameworks.jsx',
  'angular-textarea': 'angular.js',
};

const newest = (folder) => Math.max(...readdirSync(folder).map((name) => statSync(join(folder, name)).mtimeMs));

function upToDate() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return built > newest(join(here, 'src')) && built > statSync(join(here, 'package-lock.json')).mtimeMs
    && built > statSync(fileURLToPath(import.meta.url)).mtimeMs;
}

if (!upToDate()) {
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: Object.entries(EDITORS).map(([name, source]) => ({ in: join(here, 'src', source), out: name })),
    outdir: dist,
    bundle: true,
    format: 'iife',
    minify: true,
    jsx: 'automatic',
    loader: { '.css': 'text' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' }, // draft-js reads Node's global
    logLevel: 'warning',
  });
  for (const library of ['tinymce', 'ckeditor4']) {
    cpSync(join(here, 'node_modules', library), join(dist, library), { recursive: true });
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
console.log(dist);
