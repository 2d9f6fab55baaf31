import { type Static, Type } from '@sinclair/typebox';
import { Kommunenummer, Nullable, Slug, StringEnum, Uuid } from './common.js';
import { LanguageFormSchema } from './tenancy.js';
import { API_CLIENT_SCOPES, REGION_KINDS, REGION_ROLES } from './vocabulary.js';

/**
 * A token's subject as the identity provider names it. Subjects beginning
 * with "client:" are reserved for API clients, so a person can never be
 * mistaken for an integration.
 */
export const Subject = Type.String({
  minLength: 1,
  maxLength: 255,
  pattern: '^(?!client:)[^\\s]+$',
  description: 'The `sub` claim of the member’s tokens, e.g. an e-mail address or the identity provider’s user id.',
  examples: ['kari.nordmann@tokke.kommune.no'],
});

export const RegionRoleSchema = StringEnum(REGION_ROLES, {
  $id: 'RegionRole',
  description:
    'region_admin: the regional plan, members and API clients; municipal_editor: one municipality’s annex; ' +
    'service_editor: one service’s reporting on its measures; reader: everything in the region, drafts included.',
});
export const ApiClientScopeSchema = StringEnum(API_CLIENT_SCOPES, { $id: 'ApiClientScope' });

export const MemberSchema = Type.Object(
  {
    id: Uuid,
    region: Slug,
    subject: Type.String(),
    role: Type.Ref(RegionRoleSchema),
    municipality: Nullable(Kommunenummer, { description: 'For a municipal_editor: the municipality.' }),
    service: Nullable(Slug, { description: 'For a service_editor: the service.' }),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Member', additionalProperties: false },
);
export type Member = Static<typeof MemberSchema>;
export const MemberListSchema = Type.Object({ items: Type.Array(Type.Ref(MemberSchema)) }, { $id: 'MemberList' });

export const NewMemberSchema = Type.Object(
  {
    subject: Subject,
    role: Type.Ref(RegionRoleSchema),
    municipality: Type.Optional(Kommunenummer),
    service: Type.Optional(Slug),
  },
  { $id: 'NewMember', additionalProperties: false },
);
export type NewMember = Static<typeof NewMemberSchema>;

export const PrincipalSchema = Type.Object(
  {
    kind: StringEnum(['user', 'client'] as const),
    subject: Type.String(),
    platformAdmin: Type.Boolean(),
    memberships: Type.Array(
      Type.Object(
        {
          region: Slug,
          role: Type.Ref(RegionRoleSchema),
          municipality: Nullable(Kommunenummer),
          service: Nullable(Slug),
        },
        { additionalProperties: false },
      ),
    ),
    client: Nullable(
      Type.Object(
        { id: Uuid, name: Type.String(), region: Slug, scopes: Type.Array(Type.Ref(ApiClientScopeSchema)) },
        { additionalProperties: false },
      ),
      { description: 'Set when the caller is an API client.' },
    ),
  },
  { $id: 'Principal', additionalProperties: false },
);
export type Principal = Static<typeof PrincipalSchema>;

const ClientName = Type.String({ minLength: 1, maxLength: 200, examples: ['Kommunens intranett'] });
const Scopes = Type.Array(Type.Ref(ApiClientScopeSchema), { minItems: 1, maxItems: API_CLIENT_SCOPES.length, uniqueItems: true });

export const ApiClientSchema = Type.Object(
  {
    id: Uuid,
    region: Slug,
    name: Type.String(),
    scopes: Type.Array(Type.Ref(ApiClientScopeSchema)),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
    revokedAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { $id: 'ApiClient', additionalProperties: false },
);
export type ApiClient = Static<typeof ApiClientSchema>;
export const ApiClientListSchema = Type.Object({ items: Type.Array(Type.Ref(ApiClientSchema)) }, { $id: 'ApiClientList' });

export const NewApiClientSchema = Type.Object({ name: ClientName, scopes: Scopes }, { $id: 'NewApiClient', additionalProperties: false });
export type NewApiClient = Static<typeof NewApiClientSchema>;

export const CreatedApiClientSchema = Type.Object(
  {
    client: Type.Ref(ApiClientSchema),
    clientSecret: Type.String({ description: 'Shown this once and never again: only a slow hash of it is kept.' }),
  },
  { $id: 'CreatedApiClient', additionalProperties: false },
);

/** OAuth 2.0 client-credentials (RFC 6749 § 4.4), as a form or as JSON. */
export const TokenRequestSchema = Type.Object(
  {
    grant_type: Type.String({ maxLength: 100, description: 'client_credentials' }),
    client_id: Type.Optional(Type.String({ maxLength: 100, description: 'The client’s id (a uuid), unless sent with HTTP Basic.' })),
    client_secret: Type.Optional(Type.String({ maxLength: 200, description: 'Unless sent with HTTP Basic.' })),
    scope: Type.Optional(Type.String({ maxLength: 200, description: 'Space-separated; default: all of the client’s scopes.' })),
  },
  { $id: 'TokenRequest', additionalProperties: false },
);
export type TokenRequest = Static<typeof TokenRequestSchema>;

export const TokenResponseSchema = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ description: 'Seconds' }),
    scope: Type.String(),
  },
  { $id: 'TokenResponse', additionalProperties: false },
);

export const NewRegionSchema = Type.Object(
  {
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: StringEnum(REGION_KINDS),
    languageForm: Type.Ref(LanguageFormSchema),
    municipalities: Type.Array(
      Type.Object(
        {
          kommunenummer: Kommunenummer,
          name: Type.String({ minLength: 1, maxLength: 200 }),
          languageForm: Type.Optional(Type.Ref(LanguageFormSchema)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
    admins: Type.Optional(
      Type.Array(Subject, { maxItems: 20, uniqueItems: true, description: 'Subjects who become the region’s first region_admins.' }),
    ),
  },
  { $id: 'NewRegion', additionalProperties: false },
);
export type NewRegion = Static<typeof NewRegionSchema>;
