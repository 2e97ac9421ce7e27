-- GET /drugs/search?rxcui=…: the products mapped to one RxNorm concept (prescriptions resolving RxNorm-coded orders).
CREATE INDEX drugs_rxcui ON catalog.drugs (rxcui);

-- How many drugs carry each search text: a name search without filters ranks terms, fetches the drugs of
-- the page only and counts its total from these (term-search.repository.ts). Kept by every import.
ALTER TABLE catalog.search_terms ADD COLUMN drug_count integer NOT NULL DEFAULT 0;
UPDATE catalog.search_terms t SET drug_count = c.n
  FROM (SELECT search_text, count(*)::int AS n FROM catalog.drugs GROUP BY search_text) c
  WHERE c.search_text = t.search_text;

-- The trigram index becomes GIN: name searches now run with sequential scans priced out (term-match.ts),
-- and GIN answers LIKE and word similarity on the terms in a tenth of GiST's time (0.1 ms against 2 ms
-- for the candidates of `hydro`, PostgreSQL 15). GiST was chosen only because the planner preferred a
-- sequential scan over GIN on this small table.
DROP INDEX catalog.search_terms_trgm;
CREATE INDEX search_terms_trgm ON catalog.search_terms USING gin (search_text gin_trgm_ops);

-- The planner estimates LIKE and word similarity on a column by running them over its most common values and
-- histogram: with the default 100 entries of long search texts that was 0.5 ms of planning per name search,
-- more than its execution. With sequential scans priced out, a rough estimate is enough.
ALTER TABLE catalog.search_terms ALTER COLUMN search_text SET STATISTICS 10;
