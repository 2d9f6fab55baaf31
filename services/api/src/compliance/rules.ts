import { labelsFor } from '../documents/labels.js';
import type { ComplianceElement, ComplianceWarningCode, Evidence, LanguageForm, MergedMeasure, MunicipalityPlan, Service, VersionSummary } from '@oppvekst/contracts';

/**
 * The § 3-1 rules, as plain functions over a municipality's complete plan.
 * Each returns facts (what was found), never sentences: the report puts the
 * facts into the plan's language form.
 */

export interface ElementFinding {
  element: ComplianceElement;
  present: boolean;
  evidence: Evidence[];
}

export interface WarningFinding {
  code: ComplianceWarningCode;
  subject: { kind: 'goal' | 'measure' | 'service' | 'version'; id: string; title: string } | null;
  /** Values the sentence needs (names, years). */
  facts?: Record<string, string>;
}

/** Every measure a municipality carries out: the regional ones, its own, and its own under goals since removed. */
export function allMeasures(plan: MunicipalityPlan): MergedMeasure[] {
  return [...plan.goals.flatMap((g) => g.measures), ...plan.unplacedMeasures];
}

const hasText = (s: { body: string }) => s.body.trim().length > 0;

function sectionEvidence(plan: MunicipalityPlan, kinds: string[]): Evidence[] {
  return plan.sections
    .filter((s) => kinds.includes(s.kind) && hasText(s))
    .map((s) => ({ kind: 'section', id: s.id, origin: s.origin, title: s.title, detail: null }));
}

/** The agencies named as responsible for a measure, including who carries a regional measure out locally. */
export function responsibleParties(measure: MergedMeasure, form: LanguageForm = 'nn'): string[] {
  const names = measure.responsibilities.filter((r) => r.role === 'responsible').map(partyName(form));
  const local = measure.implementation?.responsibleService?.name ?? measure.implementation?.localResponsible;
  return [...new Set([...names, ...(local ? [local] : [])])];
}

/** The agencies a measure names, responsible and partners. A local implementation's unit is the same agency locally, not a partner. */
function allParties(measure: MergedMeasure, form: LanguageForm): string[] {
  return [...new Set(measure.responsibilities.map(partyName(form)))];
}

/** A party as the plan names it; a unit given only by its kind is named in the plan's language form ("Skulen"). */
const partyName = (form: LanguageForm) => (r: MergedMeasure['responsibilities'][number]) =>
  r.service?.name ?? r.name ?? (r.serviceKind ? labelsFor(form).serviceKinds[r.serviceKind] : '?');

/** 1. Goals (mål): the plan's goals, and a main goal stated in a section. */
export function goalsElement(plan: MunicipalityPlan): ElementFinding {
  const evidence: Evidence[] = [
    ...sectionEvidence(plan, ['main_goal']),
    ...plan.goals.filter((g) => g.title.trim()).map((g): Evidence => ({ kind: 'goal', id: g.id, origin: g.origin, title: g.title, detail: null })),
  ];
  return { element: 'goals', present: evidence.length > 0, evidence };
}

/** 2. How the work is organised (organisering): only a section can describe it. */
export function organisationElement(plan: MunicipalityPlan): ElementFinding {
  const evidence = sectionEvidence(plan, ['organisation']);
  return { element: 'organisation', present: evidence.length > 0, evidence };
}

/**
 * 3. How responsibility is divided between the agencies (ansvarsfordeling):
 * a section that describes it, or measures that between them put at least
 * two agencies in charge — a division needs more than one party.
 */
export function responsibilityElement(plan: MunicipalityPlan): ElementFinding {
  const sections = sectionEvidence(plan, ['responsibility']);
  const measures = allMeasures(plan)
    .map((m) => ({ m, parties: responsibleParties(m, plan.municipality.languageForm) }))
    .filter(({ parties }) => parties.length > 0);
  // Agencies are told apart by service or kind, not by how their name is written.
  const agencies = new Set(allMeasures(plan).flatMap(responsibleAgencies));
  const evidence: Evidence[] = [
    ...sections,
    ...measures.map(({ m, parties }): Evidence => ({ kind: 'measure', id: m.id, origin: m.origin, title: m.title, detail: parties.join(', ') })),
  ];
  return { element: 'responsibility', present: sections.length > 0 || agencies.size >= 2, evidence };
}

/** Keys of the agencies responsible for a measure: a registered service by id, else a unit by kind, else by name. */
function responsibleAgencies(measure: MergedMeasure): string[] {
  const keys = measure.responsibilities
    .filter((r) => r.role === 'responsible')
    .map((r) => (r.service ? `service:${r.service.id}` : r.serviceKind ? `kind:${r.serviceKind}` : `name:${r.name}`));
  const local = measure.implementation?.responsibleService;
  return local ? [...keys, `service:${local.id}`] : keys;
}

