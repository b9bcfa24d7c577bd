import Foundation

/// The province database's schema, one numbered migration at a time (`schema_migration` records what ran). A centre
/// and the province app both migrate at start, under an advisory lock, so the first one up creates the schema and
/// the other waits. Only codes and figures: no names, phones or ID digits of citizens, officers as usernames.
public enum ProvinceSchema {
    /// (version, name, SQL), in order; never edit a published one, add the next. Statements are separated by `;`
    /// outside `$$` bodies (see `statements(_:)`).
    static let migrations: [(version: Int, name: String, sql: String)] = [
        (
            1, "v1-facts",
            """
            CREATE TABLE centre (
              code TEXT PRIMARY KEY, name TEXT NOT NULL, centre_version INT NOT NULL, first_seen TIMESTAMPTZ NOT NULL,
              last_seen TIMESTAMPTZ NOT NULL, service_day DATE, issued_today INT NOT NULL DEFAULT 0,
              served_today INT NOT NULL DEFAULT 0, waiting INT NOT NULL DEFAULT 0, open_counters INT NOT NULL DEFAULT 0,
              longest_wait_seconds INT NOT NULL DEFAULT 0, device_alerts INT NOT NULL DEFAULT 0);
            CREATE TABLE replication_cursor (
              centre TEXT NOT NULL REFERENCES centre (code), source TEXT NOT NULL, position BIGINT NOT NULL,
              PRIMARY KEY (centre, source));
            CREATE TABLE ticket (
              centre TEXT NOT NULL, id BIGINT NOT NULL, service_day DATE NOT NULL, field TEXT NOT NULL, priority TEXT NOT NULL,
              state TEXT NOT NULL, issued_at TIMESTAMPTZ NOT NULL, first_called_at TIMESTAMPTZ, ended_at TIMESTAMPTZ,
              counter INT, staff TEXT, booked BOOLEAN NOT NULL, PRIMARY KEY (centre, id));
            CREATE INDEX ticket_by_day ON ticket (service_day, centre, field);
            CREATE TABLE rating (
              centre TEXT NOT NULL, id BIGINT NOT NULL, service_day DATE NOT NULL, at TIMESTAMPTZ NOT NULL, field TEXT,
              counter INT NOT NULL, staff TEXT, level SMALLINT NOT NULL, reason TEXT, PRIMARY KEY (centre, id));
            CREATE INDEX rating_by_day ON rating (service_day, centre);
            CREATE TABLE dossier (
              centre TEXT NOT NULL, id BIGINT NOT NULL, service_day DATE NOT NULL, field TEXT NOT NULL, procedure TEXT NOT NULL,
              same_day BOOLEAN NOT NULL, received_at TIMESTAMPTZ NOT NULL, promised_at TIMESTAMPTZ, returned_at TIMESTAMPTZ,
              counter INT, staff TEXT, PRIMARY KEY (centre, id));
            CREATE INDEX dossier_by_promise ON dossier (promised_at);
            CREATE TABLE feedback (
              centre TEXT NOT NULL, code TEXT NOT NULL, service_day DATE NOT NULL, kind TEXT, field TEXT, status TEXT NOT NULL,
              received_at TIMESTAMPTZ NOT NULL, deadline TIMESTAMPTZ NOT NULL, closed_at TIMESTAMPTZ, PRIMARY KEY (centre, code));
            CREATE TABLE booking (
              centre TEXT NOT NULL, code TEXT NOT NULL, day DATE NOT NULL, field TEXT NOT NULL, state TEXT NOT NULL,
              PRIMARY KEY (centre, code));
            """
        ),
        (
            2, "v2-day-rollup",
            """
            ALTER TABLE dossier ADD COLUMN received_day DATE, ADD COLUMN promised_day DATE;
            UPDATE dossier SET received_day = (received_at AT TIME ZONE 'UTC' + interval '7 hours')::date,
              promised_day = (promised_at AT TIME ZONE 'UTC' + interval '7 hours')::date;
            CREATE INDEX dossier_by_received_day ON dossier (centre, received_day);
            CREATE INDEX dossier_by_promised_day ON dossier (centre, promised_day);
            CREATE INDEX feedback_by_day ON feedback (centre, service_day);
            CREATE INDEX rating_by_centre_day ON rating (centre, service_day);
            CREATE INDEX ticket_by_centre_day ON ticket (centre, service_day);
            CREATE TABLE day_field (
              centre TEXT NOT NULL, day DATE NOT NULL, field TEXT NOT NULL,
              issued INT NOT NULL, served INT NOT NULL, no_shows INT NOT NULL, waited INT NOT NULL, wait_seconds BIGINT NOT NULL,
              ratings INT NOT NULL, satisfied INT NOT NULL, same_day_counted INT NOT NULL, same_day_resolved INT NOT NULL,
              promises INT NOT NULL, promises_returned INT NOT NULL, promises_on_time INT NOT NULL,
              feedback_received INT NOT NULL, feedback_on_time INT NOT NULL,
              PRIMARY KEY (day, centre, field));
            """ + ProvinceRollup.insert { _ in "TRUE" } + ";\n" + ProvinceRollup.triggers.joined(separator: ";\n")
        ),
        (
            3, "v3-office-users",
            """
            CREATE TABLE office_user (
              username TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('admin', 'viewer')), password_hash TEXT NOT NULL,
              created_at TIMESTAMPTZ NOT NULL DEFAULT now());
            CREATE TABLE office_session (
              token_hash TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES office_user (username) ON DELETE CASCADE,
              expires_at TIMESTAMPTZ NOT NULL)
            """
        ),
    ]

    /// A migration's statements, one per query (the extended protocol takes no more): split on `;` outside the
    /// `$$ … $$` bodies of functions.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inBody = false
        var rest = Substring(sql)
        while let first = rest.first {
            if rest.hasPrefix("$$") {
                inBody.toggle()
                current += "$$"
                rest = rest.dropFirst(2)
                continue
            }
            if first == ";" && !inBody {
                statements.append(current)
                current = ""
            } else {
                current.append(first)
            }
            rest = rest.dropFirst()
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The newest version this build knows.
    public static var current: Int { migrations.last?.version ?? 0 }
}
