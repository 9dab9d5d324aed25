/**
 * @module cli/decide
 * `export-check decide [--jsonl]`: facts on stdin, decisions on stdout (contract §4). A bad line in
 * --jsonl mode prints an error object on its own line, so outputs stay aligned with inputs.
 */
import { type DecideDeps, decideFacts } from '../app/decide.ts';
import { errorLine, parseJson, printIssues, readStdin, stdinLines } from './io.ts';

export async function runDecide(deps: DecideDeps, jsonl: boolean): Promise<number> {
  if (!jsonl) {
    const parsed = parseJson(await readStdin());
    const result = parsed.ok ? decideFacts(deps, parsed.value) : parsed;
    if (!result.ok) {
      printIssues(result.issues);
      process.stdout.write(`${errorLine(result.issues)}\n`);
      return 2;
    }
    process.stdout.write(`${JSON.stringify(result.decision)}\n`);
    return 0;
  }
  let failures = 0;
  for await (const line of stdinLines()) {
    if (line.trim() === '') continue;
    const parsed = parseJson(line);
    const result = parsed.ok ? decideFacts(deps, parsed.value) : parsed;
    if (result.ok) process.stdout.write(`${JSON.stringify(result.decision)}\n`);
    else {
      failures++;
      process.stdout.write(`${errorLine(result.issues)}\n`);
    }
  }
  return failures > 0 ? 2 : 0;
}
