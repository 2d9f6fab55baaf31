import type { MeasureHistory } from '@oppvekst/contracts';
import { fieldChanges } from '../plans/diff.js';
import type { MeasureIdentity, MeasureInVersion } from './measure-history.repository.js';

/**
 * A measure across the versions of its plan: each version with the measure as
 * it is there and what differs from the version before it, and whether the
 * plan in force has it.
 */
export function measureHistory(id: string, identity: MeasureIdentity, versions: MeasureInVersion[]): MeasureHistory {
  const state = versions.some((v) => v.status === 'adopted')
    ? 'in_force'
    : versions.some((v) => v.status === 'superseded')
      ? 'removed'
      : 'proposed';
  return {
    id,
    plan: identity.plan,
    state,
    versions: versions.map((v, i) => {
      const before = versions[i - 1];
      return {
        versionId: v.versionId,
        versionNumber: v.versionNumber,
        status: v.status,
        decidedOn: v.decidedOn,
        measure: v.measure,
        changes: before ? fieldChanges(before.measure, v.measure) : [],
      };
    }),
  };
}
