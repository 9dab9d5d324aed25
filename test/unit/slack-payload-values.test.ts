import { describe, expect, test } from 'vitest';
import { choiceOf } from '../../src/channels/slack/choice.ts';
import { modalCase } from '../../src/channels/slack/modal-case.ts';

describe('values the Slack payload carries back', () => {
  test('a choice names its option, fact and turn; a value that is not one is no choice', () => {
    expect(choiceOf(JSON.stringify({ c: 'x', v: 'unknown', f: 'listStatus', t: 3 }))).toEqual({
      choose: 'unknown',
      fact: 'listStatus',
      turn: 3,
    });
    expect(choiceOf(JSON.stringify({ v: 'handoff' }))).toEqual({ choose: 'handoff' });
    for (const forged of ['', '{}', '[]', 'null', '{"v":7}', '{"v":""}']) expect(choiceOf(forged)).toBeUndefined();
    expect(choiceOf(JSON.stringify({ v: 'DE', f: 5, t: '2' }))).toEqual({ choose: 'DE' });
  });

  test("an officer modal names its case and whether it revises; an older modal's bare id still works", () => {
    expect(modalCase(JSON.stringify({ caseId: 'EC-20261201-ABC', revise: true }))).toEqual({
      caseId: 'EC-20261201-ABC',
      revise: true,
    });
    expect(modalCase('EC-20261201-ABC')).toEqual({ caseId: 'EC-20261201-ABC', revise: false });
    expect(modalCase(JSON.stringify({ caseId: 'EC-1', revise: 'yes' }))).toEqual({ caseId: 'EC-1', revise: false });
  });
});
