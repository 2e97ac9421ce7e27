-- The drug catalog: one row per package NDC, loaded from data/drugs.tsv.gz (see data/README.md).

-- What fuzzy search matches: every name a person may type (product, generic, brand, ingredients), lower case.
-- array_to_string is only STABLE in general; for text[] it is immutable, which a generated column needs.
CREATE FUNCTION catalog.search_text(name text, nonproprietary_name text, brand_name text, ingredients text[])
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(concat_ws(' ', name, nonproprietary_name, brand_name, array_to_string(ingredients, ' '))) $$;

CREATE TABLE catalog.drugs (
  drug_id uuid PRIMARY KEY,
  ndc_code text NOT NULL UNIQUE CHECK (ndc_code ~ '^[0-9]{5}-[0-9]{4}-[0-9]{2}$'),
  ndc_package_hyphenated text,
  product_ndc text,
  name text NOT NULL,
  nonproprietary_name text,
  brand_name text,
  strength text,
  dosage_form text,
  route text,
  ingredients text[] NOT NULL,
  ingredient_rxcuis text[] NOT NULL,
  rxcui text,
  atc_codes text[] NOT NULL,
  dea_schedule text CHECK (dea_schedule IN ('CI', 'CII', 'CIII', 'CIV', 'CV')),
  rx_only boolean NOT NULL,
  rx_only_source text NOT NULL,
  dea_schedule_source text,
  price_minor integer NOT NULL CHECK (price_minor >= 0),
  price_source text NOT NULL,
  manufacturer text,
  description text,
  -- 11-digit labeler-product part (5-4), so a product NDC finds all of its packages.
  product_code text GENERATED ALWAYS AS (left(ndc_code, 10)) STORED,
  search_text text GENERATED ALWAYS AS (catalog.search_text(name, nonproprietary_name, brand_name, ingredients)) STORED,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drugs_search_text ON catalog.drugs (search_text);
CREATE INDEX drugs_product_code ON catalog.drugs (product_code);
CREATE INDEX drugs_ingredients ON catalog.drugs USING gin (ingredients);

-- The distinct search texts (about 8,000 for 117,000 drugs) with the lower-case names they are made of.
-- Matching and ranking run on these, then join the drugs that carry the text. The trigram index is GiST:
-- on a table this small the planner prices GIN above a sequential scan and then evaluates the costly
-- similarity operator on every row; GiST is chosen for LIKE, similarity and KNN alike.
CREATE TABLE catalog.search_terms (
  search_text text PRIMARY KEY,
  name text NOT NULL,
  generic text,
  brand text,
  ingredients text[] NOT NULL
);
CREATE INDEX search_terms_trgm ON catalog.search_terms USING gist (search_text gist_trgm_ops);

-- COPY target with the file's exact column order; emptied after every import.
CREATE UNLOGGED TABLE catalog.drugs_staging (
  drug_id uuid, ndc_code text, ndc_package_hyphenated text, product_ndc text, name text, nonproprietary_name text,
  brand_name text, strength text, dosage_form text, route text, ingredients text[], ingredient_rxcuis text[], rxcui text,
  atc_codes text[], dea_schedule text, rx_only boolean, rx_only_source text, dea_schedule_source text,
  price_minor integer, price_source text, manufacturer text, description text
);

-- Drug–drug interactions at ingredient level; ingredient_a < ingredient_b (code-point order).
CREATE TABLE catalog.interactions (
  ingredient_a text NOT NULL,
  ingredient_b text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('high', 'moderate', 'low')),
  description text NOT NULL,
  source text NOT NULL,
  PRIMARY KEY (ingredient_a, ingredient_b)
);
CREATE INDEX interactions_b ON catalog.interactions (ingredient_b);

CREATE UNLOGGED TABLE catalog.interactions_staging (
  ingredient_a text, ingredient_b text, severity text, description text, source text
);

-- One row per import run; a file whose sha256 matches the last completed import of its source is skipped.
CREATE TABLE catalog.imports (
  import_id uuid PRIMARY KEY,
  source text NOT NULL,
  sha256 text NOT NULL,
  rows_read integer NOT NULL,
  upserted integer NOT NULL,
  skipped integer NOT NULL,
  started_at timestamptz NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX imports_source ON catalog.imports (source, completed_at DESC);
