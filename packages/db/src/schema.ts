import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it. Kept by hand beside the migrations;
 * test/migrations.test.ts holds every table and column here to the catalog.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'yyyy-mm-dd' strings (see the pg type parser in connection.ts). */
type DateString = ColumnType<string, string, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type RowVersion = ColumnType<number, never, never>;
/** Constant generated columns that let foreign keys check an identity's kind. */
type KindTag = ColumnType<string, never, never>;

export interface RegionsTable {
  id: Generated<string>;
  region_id: ColumnType<string, never, never>;
  slug: string;
  name: string;
  kind: 'intermunicipal' | 'single_municipality';
  language_form: 'nb' | 'nn';
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface MunicipalitiesTable {
  id: Generated<string>;
  region_id: string;
  kommunenummer: string;
  name: string;
  language_form: 'nb' | 'nn';
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface ServicesTable {
  id: Generated<string>;
  region_id: string;
  slug: string;
  name: string;
  kind: string;
  scope: 'intermunicipal' | 'local';
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface ServiceMunicipalitiesTable {
  region_id: string;
  service_id: string;
  municipality_id: string;
}

export interface PlansTable {
  id: Generated<string>;
  region_id: string;
  kind: 'regional' | 'annex';
  municipality_id: string | null;
  created_at: CreatedAt;
}

export interface PlanVersionsTable {
  id: Generated<string>;
  region_id: string;
  plan_id: string;
  version_number: number;
  status: 'draft' | 'consultation' | 'adopted' | 'superseded';
  title: string;
  language_form: 'nb' | 'nn';
  period_from: number | null;
  period_to: number | null;
  based_on_version_id: string | null;
  consultation_opens_on: DateString | null;
  consultation_closes_on: DateString | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decision: 'adopted' | 'noted' | null;
  decided_on: DateString | null;
  case_reference: string | null;
  adopted_at: Timestamp | null;
  superseded_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface ContentIdentitiesTable {
  id: Generated<string>;
  region_id: string;
  plan_id: string;
  kind: 'section' | 'focus_area' | 'goal' | 'measure';
  created_at: CreatedAt;
}

export interface SectionsTable {
  id: Generated<string>;
  region_id: string;
  plan_version_id: string;
  identity_id: string;
  identity_kind: KindTag;
  kind: string;
  title: string;
  body: Generated<string>;
  position: number;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface FocusAreasTable {
  id: Generated<string>;
  region_id: string;
  plan_version_id: string;
  identity_id: string;
  identity_kind: KindTag;
  title: string;
  description: Generated<string>;
  position: number;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface GoalsTable {
  id: Generated<string>;
  region_id: string;
  plan_version_id: string;
  identity_id: string;
  identity_kind: KindTag;
  focus_area_id: string | null;
  title: string;
  description: Generated<string>;
  position: number;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface DesiredStatesTable {
  id: Generated<string>;
  region_id: string;
  goal_id: string;
  text: string;
  position: number;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface MeasuresTable {
  id: Generated<string>;
  region_id: string;
  plan_version_id: string;
  identity_id: string;
  identity_kind: KindTag;
  goal_id: string | null;
  regional_goal_identity_id: string | null;
  goal_kind: KindTag;
  title: string;
  description: Generated<string>;
  period_kind: 'ongoing' | 'year' | 'span' | 'open_start';
  period_from: number | null;
  period_to: number | null;
  prevention_level: 'universal' | 'selective' | 'indicated';
  age_groups: string[];
  convention_articles: number[];
  laws: string[];
  programme: string | null;
  status: 'planned' | 'active' | 'completed' | 'discontinued';
  position: number;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface MeasureResponsibilitiesTable {
  id: Generated<string>;
  region_id: string;
  measure_id: string;
  role: 'responsible' | 'partner';
  service_id: string | null;
  service_kind: string | null;
  name: string | null;
  position: number;
}

export interface MeasureImplementationsTable {
  id: Generated<string>;
  region_id: string;
  plan_version_id: string;
  measure_identity_id: string;
  measure_kind: KindTag;
  local_responsible: string | null;
  responsible_service_id: string | null;
  period_kind: 'ongoing' | 'year' | 'span' | 'open_start' | null;
  period_from: number | null;
  period_to: number | null;
  notes: Generated<string>;
  status: 'planned' | 'active' | 'completed' | 'discontinued';
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface ConsultationSubmissionsTable {
  /** Chosen by the API: the public may not read back the row it sends. */
  id: Generated<string>;
  region_id: string;
  plan_version_id: string;
  author_name: string;
  text: string;
  concerns_identity_id: string | null;
  received_at: Generated<Timestamp>;
  response: string | null;
  handling: 'accepted' | 'partly_accepted' | 'not_accepted' | 'noted' | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

/** Apart from the input, so that only the plan's editors can read it. */
export interface ConsultationContactsTable {
  submission_id: string;
  region_id: string;
  plan_version_id: string;
  contact: string;
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  region_id: string | null;
  occurred_at: Generated<Timestamp>;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/** Maintained by triggers only (see the measures-feed migration); the app reads it. */
export interface MeasureFeedTable {
  channel: 'adopted' | 'draft';
  identity_id: string;
  region_id: string;
  plan_id: string;
  municipality_id: string | null;
  measure_id: string | null;
  item: unknown;
  fingerprint: string | null;
  search_vector: ColumnType<string, never, never>;
  seq: ColumnType<string | null, never, never>;
  changed_at: Timestamp | null;
  pending: Generated<boolean>;
}

export interface ImplementationFeedTable {
  channel: 'adopted' | 'draft';
  municipality_id: string;
  measure_identity_id: string;
  region_id: string;
  item: unknown;
  fingerprint: string | null;
  seq: ColumnType<string | null, never, never>;
  changed_at: Timestamp | null;
  pending: Generated<boolean>;
}

export type RegionRole = 'region_admin' | 'municipal_editor' | 'service_editor' | 'reader';
export type ApiClientScope = 'plans:read' | 'measures:read' | 'webhooks:manage';

export interface MembershipsTable {
  id: Generated<string>;
  region_id: string;
  subject: string;
  role: RegionRole;
  municipality_id: string | null;
  service_id: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface ApiClientsTable {
  id: Generated<string>;
  region_id: string;
  name: string;
  scopes: ApiClientScope[];
  secret_hash: string;
  created_by: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface PlatformAdminsTable {
  subject: string;
  created_at: CreatedAt;
}

export type WebhookEventType =
  | 'plan.version.adopted'
  | 'plan.consultation.opened'
  | 'measure.created'
  | 'measure.updated'
  | 'measure.deleted'
  | 'webhook.endpoint.disabled';

export interface WebhookEndpointsTable {
  id: string;
  region_id: string;
  url: string;
  description: Generated<string>;
  event_types: WebhookEventType[];
  secret_ciphertext: string;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  disabled_at: Timestamp | null;
  consecutive_failures: Generated<number>;
  failing_since: Timestamp | null;
  last_success_at: Timestamp | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  row_version: RowVersion;
}

export interface WebhookEventsTable {
  id: Generated<string>;
  region_id: string;
  type: WebhookEventType;
  body: string;
  occurred_at: CreatedAt;
  dispatched_at: Timestamp | null;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  region_id: string;
  endpoint_id: string;
  event_id: string;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: Timestamp | null;
  redelivery_requested: Generated<boolean>;
  lease_owner: string | null;
  lease_expires_at: Timestamp | null;
  last_response_status: number | null;
  last_error: string | null;
  created_at: CreatedAt;
  completed_at: Timestamp | null;
}

export interface WebhookAttemptsTable {
  id: Generated<string>;
  region_id: string;
  delivery_id: string;
  attempt_number: number;
  manual: Generated<boolean>;
  worker: string;
  started_at: CreatedAt;
  finished_at: Timestamp | null;
  outcome: Generated<'in_flight' | 'succeeded' | 'failed' | 'abandoned'>;
  response_status: number | null;
  error: string | null;
  duration_ms: number | null;
}

export interface Database {
  regions: RegionsTable;
  municipalities: MunicipalitiesTable;
  services: ServicesTable;
  service_municipalities: ServiceMunicipalitiesTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  content_identities: ContentIdentitiesTable;
  sections: SectionsTable;
  focus_areas: FocusAreasTable;
  goals: GoalsTable;
  desired_states: DesiredStatesTable;
  measures: MeasuresTable;
  measure_responsibilities: MeasureResponsibilitiesTable;
  measure_implementations: MeasureImplementationsTable;
  consultation_submissions: ConsultationSubmissionsTable;
  consultation_contacts: ConsultationContactsTable;
  audit_log: AuditLogTable;
  memberships: MembershipsTable;
  api_clients: ApiClientsTable;
  platform_admins: PlatformAdminsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  measure_feed: MeasureFeedTable;
  implementation_feed: ImplementationFeedTable;
}

/**
 * Tables that belong to the platform rather than to a customer, and so carry no
 * region_id. Everything else is tenant-owned; tests hold the catalog to this list.
 */
export const PLATFORM_TABLES: readonly (keyof Database)[] = ['platform_admins'];

export type Region = Selectable<RegionsTable>;
export type Municipality = Selectable<MunicipalitiesTable>;
export type Service = Selectable<ServicesTable>;
export type PlanVersion = Selectable<PlanVersionsTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type PlanVersionUpdate = Updateable<PlanVersionsTable>;
