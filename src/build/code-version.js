// Plain JavaScript: src/cli/launch.js uses it before anything can compile TypeScript.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A hash of the code in a checkout: every file under src/ and the lock file. It names the
 * compiled code (launch.js) and is part of every cache key, so a change to the code makes
 * everything again rather than mixing old and new output.
 */
export function codeVersion(projectDir) {
  const hash = createHash('sha256');
  const files = listFiles(path.join(projectDir, 'src')).map((f) => path.relative(projectDir, f));
  files.push('package-lock.json');
  for (const rel of files.sort()) {
    let bytes;
    try {
      bytes = fs.readFileSync(path.join(projectDir, rel));
    } catch {
      continue;
    }
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(abs));
    else if (entry.isFile()) out.push(abs);
  }
  return out;
}
