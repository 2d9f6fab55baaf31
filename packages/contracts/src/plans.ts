import { type Static, Type } from '@sinclair/typebox';
import { IsoDate, Kommunenummer, Nullable, Slug, StringEnum, Uuid } from './common.js';
import { LanguageFormSchema } from './tenancy.js';
import {
  AGE_GROUPS,
  CONVENTION_ARTICLE_MAX,
  CONVENTION_ARTICLE_MIN,
  DECIDING_BODIES,
  DECISION_KINDS,
  LAWS,
  MEASURE_STATUSES,
  PERIOD_KINDS,
  PLAN_KINDS,
  PREVENTION_LEVELS,
  RESPONSIBILITY_ROLES,
  SECTION_KINDS,
  SERVICE_KINDS,
  VERSION_STATUSES,
} from './vocabulary.js';

export const PeriodSchema = Type.Object(
  {
    kind: StringEnum(PERIOD_KINDS, { description: 'ongoing ("Pågåande"), year ("2023"), span ("2023–2024"), open_start ("frå 2023")' }),
    from: Nullable(Type.Integer({ minimum: 2000, maximum: 2100 })),
    to: Nullable(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { $id: 'Period', additionalProperties: false },
);
export type Period = Static<typeof PeriodSchema>;

export const ResponsibilitySchema = Type.Object(
  {
    role: StringEnum(RESPONSIBILITY_ROLES),
    service: Nullable(Type.Object({ id: Uuid, slug: Slug, name: Type.String() }, { additionalProperties: false })),
    serviceKind: Nullable(StringEnum(SERVICE_KINDS)),
    name: Nullable(Type.String({ description: 'A unit or partner outside the registered services, e.g. "Politiet".' })),
  },
  { $id: 'Responsibility', additionalProperties: false },
);
export type Responsibility = Static<typeof ResponsibilitySchema>;

export const ImplementationSchema = Type.Object(
  {
    measureId: Type.String({ format: 'uuid', description: 'Stable id of the regional measure.' }),
    localResponsible: Nullable(Type.String()),
    responsibleService: Nullable(Type.Object({ id: Uuid, slug: Slug, name: Type.String() }, { additionalProperties: false })),
    period: Nullable(Type.Ref(PeriodSchema)),
    notes: Type.String(),
    status: StringEnum(MEASURE_STATUSES),
  },
  { $id: 'Implementation', additionalProperties: false, description: 'How a municipality carries out a regional measure.' },
);
export type Implementation = Static<typeof ImplementationSchema>;

export const OriginSchema = StringEnum(['regional', 'local'] as const, {
  $id: 'Origin',
  description: 'regional: from the shared plan; local: from the municipality’s annex',
});

export const MeasureSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Stable id: the same measure keeps it across versions.' }),
    goalId: Type.String({ format: 'uuid', description: 'Stable id of the goal the measure serves.' }),
    title: Type.String(),
    description: Type.String(),
    period: Type.Ref(PeriodSchema),
    responsibilities: Type.Array(Type.Ref(ResponsibilitySchema)),
    preventionLevel: StringEnum(PREVENTION_LEVELS, { description: 'universal: for alle; selective: for nokon; indicated: for få' }),
    ageGroups: Type.Array(StringEnum(AGE_GROUPS)),
    conventionArticles: Type.Array(Type.Integer({ minimum: CONVENTION_ARTICLE_MIN, maximum: CONVENTION_ARTICLE_MAX })),
    laws: Type.Array(StringEnum(LAWS)),
    programme: Nullable(Type.String()),
    status: StringEnum(MEASURE_STATUSES),
    position: Type.Integer({ minimum: 0 }),
  },
  { $id: 'Measure', additionalProperties: false },
);
export type Measure = Static<typeof MeasureSchema>;

export const SectionSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Stable id across versions.' }),
    kind: StringEnum(SECTION_KINDS),
    title: Type.String(),
    body: Type.String({ description: 'Markdown.' }),
    position: Type.Integer({ minimum: 0 }),
  },
  { $id: 'Section', additionalProperties: false },
);
export type Section = Static<typeof SectionSchema>;

export const FocusAreaSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    title: Type.String(),
    description: Type.String(),
    position: Type.Integer({ minimum: 0 }),
  },
  { $id: 'FocusArea', additionalProperties: false },
);
export type FocusArea = Static<typeof FocusAreaSchema>;

export const DesiredStateSchema = Type.Object(
  { id: Uuid, text: Type.String(), position: Type.Integer({ minimum: 0 }) },
  { $id: 'DesiredState', additionalProperties: false, description: '"Slik vil vi ha det".' },
);
export type DesiredState = Static<typeof DesiredStateSchema>;

