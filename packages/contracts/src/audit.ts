import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './common.js';

export const AuditEntrySchema = Type.Object(
  {
    id: Type.String({ pattern: '^[0-9]+$', description: 'Increasing: a later entry has a larger id.' }),
    occurredAt: Type.String({ format: 'date-time' }),
    actor: Type.String({ description: 'The subject (person or API client) who acted, `public` for consultation input, `system:webhook-worker` for the webhook worker.' }),
    action: Type.String({ description: '`<entity>.<verb>`, e.g. `goal.updated`, `plan_version.adopted`, `webhook_endpoint.disabled`.' }),
    entityType: Type.String(),
    entityId: Nullable(Type.String()),
    before: Type.Unknown({ description: 'The entity before the change, as recorded; null for a creation.' }),
    after: Type.Unknown({ description: 'The entity after the change, as recorded; null for a deletion.' }),
    requestId: Nullable(Type.String()),
  },
  { $id: 'AuditEntry', additionalProperties: false },
);
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditEntryPageSchema = Type.Object(
  {
    items: Type.Array(Type.Ref(AuditEntrySchema)),
    nextCursor: Nullable(Type.String({ description: 'Pass as `before` for the next (older) page; null on the last page.' })),
  },
  { $id: 'AuditEntryPage', additionalProperties: false },
);

export const AuditQuerySchema = Type.Object(
  {
    action: Type.Optional(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*$', maxLength: 100, description: 'Exact action, e.g. `webhook_endpoint.disabled`.' })),
    entityType: Type.Optional(Type.String({ pattern: '^[a-z_]+$', maxLength: 100 })),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'Entries older than this id (the `nextCursor` of the page before).' })),
  },
  { additionalProperties: false },
);
