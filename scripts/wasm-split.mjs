// Trunk post_build hook: splits the app's wasm into the main file and one file
// per lazily loaded page (src/ui/lazy.rs), as cargo-leptos's `--split` does:
//   wasm-split-cli → wasm-bindgen --keep-lld-exports → wasm-opt on every file.
// Trunk has already run wasm-bindgen on the unsplit wasm (its wasm-opt is off,
// data-wasm-opt="0" in index.html); this replaces that output in the staging
// directory. The chunks get names with their content's hash, and so does the
// loader that names them (__wasm_split-<hash>.js), so the files of two builds
// are never mixed, whatever a cache keeps.
//
// Run by trunk with TRUNK_STAGING_DIR and TRUNK_PROFILE; needs wasm-split-cli,
// wasm-bindgen and wasm-opt on PATH (scripts/setup.sh installs them,
// scripts/env.sh puts them on PATH).
import { execFile, execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const NAME = 'rms-sim';
// The wasm features the browsers of the simulator's users all have (the same
// list trunk's own wasm-opt step was given).
const OPT_FLAGS = [
  '-Oz',
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-reference-types',
  '--enable-multivalue',
  '--enable-mutable-globals',
  // For profiling only (README, "Benchmark"): keep the functions' names, so a
  // CPU profile of the release build names them.
  ...(process.env.WASM_SPLIT_KEEP_NAMES === '1' ? ['-g'] : []),
];

const fail = (why) => {
  console.error(`wasm-split: ${why}`);
  process.exit(1);
};

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) fail('TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const targetDir = resolve(source, process.env.CARGO_TARGET_DIR ?? 'target');
const input = join(targetDir, 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);
if (!existsSync(input)) fail(`${input} is missing: trunk's cargo build did not produce it`);

const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    fail(
      e.code === 'ENOENT'
        ? `${cmd} is not installed or not on PATH: run ./scripts/setup.sh, then . scripts/env.sh`
        : `${cmd} ${args.join(' ')} failed (${e.status ?? e.message})`,
    );
  }
};

const work = mkdtempSync(join(tmpdir(), 'wasm-split-'));
try {
  const split = join(work, 'split');
  const bound = join(work, 'bound');
  run('wasm-split-cli', ['--target', 'web', '--out-name', NAME, input, split]);
  run('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--keep-lld-exports',
    '--out-dir', bound, '--out-name', NAME, join(split, `${NAME}.wasm`),
  ]);

  // Every wasm file optimized, as many at once as there are cores; the main
  // one under the name boot.js loads, the chunks under their hashed names.
  const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
  const jobs = [[join(bound, `${NAME}_bg.wasm`), join(stage, `${NAME}_bg.wasm`)]];
  for (const chunk of chunks) jobs.push([join(split, chunk), join(work, chunk)]);
  const execFileAsync = promisify(execFile);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [from, to] = jobs[next++];
      try {
        await execFileAsync('wasm-opt', [...OPT_FLAGS, from, '-o', to], { maxBuffer: 1 << 26 });
      } catch (e) {
        fail(e.code === 'ENOENT' ? 'wasm-opt is not on PATH: . scripts/env.sh' : `wasm-opt ${from} failed: ${e.stderr ?? e.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));

  const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
  for (const chunk of chunks) {
    const bytes = readFileSync(join(work, chunk));
    const named = chunk.replace(/\.wasm$/, `-${hash(bytes)}.wasm`);
    const reference = `"./${chunk}"`;
    if (!loader.includes(reference)) fail(`__wasm_split.js does not name ${chunk}`);
    loader = loader.split(reference).join(`"./${named}"`);
    writeFileSync(join(stage, named), bytes);
  }
  // Each group's files (its own and the chunks it shares with other groups),
  // for boot.js to fetch a deep link's group beside the main file.
  const chunkFile = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const groups = {};
  for (const m of loader.matchAll(
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((?:\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[^]*?|[^,]*?)\n?, \[([^\]]*)\]\)\)/g,
  )) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d) ?? fail(`no file for ${d}`));
    groups[m[1]] = [...(m[2] ? [m[2]] : []), ...deps];
  }
  if (!Object.keys(groups).length) fail('__wasm_split.js names no groups: has its format changed?');
  const bootFile = join(stage, 'boot.js');
  const boot = readFileSync(bootFile, 'utf8');
  if (!boot.includes("'__GROUP_FILES__'")) fail('boot.js has no __GROUP_FILES__ placeholder');
  writeFileSync(bootFile, boot.replace("'__GROUP_FILES__'", JSON.stringify(groups)));

  const loaderName = `__wasm_split-${hash(loader)}.js`;
  writeFileSync(join(stage, loaderName), loader);
  // The glue imports the loader: the page asks for it beside the glue, not
  // after it (one round trip less before the wasm can start).
  const pageFile = join(stage, 'index.html');
  const glueLink = `<link rel="modulepreload" href="/${NAME}.js" />`;
  const page = readFileSync(pageFile, 'utf8');
  if (!page.includes(glueLink)) fail(`index.html has no ${glueLink}`);
  writeFileSync(pageFile, page.replace(glueLink, `${glueLink}\n    <link rel="modulepreload" href="/${loaderName}" />`));

  // The glue imports the loader: point its imports at the hashed name (the
  // wasm's own import module name, a key in the glue's imports, stays).
  let glue = readFileSync(join(bound, `${NAME}.js`), 'utf8');
  const importOf = /(from\s*)(["'])\.\/__wasm_split\.js\2/g;
  if (!importOf.test(glue)) fail(`${NAME}.js does not import ./__wasm_split.js: is the split feature on?`);
  glue = glue.replace(importOf, `$1"./${loaderName}"`);
  writeFileSync(join(stage, `${NAME}.js`), glue);
  if (existsSync(join(bound, 'snippets'))) cpSync(join(bound, 'snippets'), join(stage, 'snippets'), { recursive: true });

  const size = (f) => readFileSync(join(stage, f)).length;
  console.log(
    `wasm-split: main ${size(`${NAME}_bg.wasm`)} bytes; ${chunks.length} more files for the groups ${Object.keys(groups).join(', ')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
