import t from 'tap';
import { formatDate, formatPeriod, formatPlanPeriod } from '../src/documents/format.js';
import { labelsFor } from '../src/documents/labels.js';
import { markFor, type PlanDocument } from '../src/documents/plan-document.js';
import { renderHtml } from '../src/documents/render-html.js';
import { renderMarkdown } from '../src/documents/render-markdown.js';

const nn = labelsFor('nn');
const nb = labelsFor('nb');

t.test('periods are written the Norwegian way, in either written form', async (t) => {
  t.equal(formatPeriod({ kind: 'ongoing', from: null, to: null }, nn), 'Pågåande');
  t.equal(formatPeriod({ kind: 'ongoing', from: null, to: null }, nb), 'Pågående');
  t.equal(formatPeriod({ kind: 'year', from: 2023, to: null }, nn), '2023');
  t.equal(formatPeriod({ kind: 'span', from: 2023, to: 2024 }, nn), '2023–2024', 'an en dash, not a hyphen');
  t.equal(formatPeriod({ kind: 'open_start', from: 2023, to: null }, nn), 'frå 2023');
  t.equal(formatPeriod({ kind: 'open_start', from: 2023, to: null }, nb), 'fra 2023');
  t.equal(formatPlanPeriod({ from: 2024, to: 2028 }, nn), '2024–2028');
  t.equal(formatDate('2025-06-19', nn), '19. juni 2025');
  t.equal(nn.preventionLevels.selective, 'For nokon');
  t.equal(nb.preventionLevels.selective, 'For noen');
});

t.test('the mark follows the least final part', async (t) => {
  t.equal(markFor(['adopted', 'adopted'], nn), null, 'adopted text carries no mark');
  t.equal(markFor(['adopted', 'draft'], nn), 'UTKAST – ikkje vedteke');
  t.equal(markFor(['consultation', 'adopted'], nb), 'HØRINGSUTKAST – ikke vedtatt');
  t.equal(markFor(['consultation', 'draft'], nn), 'UTKAST – ikkje vedteke', 'a draft part makes the whole a draft');
});

const hostile: PlanDocument = {
  languageForm: 'nn',
  title: 'Plan <script>alert(1)</script> | *stjerne*',
  subtitle: null,
  mark: 'UTKAST – ikkje vedteke',
  titleFacts: [['Kommune', 'Tokke & <b>co</b>']],
  runningTitle: 'Plan',
  blocks: [
    { kind: 'heading', level: 1, text: 'Del 1' },
    { kind: 'markdown', source: 'Tekst med <img src=x onerror=alert(1)> og [lenkje](javascript:alert(1)) og [trygg](https://example.org) og ![bilete](https://evil.example/x.png).' },
    { kind: 'table', columns: [{ title: 'Tiltak', weight: 1 }], rows: [[{ title: 'A | B', text: 'linje 1\nlinje 2 <i>' }]] },
  ],
};

t.test('HTML: editors’ text stays text, and the page loads nothing from elsewhere', async (t) => {
  const html = renderHtml(hostile);
  t.notMatch(html, /<script/i, 'no script element');
  t.notMatch(html, /<img/i, 'no image element: images become their description');
  t.notMatch(html, /href="javascript:/i, 'no javascript: link');
  t.match(html, '<a href="https://example.org">trygg</a>', 'a web link is kept');
  t.notMatch(html, /evil\.example/, 'nothing is fetched from elsewhere');
  t.match(html, '&lt;script&gt;alert(1)&lt;/script&gt;', 'the title is escaped');
  t.match(html, 'Tokke &amp; &lt;b&gt;co&lt;/b&gt;');
  t.match(html, /class="mark"[^>]*>UTKAST – ikkje vedteke</, 'the draft mark is on the page');
  t.match(html, /@media print[\s\S]*\.mark \{ position: fixed/, 'and is fixed, so print repeats it on every page');
  t.notMatch(html, /<link|@import|url\(/, 'styles are inline');
});

t.test('Markdown: plan text cannot break the table or turn into markup', async (t) => {
  const md = renderMarkdown(hostile);
  t.match(md, /^> \*\*UTKAST – ikkje vedteke\*\*\n\n# Plan \\<script\\>/, 'the mark first, then the escaped title');
  t.match(md, '\\*stjerne\\*', 'stars in titles are escaped, not emphasis');
  const row = md.split('\n').find((l) => l.includes('A \\| B'));
  t.ok(row, 'the table row is there');
  t.equal(row?.split(/(?<!\\)\|/).length, 3, 'one cell: the pipe in the title is escaped');
  t.match(row, 'linje 1<br>linje 2 \\<i\\>', 'line breaks stay inside the cell');
  t.equal(md.match(/UTKAST – ikkje vedteke/g)?.length, 3, 'the mark at the top, before the part and at the end');
});

t.test('Markdown: a section’s own headings rank below its title, and its raw HTML is shown as text', async (t) => {
  const md = renderMarkdown({
    ...hostile,
    mark: null,
    blocks: [{ kind: 'markdown', source: '# Overskrift\r\n\r\nTekst <b>feit</b> og <https://example.org>.\n\n```\n# kode\n<b>\n```' }],
  });
  t.match(md, '\n#### Overskrift\n', 'a level-1 heading in the body becomes level 4');
  t.match(md, 'Tekst &lt;b>feit&lt;/b> og <https://example.org>.', 'tags escaped, autolinks kept');
  t.match(md, '```\n# kode\n<b>\n```', 'fenced code untouched');
});

t.test('PDF: Sámi and Cyrillic letters print, what the font lacks shows as U+FFFD, and long cells are never cut', async (t) => {
  const { renderPdf, chunkCell } = await import('../src/documents/render-pdf.js');
  const { pdfPages } = await import('./support/pdf-text.js');
  const words = Array.from({ length: 3000 }, (_, i) => `ord${i}`).join(' ');
  const pdf = await renderPdf({
    languageForm: 'nn',
    title: 'Kárášjohka – Porsáŋgu – Ђорђе',
    subtitle: null,
    mark: null,
    titleFacts: [['Kommune', 'Deatnu – Tana']],
    runningTitle: 'Test',
    blocks: [
      { kind: 'paragraph', text: 'مرحبا og kontroll\u0007teikn' },
      { kind: 'table', columns: [{ title: 'Innspel', weight: 1 }, { title: 'Svar', weight: 1 }], rows: [[words, 'kort']] },
    ],
  });
  const text = (await pdfPages(pdf)).join(' ');
  t.match(text, 'Kárášjohka – Porsáŋgu – Ђорђе', 'Sámi and Cyrillic letters survive');
  t.notOk(text.includes(String.fromCharCode(0)), 'no invisible glyphs');
  t.match(text, '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD og kontrollteikn', 'Arabic (not in the font) shows as U+FFFD; a control character is dropped');
  t.match(text, 'ord0 ', 'the long cell starts');
  t.match(text, 'ord2999', 'and its last word is there: the cell was split into rows, not cut');
  t.same(chunkCell('a'.repeat(1500), 700).map((c) => c.length), [700, 700, 100], 'a word longer than a cell chunk is split hard');
  t.same(chunkCell('ab cd ef', 5), ['ab cd', 'ef'], 'split at the last space that fits');
});
