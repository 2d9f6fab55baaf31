import t from 'tap';
import { negotiate } from '../src/http/negotiate.js';

const TYPES = ['application/json', 'text/markdown', 'text/html', 'application/pdf'] as const;

t.test('content negotiation over the types a route can make', async (t) => {
  const cases: Array<[string | undefined, string | null]> = [
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/json; charset=utf-8', 'application/json'],
    ['text/markdown; variant=GFM', 'text/markdown'],
    ['TEXT/HTML', 'text/html'],
    ['text/*', 'text/markdown'],
    ['text/*;q=0.5, text/html', 'text/html'],
    ['text/*, text/html', 'text/markdown'], // equal weights: the route's order decides
    ['text/markdown;q=0.2, application/pdf;q=0.9', 'application/pdf'],
    ['application/pdf;q=0, */*;q=0.1', 'application/json'],
    ['*/*;q=0', null],
    ['image/png', null],
    ['text/markdown;q=0', null],
    [',', null],
    ['*', null],
    ['text/markdown;q=abc', 'text/markdown'], // a malformed weight is ignored
    ['application/pdf;q=2', 'application/pdf'],
    [`${'a/b,'.repeat(5000)}application/pdf`, 'application/pdf'],
  ];
  for (const [accept, expected] of cases) t.equal(negotiate(accept, TYPES), expected, `${JSON.stringify(accept?.slice(0, 60))} → ${expected}`);
});
