/** Text made safe inside HTML or SVG markup, in element content and in quoted attributes alike. */
export const escapeMarkup = (s: string | number): string =>
  String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
