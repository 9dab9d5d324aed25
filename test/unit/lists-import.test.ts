import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { compileCountryLookup } from '../../src/core/country-lookup.ts';
import { isCodedError } from '../../src/core/errors.ts';
import { importList } from '../../src/lists/import.ts';
import { bundled, RULES_DIR } from '../support/fixtures.ts';

const SOURCES = `${RULES_DIR}/lists/sources`;
let dir: string | undefined;
const tmp = () => {
  dir = mkdtempSync(join(tmpdir(), 'lists-'));
  return dir;
};
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});
const countries = () => compileCountryLookup(bundled().ruleSet.countries.values());

describe('list importers on the official files', () => {
  test("when METI's workbook is imported, then 835 entries in 15 countries come out, numbered without gaps", async () => {
    const r = await importList({
      source: 'eul',
      file: `${SOURCES}/meti_eul/20250929_4.xlsx`,
      listsDir: tmp(),
      countries: countries(),
      dryRun: true,
    });
    expect(r.list.entries).toHaveLength(835);
    expect(Object.keys(r.countsByCountry)).toHaveLength(15);
    expect(r.list.date).toBe('2025-09-29');
    const hit = r.list.entries.find((e) => e.entry === 541)!;
    expect([hit.name, hit.localName, hit.country, hit.concerns]).toEqual([
      'Harbin Institute of Technology (HIT)',
      '哈爾浜工業大学',
      'CN',
      ['M', 'CW'],
    ]);
  });

  test.each([
    ['ru', 'list_russia_tokutei.pdf', 561],
    ['third', 'list_daisangoku_tokutei.pdf', 56],
    ['by', 'list_belarus_tokutei.pdf', 27],
  ] as const)('when the %s specified-entity PDF is imported, then it has %s… entries', async (source, file, count) => {
    const r = await importList({
      source,
      file: `${SOURCES}/jp_meti_russia/${file}`,
      listsDir: tmp(),
      countries: countries(),
      dryRun: true,
    });
    expect(r.list.entries).toHaveLength(count);
    expect(r.list.entries.every((e) => e.name.trim().length > 0)).toBe(true);
  });

  test('when the CSL sample is imported, then names, alt names and the source list are kept', async () => {
    const r = await importList({
      source: 'csl',
      file: `${SOURCES}/us_csl/consolidated.csv`,
      listsDir: tmp(),
      countries: countries(),
      date: '2025-07-01',
      dryRun: true,
    });
    expect(r.list.entries).toHaveLength(13);
    expect(r.list.entries[0]!.source).toMatch(/Nonproliferation Sanctions/);
  });

  test('when a corrupt workbook is imported, then a LISTS.INVALID error comes back and nothing is written', async () => {
    const d = tmp();
    const bad = join(d, 'broken.xlsx');
    writeFileSync(bad, 'not a zip');
    await expect(importList({ source: 'eul', file: bad, listsDir: d, countries: countries() })).rejects.toSatisfy(
      (e) => isCodedError(e) && e.code === 'LISTS.INVALID',
    );
  });

  test('when an import would drop more than 10% of the active list, then it is refused unless forced', async () => {
    const d = tmp();
    cpSync(`${RULES_DIR}/lists/jp-eul.json`, join(d, 'us-csl.json'));
    const run = (force: boolean) =>
      importList({
        source: 'csl',
        file: `${SOURCES}/us_csl/consolidated.csv`,
        listsDir: d,
        countries: countries(),
        date: '2025-07-01',
        force,
      });
    await expect(run(false)).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'LISTS.IMPORT_REFUSED');
    const forced = await run(true);
    expect(forced.diff.removed.length).toBeGreaterThan(800);
  });
});
