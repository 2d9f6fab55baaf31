import { type Static, Type } from '@sinclair/typebox';
import { FieldChangeSchema } from './authoring.js';
import { IsoDate, Kommunenummer, Nullable, Slug, StringEnum, Uuid } from './common.js';
import { ImplementationSchema, MeasureSchema } from './plans.js';
import {
  AGE_GROUPS,
  CONVENTION_ARTICLE_MAX,
  CONVENTION_ARTICLE_MIN,
  LAWS,
  MEASURE_STATUSES,
  PLAN_KINDS,
  PREVENTION_LEVELS,
  VERSION_STATUSES,
} from './vocabulary.js';

export const MeasureListItemSchema = Type.Composite(
  [
    MeasureSchema,
    Type.Object({
      plan: Type.Object(
        {
          kind: StringEnum(PLAN_KINDS),
          region: Slug,
          kommunenummer: Nullable(Kommunenummer),
          versionId: Uuid,
          versionNumber: Type.Integer({ minimum: 1 }),
          status: StringEnum(VERSION_STATUSES),
        },
        { additionalProperties: false },
      ),
      implementation: Nullable(Type.Ref(ImplementationSchema), {
        description: 'With a municipality filter: how that municipality carries out this regional measure.',
      }),
    }),
  ],
  { $id: 'MeasureListItem', additionalProperties: false },
);
export type MeasureListItem = Static<typeof MeasureListItemSchema>;

export const MeasurePageSchema = Type.Object(
  {
    items: Type.Array(Type.Ref(MeasureListItemSchema)),
    nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page.' })),
  },
  { $id: 'MeasurePage', additionalProperties: false },
);
export type MeasurePage = Static<typeof MeasurePageSchema>;

export const MEASURE_CHANGES = ['upserted', 'removed'] as const;
export type MeasureChangeKind = (typeof MEASURE_CHANGES)[number];

export const MeasureChangeSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Stable id of the measure.' }),
    change: StringEnum(MEASURE_CHANGES, {
      description:
        'upserted: store `measure` under `id` (new or changed). removed: delete `id` from your copy; the measure has left ' +
        'the view (removed from the adopted version, its draft discarded or adopted, or it no longer matches the filters).',
    }),
    changedAt: Type.String({ format: 'date-time', description: 'When the change was committed.' }),
    measure: Nullable(Type.Ref(MeasureListItemSchema), { description: 'The measure as it is now; null when removed.' }),
  },
  { $id: 'MeasureChange', additionalProperties: false },
);
export type MeasureChange = Static<typeof MeasureChangeSchema>;

export const MeasureChangePageSchema = Type.Object(
  {
    items: Type.Array(Type.Ref(MeasureChangeSchema), { description: 'Oldest change first.' }),
    nextCursor: Nullable(Type.String({ description: 'More changes are waiting: pass as `cursor` (with the same query). Null once caught up.' })),
    nextUpdatedSince: Type.String({
      description:
        'Keep this and pass it as `updatedSince` next time, once `nextCursor` is null: nothing before it is ever sent again. ' +
        'It names its channel (and for drafts its region) and is refused elsewhere.',
    }),
  },
  { $id: 'MeasureChangePage', additionalProperties: false },
);
export type MeasureChangePage = Static<typeof MeasureChangePageSchema>;

/** Repeated query parameters (`status=active&status=planned`) match any of their values. */
const anyOf = <T extends ReturnType<typeof StringEnum>>(values: T, description: string) =>
  Type.Optional(Type.Array(values, { minItems: 1, maxItems: 20, description }));

export const MeasureListQuerySchema = Type.Object(
  {
    region: Type.Optional(Slug),
    municipality: Type.Optional(Kommunenummer),
    version: Type.Optional(
      StringEnum(['adopted', 'draft'] as const, {
        description:
          'adopted (default): the adopted plans. draft: the versions being worked on (draft or consultation), for those who may see ' +
          'the region’s drafts; needs `region` or `municipality`.',
      }),
    ),
    service: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 63, description: 'Slug of a service responsible for the measure (or, with `municipality`, for its local implementation).' })),
    goal: Type.Optional(Type.String({ format: 'uuid', description: 'Stable id of the goal the measure serves.' })),
    status: anyOf(StringEnum(MEASURE_STATUSES), 'The measure’s status.'),
    preventionLevel: anyOf(StringEnum(PREVENTION_LEVELS), 'For alle, for nokon, for få.'),
    ageGroup: anyOf(StringEnum(AGE_GROUPS), 'Measures for any of these age groups.'),
    law: anyOf(StringEnum(LAWS), 'Measures that rest on any of these laws.'),
    conventionArticle: Type.Optional(
      Type.Array(Type.Integer({ minimum: CONVENTION_ARTICLE_MIN, maximum: CONVENTION_ARTICLE_MAX }), {
        minItems: 1,
        maxItems: 20,
        description: 'Measures that rest on any of these articles of the Convention on the Rights of the Child.',
      }),
    ),
    activeIn: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'A year the measure’s period covers (ongoing measures cover every year).' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Norwegian full-text search (nynorsk and bokmål) in title, programme and description.' })),
    updatedSince: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description:
          'Changes instead of a list: a `nextUpdatedSince` from an earlier answer (exact), or a date-time. The answer is a MeasureChangePage. ' +
          'A `nextUpdatedSince` holds only in the channel it came from (and for `version=draft`, the region): elsewhere it is a 400.',
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
export type MeasureListQuery = Static<typeof MeasureListQuerySchema>;

export const MeasureHistoryEntrySchema = Type.Object(
  {
    versionId: Uuid,
    versionNumber: Type.Integer({ minimum: 1 }),
    status: StringEnum(VERSION_STATUSES),
    decidedOn: Nullable(IsoDate, { description: 'The council’s decision date, for adopted and superseded versions.' }),
    measure: Type.Ref(MeasureSchema, { description: 'The measure as it is in this version.' }),
    changes: Type.Array(Type.Ref(FieldChangeSchema), { description: 'What differs from the version before it (empty for the first).' }),
  },
  { $id: 'MeasureHistoryEntry', additionalProperties: false },
);
export type MeasureHistoryEntry = Static<typeof MeasureHistoryEntrySchema>;

export const MeasureHistorySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    plan: Type.Object(
      { kind: StringEnum(PLAN_KINDS), region: Slug, kommunenummer: Nullable(Kommunenummer) },
      { additionalProperties: false },
    ),
    state: StringEnum(['in_force', 'removed', 'proposed'] as const, {
      description:
        'in_force: in the plan’s adopted version. removed: in an earlier adopted version, not in the one in force. ' +
        'proposed: only in a version being worked on.',
    }),
    versions: Type.Array(Type.Ref(MeasureHistoryEntrySchema), { description: 'The versions you may see that have the measure, oldest first.' }),
  },
  { $id: 'MeasureHistory', additionalProperties: false },
);
export type MeasureHistory = Static<typeof MeasureHistorySchema>;
