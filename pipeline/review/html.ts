// HTML built only through the `html` tag: every interpolated value is escaped
// unless it is already Html, so no text of a report can open a tag.
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type Part = Html | string | number | boolean | undefined | null | readonly Part[]

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return ''
  if (part instanceof Html) return part.value
  if (Array.isArray(part)) return part.map(render).join('')
  return escapeHtml(String(part))
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!
  parts.forEach((part, index) => {
    out += render(part) + strings[index + 1]!
  })
  return new Html(out)
}

export interface PageOptions {
  title: string
  /** Path from the page back to the site root ('' or '../'), for the shared stylesheet and script. */
  root: string
  body: Html
}

/** A whole page: the stylesheet and script sit beside index.html, so pages open from disk. */
export function page({ title, root, body }: PageOptions): string {
  return `<!doctype html>\n${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${root}review.css">
<script src="${root}review.js" defer></script>
</head>
<body>
${body}
</body>
</html>
`.value}`
}
