/**
 * Word-level diff of two texts (longest common subsequence over words), for showing what a
 * region's answer added and removed between two surveys.
 */

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Splits into words and the whitespace after them, so joining the parts restores the text. */
export function tokenize(s: string): string[] {
  return s.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * Diffs `a` (before) against `b` (after) word by word. Consecutive parts of the same kind are
 * merged. Comparison ignores trailing whitespace, so a reflowed line is not a change.
 */
export function diffWords(a: string, b: string): DiffPart[] {
  const x = tokenize(a);
  const y = tokenize(b);
  const key = (t: string) => t.trimEnd();
  const n = x.length;
  const m = y.length;
  // lcs[i][j] = length of the LCS of x[i..] and y[j..]
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        key(x[i]!) === key(y[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(x[i]!) === key(y[j]!)) {
      push('same', y[j]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', x[i++]!);
    else push('added', y[j++]!);
  }
  while (i < n) push('removed', x[i++]!);
  while (j < m) push('added', y[j++]!);
  return out;
}
