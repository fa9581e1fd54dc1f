-- Officers search names inside their own area. A name range alone makes PostgreSQL fetch every
-- "Nguyễn Thị Lan" of the country from the heap and then drop those of other provinces (p95 ~600 ms at
-- 10 million people). Leading the area's code and then the folded name lets the area condition and the
-- name range both be index conditions, still in keyset order. The leading column alone still serves
-- plain equality on the area, so these replace the single-column area indexes.
drop index if exists persons_province_idx;
drop index if exists persons_district_idx;
drop index if exists persons_commune_idx;
create index persons_province_name_idx on persons (province_code, name_folded collate "C", id);
create index persons_district_name_idx on persons (district_code, name_folded collate "C", id);
create index persons_commune_name_idx on persons (commune_code, name_folded collate "C", id);
