-- The events under GDELT 2.0 Event table column names, in GDELT's order (61 columns), for
-- dashboards and notebooks written for GDELT. Asserted events only (GDELT has no modality).
-- What differs from GDELT (see bi/README.md):
--   GLOBALEVENTID      from vigie's event_id (first 15 hex digits as a BIGINT): stable across runs
--   Actor*Code         vigie's CAMEO-style code; unresolved actors (UNK) are NULL, as in GDELT
--   Actor*CountryCode  ISO 3166 alpha-3 (GDELT: CAMEO country codes, the same for most countries)
--   Actor*KnownGroupCode  the organisation code (NATO, UN, EU…) for actors without a country
--   Actor*Type1Code    the sector after the country (RUSGOV -> GOV, FRAOPP -> OPP)
--   NumSources, NumArticles  1: each row comes from one article (NumMentions = its sentences)
--   AvgTone, ethnic/religion codes, ADM codes, FeatureIDs, Actor*Geo_*: not produced (NULL)
--   ActionGeo_Type     4 (world city) with coordinates, 1 (country) without, 0 when no place
--   ActionGeo_CountryCode  ISO 3166 alpha-3 (GDELT: FIPS 10-4 two-letter codes)
--   DATEADDED          ingested_at in UTC as YYYYMMDDHHMMSS

CREATE OR REPLACE VIEW gdelt_events AS
SELECT
    ('0x' || left(event_id, 15))::BIGINT AS GLOBALEVENTID,
    CAST(strftime(event_date, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(year(event_date) * 100 + month(event_date) AS INTEGER) AS MonthYear,
    CAST(year(event_date) AS INTEGER) AS Year,
    round(year(event_date) + ((month(event_date) - 1) * 30 + day(event_date)) / 365, 4) AS FractionDate,
    nullif(actor1_code, 'UNK') AS Actor1Code,
    actor1_name AS Actor1Name,
    actor1_country AS Actor1CountryCode,
    CASE WHEN actor1_country IS NULL AND actor1_code <> 'UNK' THEN actor1_code END AS Actor1KnownGroupCode,
    NULL::VARCHAR AS Actor1EthnicCode,
    NULL::VARCHAR AS Actor1Religion1Code,
    NULL::VARCHAR AS Actor1Religion2Code,
    CASE WHEN starts_with(actor1_code, actor1_country)
         THEN nullif(substr(actor1_code, length(actor1_country) + 1, 3), '') END AS Actor1Type1Code,
    CASE WHEN starts_with(actor1_code, actor1_country)
         THEN nullif(substr(actor1_code, length(actor1_country) + 4, 3), '') END AS Actor1Type2Code,
    NULL::VARCHAR AS Actor1Type3Code,
    nullif(actor2_code, 'UNK') AS Actor2Code,
    actor2_name AS Actor2Name,
    actor2_country AS Actor2CountryCode,
    CASE WHEN actor2_country IS NULL AND actor2_code <> 'UNK' THEN actor2_code END AS Actor2KnownGroupCode,
    NULL::VARCHAR AS Actor2EthnicCode,
    NULL::VARCHAR AS Actor2Religion1Code,
    NULL::VARCHAR AS Actor2Religion2Code,
    CASE WHEN starts_with(actor2_code, actor2_country)
         THEN nullif(substr(actor2_code, length(actor2_country) + 1, 3), '') END AS Actor2Type1Code,
    CASE WHEN starts_with(actor2_code, actor2_country)
         THEN nullif(substr(actor2_code, length(actor2_country) + 4, 3), '') END AS Actor2Type2Code,
    NULL::VARCHAR AS Actor2Type3Code,
    CAST(is_root_event AS INTEGER) AS IsRootEvent,
    event_code AS EventCode,
    event_base_code AS EventBaseCode,
    event_root_code AS EventRootCode,
    CAST(quad_class AS INTEGER) AS QuadClass,
    round(goldstein::DOUBLE, 1) AS GoldsteinScale,
    num_mentions AS NumMentions,
    1 AS NumSources,
    1 AS NumArticles,
    NULL::DOUBLE AS AvgTone,
    0 AS Actor1Geo_Type,
    NULL::VARCHAR AS Actor1Geo_FullName,
    NULL::VARCHAR AS Actor1Geo_CountryCode,
    NULL::VARCHAR AS Actor1Geo_ADM1Code,
    NULL::VARCHAR AS Actor1Geo_ADM2Code,
    NULL::DOUBLE AS Actor1Geo_Lat,
    NULL::DOUBLE AS Actor1Geo_Long,
    NULL::VARCHAR AS Actor1Geo_FeatureID,
    0 AS Actor2Geo_Type,
    NULL::VARCHAR AS Actor2Geo_FullName,
    NULL::VARCHAR AS Actor2Geo_CountryCode,
    NULL::VARCHAR AS Actor2Geo_ADM1Code,
    NULL::VARCHAR AS Actor2Geo_ADM2Code,
    NULL::DOUBLE AS Actor2Geo_Lat,
    NULL::DOUBLE AS Actor2Geo_Long,
    NULL::VARCHAR AS Actor2Geo_FeatureID,
    CASE WHEN action_geo_lat IS NOT NULL THEN 4 WHEN action_geo_country IS NOT NULL THEN 1 ELSE 0 END
        AS ActionGeo_Type,
    nullif(trim(regexp_replace(action_geo_name, '\s+', ' ', 'g')), '') AS ActionGeo_FullName,
    action_geo_country AS ActionGeo_CountryCode,
    NULL::VARCHAR AS ActionGeo_ADM1Code,
    NULL::VARCHAR AS ActionGeo_ADM2Code,
    action_geo_lat AS ActionGeo_Lat,
    action_geo_lon AS ActionGeo_Long,
    NULL::VARCHAR AS ActionGeo_FeatureID,
    CAST(strftime(timezone('UTC', ingested_at), '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
    source_url AS SOURCEURL
FROM events
WHERE modality = 'asserted';
