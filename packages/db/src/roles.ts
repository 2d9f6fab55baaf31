import { createHmac } from 'node:crypto';
import pg from 'pg';

/** Owns the schema and runs migrations. Never used by request handling. */
export const OWNER_ROLE = 'oppvekst_owner';
/** The login role of the running app: owns nothing, is not superuser, cannot bypass row-level security. */
export const APP_ROLE = 'oppvekst_app';
/**
 * The login role of the webhook worker: across regions, but only on the
 * webhook tables (and the region directory), through its own policies.
 */
export const WORKER_ROLE = 'oppvekst_webhook_worker';

/**
 * The app role's password when none is configured: derived from the admin
 * connection URL, so every instance that shares the same DATABASE_URL agrees
 * on it without another secret to distribute, and it is as secret as that URL.
 */
export function deriveAppPassword(adminUrl: string): string {
  return createHmac('sha256', adminUrl).update(APP_ROLE).digest('base64url');
}

/** The worker role's password when none is configured, derived the same way. */
export function deriveWorkerPassword(adminUrl: string): string {
  return createHmac('sha256', adminUrl).update(WORKER_ROLE).digest('base64url');
}

/**
 * Creates the owner, app and webhook worker roles when missing and keeps the
 * login roles' passwords and attributes as configured. Needs a connection that may create
 * roles (the embedded superuser, or a DBA's); where the roles already exist,
 * as an operator may have made them, only the password is brought in line.
 */
export async function ensureRoles(adminUrl: string, appPassword: string, workerPassword = deriveWorkerPassword(adminUrl)): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolname: string }>(
      'select rolname from pg_roles where rolname = any($1)',
      [[OWNER_ROLE, APP_ROLE, WORKER_ROLE]],
    );
    const existing = new Set(rows.map((r) => r.rolname));
    const { rows: me } = await client.query<{ rolsuper: boolean }>(
      'select rolsuper from pg_roles where rolname = current_user',
    );
    const superuser = me[0]?.rolsuper === true;
    // Serialise role creation across processes starting at the same moment.
    await client.query('select pg_advisory_lock(7201001)');
    try {
      if (!existing.has(OWNER_ROLE)) {
        await client.query(`create role ${OWNER_ROLE} nologin${superuser ? ' bypassrls' : ''}`).catch(ignoreDuplicate);
      }
      if (!superuser) await client.query(`grant ${OWNER_ROLE} to current_user`);
      const password = client.escapeLiteral(appPassword);
      const attributes = 'login nosuperuser nocreatedb nocreaterole noinherit nobypassrls';
      if (!existing.has(APP_ROLE)) {
        await client.query(`create role ${APP_ROLE} ${attributes} password ${password}`).catch(ignoreDuplicate);
      }
      // PostgreSQL 16+ lets only a superuser set attributes such as NOSUPERUSER
      // on an existing role; a CREATEROLE admin may still set the password.
      await client.query(`alter role ${APP_ROLE}${superuser ? ` ${attributes}` : ''} password ${password}`);
      const workerSecret = client.escapeLiteral(workerPassword);
      if (!existing.has(WORKER_ROLE)) {
        await client.query(`create role ${WORKER_ROLE} ${attributes} password ${workerSecret}`).catch(ignoreDuplicate);
      }
      await client.query(`alter role ${WORKER_ROLE}${superuser ? ` ${attributes}` : ''} password ${workerSecret}`);
      await client.query(`grant usage, create on schema public to ${OWNER_ROLE}`);
      await client.query(`revoke create on schema public from public`);
    } finally {
      await client.query('select pg_advisory_unlock(7201001)');
    }
  } finally {
    await client.end();
  }
}

function ignoreDuplicate(error: unknown): void {
  // 42710: duplicate_object; another database in the same cluster made it first.
  if ((error as { code?: string }).code !== '42710') throw error;
}
