import { PROBLEM_TYPES, type Problem } from '@oppvekst/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { databaseRefusalStatus, isDatabaseUnavailable, isRefusedByDatabase } from '../http/database-errors.js';
import { HttpProblem } from '../http/problems.js';

/**
 * Every error leaves as RFC 9457 problem+json. Validation errors name the
 * field; an unreachable database is 503; nothing a client sends may become a
 * 500, which is reserved for our own bugs and always logged.
 */
export default fp(
  async function problemDetails(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = toProblem(error, request);
      if (error instanceof HttpProblem) reply.headers(error.headers);
      if (problem.status >= 500) request.log.error({ err: error }, problem.title);
      else if (isRefusedByDatabase(error)) request.log.error({ err: error }, 'row-level security refused what the application allowed');
      else if (databaseRefusalStatus(error)) request.log.warn({ err: error }, 'the database refused what the application let through');
      else request.log.info({ problem: problem.type, detail: problem.detail }, 'request refused');
      return sendProblem(reply, problem);
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, {
        type: PROBLEM_TYPES.notFound,
        title: 'Not found',
        status: 404,
        detail: `No route ${request.method} ${request.url.split('?')[0]}`,
        instance: request.url,
      }),
    );
  },
  { name: 'problem-details' },
);

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  const instance = request.url;
  if (error instanceof HttpProblem) return error.toProblem(instance);

  if (error.validation) {
    const context = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => {
      const missing = (v.params as { missingProperty?: string }).missingProperty;
      const extra = (v.params as { additionalProperty?: string }).additionalProperty;
      const path = [context, ...v.instancePath.split('/').filter(Boolean), missing ?? extra].filter(Boolean).join('/');
      const message = extra ? `unknown field "${extra}" is not allowed` : (v.message ?? 'is invalid');
      return { field: path, message };
    });
    return {
      type: PROBLEM_TYPES.validation,
      title: 'Invalid request',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      instance,
      errors,
    };
  }

  if (isDatabaseUnavailable(error)) {
    return {
      type: PROBLEM_TYPES.unavailable,
      title: 'Service unavailable',
      status: 503,
      detail: 'The database cannot be reached right now; try again shortly.',
      instance,
    };
  }

  if (isRefusedByDatabase(error)) {
    return { type: PROBLEM_TYPES.forbidden, title: 'Forbidden', status: 403, detail: 'Not allowed for this caller.', instance };
  }

  const refusal = databaseRefusalStatus(error);
  if (refusal === 400) {
    return { type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail: 'A value in the request cannot be stored (for instance a NUL character or a date that does not exist).', instance };
  }
  if (refusal === 409) {
    return { type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409, detail: 'The resource changed state while the request ran (an adopted version never changes); read it again.', instance };
  }

  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) return clientProblem(error, status, instance);
  return { type: PROBLEM_TYPES.internal, title: 'Internal error', status: 500, instance };
}

/** Errors fastify and its plugins raise for a request they could not take. */
function clientProblem(error: FastifyError, status: number, instance: string): Problem {
  const byStatus: Record<number, [string, string]> = {
    400: [PROBLEM_TYPES.validation, 'Invalid request'],
    401: [PROBLEM_TYPES.unauthorized, 'Unauthorized'],
    403: [PROBLEM_TYPES.forbidden, 'Forbidden'],
    404: [PROBLEM_TYPES.notFound, 'Not found'],
    406: [PROBLEM_TYPES.notAcceptable, 'Not acceptable'],
    409: [PROBLEM_TYPES.conflict, 'Conflict'],
    412: [PROBLEM_TYPES.preconditionFailed, 'Precondition failed'],
    413: [PROBLEM_TYPES.payloadTooLarge, 'Payload too large'],
    415: [PROBLEM_TYPES.unsupportedMediaType, 'Unsupported media type'],
    428: [PROBLEM_TYPES.preconditionRequired, 'Precondition required'],
    429: [PROBLEM_TYPES.rateLimited, 'Too many requests'],
  };
  const [type, title] = byStatus[status] ?? [PROBLEM_TYPES.validation, 'Invalid request'];
  return { type, title, status, detail: error.message, instance };
}
