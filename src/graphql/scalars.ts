import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate, GraphQLURL } from 'graphql-scalars';
import { normalizeUrl } from '../refs/urls';

/**
 * Scalars from graphql-scalars, under the names the contract uses. Invalid values are rejected
 * while the request is validated, before any resolver runs: a bad date never reaches Cypher.
 */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date, ISO 8601 `YYYY-MM-DD`.',
});

const urlConfig = GraphQLURL.toConfig();
// graphql-scalars checks the syntax; normalizeUrl adds "http(s) only" and the stored form.
const httpOnly = (url: unknown): string => normalizeUrl((url as URL).href, 'url');

/** Parsed to the normalized href string every lookup by URL uses (src/refs/urls.ts). */
export const URLScalar = new GraphQLScalarType({
  ...urlConfig,
  name: 'URL',
  parseValue: (value) => httpOnly(urlConfig.parseValue!(value)),
  parseLiteral: (ast, vars) => httpOnly(urlConfig.parseLiteral!(ast, vars)),
});

export const DateTimeScalar = new GraphQLScalarType({ ...GraphQLDateTime.toConfig(), name: 'DateTime' });
