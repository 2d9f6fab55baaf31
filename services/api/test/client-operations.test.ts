import { readFile } from 'node:fs/promises';
import t from 'tap';
import { openApiDocument, operationsSource } from '../scripts/client-operations.js';

t.test('the client’s operation list is generated from the API as it is now', async (t) => {
  const spec = await openApiDocument();
  const expected = operationsSource(spec);
  const actual = await readFile(new URL('../../../packages/client/src/operations.ts', import.meta.url), 'utf8');
  t.ok(actual === expected, 'packages/client/src/operations.ts is up to date (else: pnpm --filter @oppvekst/api client:generate)');
  const ids = Object.values(spec.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
  for (const id of ids) t.match(actual, new RegExp(`\\n  ${id}: \\{ method: `), `the client can call ${id}`);
});
