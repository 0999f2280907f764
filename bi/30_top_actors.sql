-- Top actors: every actor code with its events as source (actor 1) and as target (actor 2).
-- Asserted events only; unresolved actors (UNK) left out. rank 1 = the most events.
-- actor_name is the name the actor was most often given.

CREATE OR REPLACE VIEW top_actors AS
WITH roles AS (
    SELECT actor1_code AS actor_code, actor1_name AS actor_name, actor1_country AS country,
           'source' AS role, num_mentions, goldstein, event_date, article_id
    FROM events
    WHERE modality = 'asserted'
    UNION ALL
    SELECT actor2_code, actor2_name, actor2_country, 'target', num_mentions, goldstein, event_date, article_id
    FROM events
    WHERE modality = 'asserted'
)
SELECT
    rank() OVER (ORDER BY count(*) DESC) AS rank,
    actor_code,
    mode(actor_name) AS actor_name,
    any_value(country) AS country,
    count(*) AS events,
    count(*) FILTER (WHERE role = 'source') AS as_source,
    count(*) FILTER (WHERE role = 'target') AS as_target,
    sum(num_mentions) AS mentions,
    count(DISTINCT article_id) AS articles,
    round(avg(goldstein::DOUBLE), 2) AS avg_goldstein,
    min(event_date) AS first_seen,
    max(event_date) AS last_seen
FROM roles
WHERE actor_code IS NOT NULL AND actor_code <> 'UNK'
GROUP BY actor_code;
