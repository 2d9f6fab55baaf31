// Generated from the API's OpenAPI document by services/api/scripts/client-operations.ts: do not edit.
// Rewrite with `pnpm --filter @oppvekst/api client:generate`.
import type {
  AdoptionInputSchema,
  ApiClientListSchema,
  AuditEntryPageSchema,
  ComplianceReportSchema,
  ConsultationAnswerSchema,
  ConsultationSubmissionSchema,
  ConsultationSubmissionListSchema,
  ConsultationWindowSchema,
  CreatedApiClientSchema,
  CreatedWebhookEndpointSchema,
  DesiredStateSchema,
  DesiredStatePatchSchema,
  FocusAreaSchema,
  FocusAreaPatchSchema,
  GoalItemSchema,
  GoalPatchSchema,
  HealthSchema,
  ImplementationSchema,
  ImplementationPatchSchema,
  MeasureSchema,
  MeasureChangePageSchema,
  MeasureHistorySchema,
  MeasurePageSchema,
  MeasurePatchSchema,
  MemberSchema,
  MemberListSchema,
  MunicipalitySchema,
  MunicipalityListSchema,
  MunicipalityPlanSchema,
  NewApiClientSchema,
  NewConsultationInputSchema,
  NewDesiredStateSchema,
  NewFocusAreaSchema,
  NewGoalSchema,
  NewImplementationSchema,
  NewMeasureSchema,
  NewMemberSchema,
  NewPlanVersionSchema,
  NewRegionSchema,
  NewSectionSchema,
  NewWebhookEndpointSchema,
  PlanVersionSchema,
  PlanVersionPatchSchema,
  PrincipalSchema,
  ReceivedConsultationInputSchema,
  RegionSchema,
  RegionListSchema,
  SectionSchema,
  SectionPatchSchema,
  ServiceListSchema,
  TokenRequestSchema,
  TokenResponseSchema,
  VersionDiffSchema,
  VersionListSchema,
  VersionSummarySchema,
  WebhookDeliverySchema,
  WebhookDeliveryPageSchema,
  WebhookEndpointSchema,
  WebhookEndpointListSchema,
  WebhookEndpointPatchSchema,
} from '@oppvekst/contracts';
import type { Static } from '@sinclair/typebox';

