import { PROBLEM_TYPES, type Problem } from '@oppvekst/contracts';

/**
 * An RFC 9457 problem the API answered with, as an exception. Branch on the
 * subclass (or `type`), never on the wording of `title` or `detail`.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = new.target.name;
    this.status = problem.status;
    this.type = problem.type;
    this.problem = problem;
  }
}

/** 400: see `errors` for the fields. */
export class ValidationError extends ProblemError {
  get errors(): { field: string; message: string }[] {
    return (this.problem as { errors?: { field: string; message: string }[] }).errors ?? [];
  }
}
/** 401: no token where one is needed, or a token refused. */
export class UnauthorizedError extends ProblemError {}
/** 403: the caller's roles or the token's scopes do not allow this. */
export class ForbiddenError extends ProblemError {
  get requiredScope(): string | undefined {
    return (this.problem as { requiredScope?: string }).requiredScope;
  }
}
export class NotFoundError extends ProblemError {}
export class NotAcceptableError extends ProblemError {}
/** 409: the resource's state does not allow this; `detail` says why. */
export class ConflictError extends ProblemError {}
/** 412: the If-Match ETag is stale; read again and reapply. */
export class PreconditionFailedError extends ProblemError {
  get currentEtag(): string | undefined {
    return (this.problem as { currentEtag?: string }).currentEtag;
  }
}
/** 428: a write without If-Match. */
export class PreconditionRequiredError extends ProblemError {}
export class PayloadTooLargeError extends ProblemError {}
export class UnsupportedMediaTypeError extends ProblemError {}
/** 429: wait `retryAfterSeconds`. */
export class RateLimitedError extends ProblemError {
  constructor(
    problem: Problem,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(problem);
  }
}
/** 503: the API cannot reach its database; try again shortly. */
export class ServiceUnavailableError extends ProblemError {}
/** 500, or any other answer that is not a known problem. */
export class ServerError extends ProblemError {}

const BY_TYPE: Record<string, new (problem: Problem) => ProblemError> = {
  [PROBLEM_TYPES.validation]: ValidationError,
  [PROBLEM_TYPES.unauthorized]: UnauthorizedError,
  [PROBLEM_TYPES.forbidden]: ForbiddenError,
  [PROBLEM_TYPES.notFound]: NotFoundError,
  [PROBLEM_TYPES.notAcceptable]: NotAcceptableError,
  [PROBLEM_TYPES.conflict]: ConflictError,
  [PROBLEM_TYPES.preconditionFailed]: PreconditionFailedError,
  [PROBLEM_TYPES.preconditionRequired]: PreconditionRequiredError,
  [PROBLEM_TYPES.payloadTooLarge]: PayloadTooLargeError,
  [PROBLEM_TYPES.unsupportedMediaType]: UnsupportedMediaTypeError,
  [PROBLEM_TYPES.unavailable]: ServiceUnavailableError,
};

/** The exception for an error response: its problem if it sent one, else one made from the status. */
export function problemError(status: number, statusText: string, body: string, headers: Headers): ProblemError {
  let problem: Problem;
  try {
    const parsed = JSON.parse(body) as Partial<Problem>;
    problem = typeof parsed.type === 'string' && typeof parsed.title === 'string'
      ? ({ ...parsed, status } as Problem)
      : { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
  } catch {
    problem = { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
  }
  if (problem.type === PROBLEM_TYPES.rateLimited || status === 429) {
    const retryAfter = Number(headers.get('retry-after'));
    return new RateLimitedError(problem, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined);
  }
  const Known = BY_TYPE[problem.type];
  return Known ? new Known(problem) : new ServerError(problem);
}
