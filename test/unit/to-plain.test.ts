import neo4j from 'neo4j-driver';
import { toPlain } from '../../src/db/executor';

// What every row the API answers from goes through: Neo4j values become JSON-friendly ones.
describe('toPlain', () => {
  it('copies maps and lists deeply, with dates as YYYY-MM-DD and instants as ISO strings in UTC', () => {
    const row = {
      id: 'c1',
      statedOn: new neo4j.types.Date(2025, 11, 8),
      review: { at: new neo4j.types.DateTime(2026, 12, 2, 1, 2, 3, 456_000_000, 0), by: 'alice' },
      evidence: [{ start: 3, end: 9, quote: null }],
      missing: undefined,
    };
    expect(toPlain(row)).toEqual({
      id: 'c1',
      statedOn: '2025-11-08',
      review: { at: '2026-12-02T01:02:03.456Z', by: 'alice' },
      evidence: [{ start: 3, end: 9, quote: null }],
      missing: null,
    });
  });

  it('keeps a key named __proto__ as an own property, never as the copy’s prototype', () => {
    const map = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const plain = toPlain(map) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect((plain as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(plain)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(plain)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });
});
