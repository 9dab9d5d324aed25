/**
 * @module screening/regexp
 * A word of the screening data written into a pattern as itself (the data's words hold dots, brackets and plus
 * signs: "R&D", "(株)", "C++"), for the patterns the matcher builds from its words.
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
