/**
 * PostgreSQL's Norwegian stemmer takes the endings of both written forms
 * (barnehagane and barnehagene are both "barnehag"), but not the words that
 * are spelt differently: skule and skole, heim and hjem. So a query is also
 * tried in the other form's spelling of the words plans use most. The whole
 * query switches form at once (a plan is written in one form), and a query
 * that excludes words (`-skule`) or quotes a phrase is left as it is, where an
 * alternative spelling would change what it means.
 */

/** Word beginnings, nynorsk → bokmål; the longer ones first where they overlap. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['førebyggj', 'forebygg'],
  ['førebygg', 'forebygg'],
  ['føresett', 'foresatt'],
  ['helsesjukepleiar', 'helsesykepleier'],
  ['sjukepleiar', 'sykepleier'],
  ['vidaregåande', 'videregående'],
  ['rettleiing', 'veiledning'],
  ['rettleiar', 'veileder'],
  ['tenesta', 'tjenesten'],
  ['teneste', 'tjeneste'],
  ['verksemd', 'virksomhet'],
  ['meistring', 'mestring'],
  ['fråvær', 'fravær'],
  ['åtferd', 'atferd'],
  ['heime', 'hjemme'],
  ['heim', 'hjem'],
  ['skule', 'skole'],
  ['tilsett', 'ansatt'],
  ['eigen', 'egen'],
  ['nokon', 'noen'],
  ['ikkje', 'ikke'],
  ['vald', 'vold'],
  ['sjuk', 'syk'],
  ['born', 'barn'],
  ['open', 'åpen'],
];

function respell(query: string, from: 0 | 1): string {
  const to = from === 0 ? 1 : 0;
  return query.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = word.toLowerCase();
    const pair = PAIRS.find((p) => lower.startsWith(p[from]));
    return pair ? pair[to] + lower.slice(pair[from].length) : word;
  });
}

/** The query as given, then in each written form's spelling where that differs. */
export function spellingVariants(query: string): string[] {
  if (/"|(^|\s)-/.test(query)) return [query];
  return [...new Set([query, respell(query, 0), respell(query, 1)])];
}
