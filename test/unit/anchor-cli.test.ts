import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, SEED_DIR } from '../../src/paths';

/** `npm run anchor` is `node dist/src/cli/anchor.js` after a build (`npm test` builds before jest). */
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'anchor.js');
const SEED = path.join(SEED_DIR, '2025-11-08-aljazeera-afghanistan-pakistan-talks.yaml');

function anchor(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (jest's global setup does)`);
});

describe('npm run anchor', () => {
  it('prints the code-point offsets of words that occur once, and a block to paste', () => {
    const r = anchor(SEED, 'harboring Tehreek-e Taliban Pakistan');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('start: 1719\nend: 1755\n');
    expect(r.stdout).toContain("      - exact: 'harboring Tehreek-e Taliban Pakistan'\n");
  });

  it('lists every occurrence of ambiguous words, and picks one by number', () => {
    const all = anchor(SEED, 'Pakistan');
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^# \d+ occurrences/);
    expect(all.stdout).toContain('2. start: 191, end: 199');
    const second = anchor(SEED, 'Pakistan', '2');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('start: 191\nend: 199\n');
  });

  it('says where the words occur with other quotes, dashes or case when they do not occur as typed', () => {
    const r = anchor(SEED, 'HARBORING tehreek');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('start 1719, end 1736: "harboring Tehreek"');
  });

  it.each([[[]], [[SEED]], [[SEED, 'Pakistan', 'x']], [[SEED, 'a', '1', 'extra']], [['--bogus']]])(
    'answers bad arguments %j with one usage line and exit code 2',
    (args) => {
      const r = anchor(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^claimgraph anchor: .*usage: npm run anchor -- <file\.yaml> "<exact words>" \[occurrence\]$/,
      );
    },
  );
});
