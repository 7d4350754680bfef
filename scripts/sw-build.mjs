// Trunk post_build hook: writes the build's identity and file list into the
// staged sw.js (see public/sw.js), so that each build has its own cache and
// a new build is noticed by the browser. Run by trunk with TRUNK_STAGING_DIR.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-build: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}

async function files(d) {
  const out = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(relative(dir, p).split('\\').join('/'));
  }
  return out;
}

const list = (await files(dir)).filter((f) => f !== 'sw.js' && f !== 'robots.txt').sort();
const hash = createHash('sha256');
for (const f of list) {
  hash.update(f);
  hash.update(await readFile(join(dir, f)));
}
const build = hash.digest('hex').slice(0, 16);
const sw = join(dir, 'sw.js');
const text = (await readFile(sw, 'utf8'))
  .replace("'__BUILD__'", JSON.stringify(build))
  .replace("['__FILES__']", JSON.stringify(list));
if (text.includes('__BUILD__') || text.includes('__FILES__')) {
  console.error('sw-build: sw.js has no placeholders left to fill');
  process.exit(1);
}
await writeFile(sw, text);
console.log(`sw-build: build ${build}, ${list.length} files`);
