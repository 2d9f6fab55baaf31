/** The text of each page of a PDF, as a reader extracts it (Mozilla's pdf.js), with whitespace collapsed. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push(collapse(text));
  }
  await document.destroy();
  return pages;
}

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
