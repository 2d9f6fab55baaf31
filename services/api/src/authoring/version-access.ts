import type { Database } from '@oppvekst/db';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { contextFor, isPlatformAdmin, mayEditPlan, regionsOf } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import type { RunsInContext } from '../access/request-context.js';
import { requireSignedIn, type SignedIn } from '../http/authorization.js';
import { checkIfMatch, requireIfMatch } from '../http/preconditions.js';
import { conflict, forbidden, notFound } from '../http/problems.js';
import { editRefusal, type VersionState } from '../plans/lifecycle.js';
import { findVersion, lockVersion } from '../plans/version.repository.js';
import type { VersionRow } from '../plans/version-summary.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

export interface VisibleVersion {
  version: VersionRow;
  principal: Principal;
  /** One transaction as the caller, in the version's region. */
  run<T>(work: Work<T>): Promise<T>;
}

export const stateOf = (v: VersionRow): VersionState => ({
  status: v.status,
  consultation: v.consultation_opens_on && v.consultation_closes_on ? { opensOn: v.consultation_opens_on, closesOn: v.consultation_closes_on } : null,
});

export const versionTag = (v: VersionRow) => ({ id: v.id, rowVersion: v.row_version });

/**
 * The version as the caller may see it, or 404. A version's region is not in
 * its URL, so it is looked for in the caller's own regions (where drafts are
 * visible to them) and otherwise as the public sees it.
 */
export async function openVersion(app: RunsInContext, request: FastifyRequest, versionId: string): Promise<VisibleVersion> {
  const principal = await request.principal();
  const regions = isPlatformAdmin(principal) ? [undefined] : [...regionsOf(principal), undefined];
  for (const regionId of regions) {
    const found = await app.withContext(contextFor(principal, regionId), (trx) => findVersion(trx, versionId));
    if (found) {
      const context = contextFor(principal, found.region_id);
      return { version: found, principal, run: (work) => app.withContext(context, work) };
    }
  }
  throw notFound(`No plan version ${versionId}`);
}

export interface EditableVersion {
  /** The version as first read, outside the write transaction. */
  version: VersionRow;
  principal: SignedIn;
  ifMatch: string[] | '*';
  /**
   * One write transaction: the version is locked and read again, so `work`
   * sees its current state and no other write in the version runs meanwhile.
   */
  write<T>(work: (trx: Transaction<Database>, current: VersionRow) => Promise<T>): Promise<T>;
}

/**
 * A version the caller may change: 401 without a token, 404 when they cannot
 * see it, 403 when they may see but not edit it, 428 without If-Match.
 */
export async function editableVersion(app: RunsInContext, request: FastifyRequest, versionId: string): Promise<EditableVersion> {
  requireSignedIn(await request.principal());
  const { version, principal, run } = await openVersion(app, request, versionId);
  const signedIn = principal as SignedIn;
  if (!mayEditPlan(signedIn, { regionId: version.region_id, municipalityId: version.municipality_id })) {
    throw forbidden(
      version.plan_kind === 'annex'
        ? `Only the municipality’s editors and the region’s administrators may change this annex`
        : `Only the region’s administrators may change the regional plan`,
    );
  }
  const ifMatch = requireIfMatch(request);
  return {
    version,
    principal: signedIn,
    ifMatch,
    write: (work) =>
      run(async (trx) => {
        if (!(await lockVersion(trx, versionId))) throw forbidden('Not allowed to change this version');
        const current = await findVersion(trx, versionId);
        if (!current) throw notFound(`No plan version ${versionId}`);
        return work(trx, current);
      }),
  };
}

/** 409 unless the version is a draft, then 412 unless the If-Match names this state of the version. */
export function requireDraft(current: VersionRow, ifMatch: string[] | '*'): void {
  const refusal = editRefusal(stateOf(current));
  if (refusal) throw conflict(refusal);
  checkIfMatch(ifMatch, versionTag(current));
}

/** 409 unless the version is a draft (for item writes, whose If-Match names the item). */
export function requireDraftStatus(current: VersionRow): void {
  const refusal = editRefusal(stateOf(current));
  if (refusal) throw conflict(refusal);
}
