import GRDB

/// Named migrations, applied in order; a database carrying a name this build does not know is newer than it.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalog", migrate: createCatalog)
        migrator.registerMigration("v1-tickets", migrate: createTickets)
        migrator.registerMigration("v1-users", migrate: createUsers)
        migrator.registerMigration("v2-print-jobs", migrate: createPrintJobs)
        migrator.registerMigration("v3-no-wait", migrate: createNoWait)
        migrator.registerMigration("v4-calendar-years", migrate: createCalendarYears)
        migrator.registerMigration("v5-report-days", migrate: createReportDays)
        migrator.registerMigration("v6-audit-log", migrate: createAuditLog)
        migrator.registerMigration("v7-store-use", migrate: createStoreUse)
        migrator.registerMigration("v8-dossier-desk", migrate: createDossierDesk)
        migrator.registerMigration("v9-out-of-order-calls", migrate: createOutOfOrderCalls)
        migrator.registerMigration("v10-requeue", migrate: createRequeue)
        migrator.registerMigration("v11-display-names", migrate: createDisplayNames)
        migrator.registerMigration("v12-hall-settings", migrate: createHallSettings)
        migrator.registerMigration("v13-transfer-to-counter", migrate: addTransferTarget)
        migrator.registerMigration("v14-bookings", migrate: createBookings)
        migrator.registerMigration("v15-citizens", migrate: createCitizenRecords)
        migrator.registerMigration("v16-sms", migrate: createSMSOutbox)
        migrator.registerMigration("v17-replication-log", migrate: createReplicationLog)
        migrator.registerMigration("v18-sms-phone-index", migrate: indexSMSPhones)
        return migrator
    }

    static func createCatalog(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE centre (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL);
                CREATE TABLE field (
                  code TEXT PRIMARY KEY, name TEXT NOT NULL, nameEn TEXT NOT NULL,
                  prefix TEXT NOT NULL UNIQUE, waitTargetMinutes INTEGER NOT NULL, position INTEGER NOT NULL);
                CREATE TABLE procedure (
                  code TEXT PRIMARY KEY, field TEXT NOT NULL REFERENCES field(code) ON DELETE CASCADE,
                  name TEXT NOT NULL, workingDays INTEGER NOT NULL, sameDayGroup INTEGER NOT NULL,
                  noWaitFriday BOOLEAN NOT NULL, position INTEGER NOT NULL);
                CREATE TABLE counter (
                  number INTEGER PRIMARY KEY, name TEXT NOT NULL,
                  paused BOOLEAN NOT NULL DEFAULT 0, priorityStreak INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE counterField (
                  counter INTEGER NOT NULL REFERENCES counter(number) ON DELETE CASCADE,
                  field TEXT NOT NULL REFERENCES field(code) ON DELETE CASCADE,
                  position INTEGER NOT NULL, PRIMARY KEY (counter, field));
                CREATE TABLE officeSession (id INTEGER PRIMARY KEY, start TEXT NOT NULL, end TEXT NOT NULL);
                """)
    }

    static func createTickets(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE dailySequence (
                  serviceDay TEXT NOT NULL, field TEXT NOT NULL, lastNumber INTEGER NOT NULL,
                  PRIMARY KEY (serviceDay, field));
                CREATE TABLE ticket (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, token TEXT NOT NULL UNIQUE,
                  serviceDay TEXT NOT NULL, issuedField TEXT NOT NULL, field TEXT NOT NULL,
                  number INTEGER NOT NULL, label TEXT NOT NULL, priority TEXT NOT NULL, state TEXT NOT NULL,
                  issuedAt INTEGER NOT NULL, calledAt INTEGER, servingAt INTEGER, endedAt INTEGER,
                  counter INTEGER, staff TEXT, recalls INTEGER NOT NULL DEFAULT 0, outcome TEXT, source TEXT,
                  UNIQUE (serviceDay, label));
                CREATE INDEX ticketByState ON ticket(serviceDay, state, field);
                -- Waiting tickets per day, field and priority, kept by triggers in the same transaction as the
                -- ticket change, so queue lengths cost O(fields) however long the queue.
                CREATE TABLE waitingCount (
                  serviceDay TEXT NOT NULL, field TEXT NOT NULL, priority BOOLEAN NOT NULL, n INTEGER NOT NULL,
                  PRIMARY KEY (serviceDay, field, priority));
                CREATE TRIGGER waitingCountOnIssue AFTER INSERT ON ticket WHEN new.state = 'waiting' BEGIN
                  INSERT INTO waitingCount VALUES (new.serviceDay, new.field, new.priority <> 'none', 1)
                  ON CONFLICT DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER waitingCountOnLeave AFTER UPDATE OF state, field ON ticket WHEN old.state = 'waiting' BEGIN
                  UPDATE waitingCount SET n = n - 1
                  WHERE serviceDay = old.serviceDay AND field = old.field AND priority = (old.priority <> 'none');
                END;
                CREATE TRIGGER waitingCountOnEnter AFTER UPDATE OF state, field ON ticket WHEN new.state = 'waiting' BEGIN
                  INSERT INTO waitingCount VALUES (new.serviceDay, new.field, new.priority <> 'none', 1)
                  ON CONFLICT DO UPDATE SET n = n + 1;
                END;
                CREATE INDEX ticketByCounter ON ticket(counter, state);
                CREATE TABLE event (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, ticket INTEGER NOT NULL REFERENCES ticket(id),
                  kind TEXT NOT NULL, at INTEGER NOT NULL, field TEXT NOT NULL, counter INTEGER, staff TEXT,
                  detail TEXT, snapshot TEXT NOT NULL);
                CREATE INDEX eventByTicket ON event(ticket);
                CREATE TRIGGER eventIsAppendOnlyUpdate BEFORE UPDATE ON event
                  BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END;
                CREATE TRIGGER eventIsAppendOnlyDelete BEFORE DELETE ON event
                  BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END;
                """)
    }

    static func createPrintJobs(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE printJob (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, ticket INTEGER NOT NULL REFERENCES ticket(id),
                  printer TEXT NOT NULL, state TEXT NOT NULL, error TEXT,
                  createdAt INTEGER NOT NULL, finishedAt INTEGER);
                CREATE INDEX printJobByState ON printJob(state, createdAt);
                """)
    }

    static func createUsers(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE user (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                  role TEXT NOT NULL, counter INTEGER, passwordHash TEXT NOT NULL, createdAt INTEGER NOT NULL);
                CREATE TABLE authSession (
                  tokenHash TEXT PRIMARY KEY, user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                  expiresAt INTEGER NOT NULL);
                """)
    }

    /// Ratings, dossiers with their promises, device bindings; the first call and the estimate given at issue
    /// are kept on the ticket so reports measure the real wait and the estimate's accuracy.
    static func createNoWait(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE ticket ADD COLUMN firstCalledAt INTEGER;
                ALTER TABLE ticket ADD COLUMN estimatedWaitMinutes INTEGER;
                UPDATE ticket SET firstCalledAt = calledAt;
                CREATE TABLE rating (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, serviceDay TEXT NOT NULL,
                  counter INTEGER NOT NULL, ticket INTEGER REFERENCES ticket(id), field TEXT, staff TEXT,
                  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4), source TEXT NOT NULL, device TEXT);
                CREATE INDEX ratingByDay ON rating(serviceDay, counter);
                CREATE INDEX ratingByTicket ON rating(ticket);
                CREATE TABLE dossier (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, ticket INTEGER REFERENCES ticket(id), procedure TEXT NOT NULL,
                  field TEXT NOT NULL, complete BOOLEAN NOT NULL, receivedAt INTEGER NOT NULL, serviceDay TEXT NOT NULL,
                  promisedAt INTEGER, rule TEXT, sameDay BOOLEAN NOT NULL, counter INTEGER, staff TEXT, returnedAt INTEGER);
                CREATE INDEX dossierByDay ON dossier(serviceDay);
                CREATE INDEX dossierOpen ON dossier(returnedAt, promisedAt);
                CREATE TABLE deviceBinding (device TEXT PRIMARY KEY, counter INTEGER, updatedAt INTEGER NOT NULL);
                """)
    }

    /// Calendar years the admin edited or added (the JSON of `assets/calendar/YYYY.json`); they override the
    /// shipped files, so an upgrade never undoes the centre's corrections.
    static func createCalendarYears(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE calendarYear (year INTEGER PRIMARY KEY, json TEXT NOT NULL, updatedAt INTEGER NOT NULL, updatedBy TEXT);
                """)
    }

    /// Each closed day's ticket tallies, counted once for reports (a year report merges ~245 of them instead of
    /// re-reading a million tickets). Any change to a ticket of a day drops that day's tallies; `targetsKey`
    /// holds the wait targets they were counted against, so changed targets recount. No trigger on INSERT:
    /// tickets are only ever issued for today, which is never stored, and a trigger there halved the issue
    /// rate (measured: 1,080 vs 1,660 req/s).
    static func createReportDays(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE reportDay (serviceDay TEXT PRIMARY KEY, targetsKey TEXT NOT NULL, data BLOB NOT NULL);
                CREATE TRIGGER reportDayOnTicketUpdate AFTER UPDATE ON ticket BEGIN
                  DELETE FROM reportDay WHERE serviceDay IN (old.serviceDay, new.serviceDay);
                END;
                """)
    }

    /// Who changed what and when, from which client address, with the value before and after (JSON text):
    /// sign-ins and lockouts, catalog, account, calendar and device-binding edits, dossier returns.
    /// Append-only, like `event`.
    static func createAuditLog(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE auditLog (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT, action TEXT NOT NULL,
                  target TEXT, client TEXT, before TEXT, after TEXT);
                CREATE TRIGGER auditLogIsAppendOnlyUpdate BEFORE UPDATE ON auditLog
                  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                CREATE TRIGGER auditLogIsAppendOnlyDelete BEFORE DELETE ON auditLog
                  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                """)
    }

    /// Whether the store holds a real hall's tickets or a training run's (`serve --now`), fixed at its first serve.
    static func createStoreUse(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE storeUse (
                  id INTEGER PRIMARY KEY CHECK (id = 1), training INTEGER NOT NULL, since INTEGER NOT NULL);
                """)
    }

    /// The dossier desk: who handed the dossier in (name and phone, so the result can be found and returned), and,
    /// when the result will be late, the reason and the new return instant the apology letter gives. `citizenKey`
    /// is the name folded to lower-case ASCII ("nguyen van an"), so a search without diacritics finds it.
    static func createDossierDesk(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE dossier ADD COLUMN citizenName TEXT;
                ALTER TABLE dossier ADD COLUMN citizenKey TEXT;
                ALTER TABLE dossier ADD COLUMN citizenPhone TEXT;
                ALTER TABLE dossier ADD COLUMN lateReason TEXT;
                ALTER TABLE dossier ADD COLUMN newPromisedAt INTEGER;
                CREATE INDEX dossierByPhone ON dossier(citizenPhone);
                """)
    }

    /// Tickets an officer called ahead of the queue, with the reason they gave; reports list them.
    static func createOutOfOrderCalls(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE outOfOrderCall (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, ticket INTEGER NOT NULL REFERENCES ticket(id),
                  serviceDay TEXT NOT NULL, at INTEGER NOT NULL, counter INTEGER NOT NULL, staff TEXT, reason TEXT NOT NULL,
                  skipped INTEGER NOT NULL);
                CREATE INDEX outOfOrderCallByDay ON outOfOrderCall(serviceDay);
                """)
    }

    /// Where a ticket stands in its queue when that is not its issue time: a no-show put back at a chosen place.
    /// The queue orders by `COALESCE(queuedAt, issuedAt)`; waits are still measured from `issuedAt`.
    static func createRequeue(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE ticket ADD COLUMN queuedAt INTEGER")
    }

    /// Officers' names as citizens and reports read them; the username stays the sign-in and the stable code.
    static func createDisplayNames(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE user ADD COLUMN displayName TEXT")
    }

    /// What the admin sets from the browser beyond the catalog (the hall's name on paper and screen, logo,
    /// footer and ticker line; office hours; targets), one JSON value per key; and each procedure's document
    /// checklist and fee.
    static func createHallSettings(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE hallSetting (key TEXT PRIMARY KEY, json TEXT NOT NULL, updatedAt INTEGER NOT NULL, updatedBy TEXT);
                ALTER TABLE procedure ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE procedure ADD COLUMN fee TEXT NOT NULL DEFAULT '';
                """)
    }

    /// A transfer may name the counter that takes the ticket (others skip it) and a note for its officer.
    static func addTransferTarget(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE ticket ADD COLUMN forCounter INTEGER;
                ALTER TABLE ticket ADD COLUMN note TEXT;
                """)
    }

    /// Bookings (đặt lịch hẹn): one row per booked place, kept after check-in, cancel or release for the report;
    /// a checked-in booking's ticket carries its slot's start (`bookedSlot`), which places it in the queue.
    static func createBookings(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE booking (
                  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, field TEXT NOT NULL, day TEXT NOT NULL, slot TEXT NOT NULL,
                  slotStart INTEGER NOT NULL, state TEXT NOT NULL DEFAULT 'booked', createdAt INTEGER NOT NULL, bookedBy TEXT,
                  source TEXT, ticket INTEGER, endedAt INTEGER);
                CREATE INDEX booking_slot ON booking (field, day, slot);
                CREATE INDEX booking_open ON booking (state, slotStart);
                ALTER TABLE ticket ADD COLUMN bookedSlot INTEGER;
                """)
    }

    /// What citizens leave beyond a ticket: the reason for a "not satisfied" rating; the name and last four ID
    /// digits a scanned ID card puts on a ticket or a booking (never the full number); and feedback items
    /// (phản ánh, kiến nghị) with every step's time, the deadline in working days and who handles them.
    static func createCitizenRecords(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE rating ADD COLUMN reason TEXT;
                ALTER TABLE ticket ADD COLUMN citizenName TEXT;
                ALTER TABLE ticket ADD COLUMN citizenIdLast4 TEXT;
                ALTER TABLE booking ADD COLUMN citizenName TEXT;
                ALTER TABLE booking ADD COLUMN citizenKey TEXT;
                ALTER TABLE booking ADD COLUMN citizenIdLast4 TEXT;
                CREATE TABLE feedback (
                  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, subject TEXT NOT NULL, text TEXT NOT NULL, contact TEXT,
                  channel TEXT NOT NULL, ticket INTEGER REFERENCES ticket(id), dossier TEXT, status TEXT NOT NULL,
                  kind TEXT, field TEXT, officerConcerned TEXT, assignee TEXT, answer TEXT, receivedBy TEXT,
                  receivedAt INTEGER NOT NULL, serviceDay TEXT NOT NULL, deadline INTEGER NOT NULL,
                  classifiedAt INTEGER, assignedAt INTEGER, answeredAt INTEGER, closedAt INTEGER);
                CREATE INDEX feedback_open ON feedback (status, deadline);
                CREATE INDEX feedback_day ON feedback (serviceDay);
                CREATE INDEX feedback_assignee ON feedback (assignee, status);
                """)
    }

    /// Text messages: the stored, retried outbox, and the phone a citizen gave with consent on their ticket or
    /// booking (cleared after that service day; the outbox keeps the text, not the phone).
    static func createSMSOutbox(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE smsOutbox (
                  id INTEGER PRIMARY KEY, phone TEXT, text TEXT NOT NULL, kind TEXT NOT NULL, serviceDay TEXT NOT NULL,
                  state TEXT NOT NULL DEFAULT 'queued', attempts INTEGER NOT NULL DEFAULT 0, nextAttemptAt INTEGER NOT NULL,
                  lastError TEXT, createdAt INTEGER NOT NULL, sentAt INTEGER, reference INTEGER, ticket INTEGER, booking TEXT);
                CREATE INDEX smsOutbox_due ON smsOutbox (state, nextAttemptAt);
                ALTER TABLE ticket ADD COLUMN smsPhone TEXT;
                ALTER TABLE ticket ADD COLUMN smsNearAt INTEGER;
                ALTER TABLE booking ADD COLUMN smsPhone TEXT;
                """)
    }

    /// What province replication sends beyond the ticket event log: every new or changed rating, dossier, feedback
    /// item and booking, as (kind, key) in commit order, filled by triggers (the rows already stored are logged once
    /// here). The replicator reads it after its cursor; nothing is deleted from it by the hall.
    static func createReplicationLog(_ db: Database) throws {
        var sql = "CREATE TABLE replicationLog (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, key TEXT NOT NULL);\n"
        for (table, key) in [("rating", "id"), ("dossier", "id"), ("feedback", "code"), ("booking", "code")] {
            sql += "INSERT INTO replicationLog (kind, key) SELECT '\(table)', \(key) FROM \(table) ORDER BY rowid;\n"
            for (event, name) in [("INSERT", "Insert"), ("UPDATE", "Update")] {
                sql += """
                    CREATE TRIGGER \(table)Replicate\(name) AFTER \(event) ON \(table)
                      BEGIN INSERT INTO replicationLog (kind, key) VALUES ('\(table)', new.\(key)); END;

                    """
            }
        }
        try db.execute(sql: sql)
    }

    /// The phones still kept, by day: the SMS outbox clears past days' phones every 2 s, and without these the
    /// update scanned every ticket in the writer — on a year of history (1M tickets) each pass held ticket issue
    /// for about 350 ms. Partial indexes: only the few rows that still hold a phone are in them.
    static func indexSMSPhones(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX ticket_smsPhone ON ticket (serviceDay) WHERE smsPhone IS NOT NULL;
                CREATE INDEX booking_smsPhone ON booking (day) WHERE smsPhone IS NOT NULL;
                CREATE INDEX smsOutbox_phone ON smsOutbox (serviceDay) WHERE phone IS NOT NULL;
                """)
    }
}
