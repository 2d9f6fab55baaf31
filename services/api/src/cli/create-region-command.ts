import { parseArgs } from 'node:util';
import type { NewRegion } from '@oppvekst/contracts';
import type { Config } from '../config.js';
import { checkNewRegion } from '../regions/onboarding.js';
import { createRegion } from '../regions/onboarding.repository.js';
import { assertContract } from './contract-check.js';
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
  const { slug, name } = values;
  if (!slug || !name) throw new UsageError('--slug and --name are required');
  const municipalities = (values.municipality ?? []).map((entry) => {
    const match = /^([^=]+)=(.+)$/.exec(entry);
    if (!match) throw new UsageError(`--municipality takes <kommunenummer>=<name>, got "${entry}"`);
    return { kommunenummer: match[1]!, name: match[2]! };
  });
  if (municipalities.length === 0) throw new UsageError('name at least one --municipality <kommunenummer>=<name>');
  const input = { slug, name, kind: values.kind, languageForm: values['language-form'], municipalities, admins: values.admin ?? [] };
  assertContract('NewRegion', input, {
    slug: '--slug',
    name: '--name',
    kind: '--kind',
    languageForm: '--language-form',
    municipalities: '--municipality',
    admins: '--admin',
  });
  const problem = checkNewRegion(input as NewRegion);
  if (problem) throw new UsageError(problem.message);
  await withOwnerDb(config, async (owner) => {
    if (await owner.selectFrom('regions').select('id').where('slug', '=', slug).executeTakeFirst()) throw new UsageError(`region "${slug}" exists already`);
    await owner.transaction().execute((trx) => createRegion(trx, input as NewRegion, 'oppvekst-cli'));
  });
  return `created region ${slug} with ${municipalities.length} municipalities`;
}
