import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@oppvekst/db';
import t from 'tap';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startServer(env: Record<string, string>): Running {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function waitReady(base: string, running: Running): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`server exited early:\n${running.output()}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready:\n${running.output()}`);
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

t.test('the service process: embedded PostgreSQL, restart with the same data, clean shutdown', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'oppvekst-process-'));
  await chmod(dataDir, 0o755);
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { DATA_DIR: dataDir, PORT: String(port) };

  const first = startServer(env);
  t.teardown(() => first.child.kill('SIGKILL'));
  await waitReady(base, first);
  const plan = (await (await fetch(`${base}/v1/municipalities/4026/plan`)).json()) as { goals: { measures: { title: string }[] }[] };
  const measures = plan.goals.flatMap((g: { measures: { title: string }[] }) => g.measures);
  t.ok(measures.some((m: { title: string }) => m.title.includes('Foreldretrappa')), 'Tokke’s plan is served');
  t.match(first.output(), /demo region seeded/, 'the empty database was seeded');
  const workerStarted = /"pid":(\d+)[^\n]*"msg":"webhook worker started beside the service"/.exec(first.output());
  t.ok(workerStarted, 'the webhook worker runs beside the embedded PostgreSQL');
  await waitFor(() => /"msg":"webhook worker started"/.test(first.output()), 'the worker’s own start');

  first.child.kill('SIGTERM');
  t.same(await first.exited, { code: 0, signal: null }, 'SIGTERM: exit 0');
  t.match(first.output(), /"msg":"webhook worker stopped"/, 'the worker stopped with the service');
  t.throws(() => process.kill(Number(workerStarted![1]), 0), { code: 'ESRCH' }, 'and its process is gone');
  t.notOk(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')), 'PostgreSQL was stopped cleanly');
  t.match(first.output(), /"msg":"stopped"/);

  const second = startServer(env);
  t.teardown(() => second.child.kill('SIGKILL'));
  await waitReady(base, second);
  const again = await (await fetch(`${base}/v1/municipalities/4026/plan`)).json();
  t.same(again, plan, 'the same data after a restart');
  t.notMatch(second.output(), /demo region seeded/, 'not seeded twice');

  second.child.kill('SIGINT');
  t.same(await second.exited, { code: 0, signal: null }, 'SIGINT: exit 0');
  t.notOk(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')));
});

t.test('a bad variable stops the start with a message that names it', async (t) => {
  const running = startServer({ PORT: 'eighty' });
  const { code } = await running.exited;
  t.equal(code, 78);
  t.match(running.output(), /invalid configuration: PORT: must be a whole number/);
});
