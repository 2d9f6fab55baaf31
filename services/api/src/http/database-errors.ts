/**
 * Whether an error means the database cannot be reached or is shutting down,
 * which the API answers with 503 (try again) rather than 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE'].includes(code)) return true;
  // SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash,
  // cannot connect now) and 53300 (too many connections).
  if (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) {
    return true;
  }
  // AggregateError from a dual-stack connect attempt.
  return Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable);
}

/** A unique constraint refused the row (SQLSTATE 23505); `constraint` names which, when given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return !!e && e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/**
 * Row-level security (or a missing grant) refused the statement: SQLSTATE
 * 42501. The application's own checks should have said no first, so this is
 * answered as 403 and logged as a defect of the first wall.
 */
export function isRefusedByDatabase(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '42501';
}

/**
 * What a database refusal means for the client, when the application's own
 * checks let the request through: a value PostgreSQL cannot store (class 22:
 * a NUL character, a date that does not exist) or a CHECK it fails is a bad
 * request; a frozen version (55000, from the triggers) or a reference that
 * vanished meanwhile (23503) is a conflict. Anything else stays a 500.
 */
export function databaseRefusalStatus(error: unknown): 400 | 409 | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (/^22/.test(code) || code === '23514') return 400;
  if (code === '55000' || code === '23503') return 409;
  return undefined;
}
