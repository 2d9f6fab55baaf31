import type { ConsultationSubmission, MunicipalityPlan, PlanReadVersion, PlanVersion, Service } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import type { MunicipalityRef } from '../regions/region.repository.js';
import { listServices } from '../regions/region.repository.js';
import { listSubmissions } from './consultation.repository.js';
import { mergeMunicipalityPlan } from './merge.js';
import { findAnnexVersion, findRegionalVersion, loadPlanVersion, OPEN_STATUSES } from './plan.repository.js';
import type { VersionRow } from './version-summary.js';

type Db = Kysely<Database>;

/** Why a plan could not be read: the route turns this into its 404. */
export type Missing = { missing: 'regional' | 'draft' };

/**
 * Which version of a plan to read. `draft` is the version under work (draft or
 * consultation) where the caller may see one, else the adopted one: the plan
 * as it will read if the drafts are adopted.
 */
async function pick(find: (status: VersionRow['status'] | VersionRow['status'][]) => Promise<VersionRow | undefined>, which: PlanReadVersion) {
  if (which === 'draft') {
    const open = await find(OPEN_STATUSES);
    if (open) return { version: open, underWork: true };
  }
  const adopted = await find('adopted');
  return adopted ? { version: adopted, underWork: false } : undefined;
}

export interface CompletePlan {
  plan: MunicipalityPlan;
  regional: PlanVersion;
  annex: PlanVersion | null;
}

/** A municipality's complete plan: its region's plan merged with its annex, both in the version asked for. */
export async function loadCompletePlan(db: Db, municipality: MunicipalityRef, which: PlanReadVersion): Promise<CompletePlan | Missing> {
  const [regionalRow, annexRow] = await Promise.all([
    pick((s) => findRegionalVersion(db, municipality.region_id, s), which),
    pick((s) => findAnnexVersion(db, municipality.id, s), which),
  ]);
  if (!regionalRow) return { missing: 'regional' };
  if (which === 'draft' && !regionalRow.underWork && !annexRow?.underWork) return { missing: 'draft' };
  const [regional, annex] = await Promise.all([loadPlanVersion(db, regionalRow.version), annexRow ? loadPlanVersion(db, annexRow.version) : null]);
  const plan = mergeMunicipalityPlan({
    municipality: { kommunenummer: municipality.kommunenummer, name: municipality.name, languageForm: municipality.language_form },
    region: { slug: municipality.region_slug, name: municipality.region_name },
    regional,
    annex,
  });
  return { plan, regional, annex };
}

/** A region's plan in the version asked for. */
export async function loadRegionalPlan(db: Db, regionId: string, which: PlanReadVersion): Promise<PlanVersion | Missing> {
  const picked = await pick((s) => findRegionalVersion(db, regionId, s), which);
  if (!picked) return { missing: 'regional' };
  if (which === 'draft' && !picked.underWork) return { missing: 'draft' };
  return loadPlanVersion(db, picked.version);
}

export const isMissing = <T extends object>(result: T | Missing): result is Missing => 'missing' in result;

/** The published consultation record of a version: its input and answers, once the version is adopted. */
export async function consultationRecordOf(db: Db, plan: PlanVersion | null): Promise<{ version: PlanVersion['version']; submissions: ConsultationSubmission[] } | null> {
  if (!plan || plan.version.status !== 'adopted') return null;
  return { version: plan.version, submissions: await listSubmissions(db, plan.version.id) };
}

/** The intermunicipal services that serve this municipality (barnevern, PPT, NAV, ...). */
export async function sharedServicesOf(db: Db, municipality: MunicipalityRef): Promise<Service[]> {
  const services = await listServices(db, municipality.region_id);
  return services.filter((s) => s.scope === 'intermunicipal' && s.municipalities.includes(municipality.kommunenummer));
}
