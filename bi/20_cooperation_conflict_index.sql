-- Goldstein-weighted cooperation/conflict index per country pair and day.
-- Directed: actor1_country (who acts) towards actor2_country (on whom). Asserted events whose
-- two actors both have a country (organisations such as NATO or the UN have none). Each event
-- weighs its Goldstein score (-10 … +10) times its num_mentions.
--   goldstein_index            mention-weighted mean Goldstein score, -10 (war) … +10 (alliance)
--   cooperation / conflict     sums of the positive / negative weighted scores (both >= 0)
--   cooperation_conflict_index (cooperation - conflict) / (cooperation + conflict), from
--                              -1 (only conflict) to +1 (only cooperation); NULL if all scores are 0

CREATE OR REPLACE VIEW cooperation_conflict_index AS
WITH weighted AS (
    SELECT
        event_date,
        actor1_country,
        actor2_country,
        quad_class,
        num_mentions,
        goldstein::DOUBLE * num_mentions AS weighted_goldstein
    FROM events
    WHERE modality = 'asserted' AND actor1_country IS NOT NULL AND actor2_country IS NOT NULL
)
SELECT
    event_date,
    actor1_country,
    actor2_country,
    count(*) AS events,
    sum(num_mentions) AS mentions,
    count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation_events,
    count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict_events,
    round(sum(weighted_goldstein) / sum(num_mentions), 3) AS goldstein_index,
    round(coalesce(sum(weighted_goldstein) FILTER (WHERE weighted_goldstein > 0), 0), 3) AS cooperation,
    round(coalesce(-sum(weighted_goldstein) FILTER (WHERE weighted_goldstein < 0), 0), 3) AS conflict,
    round((coalesce(sum(weighted_goldstein) FILTER (WHERE weighted_goldstein > 0), 0)
           - coalesce(-sum(weighted_goldstein) FILTER (WHERE weighted_goldstein < 0), 0))
          / nullif(sum(abs(weighted_goldstein)), 0), 3) AS cooperation_conflict_index
FROM weighted
GROUP BY event_date, actor1_country, actor2_country;
