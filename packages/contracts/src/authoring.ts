import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { IsoDate, Nullable, Slug, StringEnum, Uuid } from './common.js';
import { GoalSchema, VersionSummarySchema } from './plans.js';
import {
  AGE_GROUPS,
  CONSULTATION_HANDLINGS,
  CONVENTION_ARTICLE_MAX,
  CONVENTION_ARTICLE_MIN,
  DECIDING_BODIES,
  DECISION_KINDS,
  LAWS,
  MEASURE_STATUSES,
  PERIOD_KINDS,
  PREVENTION_LEVELS,
  RESPONSIBILITY_ROLES,
  SECTION_KINDS,
  SERVICE_KINDS,
} from './vocabulary.js';

/**
 * What editors and the public send: drafts, lifecycle steps, consultation
 * input. Every body refuses unknown fields, so ids, regions, versions and
 * timestamps can never be assigned through them. The limits repeat the
 * database's CHECK constraints and are part of the contract.
 */
export const LIMITS = {
  title: 300,
  sectionBody: 50_000,
  description: 10_000,
  measureDescription: 20_000,
  desiredStateText: 2_000,
  programme: 200,
  responsibilities: 20,
  partnerName: 200,
  localResponsible: 300,
  notes: 10_000,
  caseReference: 100,
  decidedByName: 200,
  authorName: 200,
  contact: 320,
  inputText: 20_000,
  response: 20_000,
  /** Items of one kind in one version (sections, focus areas, goals, measures) or desired states of one goal. */
  itemsPerVersion: { section: 100, focus_area: 50, goal: 200, measure: 2_000, desired_state: 50, implementation: 2_000 },
} as const;

const Title = Type.String({ minLength: 1, maxLength: LIMITS.title });
const Position = Type.Integer({
  minimum: 0,
  maximum: 10_000,
  description: 'Where the item goes among its siblings, from 0; past the end means last. The others shift to make room.',
});
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

/** A patch changes at least one field; `required` of the new-item schema is dropped. */
const patchOf = <T extends TProperties>(schema: TObject<T>, $id: string, description: string) =>
  Type.Partial(Type.Object(schema.properties, { additionalProperties: false }), {
    $id,
    additionalProperties: false,
    minProperties: 1,
    description,
  });

export const PeriodInputSchema = Type.Object(
  {
    kind: StringEnum(PERIOD_KINDS),
    from: Type.Optional(Nullable(Year)),
    to: Type.Optional(Nullable(Year)),
  },
  {
    $id: 'PeriodInput',
    additionalProperties: false,
    description: 'ongoing: no years; year and open_start: `from`; span: `from` < `to`.',
  },
);
export type PeriodInput = Static<typeof PeriodInputSchema>;

// ---- Versions and the lifecycle -------------------------------------------------

export const VersionListSchema = Type.Object(
  { items: Type.Array(Type.Ref(VersionSummarySchema)) },
  { $id: 'VersionList', additionalProperties: false },
);

export const NewPlanVersionSchema = Type.Object(
  {
    title: Type.Optional(Title),
    period: Type.Optional(Type.Object({ from: Nullable(Year), to: Nullable(Year) }, { additionalProperties: false })),
  },
  {
    $id: 'NewPlanVersion',
    additionalProperties: false,
    description: 'A revision starts as a copy of the adopted version; title and period default to its own. A plan’s first version needs a title.',
  },
);
export type NewPlanVersion = Static<typeof NewPlanVersionSchema>;

export const PlanVersionPatchSchema = patchOf(NewPlanVersionSchema, 'PlanVersionPatch', 'The draft’s title or period.');
export type PlanVersionPatch = Static<typeof PlanVersionPatchSchema>;

export const ConsultationWindowSchema = Type.Object(
  {
    opensOn: IsoDate,
    closesOn: IsoDate,
  },
  {
    $id: 'ConsultationWindow',
    additionalProperties: false,
    description: 'Dates in Norwegian time, both days included. The window may open later than today but not close before it.',
  },
);
export type ConsultationWindow = Static<typeof ConsultationWindowSchema>;

