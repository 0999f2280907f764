-- vigie BI views, DuckDB. Step 0: the tables, read straight from the Parquet folder.
--
-- Which output folder: SET VARIABLE vigie_output = '/path/to/out'; before running this file
-- (default: out, relative to the working directory). Partitions come back typed: date DATE,
-- actor VARCHAR (hive_types pins them, whatever the folder names look like).
-- Only events and articles get a view here: they exist whenever a run found events.

CREATE OR REPLACE VIEW events AS
SELECT *
FROM read_parquet(coalesce(getvariable('vigie_output'), 'out') || '/events/**/*.parquet',
                  hive_partitioning = true, hive_types = {'date': DATE, 'actor': VARCHAR});

CREATE OR REPLACE VIEW articles AS
SELECT *
FROM read_parquet(coalesce(getvariable('vigie_output'), 'out') || '/articles/**/*.parquet',
                  hive_partitioning = true, hive_types = {'date': DATE});
