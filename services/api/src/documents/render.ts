import type { PlanMediaType } from '../http/representations.js';
import type { PlanDocument } from './plan-document.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf, type PdfOptions } from './render-pdf.js';

/** A plan document in the asked-for format. */
export function renderDocument(doc: PlanDocument, type: Exclude<PlanMediaType, 'application/json'>, options: PdfOptions = {}): Promise<string | Buffer> {
  switch (type) {
    case 'text/markdown':
      return Promise.resolve(renderMarkdown(doc));
    case 'text/html':
      return Promise.resolve(renderHtml(doc));
    case 'application/pdf':
      return renderPdf(doc, options);
  }
}
