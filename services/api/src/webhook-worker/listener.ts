import pg from 'pg';
import type { WorkerLog } from './worker.js';

/**
 * LISTEN oppvekst_webhooks on a connection of its own: a trigger notifies at
 * the commit of new events (and of redeliveries), so work starts at once
 * instead of at the next poll. Polling remains the safety net; a lost
 * connection is logged and made again.
 */
export function listenForWork(url: string, onWork: () => void, log: WorkerLog, retryMs: number): { close(): Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url, application_name: 'oppvekst-webhook-listener' });
    next.on('notification', onWork);
    next.on('error', (error) => {
      log.warn({ err: error }, 'webhook listener lost its connection; polling until it is back');
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      schedule();
    });
    try {
      await next.connect();
      await next.query('listen oppvekst_webhooks');
      if (closed) return void (await next.end());
      client = next;
      onWork();
    } catch (error) {
      log.debug({ err: error }, 'webhook listener could not connect yet');
      void next.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
