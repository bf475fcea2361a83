// The stored status (fragments/claim-status) of claims the bulk import created in this same
// transaction, after every link of the batch is made. Without the lock pass of
// claims/refresh-status, which only such claims may skip: the transaction that created a node
// holds its write lock until it commits, and no other transaction can see it, let alone deny or
// contradict it, before then. The claims this batch's denials deny and the figure claims under
// its figure keys (older ones among them) still go through claims/refresh-status.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
USING INDEX SEEK c:Claim(id)
SET c.status =
  // @include claim-status
RETURN count(c) AS written
