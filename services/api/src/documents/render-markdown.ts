import { embedMarkdown } from './markdown-text.js';
import type { Block, PlanDocument, TableCell } from './plan-document.js';

/**
 * The document as Markdown (CommonMark with GFM tables), for case systems and
 * editors that take text. Markdown has no pages, so the draft mark stands at
 * the top and again before every part.
 */
export function renderMarkdown(doc: PlanDocument): string {
  const out: string[] = [];
  const mark = doc.mark ? `> **${doc.mark}**` : null;
  if (mark) out.push(mark);
  out.push(`# ${inline(doc.title)}`);
  if (doc.subtitle) out.push(`**${inline(doc.subtitle)}**`);
  out.push(doc.titleFacts.map(([label, value]) => `- **${inline(label)}:** ${inline(value)}`).join('\n'));
  for (const block of doc.blocks) {
    if (mark && block.kind === 'heading' && block.level === 1) out.push(mark);
    out.push(renderBlock(block));
  }
  if (mark) out.push(mark);
  return `${out.join('\n\n')}\n`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      // The title is the only level-1 heading; the document's levels shift down by one.
      return `${'#'.repeat(block.level + 1)} ${inline(block.text)}`;
    case 'paragraph':
      return inline(block.text);
    case 'markdown':
      // Under a section title (###): the body's own headings start at ####.
      return embedMarkdown(block.source.trim(), 3);
    case 'list':
      return block.items.map((item) => `- ${inline(item)}`).join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `- **${inline(label)}:** ${inline(value)}`).join('\n');
    case 'table':
      return [
        row(block.columns.map((c) => c.title)),
        row(block.columns.map(() => '---')),
        ...block.rows.map((cells) => row(cells.map(cell))),
      ].join('\n');
  }
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function cell(value: TableCell): string {
  if (typeof value === 'string') return tableText(value);
  return `**${tableText(value.title)}**${value.text ? `<br>${tableText(value.text)}` : ''}`;
}

/** A cell is one line: pipes would end it and line breaks would end the table. */
const tableText = (text: string) => inline(text).replace(/\|/g, '\\|').replace(/\r\n?|\n/g, '<br>');

/** Plan text that is not Markdown (titles, measure texts) must not turn into markup or HTML. */
const inline = (text: string) => text.replace(/([\\`*_[\]<>#])/g, '\\$1');