export const AdoptionInputSchema = Type.Object(
  {
    decidedBy: StringEnum(DECIDING_BODIES),
    decidedByName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: LIMITS.decidedByName }))),
    decision: StringEnum(DECISION_KINDS, { description: 'adopted (vedteke) or only noted (teke til orientering)' }),
    decidedOn: IsoDate,
    caseReference: Type.String({ minLength: 1, maxLength: LIMITS.caseReference, examples: ['24/1234'] }),
  },
  { $id: 'AdoptionInput', additionalProperties: false, description: 'The council’s decision, as recorded in its case.' },
);
export type AdoptionInput = Static<typeof AdoptionInputSchema>;

// ---- Content of a draft -----------------------------------------------------------

export const NewSectionSchema = Type.Object(
  {
    kind: StringEnum(SECTION_KINDS),
    title: Title,
    body: Type.Optional(Type.String({ maxLength: LIMITS.sectionBody, description: 'Markdown.' })),
    position: Type.Optional(Position),
  },
  { $id: 'NewSection', additionalProperties: false },
);
export type NewSection = Static<typeof NewSectionSchema>;
export const SectionPatchSchema = patchOf(NewSectionSchema, 'SectionPatch', 'Fields of a section to change.');
export type SectionPatch = Static<typeof SectionPatchSchema>;

export const NewFocusAreaSchema = Type.Object(
  {
    title: Title,
    description: Type.Optional(Type.String({ maxLength: LIMITS.description })),
    position: Type.Optional(Position),
  },
  { $id: 'NewFocusArea', additionalProperties: false },
);
export type NewFocusArea = Static<typeof NewFocusAreaSchema>;
export const FocusAreaPatchSchema = patchOf(NewFocusAreaSchema, 'FocusAreaPatch', 'Fields of a focus area to change.');
export type FocusAreaPatch = Static<typeof FocusAreaPatchSchema>;

/** A goal on its own: its desired states and measures are resources of their own. */
export const GoalItemSchema = Type.Omit(GoalSchema, ['desiredStates', 'measures'], { $id: 'GoalItem', additionalProperties: false });
export type GoalItem = Static<typeof GoalItemSchema>;

export const NewGoalSchema = Type.Object(
  {
    title: Title,
    description: Type.Optional(Type.String({ maxLength: LIMITS.description })),
    focusAreaId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'Stable id of a focus area of this version.' }))),
    position: Type.Optional(Position),
  },
  { $id: 'NewGoal', additionalProperties: false },
);
export type NewGoal = Static<typeof NewGoalSchema>;
export const GoalPatchSchema = patchOf(NewGoalSchema, 'GoalPatch', 'Fields of a goal to change.');
export type GoalPatch = Static<typeof GoalPatchSchema>;

export const NewDesiredStateSchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: LIMITS.desiredStateText }),
    position: Type.Optional(Position),
  },
  { $id: 'NewDesiredState', additionalProperties: false, description: '"Slik vil vi ha det".' },
);
export type NewDesiredState = Static<typeof NewDesiredStateSchema>;
export const DesiredStatePatchSchema = patchOf(NewDesiredStateSchema, 'DesiredStatePatch', 'Fields of a desired state to change.');
export type DesiredStatePatch = Static<typeof DesiredStatePatchSchema>;

export const ResponsibilityInputSchema = Type.Object(
  {
    role: StringEnum(RESPONSIBILITY_ROLES),
    service: Type.Optional(Nullable(Slug, { description: 'A service of the region, by slug.' })),
    serviceKind: Type.Optional(Nullable(StringEnum(SERVICE_KINDS))),
    name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: LIMITS.partnerName }))),
  },
  {
    $id: 'ResponsibilityInput',
    additionalProperties: false,
    description: 'Names a service of the region, a kind of local service, or a partner outside (at least one).',
  },
);
export type ResponsibilityInput = Static<typeof ResponsibilityInputSchema>;

