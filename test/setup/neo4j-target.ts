/**
 * The one Neo4j a test run uses, chosen in the README's order:
 *   1. NEO4J_URI (+ NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE) when set;
 *   2. testcontainers' Neo4j module, where a container runtime answers;
 *   3. the embedded default, in a throwaway store under .neo4j-data/test.
 * global-setup.ts publishes the choice to the test workers through these environment variables.
 */
export const ENV = {
  uri: 'CLAIMGRAPH_TEST_NEO4J_URI',
  username: 'CLAIMGRAPH_TEST_NEO4J_USERNAME',
  password: 'CLAIMGRAPH_TEST_NEO4J_PASSWORD',
  database: 'CLAIMGRAPH_TEST_NEO4J_DATABASE',
  mode: 'CLAIMGRAPH_TEST_NEO4J_MODE',
} as const;

export interface TestTarget {
  uri: string;
  username: string;
  password: string | undefined;
  database: string;
  mode: string;
}

export function testTarget(): TestTarget {
  const uri = process.env[ENV.uri];
  if (!uri) throw new Error('no test Neo4j: run the tests through jest (test/setup/global-setup.ts)');
  return {
    uri,
    username: process.env[ENV.username] ?? 'neo4j',
    password: process.env[ENV.password] || undefined,
    database: process.env[ENV.database] ?? 'neo4j',
    mode: process.env[ENV.mode] ?? 'unknown',
  };
}

/** The environment that points a spawned service or CLI at the run's Neo4j (as NEO4J_URI users do). */
export function testNeo4jEnv(): Record<string, string> {
  const t = testTarget();
  return {
    NEO4J_URI: t.uri,
    NEO4J_USERNAME: t.username,
    NEO4J_PASSWORD: t.password ?? '',
    NEO4J_DATABASE: t.database,
  };
}
