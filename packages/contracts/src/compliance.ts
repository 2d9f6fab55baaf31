import { type Static, Type } from '@sinclair/typebox';
import { Kommunenummer, Nullable, Slug, StringEnum, Uuid } from './common.js';
import { OriginSchema, VersionSummarySchema } from './plans.js';
import { LanguageFormSchema } from './tenancy.js';
import { COMPLIANCE_ELEMENTS, COMPLIANCE_WARNINGS, PLAN_READ_VERSIONS } from './vocabulary.js';

/** `?version=` on plan reads: `draft` is the version being worked on (draft or consultation), for those who may see it. */
export const PlanReadQuery = Type.Object(
  {
    version: Type.Optional(
      StringEnum(PLAN_READ_VERSIONS, {
        description:
          'adopted (default), or draft: each part’s version under work (draft or consultation) where there is one that the ' +
          'caller may see, otherwise its adopted version. 404 when neither part has one.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const EvidenceSchema = Type.Object(
  {
    kind: StringEnum(['section', 'goal', 'measure'] as const),
    id: Type.String({ format: 'uuid', description: 'Stable id of the section, goal or measure.' }),
    origin: Type.Ref(OriginSchema),
    title: Type.String(),
    detail: Nullable(Type.String({ description: 'Why this counts, e.g. the services named as responsible.' })),
  },
  { $id: 'ComplianceEvidence', additionalProperties: false },
);
export type Evidence = Static<typeof EvidenceSchema>;

export const ComplianceElementResultSchema = Type.Object(
  {
    element: StringEnum(COMPLIANCE_ELEMENTS, { description: 'goals (mål), organisation (organisering), responsibility (ansvarsfordeling), cooperation (samarbeid)' }),
    label: Type.String({ description: 'The element’s name in the plan’s language form.' }),
    present: Type.Boolean(),
    explanation: Type.String({ description: 'What was looked for and what was found, in the plan’s language form.' }),
    evidence: Type.Array(Type.Ref(EvidenceSchema)),
  },
  { $id: 'ComplianceElementResult', additionalProperties: false },
);
export type ComplianceElementResult = Static<typeof ComplianceElementResultSchema>;

export const ComplianceWarningSchema = Type.Object(
  {
    code: StringEnum(COMPLIANCE_WARNINGS),
    message: Type.String({ description: 'In the plan’s language form.' }),
    subject: Nullable(
      Type.Object(
        {
          kind: StringEnum(['goal', 'measure', 'service', 'version'] as const),
          id: Uuid,
          title: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'ComplianceWarning', additionalProperties: false },
);
export type ComplianceWarning = Static<typeof ComplianceWarningSchema>;

export const ComplianceReportSchema = Type.Object(
  {
    municipality: Type.Object({ kommunenummer: Kommunenummer, name: Type.String() }, { additionalProperties: false }),
    region: Type.Object({ slug: Slug, name: Type.String() }, { additionalProperties: false }),
    languageForm: Type.Ref(LanguageFormSchema),
    regionalVersion: Type.Ref(VersionSummarySchema),
    annexVersion: Nullable(Type.Ref(VersionSummarySchema)),
    complete: Type.Boolean({ description: 'All four § 3-1 elements are present. Warnings do not change this.' }),
    summary: Type.String({ description: 'One sentence for the case papers, in the plan’s language form.' }),
    elements: Type.Array(Type.Ref(ComplianceElementResultSchema), { minItems: 4, maxItems: 4 }),
    warnings: Type.Array(Type.Ref(ComplianceWarningSchema)),
  },
  { $id: 'ComplianceReport', additionalProperties: false },
);
export type ComplianceReport = Static<typeof ComplianceReportSchema>;
