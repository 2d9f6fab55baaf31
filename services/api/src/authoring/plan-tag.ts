import { createHash } from 'node:crypto';
import type { VersionRow } from '../plans/version-summary.js';

/**
 * The strong ETag of a plan's list of versions: it changes whenever a version
 * is added, removed or changed, so starting a revision with If-Match proves
 * the caller saw the plan as it is.
 */
export function planTag(planId: string, versions: readonly VersionRow[]): string {
  const state = versions.map((v) => `${v.id}.${v.row_version}`).sort().join(',');
  return `"${planId}.${createHash('sha256').update(state).digest('base64url').slice(0, 22)}"`;
}
