import { PROBLEM_TYPES, type Problem } from '@oppvekst/contracts';

/** An error that leaves the API as a problem+json response of a known type. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    /** Response headers that belong to the problem, such as WWW-Authenticate. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }

  toProblem(instance?: string): Problem {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

export const notFound = (detail: string) => new HttpProblem(404, PROBLEM_TYPES.notFound, 'Not found', detail);
export const badRequest = (detail: string, errors?: { field: string; message: string }[]) =>
  new HttpProblem(400, PROBLEM_TYPES.validation, 'Invalid request', detail, errors ? { errors } : {});

/**
 * 401 with the RFC 6750 challenge: `invalid_token` when a token was sent and
 * refused, a bare challenge when none was sent.
 */
export const unauthorized = (detail: string, tokenSent = true) =>
  new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Unauthorized', detail, {}, {
    // Header values are ASCII: typographic apostrophes and quotes become plain ones.
    'www-authenticate': tokenSent ? `Bearer error="invalid_token", error_description="${detail.replace(/[^\x20-\x7e]|"/g, "'")}"` : 'Bearer',
  });

export const forbidden = (detail: string) => new HttpProblem(403, PROBLEM_TYPES.forbidden, 'Forbidden', detail);

/** 403 for an API client whose token lacks the scope a route needs (RFC 6750 § 3.1). */
export const insufficientScope = (scope: string) =>
  new HttpProblem(403, PROBLEM_TYPES.forbidden, 'Forbidden', `This token lacks the scope "${scope}"`, { requiredScope: scope }, {
    'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
  });

export const conflict = (detail: string) => new HttpProblem(409, PROBLEM_TYPES.conflict, 'Conflict', detail);
