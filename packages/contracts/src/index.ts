export * from './vocabulary.js';
export * from './common.js';
export * from './problem.js';
export * from './tenancy.js';
export * from './plans.js';
export * from './measures.js';
export * from './health.js';
export * from './access.js';
import {
  ApiClientListSchema,
  ApiClientSchema,
  ApiClientScopeSchema,
  CreatedApiClientSchema,
  MemberListSchema,
  MemberSchema,
  NewApiClientSchema,
  NewMemberSchema,
  NewRegionSchema,
  PrincipalSchema,
  RegionRoleSchema,
  TokenRequestSchema,
  TokenResponseSchema,
} from './access.js';
import { HealthSchema } from './health.js';
import { MeasureListItemSchema, MeasurePageSchema } from './measures.js';
import {
  AdoptionSchema,
  DesiredStateSchema,
  FocusAreaSchema,
  GoalSchema,
  ImplementationSchema,
  MeasureSchema,
  MergedGoalSchema,
  MergedMeasureSchema,
  MergedSectionSchema,
  MunicipalityPlanSchema,
  OriginSchema,
  PeriodSchema,
  PlanVersionSchema,
  ResponsibilitySchema,
  SectionSchema,
  VersionSummarySchema,
} from './plans.js';
import { ProblemSchema } from './problem.js';
import {
  LanguageFormSchema,
  MunicipalityListSchema,
  MunicipalitySchema,
  RegionListSchema,
  RegionSchema,
  ServiceListSchema,
  ServiceSchema,
} from './tenancy.js';

/** Every named schema, in dependency order, for registering with the server (OpenAPI components). */
export const namedSchemas = [
  ProblemSchema,
  HealthSchema,
  LanguageFormSchema,
  MunicipalitySchema,
  RegionSchema,
  ServiceSchema,
  RegionListSchema,
  MunicipalityListSchema,
  ServiceListSchema,
  PeriodSchema,
  ResponsibilitySchema,
  ImplementationSchema,
  OriginSchema,
  MeasureSchema,
  SectionSchema,
  FocusAreaSchema,
  DesiredStateSchema,
  GoalSchema,
  AdoptionSchema,
  VersionSummarySchema,
  PlanVersionSchema,
  MergedMeasureSchema,
  MergedGoalSchema,
  MergedSectionSchema,
  MunicipalityPlanSchema,
  MeasureListItemSchema,
  MeasurePageSchema,
  RegionRoleSchema,
  ApiClientScopeSchema,
  MemberSchema,
  MemberListSchema,
  NewMemberSchema,
  PrincipalSchema,
  ApiClientSchema,
  ApiClientListSchema,
  NewApiClientSchema,
  CreatedApiClientSchema,
  TokenRequestSchema,
  TokenResponseSchema,
  NewRegionSchema,
] as const;
