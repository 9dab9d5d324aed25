/**
 * @module audit/checkpoints
 * Signed checkpoints of the audit head, kept outside Redis (a JSON-lines file under DATA_DIR by default):
 * someone who can rewrite Redis cannot make the trail shorter than the last checkpoint without `verify`
 * saying so. A line that is not a checkpoint is kept as an unsigned one, so `verify` reports it.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Checkpoint } from './chain.ts';

export function defaultCheckpointFile(dataDir: string): string {
  return join(dataDir, 'audit-checkpoints.jsonl');
}

/** Where checkpoints go: the file, and any other place (the officers' channel) a deployment adds. */
export interface CheckpointSink {
  write(cp: Checkpoint): Promise<void>;
}

export function fileCheckpointSink(file: string): CheckpointSink {
  return {
    write: async (cp) => {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
    },
  };
}

export function readCheckpoints(file: string): Checkpoint[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      try {
        const c = JSON.parse(line) as Checkpoint;
        if (typeof c.seq === 'number' && typeof c.hash === 'string' && typeof c.at === 'string') return c;
      } catch {
        // falls through: reported as an unsigned checkpoint
      }
      return { seq: -1, hash: '', at: `unreadable line "${line.slice(0, 40)}"`, mac: '' };
    });
}
