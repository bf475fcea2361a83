import { spawn } from 'node:child_process';
import type { Executor } from '../../src/db/executor';
import { PROJECT_ROOT } from '../../src/paths';
import { seededDatabase, testExecutor } from '../support/db';
import { freePort } from '../support/service';
import { testNeo4jEnv } from '../setup/neo4j-target';

/**
 * The CLIs as the README runs them, through npm (`npm run --silent <script> -- ...`): stdout is
 * exactly what was asked for, stderr names the database used, and a database that does not answer
 * is a non-zero exit with the reason, never an empty success. (Finding a running server's embedded
 * Neo4j by itself is in resilience.test.ts, which runs one.)
 */
jest.setTimeout(120_000);

let executor: Executor;
beforeAll(async () => {
  executor = await testExecutor();
  await seededDatabase(executor);
});
afterAll(() => executor.close());

function npmRun(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

it('`npm run --silent export -- --format jsonld --claim …` writes pure JSON to stdout', async () => {
  const run = await npmRun(
    'export',
    ['--format', 'jsonld', '--claim', 'taliban-denies-sheltering-ttp'],
    testNeo4jEnv(),
  );
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({
    '@type': 'Claim',
    identifier: 'taliban-denies-sheltering-ttp',
  });
  expect(run.stderr).toContain(`claimgraph export: using the Neo4j at NEO4J_URI ${testNeo4jEnv().NEO4J_URI}`);
});

it('`TOKEN=$(npm run --silent token -- …)` with no database answering: exit 1, no token, the reason on stderr', async () => {
  const nothing = `bolt://127.0.0.1:${await freePort()}`;
  const run = await npmRun('token', ['--role', 'editor'], { ...testNeo4jEnv(), NEO4J_URI: nothing });
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`claimgraph token: Neo4j is unreachable at ${nothing}`);
});
