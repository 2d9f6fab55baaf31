import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { labelsFor } from './labels.js';
import { markdownTokens } from './markdown-text.js';
import { type InlineRun, inlineRuns, plainText } from './markdown-runs.js';
import { mapText, type Block, type PlanDocument, type TableCell } from './plan-document.js';

type Pdf = InstanceType<typeof PDFDocument>;

/**
 * The fonts are embedded (and subset by pdfkit), so the PDF looks the same on
 * every machine and the service needs no fonts installed. Noto Sans in full
 * (not a web subset) covers Norwegian and Sámi letters (æøå, ŋ č đ š ŧ ž),
 * Cyrillic and Greek; anything it lacks is printed as U+FFFD rather than as
 * an invisible glyph.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

interface Fonts {
  files: Record<FontName, Buffer>;
  /** Whether the fonts can draw a character (they share one character set). */
  covers(codePoint: number): boolean;
}

let fonts: Promise<Fonts> | undefined;
function loadFonts(): Promise<Fonts> {
  const require = createRequire(import.meta.url);
  fonts ??= Promise.all(
    Object.entries(FONT_FILES).map(async ([name, file]) => [name, await readFile(require.resolve(file))] as const),
  ).then((entries) => {
    const files = Object.fromEntries(entries) as Record<FontName, Buffer>;
    const regular = fontkit.create(files.regular) as fontkit.Font;
    return { files, covers: (codePoint: number) => regular.hasGlyphForCodePoint(codePoint) };
  });
  return fonts;
}

/** Text the fonts can print: line breaks normalised, control characters dropped, missing glyphs shown as U+FFFD. */
function printable(text: string, covers: (codePoint: number) => boolean): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const codePoint = char.codePointAt(0)!;
    if (char === '\n' || char === '\t') out += char;
    else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    else out += covers(codePoint) ? char : '\uFFFD';
  }
  return out;
}

/**
 * pdfkit moves a table row to the next page but never splits one, so a row
 * taller than a page would be cut off. Long cells are split at word
 * boundaries into continuation rows short enough to fit on any page.
 */
const CELL_CHUNK = 700;
export function chunkCell(text: string, size = CELL_CHUNK): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const space = rest.lastIndexOf(' ', size);
    const cut = space > size / 2 ? space : size;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  chunks.push(rest);
  return chunks;
}

const MARGIN = { top: 60, bottom: 60, left: 50, right: 50 };
const MARK_COLOUR = '#a4161a';
const ACCENT = '#2a5d84';
const TEXT_SIZE = 10;

export interface PdfOptions {
  /** Written as the PDF's creation date; fixed for reproducible samples. */
  createdAt?: Date;
}

/** The document as an A4 PDF: a title page, the parts, and a header and footer on every page. */
export async function renderPdf(document: PlanDocument, options: PdfOptions = {}): Promise<Buffer> {
  const { files, covers } = await loadFonts();
  const doc = mapText(document, (text) => printable(text, covers));
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: doc.languageForm === 'nb' ? 'nb-NO' : 'nn-NO',
    displayTitle: true,
    info: {
      Title: doc.runningTitle,
      // pdfkit cannot write an undefined entry: leave the key out.
      ...(doc.subtitle ? { Subject: doc.subtitle } : {}),
      Creator: 'Oppvekst',
      Producer: 'Oppvekst (pdfkit)',
      ...(options.createdAt ? { CreationDate: options.createdAt, ModDate: options.createdAt } : {}),
    },
  });
  for (const name of Object.keys(FONT_FILES) as FontName[]) pdf.registerFont(name, files[name]);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  titlePage(pdf, doc);
  for (const block of doc.blocks) renderBlock(pdf, block);
  decoratePages(pdf, doc);
  pdf.end();
  await finished;
  return Buffer.concat(chunks);
}

function titlePage(pdf: Pdf, doc: PlanDocument): void {
  pdf.moveDown(6);
  pdf.font('bold').fontSize(24).fillColor('black').text(doc.title);
  if (doc.subtitle) pdf.moveDown(0.4).font('regular').fontSize(15).text(doc.subtitle);
  if (doc.mark) pdf.moveDown(1).font('bold').fontSize(16).fillColor(MARK_COLOUR).text(doc.mark).fillColor('black');
  pdf.moveDown(2);
  facts(pdf, doc.titleFacts);
}

function renderBlock(pdf: Pdf, block: Block): void {
  switch (block.kind) {
    case 'heading':
      return heading(pdf, block.level, block.text);
    case 'paragraph':
      pdf.font('regular').fontSize(TEXT_SIZE).text(block.text, { paragraphGap: 4 });
      pdf.moveDown(0.3);
      return;
    case 'markdown':
      return markdown(pdf, block.source);
    case 'list':
      return list(pdf, block.items.map((text) => [{ text }]));
    case 'facts':
      return facts(pdf, block.rows);
    case 'table':
      return table(pdf, block.columns.map((c) => c.title), block.columns.map((c) => c.weight), block.rows);
  }
}

const HEADING_SIZES = { 1: 18, 2: 14, 3: 12, 4: TEXT_SIZE + 0.5 } as const;

function heading(pdf: Pdf, level: 1 | 2 | 3 | 4, text: string): void {
  // A part starts on a new page; other headings are kept with what follows.
  if (level === 1) pdf.addPage();
  else if (pdf.y > pdf.page.height - MARGIN.bottom - 90) pdf.addPage();
  else pdf.moveDown(level === 4 ? 0.4 : 0.8);
  pdf.x = MARGIN.left;
  pdf.font('bold').fontSize(HEADING_SIZES[level]).fillColor(level === 4 ? ACCENT : 'black').text(text);
  pdf.fillColor('black').moveDown(0.3);
}

