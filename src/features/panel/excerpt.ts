/**
 * The start of a long text, cut at a word boundary: whole paragraphs while they fit, then the
 * next one shortened with an ellipsis. Used for collapsed answers.
 */
export function excerpt(
  paragraphs: readonly string[],
  limit: number,
): { paragraphs: string[]; truncated: boolean } {
  const out: string[] = [];
  let used = 0;
  for (const p of paragraphs) {
    if (used + p.length <= limit) {
      out.push(p);
      used += p.length;
      continue;
    }
    const room = limit - used;
    if (room > 40 || out.length === 0) {
      const cut = p.slice(0, Math.max(room, 40));
      const at = cut.lastIndexOf(' ');
      out.push(`${(at > 20 ? cut.slice(0, at) : cut).replace(/[\s,;:.–-]+$/u, '')} …`);
    }
    return { paragraphs: out, truncated: true };
  }
  return { paragraphs: out, truncated: false };
}
