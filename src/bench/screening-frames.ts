/**
 * @module bench/screening-frames
 * The renderings set's names put inside the sentences researchers write (Japanese and English), and the
 * unlisted names in the same sentences: per frame, the share of listed names still found (of those found
 * alone) and the unlisted names' hits, exact/strong apart. It checks what a name alone cannot — that a
 * sentence around it neither loses it nor makes an innocent name hard (a name alone and in a sentence must
 * agree). `npx tsx src/bench/screening-frames.ts [frame …]`, {X} marking the name.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Screener } from '../app/ports.ts';
import type { ScreeningHit } from '../core/decision.ts';
import { loadEvalSets, productScreener, type RenderingCase, type UnlistedCase } from './screening-eval.ts';

export const FRAMES = [
  '{X}に炭素繊維のサンプルを送りたい',
  '来月、{X}の研究者を受け入れる予定です',
  '共同研究先：{X}',
  '{X}と共同研究を始めます',
  '{X}から留学生が来ます',
  '{X}の教授に技術資料をメールで送る',
  'We plan to ship samples to {X} next month.',
  'Visiting researcher from {X}',
  'Dept. of Physics, {X}',
  'joint research with {X} on batteries',
];

const names = (r: RenderingCase) => [r.expect, ...(r.alsoAccept ?? [])];
const finds = (hits: ScreeningHit[], r: RenderingCase) =>
  hits.some((h) => names(r).some((e) => e.list === h.list && e.entry === h.entry));

/** Unlisted organisations in one frame: how many get any hit, and the sentences that get an exact or strong one. */
export function framedUnlisted(
  screener: Screener,
  frame: string,
  unlisted: readonly UnlistedCase[],
): { hits: number; hard: string[] } {
  let hits = 0;
  const hard: string[] = [];
  for (const u of unlisted) {
    const q = frame.replace('{X}', u.query);
    const found = screener.screen(q, u.country ?? undefined);
    if (found.length) hits++;
    if (found.some((h) => h.matchType !== 'possible')) hard.push(q);
  }
  return { hits, hard };
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { screener } = await productScreener(join(root, 'rules'));
  const sets = loadEvalSets(join(root, 'test/golden'));
  const frames = process.argv.slice(2).length ? process.argv.slice(2) : FRAMES;
  const alone = sets.renderings.filter((r) => finds(screener.screen(r.query, r.country ?? undefined), r));
  process.stdout.write(`renderings found alone: ${alone.length} of ${sets.renderings.length}\n`);
  for (const frame of frames) {
    const lost = alone.filter((r) => !finds(screener.screen(frame.replace('{X}', r.query), r.country ?? undefined), r));
    const { hits, hard } = framedUnlisted(screener, frame, sets.unlisted);
    const kept = (100 * (1 - lost.length / alone.length)).toFixed(1);
    process.stdout.write(
      `${kept}% kept, unlisted ${hits} hits (${hard.length} exact/strong) of ${sets.unlisted.length}: ${frame}${
        lost.length
          ? `\n    lost: ${lost
              .slice(0, 6)
              .map((r) => r.query)
              .join(' | ')}`
          : ''
      }\n`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