export const GoalSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Stable id across versions.' }),
    focusAreaId: Nullable(Type.String({ format: 'uuid' })),
    title: Type.String(),
    description: Type.String(),
    position: Type.Integer({ minimum: 0 }),
    desiredStates: Type.Array(Type.Ref(DesiredStateSchema)),
    measures: Type.Array(Type.Ref(MeasureSchema)),
  },
  { $id: 'Goal', additionalProperties: false },
);
export type Goal = Static<typeof GoalSchema>;

export const AdoptionSchema = Type.Object(
  {
    decidedBy: StringEnum(DECIDING_BODIES),
    decidedByName: Nullable(Type.String()),
    decision: StringEnum(DECISION_KINDS, { description: 'adopted (vedteke) or only noted (teke til orientering)' }),
    decidedOn: IsoDate,
    caseReference: Type.String(),
  },
  { $id: 'Adoption', additionalProperties: false },
);

export const VersionSummarySchema = Type.Object(
  {
    id: Uuid,
    planId: Uuid,
    planKind: StringEnum(PLAN_KINDS),
    region: Slug,
    kommunenummer: Nullable(Kommunenummer),
    versionNumber: Type.Integer({ minimum: 1 }),
    status: StringEnum(VERSION_STATUSES),
    title: Type.String(),
    languageForm: Type.Ref(LanguageFormSchema),
    period: Type.Object(
      { from: Nullable(Type.Integer()), to: Nullable(Type.Integer()) },
      { additionalProperties: false },
    ),
    consultation: Nullable(Type.Object({ opensOn: IsoDate, closesOn: IsoDate }, { additionalProperties: false })),
    adoption: Nullable(Type.Ref(AdoptionSchema)),
  },
  { $id: 'VersionSummary', additionalProperties: false },
);
export type VersionSummary = Static<typeof VersionSummarySchema>;

export const PlanVersionSchema = Type.Object(
  {
    version: Type.Ref(VersionSummarySchema),
    sections: Type.Array(Type.Ref(SectionSchema)),
    focusAreas: Type.Array(Type.Ref(FocusAreaSchema)),
    goals: Type.Array(Type.Ref(GoalSchema)),
    measuresForRegionalGoals: Type.Array(Type.Ref(MeasureSchema), {
      description: 'Annex only: local measures that serve a goal of the regional plan (goalId names it).',
    }),
    implementations: Type.Array(Type.Ref(ImplementationSchema), {
      description: 'Annex only: how the municipality carries out measures of the regional plan.',
    }),
  },
  { $id: 'PlanVersion', additionalProperties: false },
);
export type PlanVersion = Static<typeof PlanVersionSchema>;

export const MergedMeasureSchema = Type.Composite(
  [
    MeasureSchema,
    Type.Object({
      origin: Type.Ref(OriginSchema),
      implementation: Nullable(Type.Ref(ImplementationSchema)),
    }),
  ],
  { $id: 'MergedMeasure', additionalProperties: false },
);
export type MergedMeasure = Static<typeof MergedMeasureSchema>;

export const MergedGoalSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    origin: Type.Ref(OriginSchema),
    focusAreaId: Nullable(Type.String({ format: 'uuid' })),
    title: Type.String(),
    description: Type.String(),
    desiredStates: Type.Array(Type.Ref(DesiredStateSchema)),
    measures: Type.Array(Type.Ref(MergedMeasureSchema)),
  },
  { $id: 'MergedGoal', additionalProperties: false },
);
export type MergedGoal = Static<typeof MergedGoalSchema>;

export const MergedSectionSchema = Type.Composite([SectionSchema, Type.Object({ origin: Type.Ref(OriginSchema) })], {
  $id: 'MergedSection',
  additionalProperties: false,
});
export type MergedSection = Static<typeof MergedSectionSchema>;

export const MunicipalityPlanSchema = Type.Object(
  {
    municipality: Type.Object(
      { kommunenummer: Kommunenummer, name: Type.String(), languageForm: Type.Ref(LanguageFormSchema) },
      { additionalProperties: false },
    ),
    region: Type.Object({ slug: Slug, name: Type.String() }, { additionalProperties: false }),
    regionalVersion: Type.Ref(VersionSummarySchema),
    annexVersion: Nullable(Type.Ref(VersionSummarySchema)),
    sections: Type.Array(Type.Ref(MergedSectionSchema), { description: 'The regional sections, then the local ones.' }),
    focusAreas: Type.Array(Type.Ref(FocusAreaSchema)),
    goals: Type.Array(Type.Ref(MergedGoalSchema), {
      description: 'Regional goals with their regional and local measures, then the annex’s own goals.',
    }),
    unplacedMeasures: Type.Array(Type.Ref(MergedMeasureSchema), {
      description:
        'Local measures that serve a regional goal the adopted regional plan no longer has. Shown, not dropped: ' +
        'they are part of what the council decided.',
    }),
  },
  { $id: 'MunicipalityPlan', additionalProperties: false },
);
export type MunicipalityPlan = Static<typeof MunicipalityPlanSchema>;
