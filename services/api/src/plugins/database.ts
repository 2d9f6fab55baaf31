import type { Database } from '@oppvekst/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Kysely, sql, type Transaction } from 'kysely';

/**
 * Who a request's database work runs as. Set transaction-locally so it can
 * never leak to the next request on a pooled connection; row-level security
 * policies (tenancy issue) read it with current_setting().
 */
export type RequestContext =
  | { role: 'anonymous' }
  | { role: 'member'; regionId: string }
  | { role: 'platform_admin' };

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
        // One round trip, transaction-local (`true`): nothing survives into the
        // next transaction on this pooled connection.
        await sql`select set_config('app.role', ${context.role}, true),
          set_config('app.region_id', ${context.role === 'member' ? context.regionId : ''}, true)`.execute(trx);
        return work(trx);
      }),
    );
  },
  { name: 'database' },
);
