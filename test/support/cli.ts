/**
 * Runs the real `export-check` command as a user would, with a given environment (no LLM or channel
 * credentials inherited from the machine).
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './fixtures.ts';

export function cliRunner(env: Record<string, string>) {
  const base = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI|AZURE|SLACK|Microsoft)/.test(k))),
    LOG_LEVEL: 'silent',
    // A test key: the commands that keep an audit trail on Redis refuse to run without one.
    AUDIT_KEY: 'cli-test-audit-key-0123456789',
    ...env,
  };
  return (args: string[], input = '', extra: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [`${ROOT}src/bin/export-check.js`, ...args], {
      input,
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...base, ...extra },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}
