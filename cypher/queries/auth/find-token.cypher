// One API token by id, with all its stored properties (the hash included: authentication
// compares it). The one query a request's authentication costs.
MATCH (t:ApiToken {id: $id})
RETURN t {.*} AS token
