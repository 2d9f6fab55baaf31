import {
  type DesiredStatePatch,
  type FocusAreaPatch,
  type GoalPatch,
  type ImplementationPatch,
  LIMITS,
  type MeasurePatch,
  type NewDesiredState,
  type NewFocusArea,
  type NewGoal,
  type NewImplementation,
  type NewMeasure,
  type NewSection,
  type SectionPatch,
} from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import { isUniqueViolation } from '../http/database-errors.js';
import { checkIfMatch } from '../http/preconditions.js';
import { conflict, notFound } from '../http/problems.js';
import {
  countMeasures,
  countSiblings,
  deleteItemRow,
  findItem,
  insertDesiredState,
  insertFocusArea,
  insertGoal,
  insertImplementation,
  insertMeasure,
  insertSection,
  type ItemKind,
  type MeasureColumns,
  newIdentity,
  placeAmongSiblings,
  replaceResponsibilities,
  type SiblingGroup,
  type StoredItem,
  updateItemRow,
} from '../plans/draft-content.repository.js';
import type { VersionRow } from '../plans/version-summary.js';
import { checkRegionalMeasure, focusAreaColumn, implementationColumns, measureColumns } from './item-input.js';

/**
 * Creating, changing and deleting the items of a draft: each is one
 * transaction under the version's lock, checks the item's If-Match, keeps
 * siblings in order and writes one audit entry with the item before and after.
 */

type Trx = Transaction<Database>;

export interface ItemWrite {
  trx: Trx;
  version: VersionRow;
  actor: string;
  requestId: string;
}

export interface NewItemInput {
  section: NewSection;
  focus_area: NewFocusArea;
  goal: NewGoal;
  desired_state: NewDesiredState & { goalId: string };
  measure: NewMeasure;
  implementation: NewImplementation;
}

export interface ItemPatchInput {
  section: SectionPatch;
  focus_area: FocusAreaPatch;
  goal: GoalPatch;
  desired_state: DesiredStatePatch;
  measure: MeasurePatch;
  implementation: ImplementationPatch;
}

const NOUN: Record<ItemKind, string> = {
  section: 'section',
  focus_area: 'focus area',
  goal: 'goal',
  desired_state: 'desired state',
  measure: 'measure',
  implementation: 'implementation',
};

export async function requireItem<K extends ItemKind>(trx: Trx, kind: K, version: VersionRow, key: string): Promise<StoredItem<K>> {
  const found = await findItem(trx, kind, version.id, key);
  if (!found) throw notFound(`No ${NOUN[kind]} ${key} in version ${version.version_number}`);
  return found;
}

function groupOf(kind: ItemKind, version: VersionRow, stored: { goalRowId: string | null; regionalGoalIdentityId: string | null }): SiblingGroup | undefined {
  switch (kind) {
    case 'section':
      return { table: 'sections', versionId: version.id };
    case 'focus_area':
      return { table: 'focus_areas', versionId: version.id };
    case 'goal':
      return { table: 'goals', versionId: version.id };
    case 'desired_state':
      return { table: 'desired_states', goalId: stored.goalRowId! };
    case 'measure':
      return stored.goalRowId
        ? { table: 'measures', goalId: stored.goalRowId }
        : { table: 'measures', versionId: version.id, regionalGoalIdentityId: stored.regionalGoalIdentityId! };
    case 'implementation':
      return undefined;
  }
}

/** 409 when the version (or, for desired states, the goal) is full. Measures count across the whole version. */
async function checkRoom(trx: Trx, kind: ItemKind, version: VersionRow, group: SiblingGroup): Promise<void> {
  const limit = LIMITS.itemsPerVersion[kind];
  const n = kind === 'measure' ? await countMeasures(trx, version.id) : await countSiblings(trx, group);
  if (n >= limit) throw conflict(`A ${kind === 'desired_state' ? 'goal' : 'version'} holds at most ${limit} ${NOUN[kind]}s`);
}

const audit = (w: ItemWrite, kind: ItemKind, verb: string, key: string, before?: unknown, after?: unknown) =>
  recordAudit(w.trx, {
    regionId: w.version.region_id,
    actor: w.actor,
    action: `${kind}.${verb}`,
    entityType: kind,
    entityId: key,
    before: before === undefined ? undefined : { versionId: w.version.id, ...(before as object) },
    after: after === undefined ? undefined : { versionId: w.version.id, ...(after as object) },
    requestId: w.requestId,
  });

