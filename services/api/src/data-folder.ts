import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A key kept in the data folder: read it, or create it on first use. Written
 * whole under a temporary name (mode 0600), then linked into place: link()
 * fails if the file exists, so when two processes start at once the first
 * one wins and nobody ever reads a half-written file.
 */
export async function readOrCreateKeyFile(dataDir: string, name: string, create: () => string): Promise<{ file: string; content: string }> {
  const file = path.join(dataDir, name);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing) return { file, content: existing };
  await mkdir(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, create(), { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await unlink(temporary);
  }
  return { file, content: await readFile(file, 'utf8') };
}
