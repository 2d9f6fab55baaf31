import { HealthSchema } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';

/** Liveness (the process answers) and readiness (the database answers too). */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      // Probes carry no credentials worth checking; a stray header must not fail them.
      config: { bearer: false },
      schema: {
        operationId: 'getHealth',
        security: [],
        tags: ['health'],
        summary: 'Liveness: the process is up',
        response: { 200: Type.Ref(HealthSchema) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { bearer: false },
      schema: {
        operationId: 'getReadiness',
        security: [],
        tags: ['health'],
        summary: 'Readiness: the database is reachable',
        response: { 200: Type.Ref(HealthSchema), 503: Type.Ref(HealthSchema) },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
};

export default healthRoutes;
