/**
 * @module channels/slack/modal-case
 * The case an officer modal is about, from its private_metadata: `{"caseId","revise"}` as officer-blocks.ts
 * writes it, or a bare case id (older modals, still open when the bot was upgraded).
 */
export function modalCase(meta: string): { caseId: string; revise: boolean } {
  try {
    const m = JSON.parse(meta) as { caseId?: unknown; revise?: unknown };
    if (typeof m.caseId === 'string') return { caseId: m.caseId, revise: m.revise === true };
  } catch {
    // not JSON: a bare case id
  }
  return { caseId: meta, revise: false };
}
