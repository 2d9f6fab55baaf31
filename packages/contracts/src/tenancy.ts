import { type Static, Type } from '@sinclair/typebox';
import { Kommunenummer, Slug, StringEnum, Uuid } from './common.js';
import { LANGUAGE_FORMS, REGION_KINDS, SERVICE_KINDS, SERVICE_SCOPES } from './vocabulary.js';

export const LanguageFormSchema = StringEnum(LANGUAGE_FORMS, {
  $id: 'LanguageForm',
  description: 'nb: bokmål, nn: nynorsk',
});

export const MunicipalitySchema = Type.Object(
  {
    id: Uuid,
    kommunenummer: Kommunenummer,
    name: Type.String(),
    languageForm: Type.Ref(LanguageFormSchema),
    region: Slug,
  },
  { $id: 'Municipality', additionalProperties: false },
);
export type Municipality = Static<typeof MunicipalitySchema>;

export const RegionSchema = Type.Object(
  {
    id: Uuid,
    slug: Slug,
    name: Type.String(),
    kind: StringEnum(REGION_KINDS),
    languageForm: Type.Ref(LanguageFormSchema),
    municipalities: Type.Array(
      Type.Object({ kommunenummer: Kommunenummer, name: Type.String() }, { additionalProperties: false }),
    ),
  },
  { $id: 'Region', additionalProperties: false },
);
export type Region = Static<typeof RegionSchema>;

export const ServiceSchema = Type.Object(
  {
    id: Uuid,
    slug: Slug,
    name: Type.String(),
    kind: StringEnum(SERVICE_KINDS),
    scope: StringEnum(SERVICE_SCOPES),
    municipalities: Type.Array(Kommunenummer, { description: 'The municipalities the service serves.' }),
  },
  { $id: 'Service', additionalProperties: false },
);
export type Service = Static<typeof ServiceSchema>;

export const RegionListSchema = Type.Object({ items: Type.Array(Type.Ref(RegionSchema)) }, { $id: 'RegionList' });
export const MunicipalityListSchema = Type.Object(
  { items: Type.Array(Type.Ref(MunicipalitySchema)) },
  { $id: 'MunicipalityList' },
);
export const ServiceListSchema = Type.Object({ items: Type.Array(Type.Ref(ServiceSchema)) }, { $id: 'ServiceList' });
