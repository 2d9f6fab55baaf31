import { parseArgs } from 'node:util';
import { LANGUAGE_FORMS, type NewRegion, REGION_KINDS } from '@oppvekst/contracts';
import type { Config } from '../config.js';
import { checkNewRegion } from '../regions/onboarding.js';
import { createRegion } from '../regions/onboarding.repository.js';
import { withOwnerDb } from './operator-database.js';
import { UsageError } from './usage.js';

/** `create-region`: the same onboarding as the createRegion operation, for operators at the console. */
export async function createRegionCommand(config: Config, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string', default: 'intermunicipal' },
      'language-form': { type: 'string', default: 'nb' },
      municipality: { type: 'string', multiple: true },
      admin: { type: 'string', multiple: true },
    },
  });
  const { slug, name, kind } = values;
  const languageForm = values['language-form'];
  if (!slug || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw new UsageError('--slug is required: lowercase letters, digits and dashes');
  if (!name) throw new UsageError('--name is required');
  if (!(REGION_KINDS as readonly string[]).includes(kind!)) throw new UsageError(`--kind must be one of ${REGION_KINDS.join(', ')}`);
  if (!(LANGUAGE_FORMS as readonly string[]).includes(languageForm!)) throw new UsageError(`--language-form must be nb or nn`);
  const municipalities = (values.municipality ?? []).map((entry) => {
    const match = /^([0-9]{4})=(.+)$/.exec(entry);
    if (!match) throw new UsageError(`--municipality takes <kommunenummer>=<name>, got "${entry}"`);
    return { kommunenummer: match[1]!, name: match[2]! };
  });
  if (municipalities.length === 0) throw new UsageError('name at least one --municipality <kommunenummer>=<name>');
  const input: NewRegion = {
    slug,
    name,
    kind: kind as NewRegion['kind'],
    languageForm: languageForm as NewRegion['languageForm'],
    municipalities,
    admins: values.admin ?? [],
  };
  const problem = checkNewRegion(input);
  if (problem) throw new UsageError(problem.message);
  await withOwnerDb(config, async (owner) => {
    if (await owner.selectFrom('regions').select('id').where('slug', '=', slug).executeTakeFirst()) throw new UsageError(`region "${slug}" exists already`);
    await owner.transaction().execute((trx) => createRegion(trx, input, 'oppvekst-cli'));
  });
  return `created region ${slug} with ${municipalities.length} municipalities`;
}
