/// The province database's schema, one numbered migration at a time (`schema_migration` records what ran). A centre
/// and the province app both migrate at start, under an advisory lock, so the first one up creates the schema and
/// the other waits. Only codes and figures: no names, phones or ID digits of citizens, officers as usernames.
enum ProvinceSchema {
    /// (version, name, SQL), in order; never edit a published one, add the next.
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
        )
    ]

    /// The newest version this build knows.
    static var current: Int { migrations.last?.version ?? 0 }
}
