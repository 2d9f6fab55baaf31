import { ProblemSchema } from '@oppvekst/contracts';
import { Type } from '@sinclair/typebox';

const descriptions: Record<number, string> = {
  400: 'The request is malformed: see `errors` for the fields',
  401: 'No valid credentials',
  403: 'Not allowed for this principal',
  404: 'No such resource',
  406: 'None of the accepted media types can be produced',
  409: 'The request conflicts with the resource’s state',
  412: 'The If-Match version is stale',
  428: 'If-Match is required',
  429: 'Too many requests: see Retry-After',
  503: 'The database cannot be reached right now',
};

/** Problem+json responses for the given status codes, for a route's `response` schema. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, Type.Ref(ProblemSchema, { description: descriptions[status] ?? 'Problem' })]),
  );
}
