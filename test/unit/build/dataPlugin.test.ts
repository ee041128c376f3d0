import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { YEARS_PLACEHOLDER, dataPlugin, surveyYears } from '../../../src/build/dataPlugin';
import { yearSpan } from '../../../src/i18n/format';
import { DICTS } from '../helpers';

describe('the survey years come from the data', () => {
  it('yearSpan: first–last, one year alone, nothing for none', () => {
    expect(yearSpan([2022, 2023, 2024, 2025, 2026])).toBe('2022–2026');
    expect(yearSpan([2026, 2022])).toBe('2022–2026');
    expect(yearSpan([2024])).toBe('2024');
    expect(yearSpan([])).toBe('');
  });

  it("index.html's title gets the data's span at build time", async () => {
    const html = readFileSync('index.html', 'utf8');
    expect(html).toContain(
      `<title>Fast läkarkontakt i regionerna – Läkarförbundets kartläggningar ${YEARS_PLACEHOLDER}</title>`,
    );
    const hook = dataPlugin().transformIndexHtml as { handler: (html: string) => Promise<string> };
    const out = await hook.handler(html);
    expect(out).toContain(`kartläggningar ${yearSpan(await surveyYears('public'))}</title>`);
    expect(out).not.toContain(YEARS_PLACEHOLDER);
  });

  it('title and kicker take the span in both languages', () => {
    expect(DICTS.sv.kicker('2022–2026')).toBe('Läkarförbundets kartläggningar 2022–2026');
    expect(DICTS.en.documentTitle('2022–2026')).toMatch(/surveys 2022–2026$/);
    expect(DICTS.sv.kicker('')).toBe('Läkarförbundets kartläggningar');
  });

  it('no source file writes a span of survey years', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(join(dir, e.name))
          : /\.(ts|svelte|html)$/.test(e.name)
            ? [join(dir, e.name)]
            : [],
      );
    const spans = [...files('src'), 'index.html'].filter((f) =>
      /\b20[2-3]\d\s*[–-]\s*20[2-3]\d\b/.test(readFileSync(f, 'utf8')),
    );
    expect(spans).toEqual([]);
  });
});
