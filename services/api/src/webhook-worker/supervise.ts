import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Supervised {
  stop(): Promise<void>;
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/**
 * Runs the webhook worker as a child process of the service (the embedded
 * default), with the same Node flags (tsx's loader among them), and starts
 * it again if it dies. The IPC channel ties its life to the service's: if the
 * service is killed outright, the channel closes and the worker stops too.
 */
export function superviseWorker(env: NodeJS.ProcessEnv, log: Log): Supervised {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;

  const start = () => {
    const started = spawn(process.execPath, [...process.execArgv, MAIN], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child = started;
    log.info({ pid: started.pid }, 'webhook worker started beside the service');
    started.on('exit', (code, signal) => {
      if (child === started) child = undefined;
      if (stopping) return;
      log.warn({ code, signal }, 'webhook worker exited; starting it again in 1 s');
      restart = setTimeout(start, 1_000);
    });
  };
  start();

  return {
    async stop() {
      stopping = true;
      clearTimeout(restart);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      const killAfter = setTimeout(() => running.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(killAfter);
    },
  };
}
