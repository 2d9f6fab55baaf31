import { createOwnerDb, type Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import t from 'tap';
import { createTestDatabase } from './support/database.js';

/**
 * The second wall behind the API's 409: in the database itself, even for the
 * owner that runs migrations, an adopted version and its content never change.
 * Every statement here is plain SQL, as someone with a console would type it.
 */

t.test('an adopted version is final in the database', async (t) => {
  const database = await createTestDatabase(t);
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const refused = { code: '55000' };
  const adopted = await owner.selectFrom('plan_versions').selectAll().where('status', '=', 'adopted').executeTakeFirstOrThrow();
  const id = adopted.id;

  await t.rejects(sql`update plan_versions set title = 'Omskriven' where id = ${id}`.execute(owner), refused, 'its title');
  await t.rejects(sql`update plan_versions set decided_on = '2020-01-01' where id = ${id}`.execute(owner), refused, 'its decision');
  await t.rejects(sql`update plan_versions set status = 'draft' where id = ${id}`.execute(owner), refused, 'back to draft');
  await t.rejects(sql`update plan_versions set status = 'superseded', title = 'Og ny tittel' where id = ${id}`.execute(owner), refused, 'superseded with another change smuggled in');
  await t.rejects(sql`delete from plan_versions where id = ${id}`.execute(owner), refused, 'deleted');

  const goal = await owner.selectFrom('goals').selectAll().where('plan_version_id', '=', id).executeTakeFirstOrThrow();
  const measure = await owner.selectFrom('measures').selectAll().where('plan_version_id', '=', id).executeTakeFirstOrThrow();
  await t.rejects(sql`update goals set title = 'Nytt mål' where id = ${goal.id}`.execute(owner), refused, 'a goal');
  await t.rejects(sql`delete from measures where id = ${measure.id}`.execute(owner), refused, 'a measure deleted');
  await t.rejects(sql`update sections set body = '' where plan_version_id = ${id}`.execute(owner), refused, 'a section');
  await t.rejects(sql`update desired_states set text = 'Anna' where goal_id = ${goal.id}`.execute(owner), refused, 'a desired state');
  await t.rejects(sql`delete from measure_responsibilities where measure_id = ${measure.id}`.execute(owner), refused, 'a responsibility');
  await t.rejects(
    sql`insert into focus_areas (region_id, plan_version_id, identity_id, title, position)
      select region_id, plan_version_id, identity_id, 'Smuglar', 99 from focus_areas where plan_version_id = ${id} limit 1`.execute(owner),
    refused,
    'an item added',
  );
  await t.rejects(
    sql`update measures set plan_version_id = (select id from plan_versions where status = 'adopted' and id <> ${id} limit 1) where id = ${measure.id}`.execute(owner),
    refused,
    'a measure moved out of it',
  );

  const after = await owner.selectFrom('plan_versions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.same(after, adopted, 'the version row is as it was');

  // Superseding is the one change: status and the time, nothing else.
  await sql`update plan_versions set status = 'superseded', superseded_at = now() where id = ${id}`.execute(owner);
  const superseded = await owner.selectFrom('plan_versions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.equal(superseded.status, 'superseded', 'an adopted version may become superseded');
  t.equal(superseded.title, adopted.title);
  await t.rejects(sql`update plan_versions set status = 'adopted' where id = ${id}`.execute(owner), refused, 'a superseded version is never adopted again');
  await t.rejects(sql`update plan_versions set superseded_at = now() where id = ${id}`.execute(owner), refused, 'nor touched');
  await t.rejects(sql`update goals set title = 'Nytt mål' where id = ${goal.id}`.execute(owner), refused, 'its content stays frozen');

  t.test('a draft is open to change, and its content moves its row_version on', async (t) => {
    const draftVersion = await owner
      .insertInto('plan_versions')
      .values({ region_id: adopted.region_id, plan_id: adopted.plan_id, version_number: 2, status: 'draft', title: 'Utkast', language_form: adopted.language_form })
      .returning(['id', 'row_version'])
      .executeTakeFirstOrThrow();
    await sql`insert into sections (region_id, plan_version_id, identity_id, kind, title, position)
      select region_id, ${draftVersion.id}, identity_id, kind, title, position from sections where plan_version_id = ${id}`.execute(owner);
    const moved = await owner.selectFrom('plan_versions').select('row_version').where('id', '=', draftVersion.id).executeTakeFirstOrThrow();
    t.ok(moved.row_version > draftVersion.row_version, 'content written into a draft moves the draft’s row_version (its ETag) on');
    await sql`update sections set title = 'Endra' where plan_version_id = ${draftVersion.id}`.execute(owner);
    await sql`delete from plan_versions where id = ${draftVersion.id}`.execute(owner);
    t.pass('a draft and its content can be deleted');
  });

  t.test('the consultation record of an adopted version is final', async (t) => {
    const version = await owner.selectFrom('plan_versions').selectAll().where('status', '=', 'adopted').executeTakeFirstOrThrow();
    await t.rejects(
      sql`insert into consultation_submissions (region_id, plan_version_id, author_name, text) values (${version.region_id}, ${version.id}, 'Seint', 'Innspel')`.execute(owner),
      refused,
      'no input to an adopted version',
    );
  });
});
