import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FAQ_FIELDS, saveFaqEntry } from '../../src/admin/faq-edit.ts';
import { MemoryAuditLog } from '../../src/audit/log.ts';
import { rolesFrom } from '../../src/cases/roles.ts';
import { faqModal } from '../../src/channels/slack/faq-modal.ts';
import { matchFaq } from '../../src/conversation/faq.ts';
import { loadConversationContent } from '../../src/ruleset/load-content.ts';
import { RuleRegistry } from '../../src/ruleset/registry.ts';
import { FAQ_FORM } from '../../src/surfaces/faq-form.ts';
import { bundled, GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'ec-faq-'));
  const rules = join(root, 'rules');
  for (const entry of ['facts.yaml', 'countries', 'items', 'decision', 'conversation'])
    cpSync(join(RULES_DIR, entry), join(rules, entry), { recursive: true });
  const audit = new MemoryAuditLog('test-audit-key-0123456789');
  const deps = {
    registry: new RuleRegistry(rules, join(root, 'data'), GOLDEN_DIR),
    screener: bundled().screener,
    workingRulesDir: rules,
    audit,
    roles: rolesFrom({ officers: [], admins: ['slack:U_ADMIN'] }),
  };
  return { rules, deps, audit };
}

const fields: Record<string, string> = {
  id: 'FAQ-HANDCARRY',
  keywords_ja: 'ハンドキャリー、手荷物',
  keywords_en: 'hand-carry, hand carry',
  answer_ja: '手荷物での持ち出しも輸出です。',
  answer_en: 'Carrying goods in your luggage is an export too.',
  sources: '輸出貿易管理令 第4条',
};

describe('FAQ editing by admins (Slack modal and Teams card)', () => {
  test('when an admin saves a valid entry, then it is activated, answerable and audited', async () => {
    const { rules, deps, audit } = setup();
    const r = await saveFaqEntry(deps, 'slack:U_ADMIN', (f) => fields[f]);
    expect(r.ok).toBe(true);
    const content = loadConversationContent(deps.registry.activeDir());
    expect(content.ok && matchFaq('What about hand carry?', content.content.faq)?.id).toBe('FAQ-HANDCARRY');
    expect(readFileSync(join(rules, 'conversation', 'faq.yaml'), 'utf8')).toContain('FAQ-HANDCARRY');
    expect(audit.entries.at(-1)).toMatchObject({ type: 'faq.changed', actor: 'slack:U_ADMIN' });
  });

  test('when an entry has no source, then it is refused on that field and the file is unchanged', async () => {
    const { rules, deps } = setup();
    const before = readFileSync(join(rules, 'conversation', 'faq.yaml'), 'utf8');
    const r = await saveFaqEntry(deps, 'slack:U_ADMIN', (f) => (f === 'sources' ? '' : fields[f]));
    expect(r).toMatchObject({ ok: false, field: 'sources' });
    expect(readFileSync(join(rules, 'conversation', 'faq.yaml'), 'utf8')).toBe(before);
  });

  test('when a researcher tries, then it is refused and audited', async () => {
    const { deps, audit } = setup();
    expect(await saveFaqEntry(deps, 'slack:U_R', (f) => fields[f])).toMatchObject({
      ok: false,
      message: expect.stringContaining('ADMIN.FORBIDDEN'),
    });
    expect(audit.entries.at(-1)).toMatchObject({ type: 'faq.refused', actor: 'slack:U_R' });
  });

  test('the FAQ form asks for every field the editor reads, in its order; the Slack modal names each by block id', () => {
    expect(FAQ_FORM.map((f) => f.field)).toEqual([...FAQ_FIELDS]);
    expect(faqModal().blocks.map((b) => b.block_id)).toEqual([...FAQ_FIELDS]);
  });
});
