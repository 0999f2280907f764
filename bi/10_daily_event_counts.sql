-- Daily event counts by actor pair and quad class.
-- One row per (event_date, actor1_code, actor2_code, quad_class). Asserted events only: what the
-- articles say happened (negated, hypothetical, future and reported events are left out).
-- actor2_code is NULL for events with no target ("la police a arrêté…").

CREATE OR REPLACE VIEW daily_event_counts AS
SELECT
    event_date,
    actor1_code,
    actor2_code,
    quad_class,
    CASE quad_class
        WHEN 1 THEN 'Verbal cooperation'
        WHEN 2 THEN 'Material cooperation'
        WHEN 3 THEN 'Verbal conflict'
        WHEN 4 THEN 'Material conflict'
    END AS quad_class_name,
    count(*) AS events,
    sum(num_mentions) AS mentions,
    count(DISTINCT article_id) AS articles,
    round(avg(goldstein::DOUBLE), 2) AS avg_goldstein
FROM events
WHERE modality = 'asserted'
GROUP BY event_date, actor1_code, actor2_code, quad_class;