/** Every operation of the API: its path and query parameters, body and successful answer. */
export interface Operations {
  addMember: {
    path: { "region": string };
    query: Record<string, never>;
    body: Static<typeof NewMemberSchema>;
    response: Static<typeof MemberSchema>;
  };
  adoptPlanVersion: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof AdoptionInputSchema>;
    response: Static<typeof VersionSummarySchema>;
  };
  answerConsultationInput: {
    path: { "versionId": string; "inputId": string };
    query: Record<string, never>;
    body: Static<typeof ConsultationAnswerSchema>;
    response: Static<typeof ConsultationSubmissionSchema>;
  };
  createApiClient: {
    path: { "region": string };
    query: Record<string, never>;
    body: Static<typeof NewApiClientSchema>;
    response: Static<typeof CreatedApiClientSchema>;
  };
  createDesiredState: {
    path: { "versionId": string; "goalId": string };
    query: Record<string, never>;
    body: Static<typeof NewDesiredStateSchema>;
    response: Static<typeof DesiredStateSchema>;
  };
  createFocusArea: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof NewFocusAreaSchema>;
    response: Static<typeof FocusAreaSchema>;
  };
  createGoal: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof NewGoalSchema>;
    response: Static<typeof GoalItemSchema>;
  };
  createImplementation: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof NewImplementationSchema>;
    response: Static<typeof ImplementationSchema>;
  };
  createMeasure: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof NewMeasureSchema>;
    response: Static<typeof MeasureSchema>;
  };
  createRegion: {
    path: Record<string, never>;
    query: Record<string, never>;
    body: Static<typeof NewRegionSchema>;
    response: Static<typeof RegionSchema>;
  };
  createSection: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof NewSectionSchema>;
    response: Static<typeof SectionSchema>;
  };
  createWebhookEndpoint: {
    path: { "region": string };
    query: Record<string, never>;
    body: Static<typeof NewWebhookEndpointSchema>;
    response: Static<typeof CreatedWebhookEndpointSchema>;
  };
  deleteDesiredState: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  deleteFocusArea: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  deleteGoal: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  deleteImplementation: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  deleteMeasure: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  deleteSection: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  deleteWebhookEndpoint: {
    path: { "region": string; "endpointId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  diffPlanVersions: {
    path: { "versionId": string };
    query: { "from"?: string };
    body: never;
    response: Static<typeof VersionDiffSchema>;
  };
  discardDraft: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  getAnnex: {
    path: { "kommunenummer": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof PlanVersionSchema>;
  };
  getComplianceReport: {
    path: { "kommunenummer": string };
    query: { "version"?: "adopted" | "draft" };
    body: never;
    response: Static<typeof ComplianceReportSchema>;
  };
  getConsultationInput: {
    path: { "versionId": string; "inputId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof ConsultationSubmissionSchema>;
  };
  getCurrentPrincipal: {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Static<typeof PrincipalSchema>;
  };
  getDesiredState: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof DesiredStateSchema>;
  };
  getFocusArea: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof FocusAreaSchema>;
  };
  getGoal: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof GoalItemSchema>;
  };
  getHealth: {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Static<typeof HealthSchema>;
  };
  getImplementation: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof ImplementationSchema>;
  };
  getMeasure: {
    path: { "id": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof MeasureHistorySchema>;
  };
  getMeasureInVersion: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof MeasureSchema>;
  };
  getMunicipality: {
    path: { "kommunenummer": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof MunicipalitySchema>;
  };
  getMunicipalityPlan: {
    path: { "kommunenummer": string };
    query: { "version"?: "adopted" | "draft" };
    body: never;
    response: Static<typeof MunicipalityPlanSchema>;
  };
  getPlanVersion: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof PlanVersionSchema>;
  };
  getReadiness: {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Static<typeof HealthSchema>;
  };
  getRegion: {
    path: { "region": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof RegionSchema>;
  };
  getRegionalPlan: {
    path: { "region": string };
    query: { "version"?: "adopted" | "draft" };
    body: never;
    response: Static<typeof PlanVersionSchema>;
  };
  getSection: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof SectionSchema>;
  };
  getWebhookEndpoint: {
    path: { "region": string; "endpointId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof WebhookEndpointSchema>;
  };
  issueToken: {
    path: Record<string, never>;
    query: Record<string, never>;
    body: Static<typeof TokenRequestSchema>;
    response: Static<typeof TokenResponseSchema>;
  };
  listAnnexVersions: {
    path: { "kommunenummer": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof VersionListSchema>;
  };
  listApiClients: {
    path: { "region": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof ApiClientListSchema>;
  };
  listAuditEntries: {
    path: { "region": string };
    query: { "action"?: string; "entityType"?: string; "entityId"?: string; "limit"?: number; "before"?: string };
    body: never;
    response: Static<typeof AuditEntryPageSchema>;
  };
  listConsultationInput: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof ConsultationSubmissionListSchema>;
  };
  listMeasures: {
    path: Record<string, never>;
    query: { "region"?: string; "municipality"?: string; "version"?: "adopted" | "draft"; "service"?: string; "goal"?: string; "status"?: Array<"planned" | "active" | "completed" | "discontinued">; "preventionLevel"?: Array<"universal" | "selective" | "indicated">; "ageGroup"?: Array<"first_1000_days" | "kindergarten" | "primary_school" | "lower_secondary" | "upper_secondary" | "young_adult">; "law"?: Array<"barnevernloven" | "barnehageloven" | "opplaeringsloven" | "helse_og_omsorgstjenesteloven" | "sosialtjenesteloven" | "nav_loven" | "tannhelsetjenesteloven" | "integreringsloven" | "krisesenterloven" | "familievernkontorloven" | "spesialisthelsetjenesteloven" | "privatskoleloven" | "barneloven" | "helsepersonelloven" | "folkehelseloven">; "conventionArticle"?: Array<number>; "activeIn"?: number; "q"?: string; "updatedSince"?: string; "limit"?: number; "cursor"?: string };
    body: never;
    response: Static<typeof MeasurePageSchema> | Static<typeof MeasureChangePageSchema>;
  };
  listMembers: {
    path: { "region": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof MemberListSchema>;
  };
  listMunicipalities: {
    path: { "region": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof MunicipalityListSchema>;
  };
  listRegionalPlanVersions: {
    path: { "region": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof VersionListSchema>;
  };
  listRegions: {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Static<typeof RegionListSchema>;
  };
  listServices: {
    path: { "region": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof ServiceListSchema>;
  };
  listWebhookDeliveries: {
    path: { "region": string; "endpointId": string };
    query: { "limit"?: number; "cursor"?: string };
    body: never;
    response: Static<typeof WebhookDeliveryPageSchema>;
  };
  listWebhookEndpoints: {
    path: { "region": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof WebhookEndpointListSchema>;
  };
  openConsultation: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof ConsultationWindowSchema>;
    response: Static<typeof VersionSummarySchema>;
  };
  redeliverWebhook: {
    path: { "region": string; "endpointId": string; "deliveryId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof WebhookDeliverySchema>;
  };
  removeMember: {
    path: { "region": string; "memberId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  returnToDraft: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: never;
    response: Static<typeof VersionSummarySchema>;
  };
  revokeApiClient: {
    path: { "region": string; "clientId": string };
    query: Record<string, never>;
    body: never;
    response: void;
  };
  startAnnexRevision: {
    path: { "kommunenummer": string };
    query: Record<string, never>;
    body: Static<typeof NewPlanVersionSchema>;
    response: Static<typeof VersionSummarySchema>;
  };
  startRegionalPlanRevision: {
    path: { "region": string };
    query: Record<string, never>;
    body: Static<typeof NewPlanVersionSchema>;
    response: Static<typeof VersionSummarySchema>;
  };
  submitConsultationInput: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof NewConsultationInputSchema>;
    response: Static<typeof ReceivedConsultationInputSchema>;
  };
  updateDesiredState: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: Static<typeof DesiredStatePatchSchema>;
    response: Static<typeof DesiredStateSchema>;
  };
  updateFocusArea: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: Static<typeof FocusAreaPatchSchema>;
    response: Static<typeof FocusAreaSchema>;
  };
  updateGoal: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: Static<typeof GoalPatchSchema>;
    response: Static<typeof GoalItemSchema>;
  };
  updateImplementation: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: Static<typeof ImplementationPatchSchema>;
    response: Static<typeof ImplementationSchema>;
  };
  updateMeasure: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: Static<typeof MeasurePatchSchema>;
    response: Static<typeof MeasureSchema>;
  };
  updatePlanVersion: {
    path: { "versionId": string };
    query: Record<string, never>;
    body: Static<typeof PlanVersionPatchSchema>;
    response: Static<typeof VersionSummarySchema>;
  };
  updateSection: {
    path: { "versionId": string; "itemId": string };
    query: Record<string, never>;
    body: Static<typeof SectionPatchSchema>;
    response: Static<typeof SectionSchema>;
  };
  updateWebhookEndpoint: {
    path: { "region": string; "endpointId": string };
    query: Record<string, never>;
    body: Static<typeof WebhookEndpointPatchSchema>;
    response: Static<typeof WebhookEndpointSchema>;
  };
}

export type OperationId = keyof Operations;

/** Where each operation lives: the method and the path, with `:name` for path parameters. */
export const OPERATIONS: { readonly [K in OperationId]: { readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; readonly path: string } } = {
  addMember: { method: 'POST', path: '/v1/regions/:region/members' },
  adoptPlanVersion: { method: 'POST', path: '/v1/plan-versions/:versionId/adoption' },
  answerConsultationInput: { method: 'PUT', path: '/v1/plan-versions/:versionId/consultation-input/:inputId/answer' },
  createApiClient: { method: 'POST', path: '/v1/regions/:region/api-clients' },
  createDesiredState: { method: 'POST', path: '/v1/plan-versions/:versionId/goals/:goalId/desired-states' },
  createFocusArea: { method: 'POST', path: '/v1/plan-versions/:versionId/focus-areas' },
  createGoal: { method: 'POST', path: '/v1/plan-versions/:versionId/goals' },
  createImplementation: { method: 'POST', path: '/v1/plan-versions/:versionId/implementations' },
  createMeasure: { method: 'POST', path: '/v1/plan-versions/:versionId/measures' },
  createRegion: { method: 'POST', path: '/v1/regions' },
  createSection: { method: 'POST', path: '/v1/plan-versions/:versionId/sections' },
  createWebhookEndpoint: { method: 'POST', path: '/v1/regions/:region/webhooks' },
  deleteDesiredState: { method: 'DELETE', path: '/v1/plan-versions/:versionId/desired-states/:itemId' },
  deleteFocusArea: { method: 'DELETE', path: '/v1/plan-versions/:versionId/focus-areas/:itemId' },
  deleteGoal: { method: 'DELETE', path: '/v1/plan-versions/:versionId/goals/:itemId' },
  deleteImplementation: { method: 'DELETE', path: '/v1/plan-versions/:versionId/implementations/:itemId' },
  deleteMeasure: { method: 'DELETE', path: '/v1/plan-versions/:versionId/measures/:itemId' },
  deleteSection: { method: 'DELETE', path: '/v1/plan-versions/:versionId/sections/:itemId' },
  deleteWebhookEndpoint: { method: 'DELETE', path: '/v1/regions/:region/webhooks/:endpointId' },
  diffPlanVersions: { method: 'GET', path: '/v1/plan-versions/:versionId/diff' },
  discardDraft: { method: 'DELETE', path: '/v1/plan-versions/:versionId' },
  getAnnex: { method: 'GET', path: '/v1/municipalities/:kommunenummer/annex' },
  getComplianceReport: { method: 'GET', path: '/v1/municipalities/:kommunenummer/plan/compliance' },
  getConsultationInput: { method: 'GET', path: '/v1/plan-versions/:versionId/consultation-input/:inputId' },
  getCurrentPrincipal: { method: 'GET', path: '/v1/me' },
  getDesiredState: { method: 'GET', path: '/v1/plan-versions/:versionId/desired-states/:itemId' },
  getFocusArea: { method: 'GET', path: '/v1/plan-versions/:versionId/focus-areas/:itemId' },
  getGoal: { method: 'GET', path: '/v1/plan-versions/:versionId/goals/:itemId' },
  getHealth: { method: 'GET', path: '/healthz' },
  getImplementation: { method: 'GET', path: '/v1/plan-versions/:versionId/implementations/:itemId' },
  getMeasure: { method: 'GET', path: '/v1/measures/:id' },
  getMeasureInVersion: { method: 'GET', path: '/v1/plan-versions/:versionId/measures/:itemId' },
  getMunicipality: { method: 'GET', path: '/v1/municipalities/:kommunenummer' },
  getMunicipalityPlan: { method: 'GET', path: '/v1/municipalities/:kommunenummer/plan' },
  getPlanVersion: { method: 'GET', path: '/v1/plan-versions/:versionId' },
  getReadiness: { method: 'GET', path: '/readyz' },
  getRegion: { method: 'GET', path: '/v1/regions/:region' },
  getRegionalPlan: { method: 'GET', path: '/v1/regions/:region/plan' },
  getSection: { method: 'GET', path: '/v1/plan-versions/:versionId/sections/:itemId' },
  getWebhookEndpoint: { method: 'GET', path: '/v1/regions/:region/webhooks/:endpointId' },
  issueToken: { method: 'POST', path: '/v1/oauth/token' },
  listAnnexVersions: { method: 'GET', path: '/v1/municipalities/:kommunenummer/annex/versions' },
  listApiClients: { method: 'GET', path: '/v1/regions/:region/api-clients' },
  listAuditEntries: { method: 'GET', path: '/v1/regions/:region/audit-log' },
  listConsultationInput: { method: 'GET', path: '/v1/plan-versions/:versionId/consultation-input' },
  listMeasures: { method: 'GET', path: '/v1/measures' },
  listMembers: { method: 'GET', path: '/v1/regions/:region/members' },
  listMunicipalities: { method: 'GET', path: '/v1/regions/:region/municipalities' },
  listRegionalPlanVersions: { method: 'GET', path: '/v1/regions/:region/plan/versions' },
  listRegions: { method: 'GET', path: '/v1/regions' },
  listServices: { method: 'GET', path: '/v1/regions/:region/services' },
  listWebhookDeliveries: { method: 'GET', path: '/v1/regions/:region/webhooks/:endpointId/deliveries' },
  listWebhookEndpoints: { method: 'GET', path: '/v1/regions/:region/webhooks' },
  openConsultation: { method: 'POST', path: '/v1/plan-versions/:versionId/consultation' },
  redeliverWebhook: { method: 'POST', path: '/v1/regions/:region/webhooks/:endpointId/deliveries/:deliveryId/redelivery' },
  removeMember: { method: 'DELETE', path: '/v1/regions/:region/members/:memberId' },
  returnToDraft: { method: 'POST', path: '/v1/plan-versions/:versionId/return-to-draft' },
  revokeApiClient: { method: 'DELETE', path: '/v1/regions/:region/api-clients/:clientId' },
  startAnnexRevision: { method: 'POST', path: '/v1/municipalities/:kommunenummer/annex/versions' },
  startRegionalPlanRevision: { method: 'POST', path: '/v1/regions/:region/plan/versions' },
  submitConsultationInput: { method: 'POST', path: '/v1/plan-versions/:versionId/consultation-input' },
  updateDesiredState: { method: 'PATCH', path: '/v1/plan-versions/:versionId/desired-states/:itemId' },
  updateFocusArea: { method: 'PATCH', path: '/v1/plan-versions/:versionId/focus-areas/:itemId' },
  updateGoal: { method: 'PATCH', path: '/v1/plan-versions/:versionId/goals/:itemId' },
  updateImplementation: { method: 'PATCH', path: '/v1/plan-versions/:versionId/implementations/:itemId' },
  updateMeasure: { method: 'PATCH', path: '/v1/plan-versions/:versionId/measures/:itemId' },
  updatePlanVersion: { method: 'PATCH', path: '/v1/plan-versions/:versionId' },
  updateSection: { method: 'PATCH', path: '/v1/plan-versions/:versionId/sections/:itemId' },
  updateWebhookEndpoint: { method: 'PATCH', path: '/v1/regions/:region/webhooks/:endpointId' },
};
