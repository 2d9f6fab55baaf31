import pg from 'pg';

/**
 * Many regions of generated plans for the benchmark, written with a few
 * set-based statements (no API, no row-by-row inserts). Each region gets four
 * municipalities, four services, an adopted regional plan with 8 goals × 30
 * measures and an adopted annex per municipality with 2 goals × 20 measures
 * that also implements a quarter of the regional measures: 400 measures a
 * region. Text is nynorsk or bokmål by the region's language form, from word
 * lists, so full-text search has something to find.
 *
 * Triggers are off during the load (session_replication_role = replica, which
 * takes a superuser); the feed is then built with the same functions the
 * triggers call.
 */
export interface LoadShape {
  regions: number;
  regionalGoals: number;
  measuresPerRegionalGoal: number;
  annexGoals: number;
  measuresPerAnnexGoal: number;
}

export const BENCH_SHAPE: LoadShape = { regions: 155, regionalGoals: 8, measuresPerRegionalGoal: 30, annexGoals: 2, measuresPerAnnexGoal: 20 };

export const measuresOf = (shape: LoadShape) =>
  shape.regions * (shape.regionalGoals * shape.measuresPerRegionalGoal + 4 * shape.annexGoals * shape.measuresPerAnnexGoal);

const int = (n: number) => {
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new Error(`not a small whole number: ${n}`);
  return n;
};

