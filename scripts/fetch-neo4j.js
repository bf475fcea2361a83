#!/usr/bin/env node
// Fetches the embedded default's jars (Neo4j Community 5.26, GPLv3) from Maven Central into
// neo4j/lib with Maven. Runs on `npm install` (postinstall) and again, if needed, when the
// embedded Neo4j is first started. The jars are never committed.
//
//   node scripts/fetch-neo4j.js            fetch if missing; warn (exit 0) if Maven is missing
//   node scripts/fetch-neo4j.js --required fetch if missing; exit 1 with one clear line if it can't
//
// Skipped when NEO4J_URI is set (you bring your own server) or CLAIMGRAPH_SKIP_NEO4J_FETCH=1.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const neo4jDir = path.join(__dirname, '..', 'neo4j');
const libDir = path.join(neo4jDir, 'lib');
const marker = path.join(libDir, '.fetched');
const required = process.argv.includes('--required');

function pomVersion() {
  const pom = fs.readFileSync(path.join(neo4jDir, 'pom.xml'), 'utf8');
  const m = pom.match(/<neo4j\.version>([^<]+)<\/neo4j\.version>/);
  if (!m) throw new Error('neo4j/pom.xml has no <neo4j.version>');
  return m[1];
}

function done(code, line) {
  if (line) (code === 0 ? console.log : console.error)(line);
  process.exit(code);
}

const version = pomVersion();
if (!required && (process.env.NEO4J_URI || process.env.CLAIMGRAPH_SKIP_NEO4J_FETCH === '1')) {
  done(
    0,
    'claimgraph: NEO4J_URI is set (or CLAIMGRAPH_SKIP_NEO4J_FETCH=1): not fetching the embedded Neo4j.',
  );
}
if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === version) {
  done(0, `claimgraph: embedded Neo4j ${version} jars already in neo4j/lib.`);
}

const alternatives =
  'Install OpenJDK 17 and Maven 3.6+ (Debian: apt-get install openjdk-17-jdk-headless maven), ' +
  'or set NEO4J_URI to your own Neo4j 5 server, or run `docker compose up`.';
for (const [cmd, args] of [
  ['java', ['-version']],
  ['mvn', ['-v']],
]) {
  const probe = spawnSync(cmd, args, { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    const line = `claimgraph: the embedded Neo4j needs \`${cmd}\`, which was not found. ${alternatives}`;
    done(required ? 1 : 0, required ? line : `${line} (warning only: npm install goes on)`);
  }
}

// Neo4j 5.26 runs on Java 17 or 21; an older JVM would fail later with a class-version error.
const javaVersion = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr || '';
const major = Number((/version "(?:1\.)?(\d+)/.exec(javaVersion) || [])[1]);
if (major && major < 17) {
  const line = `claimgraph: the embedded Neo4j needs Java 17 or newer, but \`java\` is Java ${major}. ${alternatives}`;
  done(required ? 1 : 0, required ? line : `${line} (warning only: npm install goes on)`);
}

console.log(
  `claimgraph: fetching Neo4j Community ${version} jars from Maven Central (about 120 MB, once)...`,
);
const tmp = path.join(neo4jDir, 'lib.partial');
fs.rmSync(tmp, { recursive: true, force: true });
const started = Date.now();
const mvn = spawn(
  'mvn',
  ['-B', 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime'],
  { cwd: neo4jDir, stdio: ['ignore', 'pipe', 'pipe'] },
);
let downloaded = 0;
let tail = [];
const onLine = (chunk) => {
  for (const line of chunk.toString().split('\n')) {
    if (!line.trim()) continue;
    tail = [...tail.slice(-20), line];
    if (line.includes('Downloaded from')) {
      downloaded += 1;
      if (downloaded % 50 === 0) console.log(`claimgraph: ... ${downloaded} files downloaded`);
    }
  }
};
mvn.stdout.on('data', onLine);
mvn.stderr.on('data', onLine);
mvn.on('close', (code) => {
  if (code !== 0) {
    console.error(tail.join('\n'));
    done(
      1,
      `claimgraph: Maven could not fetch the Neo4j jars (exit ${code}); see the lines above. ${alternatives}`,
    );
  }
  fs.writeFileSync(path.join(tmp, '.fetched'), version + '\n');
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.renameSync(tmp, libDir);
  const jars = fs.readdirSync(libDir).filter((f) => f.endsWith('.jar')).length;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  done(0, `claimgraph: fetched ${jars} jars for Neo4j ${version} in ${secs}s into neo4j/lib.`);
});
