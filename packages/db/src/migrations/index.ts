import type { Migration } from 'kysely';
import * as domain from './2026-11-23T0900_domain.js';
import * as rowLevelSecurity from './2026-11-23T1300_row_level_security.js';
import * as identityAndAccess from './2026-11-23T1700_identity_and_access.js';
import * as planAuthoring from './2026-11-24T0900_plan_authoring.js';
import * as measuresFeed from './2026-11-25T0900_measures_feed.js';
import * as webhooks from './2026-11-25T1200_webhooks.js';

/**
 * Every migration, by name, in order. Listed here instead of read from the
 * folder so the set is fixed at type-check time and needs no file system.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-23T0900_domain': domain,
  '2026-11-23T1300_row_level_security': rowLevelSecurity,
  '2026-11-23T1700_identity_and_access': identityAndAccess,
  '2026-11-24T0900_plan_authoring': planAuthoring,
  '2026-11-25T0900_measures_feed': measuresFeed,
  '2026-11-25T1200_webhooks': webhooks,
};
