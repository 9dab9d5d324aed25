/**
 * @module cli/io
 * Small helpers for the command line: reading stdin lines, printing issues, parsing flags.
 */
import { createInterface } from 'node:readline';
import { type CodedError, ErrorCode, formatIssue, type Issue } from '../core/errors.ts';

export async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) yield line;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function printIssues(issues: readonly Issue[], stream: NodeJS.WritableStream = process.stderr): void {
  for (const issue of issues) stream.write(`${formatIssue(issue)}\n`);
}

export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--flag`; everything else is positional. */
export function parseArgs(argv: readonly string[], valued: readonly string[] = []): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags.set(name, inline);
    else if (valued.includes(name) && i + 1 < argv.length) flags.set(name, argv[++i]!);
    else flags.set(name, true);
  }
  return { positional, flags };
}

/** One JSON value per input; a parse failure is an issue with a stable code, not an exception. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, issues: [{ code: ErrorCode.InputUnparseable, path: '', message: `not JSON: ${message}` }] };
  }
}

/** The error object printed in place of a result, so outputs stay aligned with inputs. */
export function errorLine(issues: readonly Issue[]): string {
  return JSON.stringify({
    error: { code: issues[0]!.code, issues: issues.map(({ code, path, message }) => ({ code, path, message })) },
  });
}

/** The command line's one error sink for expected failures: every issue, then the code and message. */
export function reportCodedError(err: CodedError): void {
  printIssues(err.issues);
  process.stderr.write(`${err.code}: ${err.message}\n`);
}
