import type { Token } from 'marked';

/** A piece of inline text in one style, for formats that set type themselves. */
export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Inline Markdown (bold, italics, links, code) flattened into styled runs. */
export function inlineRuns(tokens: Token[], style: Omit<InlineRun, 'text'> = {}): InlineRun[] {
  return tokens.flatMap((token): InlineRun[] => {
    switch (token.type) {
      case 'strong':
        return inlineRuns(token.tokens ?? [], { ...style, bold: true });
      case 'em':
        return inlineRuns(token.tokens ?? [], { ...style, italic: true });
      case 'br':
        return [{ ...style, text: '\n' }];
      case 'text':
      case 'link':
      case 'del':
        return token.tokens?.length ? inlineRuns(token.tokens, style) : [{ ...style, text: decode(token.text as string) }];
      case 'codespan':
      case 'escape':
      case 'html':
        return [{ ...style, text: decode(token.text as string) }];
      case 'space':
        return [{ ...style, text: ' ' }];
      default:
        // Block tokens inside list items (a paragraph in a loose list): their inline content.
        return 'tokens' in token && token.tokens ? inlineRuns(token.tokens, style) : [{ ...style, text: decode(token.raw) }];
    }
  });
}

export const plainText = (tokens: Token[]) => inlineRuns(tokens).map((r) => r.text).join('');

/** marked leaves the entities of HTML escaping in text tokens. */
function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
