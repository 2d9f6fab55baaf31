import { type Static, Type } from '@sinclair/typebox';

/** RFC 9457 problem details. `type` values are part of the public contract (see docs/api.md). */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI reference naming the kind of problem, e.g. /problems/not-found' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'Where the bad value is: body/title, querystring/limit, params/kommunenummer' }),
          message: Type.String(),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
);
export type Problem = Static<typeof ProblemSchema>;

export const PROBLEM_TYPES = {
  validation: '/problems/validation-error',
  notFound: '/problems/not-found',
  unauthorized: '/problems/unauthorized',
  forbidden: '/problems/forbidden',
  conflict: '/problems/conflict',
  notAcceptable: '/problems/not-acceptable',
  unsupportedMediaType: '/problems/unsupported-media-type',
  payloadTooLarge: '/problems/payload-too-large',
  preconditionFailed: '/problems/precondition-failed',
  preconditionRequired: '/problems/precondition-required',
  rateLimited: '/problems/rate-limited',
  unavailable: '/problems/service-unavailable',
  internal: '/problems/internal-error',
} as const;
