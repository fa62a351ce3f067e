import { describe, expect, it } from 'vitest';
import { searchWords } from './search-words';

describe('searchWords', () => {
  it('keeps runs of letters and digits, accents included, and drops the query language', () => {
    expect(searchWords('"a" OR b*) NEAR(', 10)).toEqual(['a', 'OR', 'b', 'NEAR']);
    expect(searchWords('Fête du 14-Juillet à Sélestat', 10)).toEqual(['Fête', 'du', '14', 'Juillet', 'à', 'Sélestat']);
  });

  it('composes accents (NFC) as the index does', () => {
    expect(searchWords('Fe\u0302te', 10)).toEqual(['Fête']);
  });

  it('keeps the first `max` words, and none of punctuation alone', () => {
    expect(searchWords('un deux trois quatre', 2)).toEqual(['un', 'deux']);
    expect(searchWords(' -*- ', 10)).toEqual([]);
  });
});
