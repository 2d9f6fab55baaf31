/**
 * Writes packages/client/src/operations.ts from the API's own OpenAPI
 * document: every operation with its method, path, parameters, body and
 * answer, typed by the contract schemas. `pnpm --filter @oppvekst/api
 * client:generate` rewrites it; test/client-operations.test.ts fails when it is
 * out of date, so the client always covers every public operation.
 */
import { writeFile } from 'node:fs/promises';
import { createDb, createPool } from '@oppvekst/db';
import { buildApp } from '../src/app.js';
import { loadSigningKey } from '../src/auth/signing-key.js';
import { generateKeyPairSync } from 'node:crypto';

type Schema = {
  $ref?: string;
  default?: unknown;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
};
interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

const TARGET = new URL('../../../packages/client/src/operations.ts', import.meta.url);

/** The OpenAPI document of an app that is built but never connects. */
export async function openApiDocument(): Promise<{ paths: Record<string, Record<string, Operation>> }> {
  const db = createDb(createPool('postgres://nobody:none@127.0.0.1:1/none', { max: 1 }));
  const key = await loadSigningKey(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'unused');
  const app = await buildApp({ db, auth: { signingKey: key, issuer: 'urn:x', audience: 'urn:x', clientTokenTtlSeconds: 900 } });
  try {
    await app.ready();
    return app.swagger() as never;
  } finally {
    await app.close();
    await db.destroy();
  }
}

export function operationsSource(spec: { paths: Record<string, Record<string, Operation>> }): string {
  const refs = new Set<string>();
  const ts = (schema: Schema | undefined): string => {
    if (!schema) return 'unknown';
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      refs.add(name);
      return `Static<typeof ${name}Schema>`;
    }
    const union = schema.anyOf ?? schema.oneOf;
    if (union) return union.map(ts).join(' | ');
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    return types
      .map((type) => {
        if (type === 'string') return 'string';
        if (type === 'integer' || type === 'number') return 'number';
        if (type === 'boolean') return 'boolean';
        if (type === 'null') return 'null';
        if (type === 'array') return `Array<${ts(schema.items)}>`;
        if (type === 'object') {
          const fields = Object.entries(schema.properties ?? {}).map(
            ([key, value]) => `${JSON.stringify(key)}${schema.required?.includes(key) ? '' : '?'}: ${ts(value)}`,
          );
          return fields.length ? `{ ${fields.join('; ')} }` : 'Record<string, unknown>';
        }
        return 'unknown';
      })
      .join(' | ');
  };
  const entries: string[] = [];
  const table: string[] = [];
  const operations = Object.entries(spec.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))
    .sort((a, b) => a.op.operationId.localeCompare(b.op.operationId));
  for (const { path, method, op } of operations) {
    const params = op.parameters ?? [];
    const group = (where: string) => {
      const fields = params
        .filter((p) => p.in === where)
        // A parameter with a default may be left out: the server fills it in.
        .map((p) => `${JSON.stringify(p.name)}${p.required && p.schema.default === undefined ? '' : '?'}: ${ts(p.schema)}`);
      return fields.length ? `{ ${fields.join('; ')} }` : 'Record<string, never>';
    };
    const body = op.requestBody ? ts(op.requestBody.content['application/json']?.schema ?? Object.values(op.requestBody.content)[0]?.schema) : 'never';
    const statuses = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
    const answer = statuses
      .map((s) => op.responses[s]!.content?.['application/json']?.schema)
      .map((schema) => (schema ? ts(schema) : 'void'))
      .join(' | ');
    entries.push(
      `  ${op.operationId}: {\n    path: ${group('path')};\n    query: ${group('query')};\n    body: ${body};\n    response: ${answer || 'void'};\n  };`,
    );
    table.push(`  ${op.operationId}: { method: '${method}', path: '${path.replace(/\{(\w+)\}/g, ':$1')}' },`);
  }
  const imports = [...refs].sort().map((r) => `  ${r}Schema,`);
  return `// Generated from the API's OpenAPI document by services/api/scripts/client-operations.ts: do not edit.
// Rewrite with \`pnpm --filter @oppvekst/api client:generate\`.
import type {
${imports.join('\n')}
} from '@oppvekst/contracts';
import type { Static } from '@sinclair/typebox';

/** Every operation of the API: its path and query parameters, body and successful answer. */
export interface Operations {
${entries.join('\n')}
}

export type OperationId = keyof Operations;

/** Where each operation lives: the method and the path, with \`:name\` for path parameters. */
export const OPERATIONS: { readonly [K in OperationId]: { readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; readonly path: string } } = {
${table.join('\n')}
};
`;
}

if (process.argv[1] && import.meta.url === new URL(process.argv[1], 'file://').href) {
  await writeFile(TARGET, operationsSource(await openApiDocument()));
  console.error(`wrote ${TARGET.pathname}`);
}
