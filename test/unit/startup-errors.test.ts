import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { explainConnectError } from '../../src/db/executor';
import { StartupError } from '../../src/errors';
import { PROJECT_ROOT } from '../../src/paths';

/** A PATH holding node and nothing else: no java, no mvn. */
function pathWithoutJava(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-nojava-'));
  fs.symlinkSync(process.execPath, path.join(dir, 'node'));
  return dir;
}

/** A copy of the install script and pom without fetched jars, as on a fresh clone. */
function freshInstallScript(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-fresh-'));
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.mkdirSync(path.join(root, 'neo4j'));
  fs.copyFileSync(
    path.join(PROJECT_ROOT, 'scripts', 'fetch-neo4j.js'),
    path.join(root, 'scripts', 'fetch-neo4j.js'),
  );
  fs.copyFileSync(path.join(PROJECT_ROOT, 'neo4j', 'pom.xml'), path.join(root, 'neo4j', 'pom.xml'));
  return root;
}

describe('the embedded default without Java or Maven', () => {
  it('install step: one line naming NEO4J_URI and docker compose as the ways out', () => {
    const root = freshInstallScript();
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'fetch-neo4j.js'), '--required'], {
      env: { PATH: pathWithoutJava() },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/needs `java`, which was not found/);
    expect(run.stderr).toMatch(/NEO4J_URI/);
    expect(run.stderr).toMatch(/docker compose up/);
    expect(fs.existsSync(path.join(root, 'neo4j', 'lib'))).toBe(false);
  });

  it('npm install itself goes on (a NEO4J_URI user needs no Java), with a warning', () => {
    const root = freshInstallScript();
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'fetch-neo4j.js')], {
      env: { PATH: pathWithoutJava() },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/warning only/);
  });

  it('npm start: one line naming the alternatives, and a non-zero exit', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      env: {
        PATH: pathWithoutJava(),
        LOG_LEVEL: 'silent',
        NEO4J_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cg-')),
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^claimgraph: cannot start: the embedded Neo4j needs Java 17, but `java` was not found on PATH; .*NEO4J_URI.*docker compose up/,
    );
  });
});

describe('connection failures, classified from the driver errors Neo4j sends', () => {
  const opts = {
    uri: 'neo4j+s://example.databases.neo4j.io',
    username: 'analyst',
    password: 'x',
    database: 'neo4j',
    txTimeoutMs: 1,
  };

  it('bad credentials name the user and the variables to fix', () => {
    const err = explainConnectError(
      new Neo4jError(
        'The client is unauthorized',
        'Neo.ClientError.Security.Unauthorized',
        '42NFF',
        'unauthorized',
      ),
      opts,
    );
    expect(err).toBeInstanceOf(StartupError);
    expect(err.message).toBe(
      'Neo4j at neo4j+s://example.databases.neo4j.io rejected the credentials for user "analyst"; check NEO4J_USERNAME and NEO4J_PASSWORD.',
    );
  });

  it('a missing database names NEO4J_DATABASE', () => {
    const err = explainConnectError(
      new Neo4jError('not found', 'Neo.ClientError.Database.DatabaseNotFound', '22N51', 'not found'),
      opts,
    );
    expect(err.message).toMatch(/has no database "neo4j"; check NEO4J_DATABASE/);
  });

  it('anything that is not a driver error is passed on untouched, not mislabelled as "unreachable"', () => {
    const bug = new TypeError('a bug');
    expect(explainConnectError(bug, opts)).toBe(bug);
  });
});
