import { type Static, Type } from '@sinclair/typebox';
import { Kommunenummer, Nullable, Slug, StringEnum, Uuid } from './common.js';
import { ImplementationSchema, MeasureSchema } from './plans.js';
import { PLAN_KINDS, VERSION_STATUSES } from './vocabulary.js';

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

export const MeasureListQuerySchema = Type.Object(
  {
    region: Type.Optional(Slug),
    municipality: Type.Optional(Kommunenummer),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
export type MeasureListQuery = Static<typeof MeasureListQuerySchema>;
