import { parseArgs } from 'node:util';
import { REGION_ROLES, type RegionRole } from '@oppvekst/contracts';
import { addMembership } from '../access/membership.repository.js';
import { membershipTarget } from '../access/membership.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authenticationOptions } from '../auth/authentication-options.js';
import { createTokenSigner } from '../auth/token-signer.js';
import type { Config } from '../config.js';
import { assertContract } from './contract-check.js';
import { withOwnerDb } from './operator-database.js';
import { UsageError } from './usage.js';

const ACTOR = 'oppvekst-cli';

/**
 * `token`: ensures the membership (or the platform-admin row) exists, then
 * returns a token signed with the service's key. The token carries only the
 * subject; the role lives in the database, as for any other member.
 */
export async function tokenCommand(config: Config, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      role: { type: 'string' },
      region: { type: 'string' },
      municipality: { type: 'string' },
      service: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const role = values.role;
  if (!role) throw new UsageError('token needs --role');
  const ttl = values.ttl === undefined ? 8 * 3600 : Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl < 60 || ttl > 30 * 86_400) throw new UsageError('--ttl is seconds, from 60 to 2592000');
  const auth = await authenticationOptions(config);
  const signer = createTokenSigner(auth.signingKey, { issuer: auth.issuer, audience: auth.audience });

  if (role === 'platform_admin') {
    if (values.region || values.municipality || values.service) throw new UsageError('a platform_admin is not held in a region');
    const subject = values.sub ?? 'operator';
    assertContract('NewMember', { subject, role: 'reader' }, { subject: '--sub' });
    await withOwnerDb(config, (owner) =>
      owner.insertInto('platform_admins').values({ subject }).onConflict((oc) => oc.doNothing()).execute(),
    );
    return signer.signUserToken(subject, ttl);
  }
  if (!(REGION_ROLES as readonly string[]).includes(role)) throw new UsageError(`unknown role "${role}"`);
  if (!values.region) throw new UsageError(`a ${role} needs --region`);
  const regionSlug = values.region;
  const target = membershipTarget({
    subject: values.sub ?? 'x',
    role: role as RegionRole,
    ...(values.municipality ? { municipality: values.municipality } : {}),
    ...(values.service ? { service: values.service } : {}),
  });
  if ('field' in target) throw new UsageError(`--${target.field.replace('body/', '')}: ${target.message}`);
  const subject = values.sub ?? [role, regionSlug, values.municipality ?? values.service].filter(Boolean).join('.');
  assertContract('NewMember', { subject, role }, { subject: '--sub' });

  await withOwnerDb(config, (owner) =>
    owner.transaction().execute(async (trx) => {
      const region = await trx.selectFrom('regions').select('id').where('slug', '=', regionSlug).executeTakeFirst();
      if (!region) throw new UsageError(`no region "${regionSlug}"`);
      const added = await addMembership(trx, region.id, subject, target, ACTOR);
      if (added === 'unknown-municipality') throw new UsageError(`no municipality ${values.municipality} in ${regionSlug}`);
      if (added === 'unknown-service') throw new UsageError(`no service "${values.service}" in ${regionSlug}`);
      if (added !== 'exists') {
        await recordAudit(trx, { regionId: region.id, actor: ACTOR, action: 'member.added', entityType: 'membership', entityId: added.id, after: { subject, ...target } });
      }
    }),
  );
  return signer.signUserToken(subject, ttl);
}
