public import Foundation
import GRDB
import QueueCore

extension AppDatabase {
    /// Stores a rating and attaches it to the ticket being served at `counter`, or the one that ended there
    /// within the attach window — unless that ticket is already rated. A rating with no ticket is stored
    /// unattached, never dropped; a repeat within the repeat window returns the earlier rating.
    public func recordRating(
        level: Int, counter: Int, source: Rating.Source, device: String? = nil, at now: Date,
        policy: RatingPolicy = RatingPolicy()
    ) async throws -> RecordedRating {
        guard (1...4).contains(level) else {
            throw QueueError.invalid(
                "Mức đánh giá phải từ 1 (rất hài lòng) đến 4 (không hài lòng), nhận được \(level).",
                "The rating level must be 1 (very satisfied) to 4 (dissatisfied), got \(level).")
        }
        return try await writer.write { db in
            _ = try counterRow(db, counter)
            if let previous = try latestRating(db, counter: counter), now.timeIntervalSince(previous.at) < policy.repeatWindow {
                return RecordedRating(rating: previous, repeated: true, event: nil)
            }
            let ticket = try ratableTicket(db, counter: counter, at: now, window: policy.attachWindow)
            try db.execute(
                sql: """
                    INSERT INTO rating (at, serviceDay, counter, ticket, field, staff, level, source, device)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Millis.of(now), VietnamTime.serviceDay(of: now), counter, ticket?.id, ticket?.field, ticket?.staff, level,
                    source.rawValue, device,
                ])
            let id = db.lastInsertedRowID
            let event = try ticket.map { try appendEvent(db, .rated, ticket: $0, at: now, staff: nil, detail: String(level)) }
            guard let rating = try fetchRating(db, id: id) else { throw QueueError.unknownTicket("rating \(id)") }
            return RecordedRating(rating: rating, repeated: false, event: event)
        }
    }

    /// Records why a "not satisfied" citizen was not satisfied: once per rating, within `window` of it.
    public func recordRatingReason(id: Int64, reason: DissatisfactionReason, at now: Date, window: TimeInterval = 600)
        async throws -> Rating
    {
        try await writer.write { db in
            guard let rating = try fetchRating(db, id: id) else {
                throw QueueError(.unknownRating, message: "Không có lượt đánh giá số \(id).", englishMessage: "No rating \(id).")
            }
            guard rating.level == 4, rating.reason == nil, now.timeIntervalSince(rating.at) <= window else {
                throw QueueError(
                    .ratingReason, message: "Lượt đánh giá này không nhận thêm lý do (chỉ một lần, ngay sau khi chọn “không hài lòng”).",
                    englishMessage: "This rating takes no reason (once only, right after a “not satisfied”).")
            }
            try db.execute(sql: "UPDATE rating SET reason = ? WHERE id = ?", arguments: [reason.rawValue, id])
            return try fetchRating(db, id: id)!
        }
    }

    /// Ratings given on service days `from`…`to` (inclusive, `YYYY-MM-DD`), optionally of one field or counter.
    public func ratings(from: String, to: String, field: String? = nil, counter: Int? = nil) async throws -> [Rating] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT rating.*, ticket.label FROM rating LEFT JOIN ticket ON ticket.id = rating.ticket
                    WHERE rating.serviceDay BETWEEN ? AND ? AND (?3 IS NULL OR rating.field = ?3) AND (?4 IS NULL OR rating.counter = ?4)
                    ORDER BY rating.at, rating.id
                    """,
                arguments: [from, to, field, counter]
            ).map(Rating.init(row:))
        }
    }

    func ratableTicket(_ db: Database, counter: Int, at now: Date, window: TimeInterval) throws -> Ticket? {
        let candidate = try Ticket.fetchOne(
            db,
            sql: """
                SELECT * FROM ticket WHERE counter = ? AND (state = 'serving' OR (state = 'done' AND endedAt >= ?))
                ORDER BY COALESCE(endedAt, servingAt) DESC LIMIT 1
                """,
            arguments: [counter, Millis.of(now.addingTimeInterval(-window))])
        guard let candidate else { return nil }
        let rated = try Bool.fetchOne(db, sql: "SELECT 1 FROM rating WHERE ticket = ?", arguments: [candidate.id]) ?? false
        return rated ? nil : candidate
    }

    func latestRating(_ db: Database, counter: Int) throws -> Rating? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT rating.*, ticket.label FROM rating LEFT JOIN ticket ON ticket.id = rating.ticket
                WHERE rating.counter = ? ORDER BY rating.id DESC LIMIT 1
                """,
            arguments: [counter]
        ).map(Rating.init(row:))
    }

    func fetchRating(_ db: Database, id: Int64) throws -> Rating? {
        try Row.fetchOne(
            db, sql: "SELECT rating.*, ticket.label FROM rating LEFT JOIN ticket ON ticket.id = rating.ticket WHERE rating.id = ?",
            arguments: [id]
        ).map(Rating.init(row:))
    }
}