/** 4. How the agencies cooperate (samarbeid): a section, or measures that two or more agencies carry out together. */
export function cooperationElement(plan: MunicipalityPlan): ElementFinding {
  const sections = sectionEvidence(plan, ['cooperation']);
  const together = allMeasures(plan)
    .map((m) => ({ m, parties: allParties(m, plan.municipality.languageForm) }))
    .filter(({ parties }) => parties.length >= 2);
  const evidence: Evidence[] = [
    ...sections,
    ...together.map(({ m, parties }): Evidence => ({ kind: 'measure', id: m.id, origin: m.origin, title: m.title, detail: parties.join(', ') })),
  ];
  return { element: 'cooperation', present: evidence.length > 0, evidence };
}

export const ELEMENT_RULES = [goalsElement, organisationElement, responsibilityElement, cooperationElement] as const;

export function measuresWithoutResponsible(plan: MunicipalityPlan): WarningFinding[] {
  return allMeasures(plan)
    .filter((m) => responsibleParties(m).length === 0)
    .map((m) => ({ code: 'measure_without_responsible', subject: { kind: 'measure', id: m.id, title: m.title } }));
}

/** A measure whose period ends before the plan starts, or starts after it ends, is not part of this plan's work. */
export function measuresOutsidePlanPeriod(plan: MunicipalityPlan): WarningFinding[] {
  return allMeasures(plan).flatMap((m): WarningFinding[] => {
    // A period belongs to the part that wrote it: a local measure's, or a local implementation's own, to the local part.
    const p = m.implementation?.period ?? m.period;
    const local = m.origin === 'local' || m.implementation?.period;
    const period = (local ? (plan.annexVersion ?? plan.regionalVersion) : plan.regionalVersion).period;
    if (p.kind === 'ongoing' || p.from === null) return [];
    const last = p.kind === 'span' ? p.to : p.kind === 'year' ? p.from : null;
    const endsBefore = period.from !== null && last !== null && last < period.from;
    const startsAfter = period.to !== null && p.from > period.to;
    if (!endsBefore && !startsAfter) return [];
    return [{ code: 'measure_outside_plan_period', subject: { kind: 'measure', id: m.id, title: m.title } }];
  });
}

export function goalsWithoutMeasures(plan: MunicipalityPlan): WarningFinding[] {
  return plan.goals
    .filter((g) => g.measures.length === 0)
    .map((g) => ({ code: 'goal_without_measures', subject: { kind: 'goal', id: g.id, title: g.title } }));
}

/**
 * A shared service (barnevern, PPT, NAV, ...) that serves the municipality but
 * takes part in none of its measures, neither by name nor by its kind (a plan
 * may say "barnevernet" without linking the registered service).
 */
export function sharedServicesWithoutMeasure(plan: MunicipalityPlan, sharedServices: Service[]): WarningFinding[] {
  const involved = new Set<string>();
  for (const m of allMeasures(plan)) {
    for (const r of m.responsibilities) {
      if (r.service) involved.add(r.service.id);
      else if (r.serviceKind) involved.add(`kind:${r.serviceKind}`);
    }
    if (m.implementation?.responsibleService) involved.add(m.implementation.responsibleService.id);
  }
  return sharedServices
    .filter((s) => !involved.has(s.id) && !involved.has(`kind:${s.kind}`))
    .map((s) => ({ code: 'shared_service_without_measure', subject: { kind: 'service', id: s.id, title: s.name } }));
}

/** Each part of the plan should have been out for public consultation (høyring) before its decision. */
export function partsWithoutConsultation(plan: MunicipalityPlan): WarningFinding[] {
  return parts(plan)
    .filter((v) => v.consultation === null)
    .map((v) => ({ code: 'no_consultation', subject: { kind: 'version', id: v.id, title: v.title } }));
}

/**
 * § 3-1: the municipal council itself adopts the plan. The council decides on
 * the plan together with its local part, so the annex's decision is the one
 * that counts; without an annex, the regional plan's. Taking a plan to note
 * ("teke til orientering") is not adopting it.
 */
export function adoptionFindings(plan: MunicipalityPlan): WarningFinding[] {
  const notAdopted = parts(plan).filter((v) => v.status !== 'adopted' && v.status !== 'superseded');
  if (notAdopted.length) {
    return notAdopted.map((v) => ({ code: 'not_adopted', subject: { kind: 'version', id: v.id, title: v.title }, facts: { status: v.status } }));
  }
  const deciding = plan.annexVersion ?? plan.regionalVersion;
  const adoption = deciding.adoption;
  if (adoption && adoption.decidedBy === 'municipal_council' && adoption.decision === 'adopted') return [];
  return [
    {
      code: 'not_adopted_by_council',
      subject: { kind: 'version', id: deciding.id, title: deciding.title },
      facts: { decidedBy: adoption?.decidedBy ?? '', decidedByName: adoption?.decidedByName ?? '', decision: adoption?.decision ?? '' },
    },
  ];
}

const parts = (plan: MunicipalityPlan): VersionSummary[] => [plan.regionalVersion, ...(plan.annexVersion ? [plan.annexVersion] : [])];
