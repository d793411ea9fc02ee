-- Counting the catalogue without reading every course document. /health and `verder stats`
-- count demo courses, the OOAPI course list counts active ones; without an index each count read
-- the whole courses table (1.2-1.7 s at 216,000 courses, holding the store's lock, so every
-- other request that needed the store waited too; found by `make stress`).
CREATE INDEX courses_by_status ON courses(status, provider_id);
CREATE INDEX courses_by_demo ON courses(is_demo);
