-- A year's volume (docs/benchmark.md, "A year of data"): the SKU picker's name search ("contains", any case).

-- CreateIndex
CREATE INDEX CONCURRENTLY "product_name_idx" ON "product" USING GIN ("name" gin_trgm_ops);
