/**
 * The benchmark's third side (issue 11): @neo4j/graphql 7 serving claimgraph's stored model as it
 * is, over the same store, as its own process, so bench:scale measures both GraphQL servers the same
 * way (HTTP POST, a separate process, the same Neo4j). Not part of the service: a dev dependency
 * that exists only to be compared against.
 *
 *   node dist/bench/neo4j-graphql.js   (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, PORT)
 *
 * prints `@neo4j/graphql ready at http://127.0.0.1:PORT/graphql` on stderr once it listens.
 *
 * The type definitions map only what the canonical queries read, with the labels, relationship
 * types and directions of cypher/README.md ("Model"): claimgraph writes the graph, the library
 * only reads it, so every type is read-only (no mutations generated) and no index or constraint is
 * asserted or created (the store already has them: cypher/migrations).
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';

// `@mutation(operations: [])` and `@subscription(events: [])`: read-only, as it is here a reader
// of claimgraph's graph, never a writer (claimgraph's writes carry audit events and keys).
const READ_ONLY = '@mutation(operations: []) @subscription(events: [])';

export const typeDefs = /* GraphQL */ `
  type Claim @node ${READ_ONLY}
    @fulltext(indexes: [{ indexName: "claim_text", queryName: "claimsByText", fields: ["content", "quote"] }]) {
    id: ID!
    kind: String!
    content: String!
    quote: String
    statedOn: Date
    "claimgraph's page key (migration 0007-keyset-keys): verification|statedOn|id."
    sortKey: String
    status: String
    retractedAt: DateTime
    claimant: [Actor!]! @relationship(type: "CLAIMED_BY", direction: OUT)
    targets: [Actor!]! @relationship(type: "TARGETS", direction: OUT)
    evidence: [Excerpt!]! @relationship(type: "EVIDENCED_BY", direction: OUT)
    "Claims that deny this one: (denial)-[:DENIES]->(this)."
    deniedBy: [Claim!]! @relationship(type: "DENIES", direction: IN)
    denies: [Claim!]! @relationship(type: "DENIES", direction: OUT)
  }

  type Actor @node ${READ_ONLY} {
    id: ID!
    name: String!
    kind: String
    aliases: [String!]
    claims: [Claim!]! @relationship(type: "CLAIMED_BY", direction: IN)
    claimsAbout: [Claim!]! @relationship(type: "TARGETS", direction: IN)
  }

  "One node per lower-cased name or alias (constraint alias_key)."
  type Alias @node ${READ_ONLY} {
    key: String!
    text: String
    actor: [Actor!]! @relationship(type: "ALIAS_OF", direction: OUT)
  }

  type Excerpt @node ${READ_ONLY}
    @fulltext(indexes: [{ indexName: "claim_text", queryName: "excerptsByText", fields: ["exact"] }]) {
    id: ID!
    exact: String!
    source: [Source!]! @relationship(type: "IN_SOURCE", direction: OUT)
    claim: [Claim!]! @relationship(type: "EVIDENCED_BY", direction: IN)
  }

  type Source @node ${READ_ONLY} {
    url: String!
    title: String
    publishedAt: Date
  }
`;

/** The executable schema, resolving against `driver`. */
export async function neo4jGraphqlSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs, driver }).getSchema();
}

/**
 * Apollo Server (standalone: Node's own HTTP) over the schema on `port` (0: any free one); `url`
 * is its base (it answers at `url + '/graphql'`, as the API does). The bench runs it as a process of its own (main, below); the comparison test in its
 * own process, over the test database.
 */
export async function serveNeo4jGraphql(
  driver: Driver,
  opts: { port: number; host?: string; database?: string },
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new ApolloServer({ schema: await neo4jGraphqlSchema(driver) });
  const { url } = await startStandaloneServer(server, {
    listen: { port: opts.port, host: opts.host ?? '127.0.0.1' },
    // The library opens a session per request with this config: claimgraph's database.
    context: async () => ({ sessionConfig: { database: opts.database } }),
  });
  // Standalone answers on every path, so /graphql too: the clients address both servers alike.
  return { url: url.replace(/\/$/, ''), stop: () => server.stop() };
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const password = process.env.NEO4J_PASSWORD;
  const auth = password ? neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', password) : undefined;
  const driver = neo4j.driver(uri, auth);
  const { url, stop } = await serveNeo4jGraphql(driver, {
    port: Number(process.env.PORT ?? 4100),
    host: process.env.HOST,
    database: process.env.NEO4J_DATABASE || undefined,
  });
  process.stderr.write(`@neo4j/graphql ready at ${url}/graphql\n`);
  const exit = () => {
    void stop()
      .then(() => driver.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', exit);
  process.once('SIGINT', exit);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
