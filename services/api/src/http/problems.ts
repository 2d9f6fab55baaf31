import { PROBLEM_TYPES, type Problem } from '@oppvekst/contracts';

/** An error that leaves the API as a problem+json response of a known type. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
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
