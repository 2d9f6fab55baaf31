import { MemberListSchema, MemberSchema, NewMemberSchema, NoQuery, Slug, Uuid } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { membershipTarget } from '../../access/membership.js';
import {
  addMembership,
  countRegionAdminsLocked,
  deleteMembership,
  findMember,
  listMembers,
} from '../../access/membership.repository.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { actorOf } from '../../http/authorization.js';
import { badRequest, conflict, notFound } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { administerRegion } from './lookups.js';

const RegionParams = Type.Object({ region: Slug }, { additionalProperties: false });
const MemberParams = Type.Object({ region: Slug, memberId: Uuid }, { additionalProperties: false });

/** A region's members: who holds which role. Region administrators (and platform administrators) only. */
const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions/:region/members',
    {
      schema: {
        operationId: 'listMembers',
        tags: ['access'],
        summary: 'List the members of a region and their roles',
        security: [{ bearer: [] }],
        params: RegionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(MemberListSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const { region, run } = await administerRegion(app, request, request.params.region);
      return { items: await run((trx) => listMembers(trx, region.id)) };
    },
  );

  app.post(
    '/regions/:region/members',
    {
      schema: {
        operationId: 'addMember',
        tags: ['access'],
        summary: 'Give a subject a role in the region',
        description:
          'A municipal_editor names the municipality (kommunenummer) and a service_editor the service (slug); ' +
          'region_admin and reader hold their role for the whole region. Holding the same role twice is a 409.',
        security: [{ bearer: [] }],
        params: RegionParams,
        querystring: NoQuery,
        body: Type.Ref(NewMemberSchema),
        response: { 201: Type.Ref(MemberSchema), ...problemResponses(400, 401, 403, 404, 409, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, principal, run } = await administerRegion(app, request, request.params.region);
      const target = membershipTarget(request.body);
      if ('field' in target) throw badRequest(`${target.field}: ${target.message}`, [target]);
      const member = await run(async (trx) => {
        const added = await addMembership(trx, region.id, request.body.subject, target, actorOf(principal));
        if (added === 'exists') throw conflict(`${request.body.subject} already holds this role in ${region.slug}`);
        if (added === 'unknown-municipality') {
          throw badRequest(`body/municipality: no municipality ${request.body.municipality} in ${region.slug}`, [
            { field: 'body/municipality', message: `not a municipality of ${region.slug}` },
          ]);
        }
        if (added === 'unknown-service') {
          throw badRequest(`body/service: no service "${request.body.service}" in ${region.slug}`, [
            { field: 'body/service', message: `not a service of ${region.slug}` },
          ]);
        }
        const created = (await findMember(trx, region.id, added.id))!;
        await recordAudit(trx, {
          regionId: region.id,
          actor: actorOf(principal),
          action: 'member.added',
          entityType: 'membership',
          entityId: added.id,
          after: created,
          requestId: request.id,
        });
        return created;
      });
      return reply.code(201).header('location', `/v1/regions/${region.slug}/members/${member.id}`).send(member);
    },
  );

  app.delete(
    '/regions/:region/members/:memberId',
    {
      schema: {
        operationId: 'removeMember',
        tags: ['access'],
        summary: 'Take a role away from a subject',
        description: 'The region’s last region_admin cannot be removed (409): someone must be able to manage it.',
        security: [{ bearer: [] }],
        params: MemberParams,
        querystring: NoQuery,
        response: { 204: Type.Null({ description: 'Removed' }), ...problemResponses(400, 401, 403, 404, 409, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, principal, run } = await administerRegion(app, request, request.params.region);
      await run(async (trx) => {
        const member = await findMember(trx, region.id, request.params.memberId);
        if (!member) throw notFound(`No member ${request.params.memberId} in ${region.slug}`);
        if (member.role === 'region_admin' && (await countRegionAdminsLocked(trx, region.id)) <= 1) {
          throw conflict(`${member.subject} is the last region_admin of ${region.slug}; add another first`);
        }
        await deleteMembership(trx, region.id, member.id);
        await recordAudit(trx, {
          regionId: region.id,
          actor: actorOf(principal),
          action: 'member.removed',
          entityType: 'membership',
          entityId: member.id,
          before: member,
          requestId: request.id,
        });
      });
      return reply.code(204).send();
    },
  );
};

export default memberRoutes;
