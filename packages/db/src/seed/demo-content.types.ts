import type {
  AgeGroup,
  DecidingBody,
  DecisionKind,
  Law,
  LanguageForm,
  MeasureStatus,
  PreventionLevel,
  SectionKind,
  ServiceKind,
  ServiceScope,
} from '@oppvekst/contracts';

/**
 * The shape of the demo content. Every entry has a `key` that is unique within
 * its plan: the seed derives deterministic ids from keys, which is what makes
 * re-running it harmless.
 */

export interface DemoRegion {
  slug: string;
  name: string;
  languageForm: LanguageForm;
  municipalities: DemoMunicipality[];
  services: DemoService[];
  regionalPlan: DemoPlan;
  annexes: Record<string, DemoPlan>; // by kommunenummer
}

export interface DemoMunicipality {
  kommunenummer: string;
  name: string;
  languageForm: LanguageForm;
}

export interface DemoService {
  slug: string;
  name: string;
  kind: ServiceKind;
  scope: ServiceScope;
  /** kommunenummer of the municipalities the service serves. */
  serves: string[];
}

export interface DemoPlan {
  title: string;
  languageForm: LanguageForm;
  periodFrom: number;
  periodTo: number;
  adoption: {
    body: DecidingBody;
    bodyName: string;
    decision: DecisionKind;
    decidedOn: string; // yyyy-mm-dd
    caseReference: string;
  };
  consultation?: { opensOn: string; closesOn: string };
  sections: DemoSection[];
  focusAreas: DemoFocusArea[];
  goals: DemoGoal[];
  /** Annex only: local measures that serve a goal of the regional plan. */
  measuresForRegionalGoals?: Array<{ regionalGoalKey: string; measure: DemoMeasure }>;
  /** Annex only: how this municipality carries out measures of the regional plan. */
  implementations?: DemoImplementation[];
}

export interface DemoSection {
  key: string;
  kind: SectionKind;
  title: string;
  /** Markdown. */
  body: string;
}

export interface DemoFocusArea {
  key: string;
  title: string;
  description: string;
}

export interface DemoGoal {
  key: string;
  focusAreaKey?: string;
  title: string;
  description?: string;
  /** "Slik vil vi ha det". */
  desiredStates: string[];
  measures: DemoMeasure[];
}

export type DemoPeriod =
  | { kind: 'ongoing' }
  | { kind: 'year'; from: number }
  | { kind: 'span'; from: number; to: number }
  | { kind: 'open_start'; from: number };

/** Either a service of the region (by slug), a kind of local service, or a named partner outside the municipality. */
export type DemoResponsibility = { service: string } | { kind: ServiceKind } | { name: string; kind?: ServiceKind };

export interface DemoMeasure {
  key: string;
  title: string;
  description: string;
  period: DemoPeriod;
  responsible: DemoResponsibility[];
  partners: DemoResponsibility[];
  preventionLevel: PreventionLevel;
  ageGroups: AgeGroup[];
  conventionArticles: number[];
  laws: Law[];
  programme?: string;
  status: MeasureStatus;
}

export interface DemoImplementation {
  /** Key of the regional measure. */
  measureKey: string;
  localResponsible: string;
  period?: DemoPeriod;
  notes: string;
  status: MeasureStatus;
}
