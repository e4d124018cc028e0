/**
 * Temporary folders for tests, removed when the test file is done: tests that make many (a
 * repository per case) need not remove each, and none is left in the system's temp folder.
 * Outside vitest (the baseline scripts) they are removed as the process exits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];
const removeAll = () => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
};
// Registered as this module loads, which vitest does for each test file while collecting it.
if (process.env.VITEST) (await import('vitest')).afterAll(removeAll);
else process.once('exit', removeAll);

export function tempDir(prefix = 'psl-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
