import type { Database } from '@oppvekst/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely, Transaction } from 'kysely';
import { applyContext, type RequestContext } from '../access/request-context.js';

export type { RequestContext } from '../access/request-context.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    /** Runs `work` in a transaction that first sets the request's context, transaction-local, in one round trip. */
    withContext<T>(context: RequestContext, work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  }
}

export default fp(
  async function database(app: FastifyInstance, options: { db: Kysely<Database> }) {
    app.decorate('db', options.db);
    app.decorate('withContext', <T>(context: RequestContext, work: (trx: Transaction<Database>) => Promise<T>) =>
      options.db.transaction().execute(async (trx) => {
        await applyContext(trx as Transaction<unknown>, context);
        return work(trx);
      }),
    );
  },
  { name: 'database' },
);