const UniqueList = <T extends ReturnType<typeof StringEnum>>(item: T, maxItems: number) =>
  Type.Array(item, { uniqueItems: true, maxItems });

export const NewMeasureSchema = Type.Object(
  {
    goalId: Type.String({
      format: 'uuid',
      description: 'Stable id of a goal of this version; in an annex, also a goal of the adopted regional plan.',
    }),
    title: Title,
    description: Type.Optional(Type.String({ maxLength: LIMITS.measureDescription })),
    period: Type.Ref(PeriodInputSchema),
    responsibilities: Type.Optional(Type.Array(Type.Ref(ResponsibilityInputSchema), { maxItems: LIMITS.responsibilities })),
    preventionLevel: StringEnum(PREVENTION_LEVELS),
    ageGroups: Type.Optional(UniqueList(StringEnum(AGE_GROUPS), AGE_GROUPS.length)),
    conventionArticles: Type.Optional(
      Type.Array(Type.Integer({ minimum: CONVENTION_ARTICLE_MIN, maximum: CONVENTION_ARTICLE_MAX }), {
        uniqueItems: true,
        maxItems: CONVENTION_ARTICLE_MAX,
      }),
    ),
    laws: Type.Optional(UniqueList(StringEnum(LAWS), LAWS.length)),
    programme: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: LIMITS.programme }))),
    status: StringEnum(MEASURE_STATUSES),
    position: Type.Optional(Position),
  },
  { $id: 'NewMeasure', additionalProperties: false },
);
export type NewMeasure = Static<typeof NewMeasureSchema>;
export const MeasurePatchSchema = patchOf(NewMeasureSchema, 'MeasurePatch', 'Fields of a measure to change; `responsibilities` replaces the list.');
export type MeasurePatch = Static<typeof MeasurePatchSchema>;

export const NewImplementationSchema = Type.Object(
  {
    measureId: Type.String({ format: 'uuid', description: 'Stable id of a measure of the adopted regional plan.' }),
    localResponsible: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: LIMITS.localResponsible }))),
    responsibleService: Type.Optional(Nullable(Slug, { description: 'A service of the region, by slug.' })),
    period: Type.Optional(Nullable(Type.Ref(PeriodInputSchema))),
    notes: Type.Optional(Type.String({ maxLength: LIMITS.notes })),
    status: StringEnum(MEASURE_STATUSES),
  },
  { $id: 'NewImplementation', additionalProperties: false, description: 'How the municipality carries out a regional measure.' },
);
export type NewImplementation = Static<typeof NewImplementationSchema>;
const { measureId: _measureId, ...implementationFields } = NewImplementationSchema.properties;
export const ImplementationPatchSchema = Type.Partial(Type.Object(implementationFields, { additionalProperties: false }), {
  $id: 'ImplementationPatch',
  additionalProperties: false,
  minProperties: 1,
  description: 'Fields of an implementation to change.',
});
export type ImplementationPatch = Static<typeof ImplementationPatchSchema>;

// ---- Public consultation ----------------------------------------------------------

export const NewConsultationInputSchema = Type.Object(
  {
    authorName: Type.String({
      minLength: 1,
      maxLength: LIMITS.authorName,
      description: 'A person or an organisation. Published with the adopted version.',
      examples: ['Tokke ungdomsråd'],
    }),
    contact: Type.Optional(
      Type.String({ minLength: 1, maxLength: LIMITS.contact, description: 'E-mail or phone. Seen by the plan’s editors only, never published.' }),
    ),
    text: Type.String({ minLength: 1, maxLength: LIMITS.inputText }),
    concerns: Type.Optional(Type.String({ format: 'uuid', description: 'Stable id of the goal or measure the input is about.' })),
  },
  { $id: 'NewConsultationInput', additionalProperties: false },
);
export type NewConsultationInput = Static<typeof NewConsultationInputSchema>;