export function loadSql(shape: LoadShape): string {
  const regions = int(shape.regions);
  if (regions > 1000) throw new Error('at most 1000 regions (kommunenummer 5000-8999)');
  return `
    set local session_replication_role = replica;
    create temp table b_regions on commit drop as
      select n, gen_random_uuid() as id, 'benk-' || lpad(n::text, 4, '0') as slug, case when n % 2 = 0 then 'nb' else 'nn' end as lang
      from generate_series(1, ${regions}) n;
    insert into regions (id, slug, name, kind, language_form)
      select id, slug, 'Benkregion ' || n, 'intermunicipal', lang from b_regions;
    create temp table b_municipalities on commit drop as
      select r.n, j, gen_random_uuid() as id, r.id as region_id, (5000 + (r.n - 1) * 4 + j)::text as kommunenummer, r.lang
      from b_regions r cross join generate_series(0, 3) j;
    insert into municipalities (id, region_id, kommunenummer, name, language_form)
      select id, region_id, kommunenummer, 'Benkkommune ' || kommunenummer, lang from b_municipalities;
    create temp table b_services on commit drop as
      select r.id as region_id, s.slug, s.kind, s.ord, gen_random_uuid() as id
      from b_regions r cross join (values ('barnevern', 'barnevern', 0), ('ppt', 'ppt', 1), ('nav', 'nav', 2), ('helsestasjon', 'helsestasjon', 3)) s (slug, kind, ord);
    insert into services (id, region_id, slug, name, kind, scope)
      select id, region_id, slug, initcap(slug), kind, case when ord = 3 then 'local' else 'intermunicipal' end from b_services;
    insert into service_municipalities (region_id, service_id, municipality_id)
      select s.region_id, s.id, m.id from b_services s join b_municipalities m on m.region_id = s.region_id;

    create temp table b_versions on commit drop as
      select gen_random_uuid() as id, gen_random_uuid() as plan_id, r.id as region_id, null::uuid as municipality_id, -1 as j, r.lang, 'regional' as kind
      from b_regions r
      union all
      select gen_random_uuid(), gen_random_uuid(), m.region_id, m.id, m.j, m.lang, 'annex' from b_municipalities m;
    insert into plans (id, region_id, kind, municipality_id) select plan_id, region_id, kind, municipality_id from b_versions;
    insert into plan_versions (id, region_id, plan_id, version_number, status, title, language_form, period_from, period_to)
      select id, region_id, plan_id, 1, 'draft', case when kind = 'regional' then 'Oppvekstplan ' else 'Lokal del ' end || '2025–2028', lang, 2025, 2028
      from b_versions;

    create temp table b_goals on commit drop as
      select gen_random_uuid() as id, gen_random_uuid() as identity_id, v.id as version_id, v.plan_id, v.region_id, v.kind, v.j, v.lang, g as position
      from b_versions v cross join lateral generate_series(0, case when v.kind = 'regional' then ${int(shape.regionalGoals) - 1} else ${int(shape.annexGoals) - 1} end) g;
    insert into content_identities (id, region_id, plan_id, kind) select identity_id, region_id, plan_id, 'goal' from b_goals;
    insert into goals (id, region_id, plan_version_id, identity_id, title, description, position)
      select id, region_id, version_id, identity_id,
        (array['Tidleg innsats', 'Trygge oppvekstmiljø', 'Meistring og deltaking', 'Psykisk helse', 'Inkludering', 'Foreldrerolla', 'Skule og barnehage', 'Samhandling'])[1 + position % 8],
        '', position
      from b_goals;

    create temp table b_measures on commit drop as
      select gen_random_uuid() as id, gen_random_uuid() as identity_id, g.id as goal_id, g.version_id, g.plan_id, g.region_id, g.kind, g.j, g.lang,
        i as position, row_number() over (order by g.region_id, g.version_id, g.position, i) as seq
      from b_goals g cross join lateral generate_series(0, case when g.kind = 'regional' then ${int(shape.measuresPerRegionalGoal) - 1} else ${int(shape.measuresPerAnnexGoal) - 1} end) i;
    insert into content_identities (id, region_id, plan_id, kind) select identity_id, region_id, plan_id, 'measure' from b_measures;
    insert into measures (id, region_id, plan_version_id, identity_id, goal_id, title, description, period_kind, period_from, period_to,
        prevention_level, age_groups, convention_articles, laws, programme, status, position)
      select id, region_id, version_id, identity_id, goal_id,
        (case when lang = 'nn'
          then array['Foreldrerettleiing', 'Leksehjelp', 'Ungdomslos', 'Familieteam', 'Språkkafé', 'Fritidskort', 'Oppfølging av fråvær', 'Helsestasjon for ungdom', 'Ope ungdomshus', 'Overgang barnehage–skule', 'Heimebesøk', 'Tverrfagleg team']
          else array['Foreldreveiledning', 'Leksehjelp', 'Ungdomslos', 'Familieteam', 'Språkkafé', 'Fritidskort', 'Oppfølging av fravær', 'Helsestasjon for ungdom', 'Åpent ungdomshus', 'Overgang barnehage–skole', 'Hjemmebesøk', 'Tverrfaglig team'] end)[1 + seq % 12]
        || ' ' || (case when lang = 'nn'
          then array['i barnehagen', 'for ungdom', 'i skulen', 'for nye familiar', 'på biblioteket', 'i kommunane', 'for dei minste', 'i helgane']
          else array['i barnehagen', 'for ungdom', 'i skolen', 'for nye familier', 'på biblioteket', 'i kommunene', 'for de minste', 'i helgene'] end)[1 + (seq / 12) % 8]
        || ' ' || seq,
        case when lang = 'nn'
          then 'Tiltaket skal styrkje foreldra og gje barn og unge rett hjelp til rett tid. Tenestene samarbeider tett, og tiltaket vert evaluert kvart år.'
          else 'Tiltaket skal styrke foreldrene og gi barn og unge rett hjelp til rett tid. Tjenestene samarbeider tett, og tiltaket evalueres hvert år.' end,
        (array['ongoing', 'year', 'span', 'open_start'])[1 + seq % 4],
        case seq % 4 when 0 then null when 1 then 2024 + (seq % 4)::int when 2 then 2023 + (seq % 3)::int else 2022 + (seq % 5)::int end,
        case when seq % 4 = 2 then 2025 + (seq % 3)::int end,
        (array['universal', 'selective', 'indicated'])[1 + seq % 3],
        (array['first_1000_days', 'kindergarten', 'primary_school', 'lower_secondary', 'upper_secondary', 'young_adult'])[1 + seq % 6 : 2 + seq % 5],
        array[1 + seq % 54, 1 + (seq * 7) % 54]::smallint[],
        array[(array['barnevernloven', 'barnehageloven', 'opplaeringsloven', 'helse_og_omsorgstjenesteloven', 'sosialtjenesteloven', 'nav_loven',
          'folkehelseloven', 'integreringsloven'])[1 + seq % 8]],
        case when seq % 7 = 0 then (array['PMTO', 'ICDP', 'COS-P', 'Foreldretrappa', 'Ung Arena', 'TIBIR', 'Home-Start'])[1 + (seq / 7) % 7] end,
        (array['active', 'active', 'active', 'planned', 'completed', 'discontinued'])[1 + seq % 6],
        position
      from b_measures;
    insert into measure_responsibilities (region_id, measure_id, role, service_id, service_kind, name, position)
      select m.region_id, m.id, 'responsible', s.id, s.kind, null, 0
      from b_measures m join b_services s on s.region_id = m.region_id and s.ord = m.seq % 4
      union all
      select m.region_id, m.id, 'partner', null, null, (array['Politiet', 'Frivilligsentralen', 'Idrettslaget', 'Ungdomsrådet'])[1 + m.seq % 4], 1
      from b_measures m;
    insert into measure_implementations (region_id, plan_version_id, measure_identity_id, local_responsible, responsible_service_id, notes, status)
      select a.region_id, a.id, m.identity_id, 'Oppvekstleiar', s.id, 'Lokal oppfølging', (array['active', 'planned'])[1 + m.seq % 2]
      from b_versions a
      join b_measures m on m.region_id = a.region_id and m.kind = 'regional' and m.seq % 4 = a.j
      join b_services s on s.region_id = a.region_id and s.ord = 3
      where a.kind = 'annex';

    update plan_versions v set status = 'adopted', decided_by = 'municipal_council', decision = 'adopted', decided_on = '2025-06-19',
      case_reference = '25/' || (1000 + b.j), adopted_at = now()
      from b_versions b where b.id = v.id;

    set local session_replication_role = origin;
    select oppvekst_feed_refresh('adopted', plan_id, null) from b_versions;
    select oppvekst_feed_stamp();
  `;
}

/** Runs the load in one transaction as a superuser; returns the number of measures written. */
export async function loadBenchData(superuserUrl: string, shape: LoadShape = BENCH_SHAPE): Promise<number> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(loadSql(shape));
    await client.query('commit');
    await client.query('analyze');
    return measuresOf(shape);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
