/// The province's day rollup (`day_field`): per centre, day and field, the counts every province figure is made of,
/// so a month or a year of 150 centres reads thousands of rows instead of millions of tickets. Each count sits on
/// the day its rule counts it: tickets, ratings and feedback on their service day, same-day dossiers on the day
/// received, promises on the day they fall due.
enum ProvinceRollup {
    /// `INSERT … SELECT` of the rollup rows for the facts `scope` admits; `scope` gets the day column's name.
    static func insert(scope: (String) -> String) -> String {
        let zeros = { (count: Int) in Array(repeating: "0", count: count).joined(separator: ", ") }
        return """
            INSERT INTO day_field (centre, day, field, issued, served, no_shows, waited, wait_seconds, ratings, satisfied,
              same_day_counted, same_day_resolved, promises, promises_returned, promises_on_time, feedback_received, feedback_on_time)
            SELECT centre, day, field, SUM(issued), SUM(served), SUM(no_shows), SUM(waited), SUM(wait_seconds), SUM(ratings),
              SUM(satisfied), SUM(same_day_counted), SUM(same_day_resolved), SUM(promises), SUM(promises_returned),
              SUM(promises_on_time), SUM(feedback_received), SUM(feedback_on_time)
            FROM (
              SELECT centre, service_day AS day, field, COUNT(*) AS issued, COUNT(*) FILTER (WHERE state = 'done') AS served,
                COUNT(*) FILTER (WHERE state = 'no-show') AS no_shows, COUNT(first_called_at) AS waited,
                COALESCE(SUM(EXTRACT(EPOCH FROM first_called_at - issued_at)), 0)::bigint AS wait_seconds,
                0 AS ratings, 0 AS satisfied, 0 AS same_day_counted, 0 AS same_day_resolved, 0 AS promises,
                0 AS promises_returned, 0 AS promises_on_time, 0 AS feedback_received, 0 AS feedback_on_time
              FROM ticket WHERE \(scope("service_day")) GROUP BY centre, service_day, field
              UNION ALL
              SELECT centre, service_day, COALESCE(field, ''), \(zeros(5)), COUNT(*), COUNT(*) FILTER (WHERE level <= 2), \(zeros(7))
              FROM rating WHERE \(scope("service_day")) GROUP BY 1, 2, 3
              UNION ALL
              SELECT centre, received_day, field, \(zeros(7)), COUNT(*) FILTER (WHERE same_day),
                COUNT(*) FILTER (WHERE same_day AND (returned_at AT TIME ZONE 'UTC' + interval '7 hours')::date = received_day),
                \(zeros(5))
              FROM dossier WHERE promised_at IS NOT NULL AND \(scope("received_day")) GROUP BY 1, 2, 3
              UNION ALL
              SELECT centre, promised_day, field, \(zeros(9)), COUNT(*), COUNT(returned_at),
                COUNT(*) FILTER (WHERE returned_at <= promised_at), \(zeros(2))
              FROM dossier WHERE promised_day IS NOT NULL AND \(scope("promised_day")) GROUP BY 1, 2, 3
              UNION ALL
              SELECT centre, service_day, COALESCE(field, ''), \(zeros(12)), COUNT(*),
                COUNT(*) FILTER (WHERE closed_at IS NOT NULL AND closed_at <= deadline)
              FROM feedback WHERE \(scope("service_day")) GROUP BY 1, 2, 3
            ) AS facts GROUP BY centre, day, field
            """
    }

    /// The rollup kept by PostgreSQL itself: statement triggers on the fact tables recompute the (centre, day)s a
    /// statement touched, from its transition tables, in the writer's transaction. So every writer keeps it exact —
    /// this build's replicator and a centre still running the previous version alike — and a batch sent twice
    /// recomputes the same rows. Recomputes of one centre take turns (a transaction lock on the centre), so two writers
    /// never insert the same rows. Dossiers get their Vietnam-time days from a row trigger for the same reason.
    static let triggers: [String] =
        [
            """
            CREATE FUNCTION rollup_days(p_centre TEXT, p_days DATE[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_advisory_xact_lock(7222, hashtext(p_centre));
              DELETE FROM day_field WHERE centre = p_centre AND day = ANY(p_days);
              \(insert { "centre = p_centre AND \($0) = ANY(p_days)" });
            END $$
            """,
            """
            CREATE FUNCTION dossier_days() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.received_day := (NEW.received_at AT TIME ZONE 'UTC' + interval '7 hours')::date;
              NEW.promised_day := (NEW.promised_at AT TIME ZONE 'UTC' + interval '7 hours')::date;
              RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER dossier_days BEFORE INSERT OR UPDATE ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_days()",
        ]
        + ["ticket", "rating", "feedback"].flatMap { table in
            [
                """
                CREATE FUNCTION \(table)_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE r RECORD;
                BEGIN
                  FOR r IN SELECT centre, array_agg(DISTINCT service_day) AS days FROM new_rows GROUP BY centre LOOP
                    PERFORM rollup_days(r.centre, r.days);
                  END LOOP;
                  RETURN NULL;
                END $$
                """,
                "CREATE TRIGGER \(table)_rollup_insert AFTER INSERT ON \(table) REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION \(table)_rollup()",
                "CREATE TRIGGER \(table)_rollup_update AFTER UPDATE ON \(table) REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION \(table)_rollup()",
            ]
        } + [
            // A dossier counts on the day received (same-day rule) and the day due; an update may move the due day away.
            """
            CREATE FUNCTION dossier_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE r RECORD;
            BEGIN
              IF TG_OP = 'UPDATE' THEN
                FOR r IN SELECT centre, array_agg(DISTINCT day) AS days FROM (
                    SELECT centre, received_day AS day FROM new_rows UNION SELECT centre, promised_day FROM new_rows
                    UNION SELECT centre, promised_day FROM old_rows) AS d WHERE day IS NOT NULL GROUP BY centre LOOP
                  PERFORM rollup_days(r.centre, r.days);
                END LOOP;
              ELSE
                FOR r IN SELECT centre, array_agg(DISTINCT day) AS days FROM (
                    SELECT centre, received_day AS day FROM new_rows UNION SELECT centre, promised_day FROM new_rows) AS d
                  WHERE day IS NOT NULL GROUP BY centre LOOP
                  PERFORM rollup_days(r.centre, r.days);
                END LOOP;
              END IF;
              RETURN NULL;
            END $$
            """,
            "CREATE TRIGGER dossier_rollup_insert AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_rollup()",
            "CREATE TRIGGER dossier_rollup_update AFTER UPDATE ON dossier REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_rollup()",
        ]
}
