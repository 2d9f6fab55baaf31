import type { TSchema } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateOr406 } from './conditional.js';

/** The media types a plan read can answer in; JSON first, so a client that says nothing gets JSON. */
export const PLAN_MEDIA_TYPES = ['application/json', 'text/markdown', 'text/html', 'application/pdf'] as const;
export type PlanMediaType = (typeof PLAN_MEDIA_TYPES)[number];

/**
 * The representation the Accept header asks for (RFC 9110 § 12.5.1, with
 * q-values), or 406 before any work is done.
 */
export function negotiatePlanType(request: FastifyRequest): PlanMediaType {
  return negotiateOr406(request, PLAN_MEDIA_TYPES);
}

/** The 200 response of a plan read in all its representations, for the route schema and OpenAPI. */
export function planRepresentations(json: TSchema, description: string) {
  return {
    description,
    content: {
      'application/json': { schema: json },
      'text/markdown': { schema: Type.String({ description: 'The plan as a council document in Markdown (GFM tables).' }) },
      'text/html': { schema: Type.String({ description: 'One self-contained, printable HTML page.' }) },
      'application/pdf': { schema: Type.String({ format: 'binary', description: 'A4 PDF with embedded fonts.' }) },
    },
  };
}

/** Sends a rendered document with its type; the JSON representation goes through the route's serializer instead. */
export function sendDocument(reply: FastifyReply, type: Exclude<PlanMediaType, 'application/json'>, body: string | Buffer, filename: string) {
  const extension = { 'text/markdown': 'md', 'text/html': 'html', 'application/pdf': 'pdf' }[type];
  // The page is shown from the API's own origin: it may not run or fetch anything.
  if (type === 'text/html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
  return reply
    .header('x-content-type-options', 'nosniff')
    .header('content-type', type === 'application/pdf' ? type : `${type}; charset=utf-8`)
    .header('content-disposition', `inline; filename="${filename}.${extension}"`)
    .send(body);
}