export async function createItem<K extends ItemKind>(w: ItemWrite, kind: K, input: NewItemInput[K]): Promise<StoredItem<K>> {
  const { trx, version } = w;
  const at = { regionId: version.region_id, versionId: version.id };
  const position = (input as { position?: number }).position;
  let key: string;
  let rowId: string;
  let group: SiblingGroup | undefined;

  switch (kind) {
    case 'section': {
      const s = input as NewSection;
      group = { table: 'sections', versionId: version.id };
      await checkRoom(trx, kind, version, group);
      key = await newIdentity(trx, version.region_id, version.plan_id, 'section');
      rowId = await insertSection(trx, at, key, { kind: s.kind, title: s.title, body: s.body ?? '' }, await countSiblings(trx, group));
      break;
    }
    case 'focus_area': {
      const f = input as NewFocusArea;
      group = { table: 'focus_areas', versionId: version.id };
      await checkRoom(trx, kind, version, group);
      key = await newIdentity(trx, version.region_id, version.plan_id, 'focus_area');
      rowId = await insertFocusArea(trx, at, key, { title: f.title, description: f.description ?? '' }, await countSiblings(trx, group));
      break;
    }
    case 'goal': {
      const g = input as NewGoal;
      group = { table: 'goals', versionId: version.id };
      await checkRoom(trx, kind, version, group);
      const focusAreaId = await focusAreaColumn(trx, version, g.focusAreaId ?? null);
      key = await newIdentity(trx, version.region_id, version.plan_id, 'goal');
      rowId = await insertGoal(
        trx,
        at,
        key,
        { title: g.title, description: g.description ?? '', focus_area_id: focusAreaId },
        await countSiblings(trx, group),
      );
      break;
    }
    case 'desired_state': {
      const d = input as NewItemInput['desired_state'];
      const goal = await requireItem(trx, 'goal', version, d.goalId);
      group = { table: 'desired_states', goalId: goal.rowId };
      await checkRoom(trx, kind, version, group);
      rowId = await insertDesiredState(trx, version.region_id, goal.rowId, { text: d.text }, await countSiblings(trx, group));
      key = rowId;
      break;
    }
    case 'measure': {
      const m = input as NewMeasure;
      const { columns, responsibilities } = await measureColumns(trx, version, m);
      const full = { description: '', age_groups: [], convention_articles: [], laws: [], programme: null, ...columns } as MeasureColumns;
      group = groupOf('measure', version, { goalRowId: full.goal_id, regionalGoalIdentityId: full.regional_goal_identity_id });
      await checkRoom(trx, kind, version, group!);
      key = await newIdentity(trx, version.region_id, version.plan_id, 'measure');
      rowId = await insertMeasure(trx, at, key, full, await countSiblings(trx, group!));
      await replaceResponsibilities(trx, version.region_id, rowId, responsibilities ?? []);
      break;
    }
    case 'implementation': {
      const i = input as NewImplementation;
      if (version.plan_kind !== 'annex') throw conflict('Only an annex says how a municipality implements regional measures');
      await checkRegionalMeasure(trx, version, i.measureId);
      const columns = await implementationColumns(trx, version, i);
      key = i.measureId;
      try {
        rowId = await insertImplementation(trx, at, key, { local_responsible: null, responsible_service_id: null, period_kind: null, period_from: null, period_to: null, notes: '', ...columns } as never);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('This annex already says how it implements that measure; change it with updateImplementation');
        throw error;
      }
      break;
    }
    default:
      throw new Error(`unknown item kind ${kind as string}`);
  }
  if (group) await placeAmongSiblings(trx, group, rowId, position);
  const created = await requireItem(trx, kind, version, key);
  await audit(w, kind, 'created', key, undefined, created.item);
  return created;
}

export async function updateItem<K extends ItemKind>(
  w: ItemWrite,
  kind: K,
  key: string,
  ifMatch: string[] | '*',
  patch: ItemPatchInput[K],
): Promise<StoredItem<K>> {
  const { trx, version } = w;
  const before = await requireItem(trx, kind, version, key);
  checkIfMatch(ifMatch, { id: before.rowId, rowVersion: before.rowVersion });
  const { position, ...fields } = patch as { position?: number } & Record<string, unknown>;
  let columns: Record<string, unknown> = {};
  let responsibilities: Awaited<ReturnType<typeof measureColumns>>['responsibilities'];

  switch (kind) {
    case 'section':
    case 'focus_area':
    case 'desired_state':
      columns = fields;
      break;
    case 'goal': {
      const { focusAreaId, ...rest } = fields as GoalPatch;
      columns = rest;
      if (focusAreaId !== undefined) columns.focus_area_id = await focusAreaColumn(trx, version, focusAreaId);
      break;
    }
    case 'measure': {
      const resolved = await measureColumns(trx, version, fields as MeasurePatch);
      columns = resolved.columns;
      responsibilities = resolved.responsibilities;
      break;
    }
    case 'implementation':
      columns = await implementationColumns(trx, version, fields as ImplementationPatch);
      break;
  }

  const oldGroup = groupOf(kind, version, before);
  await updateItemRow(trx, kind, before.rowId, columns);
  if (responsibilities) await replaceResponsibilities(trx, version.region_id, before.rowId, responsibilities);
  const moved =
    kind === 'measure' &&
    'goal_id' in columns &&
    (columns.goal_id !== before.goalRowId || columns.regional_goal_identity_id !== before.regionalGoalIdentityId);
  if (moved) {
    // Moved to another goal: close the gap it left and put it among its new siblings.
    const moved = await requireItem(trx, kind, version, key);
    const newGroup = groupOf(kind, version, moved)!;
    await placeAmongSiblings(trx, oldGroup!);
    await placeAmongSiblings(trx, newGroup, before.rowId, position);
  } else if (oldGroup && position !== undefined) {
    await placeAmongSiblings(trx, oldGroup, before.rowId, position);
  }
  const after = await requireItem(trx, kind, version, key);
  await audit(w, kind, 'updated', key, before.item, after.item);
  return after;
}

export async function deleteItem(w: ItemWrite, kind: ItemKind, key: string, ifMatch: string[] | '*'): Promise<void> {
  const { trx, version } = w;
  const before = await requireItem(trx, kind, version, key);
  checkIfMatch(ifMatch, { id: before.rowId, rowVersion: before.rowVersion });
  await deleteItemRow(trx, kind, before.rowId);
  const group = groupOf(kind, version, before);
  if (group) await placeAmongSiblings(trx, group);
  await audit(w, kind, 'deleted', key, before.item);
}
