import { ProblemSchema } from '@oppvekst/contracts';
import { Type } from '@sinclair/typebox';

const descriptions: Record<number, string> = {
  400: 'The request is malformed: see `errors` for the fields',
  401: 'The bearer token is missing where one is needed, or was sent and refused (expired, wrong issuer or audience, bad signature, revoked client)',
  403: 'The caller’s roles (or an API client’s scopes) do not allow this',
  404: 'No such resource',
  406: 'None of the accepted media types can be produced',
  409: 'The request conflicts with the resource’s state',
  412: 'The If-Match version is stale',
  428: 'If-Match is required',
  429: 'Too many requests: see Retry-After',
  503: 'The database cannot be reached right now',
};

/**
 * Problem+json responses for the given status codes, for a route's `response`
 * schema. 401 is always among them: a token that is sent is checked, on
 * public routes too.
 */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    [...new Set([...statuses, 401])].sort((a, b) => a - b).map((status) => [status, Type.Ref(ProblemSchema, { description: descriptions[status] ?? 'Problem' })]),
  );
}

type Security = { [scheme: string]: string[] }[];

/** Plan reads: anyone, a person with a token, or an API client with `plans:read`. */
export const PLAN_READ_SECURITY: Security = [{}, { bearer: [] }, { clientCredentials: ['plans:read'] }];
/** Writes: a person's bearer token (API clients only read). */
export const WRITE_SECURITY: Security = [{ bearer: [] }];

/** The If-Match header every write documents; its absence is answered 428 by the handler, not the schema. */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag last read. Required: 428 without it, 412 when stale.' })),
});
