/**
 * HTML pasted as text (a wiki page's source, an e-mail): headings, list items, paragraphs and
 * bold become the Markdown the line reader knows; other tags go; the common entities are decoded.
 * Linear: one pass of a few global replacements.
 */
const BLOCK_TAG = /<\/?(?:h[1-6]|li|p|ul|ol|div|table|tr|td|th)\b[^>]*>/gi;

/** Two or more block tags: a page's source, not a sentence that happens to hold a `<b>`. */
export function looksLikeHtml(text: string): boolean {
  return (text.slice(0, 20_000).match(BLOCK_TAG)?.length ?? 0) >= 2;
}

export function htmlToMarkdown(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<h([1-6])\b[^>]*>/gi, (_, n: string) => `\n${'#'.repeat(+n)} `)
    .replace(/<\/h[1-6]>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(?:li|p|div|tr|ul|ol|table)>|<br\s*\/?>/gi, '\n')
    .replace(/<t[dh]\b[^>]*>/gi, '\t')
    .replace(/<\/?(?:strong|b)\b[^>]*>/gi, '**')
    .replace(/<[^>]{0,500}>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