export const ConsultationHandlingSchema = StringEnum(CONSULTATION_HANDLINGS, {
  $id: 'ConsultationHandling',
  description: 'accepted (teke til følgje), partly_accepted, not_accepted, noted (teke til orientering)',
});

export const ConsultationSubmissionSchema = Type.Object(
  {
    id: Uuid,
    versionId: Uuid,
    authorName: Type.String(),
    contact: Nullable(Type.String(), { description: 'Only for the plan’s editors; null for everyone else.' }),
    text: Type.String(),
    concerns: Nullable(
      Type.Object(
        { id: Type.String({ format: 'uuid' }), kind: StringEnum(['section', 'focus_area', 'goal', 'measure'] as const) },
        { additionalProperties: false },
      ),
    ),
    receivedAt: Type.String({ format: 'date-time' }),
    answer: Nullable(
      Type.Object(
        {
          response: Type.String(),
          handling: Type.Ref(ConsultationHandlingSchema),
          answeredAt: Type.String({ format: 'date-time' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'ConsultationSubmission', additionalProperties: false },
);
export type ConsultationSubmission = Static<typeof ConsultationSubmissionSchema>;

export const ConsultationSubmissionListSchema = Type.Object(
  { items: Type.Array(Type.Ref(ConsultationSubmissionSchema)) },
  { $id: 'ConsultationSubmissionList', additionalProperties: false },
);

export const ReceivedConsultationInputSchema = Type.Object(
  {
    id: Uuid,
    versionId: Uuid,
    receivedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ReceivedConsultationInput', additionalProperties: false, description: 'The receipt: the input itself is published with the adopted version.' },
);

export const ConsultationAnswerSchema = Type.Object(
  {
    response: Type.String({ minLength: 1, maxLength: LIMITS.response }),
    handling: Type.Ref(ConsultationHandlingSchema),
  },
  { $id: 'ConsultationAnswer', additionalProperties: false },
);
export type ConsultationAnswer = Static<typeof ConsultationAnswerSchema>;

// ---- Diffs ------------------------------------------------------------------------

export const FieldChangeSchema = Type.Object(
  {
    field: Type.String({ description: 'The field’s name in the version’s JSON, e.g. title, period, responsibilities.' }),
    from: Type.Unknown(),
    to: Type.Unknown(),
  },
  { $id: 'FieldChange', additionalProperties: false },
);

const DiffItem = Type.Object(
  { id: Type.String({ format: 'uuid' }), title: Nullable(Type.String()) },
  { additionalProperties: false },
);

export const ItemChangesSchema = Type.Object(
  {
    added: Type.Array(DiffItem),
    removed: Type.Array(DiffItem),
    changed: Type.Array(
      Type.Object(
        { id: Type.String({ format: 'uuid' }), title: Nullable(Type.String()), fields: Type.Array(Type.Ref(FieldChangeSchema)) },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'ItemChanges', additionalProperties: false },
);
export type ItemChanges = Static<typeof ItemChangesSchema>;

export const VersionDiffSchema = Type.Object(
  {
    from: Type.Ref(VersionSummarySchema),
    to: Type.Ref(VersionSummarySchema),
    version: Type.Array(Type.Ref(FieldChangeSchema), { description: 'Title and period of the version itself.' }),
    sections: Type.Ref(ItemChangesSchema),
    focusAreas: Type.Ref(ItemChangesSchema),
    goals: Type.Ref(ItemChangesSchema),
    measures: Type.Ref(ItemChangesSchema),
    implementations: Type.Ref(ItemChangesSchema, { description: 'Annex only: by the regional measure’s stable id.' }),
  },
  {
    $id: 'VersionDiff',
    additionalProperties: false,
    description: 'What changed from one version of a plan to another, matched by stable id. Order (position) is not compared.',
  },
);
export type VersionDiff = Static<typeof VersionDiffSchema>;