function facts(pdf: Pdf, rows: Array<[string, string]>): void {
  const labelWidth = 170;
  for (const [label, value] of rows) {
    const y = pdf.y;
    pdf.font('bold').fontSize(TEXT_SIZE).text(label, MARGIN.left, y, { width: labelWidth - 10 });
    const afterLabel = pdf.y;
    pdf.font('regular').text(value, MARGIN.left + labelWidth, y, { width: contentWidth(pdf) - labelWidth });
    pdf.y = Math.max(pdf.y, afterLabel) + 2;
  }
  pdf.x = MARGIN.left;
  pdf.moveDown(0.5);
}

function list(pdf: Pdf, items: InlineRun[][], indent = 0): void {
  pdf.fontSize(TEXT_SIZE);
  for (const runs of items) {
    pdf.x = MARGIN.left + indent;
    runsText(pdf, [{ text: '•  ' }, ...runs], { indent: 0, width: contentWidth(pdf) - indent });
  }
  pdf.x = MARGIN.left;
  pdf.moveDown(0.3);
}

function table(pdf: Pdf, columns: string[], weights: number[], rows: Array<TableCell[] | string[]>): void {
  const width = contentWidth(pdf);
  const total = weights.reduce((sum, w) => sum + w, 0);
  pdf.x = MARGIN.left;
  pdf.font('regular').fontSize(8);
  pdf.table({
    position: { x: MARGIN.left },
    maxWidth: width,
    columnStyles: weights.map((w) => ({ width: (w / total) * width })),
    defaultStyle: { border: 0.5, borderColor: '#b8c4cc', padding: 3 },
    data: [
      columns.map((title) => ({ text: title, type: 'TH' as const, font: { src: 'bold' }, backgroundColor: '#e6eef4' })),
      ...rows.flatMap((cells) => {
        const parts = cells.map((cell) => chunkCell(typeof cell === 'string' ? cell : `${cell.title}\n${cell.text}`));
        const height = Math.max(...parts.map((p) => p.length));
        return Array.from({ length: height }, (_, i) => parts.map((p) => ({ text: p[i] ?? '' })));
      }),
    ],
  });
  pdf.x = MARGIN.left;
  pdf.moveDown(0.6);
}

/** Editors' Markdown: paragraphs with bold and italics, lists, tables and sub-headings. */
function markdown(pdf: Pdf, source: string): void {
  for (const token of markdownTokens(source)) {
    switch (token.type) {
      case 'heading':
        heading(pdf, 4, plainText(token.tokens ?? []));
        break;
      case 'paragraph':
        pdf.x = MARGIN.left;
        runsText(pdf, inlineRuns(token.tokens ?? []), { paragraphGap: 4 });
        pdf.moveDown(0.3);
        break;
      case 'list':
        list(pdf, (token.items as Array<{ tokens: unknown[] }>).map((item) => inlineRuns(item.tokens as never)));
        break;
      case 'table': {
        const header = (token.header as Array<{ tokens: never[] }>).map((cell) => plainText(cell.tokens));
        const rows = (token.rows as Array<Array<{ tokens: never[] }>>).map((row) => row.map((cell) => plainText(cell.tokens)));
        table(pdf, header, header.map(() => 1), rows);
        break;
      }
      case 'space':
      case 'hr':
        break;
      default:
        pdf.x = MARGIN.left;
        pdf.font('regular').fontSize(TEXT_SIZE).text(token.raw.trim(), { paragraphGap: 4 });
    }
  }
}

/** Runs of text in their fonts as one flowing paragraph. */
function runsText(pdf: Pdf, runs: InlineRun[], options: PDFKit.Mixins.TextOptions): void {
  const parts = runs.filter((r) => r.text.length);
  if (!parts.length) return;
  pdf.fontSize(TEXT_SIZE).fillColor('black');
  parts.forEach((run, i) => {
    pdf.font(run.bold && run.italic ? 'boldItalic' : run.bold ? 'bold' : run.italic ? 'italic' : 'regular');
    pdf.text(run.text, { ...(i === 0 ? options : {}), continued: i < parts.length - 1 });
  });
}

/**
 * Header and footer on every page, drawn once all pages exist so the footer
 * can say "Side 3 av 12". A version that is not adopted carries its mark at
 * the top of every page and across it.
 */
function decoratePages(pdf: Pdf, doc: PlanDocument): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const { width, height } = pdf.page;
    // Writing in the margins must not start a new page.
    const margins = { ...pdf.page.margins };
    pdf.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    if (doc.mark) {
      pdf.font('bold').fontSize(11).fillColor(MARK_COLOUR).text(doc.mark, MARGIN.left, 25, { width: width - MARGIN.left - MARGIN.right, align: 'center', lineBreak: false });
      pdf.save().rotate(-35, { origin: [width / 2, height / 2] }).fillOpacity(0.08).fontSize(44);
      pdf.text(doc.mark, 0, height / 2 - 22, { width, align: 'center', lineBreak: false });
      pdf.restore();
    }
    pdf.font('regular').fontSize(8).fillColor('#555555');
    pdf.text(doc.runningTitle, MARGIN.left, height - 38, { width: width - MARGIN.left - MARGIN.right - 80, lineBreak: false, ellipsis: true });
    pdf.text(labelsFor(doc.languageForm).page(i - start + 1, count), width - MARGIN.right - 80, height - 38, { width: 80, align: 'right', lineBreak: false });
    pdf.fillColor('black');
    pdf.page.margins = margins;
  }
}

const contentWidth = (pdf: Pdf) => pdf.page.width - MARGIN.left - MARGIN.right;
