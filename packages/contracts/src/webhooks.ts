import { type Static, Type } from '@sinclair/typebox';
import { Kommunenummer, Nullable, Slug, StringEnum, Uuid } from './common.js';
import { FieldChangeSchema } from './authoring.js';
import { MeasureSchema, VersionSummarySchema } from './plans.js';
import { PLAN_KINDS, WEBHOOK_ATTEMPT_OUTCOMES, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from './vocabulary.js';

export const WebhookEventTypeSchema = StringEnum(WEBHOOK_EVENT_TYPES, { $id: 'WebhookEventType' });

const EventTypes = Type.Array(Type.Ref(WebhookEventTypeSchema), { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true });
const TargetUrl = Type.String({
  minLength: 8,
  maxLength: 2048,
  description: 'https:// (http:// only in development). It may not resolve to a private, loopback, link-local or other non-public address.',
  examples: ['https://intranett.tokke.kommune.no/hooks/oppvekst'],
});
const Description = Type.String({ maxLength: 500 });
const DateTime = Type.String({ format: 'date-time' });

export const WebhookEndpointSchema = Type.Object(
  {
    id: Uuid,
    region: Slug,
    url: Type.String(),
    description: Type.String(),
    eventTypes: Type.Array(Type.Ref(WebhookEventTypeSchema)),
    enabled: Type.Boolean(),
    disabledReason: Nullable(Type.String(), { description: 'Why deliveries stopped: set by an administrator, or by the service after sustained failure.' }),
    disabledAt: Nullable(DateTime),
    consecutiveFailures: Type.Integer({ minimum: 0, description: 'Failed attempts since the last successful one.' }),
    failingSince: Nullable(DateTime),
    lastSuccessAt: Nullable(DateTime),
    createdBy: Type.String(),
    createdAt: DateTime,
  },
  { $id: 'WebhookEndpoint', additionalProperties: false },
);
export type WebhookEndpoint = Static<typeof WebhookEndpointSchema>;
export const WebhookEndpointListSchema = Type.Object({ items: Type.Array(Type.Ref(WebhookEndpointSchema)) }, { $id: 'WebhookEndpointList' });

export const NewWebhookEndpointSchema = Type.Object(
  { url: TargetUrl, eventTypes: EventTypes, description: Type.Optional(Description) },
  { $id: 'NewWebhookEndpoint', additionalProperties: false },
);
export type NewWebhookEndpoint = Static<typeof NewWebhookEndpointSchema>;

export const WebhookEndpointPatchSchema = Type.Object(
  {
    url: Type.Optional(TargetUrl),
    eventTypes: Type.Optional(EventTypes),
    description: Type.Optional(Description),
    enabled: Type.Optional(Type.Boolean({ description: 'false stops deliveries (they wait); true starts them again and sends what waited.' })),
  },
  { $id: 'WebhookEndpointPatch', additionalProperties: false, minProperties: 1 },
);
export type WebhookEndpointPatch = Static<typeof WebhookEndpointPatchSchema>;

export const CreatedWebhookEndpointSchema = Type.Object(
  {
    endpoint: Type.Ref(WebhookEndpointSchema),
    secret: Type.String({ description: 'The signing secret (whsec_...), shown this once: verify every delivery with it.' }),
  },
  { $id: 'CreatedWebhookEndpoint', additionalProperties: false },
);

export const WebhookAttemptSchema = Type.Object(
  {
    attempt: Type.Integer({ minimum: 1 }),
    manual: Type.Boolean({ description: 'Asked for with redeliverWebhook.' }),
    startedAt: DateTime,
    finishedAt: Nullable(DateTime),
    outcome: StringEnum(WEBHOOK_ATTEMPT_OUTCOMES, { description: 'abandoned: the worker stopped before the attempt finished; it was retried.' }),
    responseStatus: Nullable(Type.Integer()),
    error: Nullable(Type.String()),
    durationMs: Nullable(Type.Integer({ minimum: 0 })),
  },
  { $id: 'WebhookAttempt', additionalProperties: false },
);

export const WebhookDeliverySchema = Type.Object(
  {
    id: Uuid,
    webhookId: Uuid,
    eventType: Type.Ref(WebhookEventTypeSchema),
    occurredAt: DateTime,
    status: StringEnum(WEBHOOK_DELIVERY_STATUSES),
    attempts: Type.Integer({ minimum: 0 }),
    maxAttempts: Type.Integer({ minimum: 1 }),
    nextAttemptAt: Nullable(DateTime),
    lastResponseStatus: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    completedAt: Nullable(DateTime),
    attemptLog: Type.Array(Type.Ref(WebhookAttemptSchema)),
  },
  { $id: 'WebhookDelivery', additionalProperties: false, description: 'One event to one endpoint. webhookId is the event’s id: the same on every attempt.' },
);
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;
export const WebhookDeliveryPageSchema = Type.Object(
  {
    items: Type.Array(Type.Ref(WebhookDeliverySchema)),
    nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next (older) page; null on the last page.' })),
  },
  { $id: 'WebhookDeliveryPage', additionalProperties: false },
);

// The events themselves: the body of every delivery, { type, timestamp, data }.

const PlanKind = StringEnum(PLAN_KINDS);
const envelope = <T extends string, D extends ReturnType<typeof Type.Object>>(id: string, type: T, data: D, description: string) =>
  Type.Object(
    { type: Type.Literal(type), timestamp: Type.String({ format: 'date-time', description: 'When the change happened.' }), data },
    { $id: id, additionalProperties: false, description },
  );

export const MeasureEventDataSchema = Type.Object(
  {
    region: Slug,
    planId: Uuid,
    planKind: PlanKind,
    kommunenummer: Nullable(Kommunenummer, { description: 'For an annex: its municipality.' }),
    versionId: Type.String({ format: 'uuid', description: 'The version just adopted.' }),
    versionNumber: Type.Integer({ minimum: 1 }),
    previousVersionId: Nullable(Type.String({ format: 'uuid', description: 'The version it superseded.' })),
    measureId: Type.String({ format: 'uuid', description: 'The measure’s stable id.' }),
    measure: Type.Ref(MeasureSchema, { description: 'As adopted; for measure.deleted, as it was in the superseded version.' }),
    changes: Type.Array(Type.Ref(FieldChangeSchema), { description: 'measure.updated: what changed, field by field; empty otherwise.' }),
  },
  { $id: 'MeasureEventData', additionalProperties: false },
);
export type MeasureEventData = Static<typeof MeasureEventDataSchema>;

export const PlanVersionAdoptedEventSchema = envelope(
  'PlanVersionAdoptedEvent',
  'plan.version.adopted',
  Type.Object(
    {
      region: Slug,
      version: Type.Ref(VersionSummarySchema),
      previousVersionId: Nullable(Uuid),
      measures: Type.Object(
        { created: Type.Integer({ minimum: 0 }), updated: Type.Integer({ minimum: 0 }), deleted: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false, description: 'How many measure events the adoption sent.' },
      ),
    },
    { additionalProperties: false },
  ),
  'A version was adopted: the council’s decision. The one adopted before it is now superseded.',
);
export const ConsultationOpenedEventSchema = envelope(
  'ConsultationOpenedEvent',
  'plan.consultation.opened',
  Type.Object({ region: Slug, version: Type.Ref(VersionSummarySchema) }, { additionalProperties: false }),
  'A version went out for public consultation (høring); version.consultation holds the window.',
);
export const MeasureCreatedEventSchema = envelope('MeasureCreatedEvent', 'measure.created', Type.Ref(MeasureEventDataSchema) as never, 'An adopted version has a measure the version before it had not.');
export const MeasureUpdatedEventSchema = envelope('MeasureUpdatedEvent', 'measure.updated', Type.Ref(MeasureEventDataSchema) as never, 'An adopted version changed a measure.');
export const MeasureDeletedEventSchema = envelope('MeasureDeletedEvent', 'measure.deleted', Type.Ref(MeasureEventDataSchema) as never, 'An adopted version no longer has a measure.');
export const EndpointDisabledEventSchema = envelope(
  'EndpointDisabledEvent',
  'webhook.endpoint.disabled',
  Type.Object({ region: Slug, endpointId: Uuid, url: Type.String(), reason: Type.String(), disabledAt: DateTime }, { additionalProperties: false }),
  'The service stopped delivering to one of the region’s endpoints after sustained failure; sent to its other endpoints.',
);

export const WebhookEventSchema = Type.Union(
  [
    Type.Ref(PlanVersionAdoptedEventSchema),
    Type.Ref(ConsultationOpenedEventSchema),
    Type.Ref(MeasureCreatedEventSchema),
    Type.Ref(MeasureUpdatedEventSchema),
    Type.Ref(MeasureDeletedEventSchema),
    Type.Ref(EndpointDisabledEventSchema),
  ],
  { $id: 'WebhookEvent', description: 'The JSON body of a webhook delivery.' },
);
