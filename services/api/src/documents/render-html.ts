import { escapeHtml, markdownToHtml } from './markdown-text.js';
import type { Block, PlanDocument, TableCell } from './plan-document.js';

/**
 * The document as one self-contained HTML page: styles inline, no scripts, no
 * fonts or images fetched from anywhere, so it can be saved into a case file
 * and printed. A version that is not adopted carries its mark in a band that
 * the browser repeats on every printed page, and as a watermark.
 */
export function renderHtml(doc: PlanDocument): string {
  const mark = doc.mark ? escapeHtml(doc.mark) : null;
  const facts = factsTable(doc.titleFacts);
  return `<!doctype html>
<html lang="${doc.languageForm}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Oppvekst">
<title>${escapeHtml(doc.runningTitle)}</title>
<style>${STYLE}</style>
</head>
<body${mark ? ' class="not-adopted"' : ''}>
${mark ? `<div class="mark" role="note">${mark}</div>\n<div class="watermark" aria-hidden="true">${mark}</div>` : ''}
<header class="title-page">
<h1>${escapeHtml(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : ''}
${mark ? `<p class="title-mark">${mark}</p>` : ''}
${facts}
</header>
<main>
${doc.blocks.map(renderBlock).join('\n')}
</main>
</body>
</html>
`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      // The document title is the page's h1; the document's levels shift down by one.
      return `<h${block.level + 1}${block.level === 1 ? ' class="part"' : ''}>${escapeHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'markdown':
      return `<div class="text">${markdownToHtml(block.source)}</div>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'facts':
      return factsTable(block.rows);
    case 'table': {
      const total = block.columns.reduce((sum, c) => sum + c.weight, 0);
      const cols = block.columns.map((c) => `<col style="width:${((c.weight / total) * 100).toFixed(1)}%">`).join('');
      const head = block.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join('');
      const body = block.rows.map((cells) => `<tr>${cells.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table class="grid"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
    }
  }
}

function cell(value: TableCell): string {
  if (typeof value === 'string') return escapeHtml(value);
  return `<strong>${escapeHtml(value.title)}</strong>${value.text ? `<br>${escapeHtml(value.text)}` : ''}`;
}

function factsTable(rows: Array<[string, string]>): string {
  return `<table class="facts"><tbody>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</tbody></table>`;
}

const STYLE = `
@page { size: A4; margin: 18mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 24pt; margin: 0 0 .3em; }
h2 { font-size: 17pt; margin: 1.6em 0 .4em; border-bottom: 2px solid #2a5d84; padding-bottom: .15em; }
h2.part { font-size: 19pt; }
h3 { font-size: 13.5pt; margin: 1.3em 0 .3em; }
h4 { font-size: 11.5pt; margin: 1.1em 0 .3em; color: #2a5d84; }
h5 { font-size: 10.5pt; margin: 1em 0 .2em; text-transform: uppercase; letter-spacing: .03em; color: #555; }
.title-page { min-height: 60vh; border-bottom: 3px solid #2a5d84; margin-bottom: 2rem; padding-bottom: 1.5rem; }
.subtitle { font-size: 15pt; margin: 0 0 1.5em; }
.title-mark { font-size: 16pt; font-weight: 700; color: #a4161a; border: 2px solid #a4161a; display: inline-block; padding: .2em .6em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; }
table.grid { table-layout: fixed; font-size: 9pt; }
table.grid th, table.grid td { border: 1px solid #b8c4cc; padding: .3em .4em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.grid thead th { background: #e6eef4; }
table.facts th { text-align: left; padding: .2em 1em .2em 0; vertical-align: top; white-space: nowrap; width: 1%; }
table.facts td { padding: .2em 0; }
.text table { border-collapse: collapse; font-size: 9.5pt; }
.text th, .text td { border: 1px solid #b8c4cc; padding: .25em .4em; }
.mark { position: sticky; top: 0; z-index: 2; background: #a4161a; color: #fff; font-weight: 700; text-align: center; padding: .35em; letter-spacing: .05em; }
.watermark { display: none; }
@media print {
  body { max-width: none; padding: 0; }
  .title-page { min-height: 0; break-after: page; border: 0; }
  h2.part { break-before: page; }
  h2, h3, h4, h5 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  /* Fixed elements repeat on every printed page: the mark is on each sheet of the case papers. */
  .mark { position: fixed; top: 0; left: 0; right: 0; background: none; color: #a4161a; border-bottom: 1px solid #a4161a; padding: 0 0 .2em; }
  .not-adopted main, .not-adopted .title-page { padding-top: 1.6em; }
  .watermark { display: block; position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 42pt; font-weight: 700; color: rgba(164, 22, 26, .09); transform: rotate(-30deg); z-index: -1; }
  a { color: inherit; text-decoration: none; }
}
`;
