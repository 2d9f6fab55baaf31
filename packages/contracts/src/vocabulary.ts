/**
 * The closed vocabularies of the domain. They are part of the public contract:
 * values may be added, never renamed or removed (integrations store them).
 * The database repeats them as CHECK constraints in the migrations, which are
 * frozen in time and so never import this file.
 */

export const LANGUAGE_FORMS = ['nb', 'nn'] as const;
export type LanguageForm = (typeof LANGUAGE_FORMS)[number];

/** A customer is either a group of municipalities or one municipality on its own. */
export const REGION_KINDS = ['intermunicipal', 'single_municipality'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export const SERVICE_KINDS = [
  'barnevern',
  'ppt',
  'nav',
  'helsestasjon',
  'school',
  'kindergarten',
  'sfo',
  'slt',
  'culture',
  'mental_health',
  'dental',
  'refugee',
  'family_counselling',
  'police',
  'voluntary',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Whether a service works across the region's municipalities or inside one. */
export const SERVICE_SCOPES = ['intermunicipal', 'local'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];

export const PLAN_KINDS = ['regional', 'annex'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const VERSION_STATUSES = ['draft', 'consultation', 'adopted', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * Section kinds. The four § 3-1 elements are `main_goal` (with the goals),
 * `organisation`, `responsibility` and `cooperation`.
 */
export const SECTION_KINDS = [
  'vision',
  'main_goal',
  'principles',
  'background',
  'organisation',
  'responsibility',
  'cooperation',
  'participation',
  'follow_up',
  'free',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** "For alle, for nokon, for få". */
export const PREVENTION_LEVELS = ['universal', 'selective', 'indicated'] as const;
export type PreventionLevel = (typeof PREVENTION_LEVELS)[number];

/** Age groups from "barnets 1000 første dager" to young adults up to about 25. */
export const AGE_GROUPS = [
  'first_1000_days',
  'kindergarten',
  'primary_school',
  'lower_secondary',
  'upper_secondary',
  'young_adult',
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const AGE_GROUP_RANGES: Record<AgeGroup, { from: number; to: number }> = {
  first_1000_days: { from: 0, to: 2 },
  kindergarten: { from: 1, to: 5 },
  primary_school: { from: 6, to: 12 },
  lower_secondary: { from: 13, to: 15 },
  upper_secondary: { from: 16, to: 19 },
  young_adult: { from: 19, to: 25 },
};

/** The 14 welfare laws with the duty to cooperate, plus folkehelseloven. */
export const LAWS = [
  'barnevernloven',
  'barnehageloven',
  'opplaeringsloven',
  'helse_og_omsorgstjenesteloven',
  'sosialtjenesteloven',
  'nav_loven',
  'tannhelsetjenesteloven',
  'integreringsloven',
  'krisesenterloven',
  'familievernkontorloven',
  'spesialisthelsetjenesteloven',
  'privatskoleloven',
  'barneloven',
  'helsepersonelloven',
  'folkehelseloven',
] as const;
export type Law = (typeof LAWS)[number];

export const MEASURE_STATUSES = ['planned', 'active', 'completed', 'discontinued'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** "Pågåande", "2023", "2023–2024", "frå 2023". */
export const PERIOD_KINDS = ['ongoing', 'year', 'span', 'open_start'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const RESPONSIBILITY_ROLES = ['responsible', 'partner'] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];

/** § 3-1: the council itself ("kommunestyret sjølv") must adopt the plan. */
export const DECIDING_BODIES = ['municipal_council', 'regional_council', 'committee', 'administration'] as const;
export type DecidingBody = (typeof DECIDING_BODIES)[number];

/** Tokke "tek planen til orientering": noting a plan is not adopting it. */
export const DECISION_KINDS = ['adopted', 'noted'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The UN Convention on the Rights of the Child has 54 articles. */
export const CONVENTION_ARTICLE_MIN = 1;
export const CONVENTION_ARTICLE_MAX = 54;

/**
 * A subject's role in a region. A municipal editor holds it for one
 * municipality, a service editor for one service.
 */
export const REGION_ROLES = ['region_admin', 'municipal_editor', 'service_editor', 'reader'] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

/** What an API client's token may be used for. */
export const API_CLIENT_SCOPES = ['plans:read', 'measures:read', 'webhooks:manage'] as const;
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number];

/** How the editors handled a piece of consultation input. */
export const CONSULTATION_HANDLINGS = ['accepted', 'partly_accepted', 'not_accepted', 'noted'] as const;
export type ConsultationHandling = (typeof CONSULTATION_HANDLINGS)[number];

/** The four things barnevernloven § 3-1 says a plan must describe. */
export const COMPLIANCE_ELEMENTS = ['goals', 'organisation', 'responsibility', 'cooperation'] as const;
export type ComplianceElement = (typeof COMPLIANCE_ELEMENTS)[number];

/**
 * What the § 3-1 report warns about; each code names one rule. A measure
 * without any period cannot be stored (the period is required), so the period
 * rule looks for measures whose period lies outside the plan's.
 */
export const COMPLIANCE_WARNINGS = [
  'measure_without_responsible',
  'measure_outside_plan_period',
  'goal_without_measures',
  'shared_service_without_measure',
  'no_consultation',
  'not_adopted',
  'not_adopted_by_council',
] as const;
export type ComplianceWarningCode = (typeof COMPLIANCE_WARNINGS)[number];

/** Which version of a plan a read is about: the adopted one, or the one being worked on. */
export const PLAN_READ_VERSIONS = ['adopted', 'draft'] as const;
export type PlanReadVersion = (typeof PLAN_READ_VERSIONS)[number];

/**
 * What a webhook endpoint may subscribe to. The measure events are sent when
 * a version is adopted: one per measure created, changed or removed by it.
 */
export const WEBHOOK_EVENT_TYPES = [
  'plan.version.adopted',
  'plan.consultation.opened',
  'measure.created',
  'measure.updated',
  'measure.deleted',
  'webhook.endpoint.disabled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** pending: attempts are still to come; failed: every attempt failed (a manual redelivery may still be asked for). */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export const WEBHOOK_ATTEMPT_OUTCOMES = ['in_flight', 'succeeded', 'failed', 'abandoned'] as const;
