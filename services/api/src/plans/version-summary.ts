import type { VersionSummary } from '@oppvekst/contracts';

/** A plan version row joined with its plan, region and municipality. */
export interface VersionRow {
  id: string;
  region_id: string;
  plan_id: string;
  municipality_id: string | null;
  based_on_version_id: string | null;
  plan_kind: 'regional' | 'annex';
  region_slug: string;
  kommunenummer: string | null;
  version_number: number;
  status: VersionSummary['status'];
  title: string;
  language_form: 'nb' | 'nn';
  period_from: number | null;
  period_to: number | null;
  consultation_opens_on: string | null;
  consultation_closes_on: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decision: 'adopted' | 'noted' | null;
  decided_on: string | null;
  case_reference: string | null;
  row_version: number;
}

export function toVersionSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    planId: row.plan_id,
    planKind: row.plan_kind,
    region: row.region_slug,
    kommunenummer: row.kommunenummer,
    versionNumber: row.version_number,
    status: row.status,
    title: row.title,
    languageForm: row.language_form,
    period: { from: row.period_from, to: row.period_to },
    consultation:
      row.consultation_opens_on && row.consultation_closes_on
        ? { opensOn: row.consultation_opens_on, closesOn: row.consultation_closes_on }
        : null,
    adoption:
      row.decided_by && row.decision && row.decided_on && row.case_reference
        ? {
            decidedBy: row.decided_by as NonNullable<VersionSummary['adoption']>['decidedBy'],
            decidedByName: row.decided_by_name,
            decision: row.decision,
            decidedOn: row.decided_on,
            caseReference: row.case_reference,
          }
        : null,
  };
}
