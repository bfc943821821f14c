-- The SKU picker's search (a SKU prefix or a name substring, any case) at 200,000 products reads
-- trigram indexes (the next migrations) instead of every product. pg_trgm is a trusted extension:
-- the owner of the database may create it, no superuser needed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
