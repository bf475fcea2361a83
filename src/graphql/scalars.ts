import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate, GraphQLURL } from 'graphql-scalars';

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
const httpOnly = (url: unknown): string => {
  const u = url as URL;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new TypeError(`Value is not an http(s) URL: ${u.href}`);
  }
  return u.href;
};

/** Parsed to a normalized href string (`new URL(value).href`), http(s) only. */
export const URLScalar = new GraphQLScalarType({
  ...urlConfig,
  name: 'URL',
  parseValue: (value) => httpOnly(urlConfig.parseValue!(value)),
  parseLiteral: (ast, vars) => httpOnly(urlConfig.parseLiteral!(ast, vars)),
});

export const DateTimeScalar = new GraphQLScalarType({ ...GraphQLDateTime.toConfig(), name: 'DateTime' });
