import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  authenticate,
  createToken,
  listTokens,
  requireRole,
  revokeToken,
  ROLES,
  tokenAuditTrail,
  type Caller,
  type Role,
} from '../../src/auth';
import type { Executor } from '../../src/db/executor';
import { ClaimgraphError } from '../../src/errors';
import { PROJECT_ROOT } from '../../src/paths';
import { freshDatabase, testExecutor } from '../support/db';
import { testNeo4jEnv } from '../setup/neo4j-target';

let executor: Executor;

beforeAll(async () => {
  executor = await testExecutor();
  await freshDatabase(executor);
});

afterAll(async () => {
  await executor?.close();
});

/** The error `work` throws (or rejects with), so its `.code` can be checked. */
async function caught(work: () => unknown): Promise<ClaimgraphError> {
  try {
    await work();
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimgraphError);
    return err as ClaimgraphError;
  }
  throw new Error('expected an error, got none');
}

describe('API tokens', () => {
  it('a created token authenticates with its role and name', async () => {
    for (const role of ROLES) {
      const created = await createToken(executor, { role, name: `t-${role}`, by: 'test' });
      expect(created.role).toBe(role);
      expect(created.token).toMatch(/^cg_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      expect(created.token.slice(3, 15)).toBe(created.id);
      const caller = await authenticate(executor, `Bearer ${created.token}`);
      expect(caller).toEqual({ tokenId: created.id, name: `t-${role}`, role });
    }
  });

  it('accepts the scheme in any case and surrounding spaces', async () => {
    const { token, id } = await createToken(executor, { role: 'reader', by: 'test' });
    expect((await authenticate(executor, `bearer  ${token} `))?.tokenId).toBe(id);
  });

  it('costs one query per authentication', async () => {
    const { token } = await createToken(executor, { role: 'editor', name: 'count', by: 'test' });
    const before = executor.queriesSent;
    await authenticate(executor, `Bearer ${token}`);
    expect(executor.queriesSent - before).toBe(1);
  });

  it('no header (or an empty one) is anonymous, not an error', async () => {
    expect(await authenticate(executor, undefined)).toBeNull();
    expect(await authenticate(executor, '')).toBeNull();
  });

  it('refuses a wrong secret and an unknown id with the same message', async () => {
    const { token, id } = await createToken(executor, { role: 'admin', name: 'victim', by: 'test' });
    const secret = token.slice(16);
    const flipped = (secret[0] === 'A' ? 'B' : 'A') + secret.slice(1);
    const wrongSecret = await caught(() => authenticate(executor, `Bearer cg_${id}_${flipped}`));
    const unknownId = await caught(() => authenticate(executor, `Bearer cg_ZZZZZZZZZZZZ_${secret}`));
    expect(wrongSecret.code).toBe('UNAUTHENTICATED');
    expect(unknownId.code).toBe('UNAUTHENTICATED');
    expect(wrongSecret.message).toBe(unknownId.message);
    expect(wrongSecret.message).not.toContain(secret);
  });

  it('refuses malformed headers', async () => {
    const { token } = await createToken(executor, { role: 'reader', by: 'test' });
    for (const header of [
      token, // no scheme
      `Basic ${token}`,
      'Bearer',
      'Bearer ',
      `Bearer ${token} extra`,
      `Bearer ${token.slice(0, -1)}`, // secret too short
      `Bearer ${token}x`,
      `Bearer xx${token.slice(2)}`,
      'Bearer cg_short_secret',
    ]) {
      const err = await caught(() => authenticate(executor, header));
      expect(err.code).toBe('UNAUTHENTICATED');
      expect(err.message).not.toContain(token.slice(16));
    }
  });

  it('refuses a revoked token at once; revoking twice says so', async () => {
    const { token, id } = await createToken(executor, { role: 'editor', name: 'leaver', by: 'test' });
    expect((await authenticate(executor, `Bearer ${token}`))?.role).toBe('editor');

    const first = await revokeToken(executor, id, 'admin:test');
    expect(first).toMatchObject({
      id,
      name: 'leaver',
      role: 'editor',
      alreadyRevoked: false,
      revokedBy: 'admin:test',
    });
    const err = await caught(() => authenticate(executor, `Bearer ${token}`));
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toMatch(/revoked/);

    const second = await revokeToken(executor, id, 'someone-else');
    expect(second).toMatchObject({
      alreadyRevoked: true,
      revokedAt: first.revokedAt,
      revokedBy: 'admin:test',
    });
  });

  it('revoking an unknown id is NOT_FOUND', async () => {
    const err = await caught(() => revokeToken(executor, 'ZZZZZZZZZZZZ', 'test'));
    expect(err.code).toBe('NOT_FOUND');
  });

  it('rejects an unknown role and a blank name when creating', async () => {
    expect((await caught(() => createToken(executor, { role: 'root', by: 'test' }))).code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await caught(() => createToken(executor, { role: 'reader', name: '  ', by: 'test' }))).code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('records creation and revocation as audit events, once each', async () => {
    const { id } = await createToken(executor, {
      role: 'reader',
      name: 'audited',
      by: { by: 'cli:ops', role: 'system' },
    });
    await revokeToken(executor, id, { by: 'cli:ops', role: 'system' });
    await revokeToken(executor, id, { by: 'cli:ops', role: 'system' });
    const trail = await tokenAuditTrail(executor, id);
    expect(trail.map((e) => [e.operation, e.by, e.role])).toEqual([
      ['createToken', 'cli:ops', 'system'],
      ['revokeToken', 'cli:ops', 'system'],
    ]);
  });

  it('stores only a hash: the token and its secret appear nowhere in the node', async () => {
    const { token, id } = await createToken(executor, { role: 'admin', name: 'stored', by: 'test' });
    const secret = token.slice(16);
    const [row] = await executor.read('auth/find-token', { id });
    const node = row?.token as Record<string, unknown>;
    expect(Object.keys(node).sort()).toEqual(['createdAt', 'createdBy', 'hash', 'id', 'name', 'role']);
    expect(node.hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(node);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(Buffer.from(secret, 'base64url').toString('hex'));
  });

  it('lists tokens without hashes', async () => {
    const tokens = await listTokens(executor);
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) {
      expect(Object.keys(t).sort()).toEqual([
        'createdAt',
        'createdBy',
        'id',
        'name',
        'revokedAt',
        'revokedBy',
        'role',
      ]);
    }
    expect(tokens.find((t) => t.name === 'leaver')?.revokedAt).toEqual(expect.any(String));
  });
});

describe('requireRole', () => {
  const caller = (role: Role): Caller => ({ tokenId: 'AAAAAAAAAAAA', name: `n-${role}`, role });

  it('without a caller is UNAUTHENTICATED', async () => {
    for (const needed of ROLES) {
      const err = await caught(() => requireRole(null, needed, 'createClaim'));
      expect(err.code).toBe('UNAUTHENTICATED');
      expect(err.message).toContain('createClaim');
    }
  });

  it('orders admin ≥ editor ≥ reader', async () => {
    const allowed: Record<Role, Role[]> = {
      reader: ['reader'],
      editor: ['reader', 'editor'],
      admin: ['reader', 'editor', 'admin'],
    };
    for (const have of ROLES) {
      for (const needed of ROLES) {
        if (allowed[have].includes(needed)) {
          expect(requireRole(caller(have), needed, 'op')).toEqual(caller(have));
        } else {
          const err = await caught(() => requireRole(caller(have), needed, 'deleteClaim'));
          expect(err.code).toBe('FORBIDDEN');
          expect(err.message).toContain('deleteClaim');
          expect(err.message).toContain(needed);
        }
      }
    }
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm run token` runs the same file). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'token.js'), ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          ...testNeo4jEnv(),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run token', () => {
  it('creates an editor token, printed alone on the last line and nowhere else', async () => {
    // LOG_LEVEL=trace: even the most talkative logs must not carry the token.
    const run = await runCli(['--role', 'editor', '--name', 'alice smith'], { LOG_LEVEL: 'trace' });
    expect(run.code).toBe(0);
    // Captured (stdout is a pipe), stdout is the token alone: TOKEN=$(npm run --silent token -- ...).
    const lines = run.stdout.trimEnd().split('\n');
    const token = lines[lines.length - 1]!;
    expect(token).toMatch(/^cg_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(lines).toHaveLength(1);
    expect(run.stderr).toMatch(/It is shown only this once/); // the explanation still reaches the person
    expect(run.stdout.split(token.slice(16)).length - 1).toBe(1);
    expect(run.stderr).not.toContain(token.slice(16));
    const caller = await authenticate(executor, `Bearer ${token}`);
    expect(caller).toMatchObject({ role: 'editor', name: 'alice smith' });

    const listed = await runCli(['--list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(caller!.tokenId);
    expect(listed.stdout).not.toContain(token.slice(16));

    const revoked = await runCli(['--revoke', caller!.tokenId]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/Revoked token/);
    expect((await caught(() => authenticate(executor, `Bearer ${token}`))).code).toBe('UNAUTHENTICATED');
  });

  it('exits 2 with one usage line on bad arguments', async () => {
    for (const args of [['--role', 'root'], [], ['--list', '--revoke', 'AAAAAAAAAAAA'], ['--frobnicate']]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/usage: npm run token -- --role reader\|editor\|admin/);
    }
  });

  it('revoking an unknown id fails in one line', async () => {
    const run = await runCli(['--revoke', 'ZZZZZZZZZZZZ']);
    expect(run.code).toBe(1);
    // The first line names the database used; the second is the failure.
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^claimgraph token: using the Neo4j at NEO4J_URI /),
      'claimgraph token: no API token has id "ZZZZZZZZZZZZ".',
    ]);
  });

  it('says how to reach a running server when the embedded Neo4j is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-token-'));
    try {
      const run = await runCli(['--role', 'editor'], {
        NEO4J_URI: '',
        NEO4J_BOLT_PORT: String(port),
        NEO4J_DATA_DIR: dataDir,
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('stop the server');
      expect(lines[0]).toContain(`NEO4J_URI=bolt://127.0.0.1:${port} npm run token -- --role editor`);
    } finally {
      blocker.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
