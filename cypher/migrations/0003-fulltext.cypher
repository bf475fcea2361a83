// Full-text search over what claims say: a claim's paraphrase and quote, and the exact words of
// its excerpts (searchClaims). The 'english' analyzer lower-cases, drops stop words and stems
// ("accusing" finds "accused"); British/American spellings are expanded in the query instead
// (src/graphql/resolvers/analysis.ts), since no stemmer folds "harbour" into "harbor".
CREATE FULLTEXT INDEX claim_text IF NOT EXISTS
FOR (n:Claim|Excerpt) ON EACH [n.content, n.quote, n.exact]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } };
