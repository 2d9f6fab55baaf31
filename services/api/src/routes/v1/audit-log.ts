import { AuditEntryPageSchema, AuditQuerySchema, Slug } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { listAuditEntries } from '../../audit/audit.repository.js';
import { problemResponses } from '../../http/responses.js';
import { administerRegion } from './lookups.js';

const RegionParams = Type.Object({ region: Slug }, { additionalProperties: false });

/**
 * What happened in a region, for its administrators: every write with its
 * actor and before/after, the public's consultation input, and what the
 * webhook worker did on its own (an endpoint disabled after sustained failure).
 */
const auditLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions/:region/audit-log',
    {
      schema: {
        operationId: 'listAuditEntries',
        tags: ['access'],
        summary: 'List the region’s audit log, newest first',
        description:
          'Region administrators and platform administrators. Filter by `action` (e.g. `webhook_endpoint.disabled`), ' +
          '`entityType` and `entityId`; page with `before` (the `nextCursor` of the page before).',
        security: [{ bearer: [] }],
        params: RegionParams,
        querystring: AuditQuerySchema,
        response: { 200: Type.Ref(AuditEntryPageSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const { region, run } = await administerRegion(app, request, request.params.region);
      const { limit, before, action, entityType, entityId } = request.query;
      // One extra row tells whether an older page follows.
      const rows = await run((trx) => listAuditEntries(trx, { regionId: region.id, action, entityType, entityId, before, limit: limit + 1 }));
      const items = rows.slice(0, limit);
      return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },
  );
};

export default auditLogRoutes;
