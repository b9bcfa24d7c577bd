public import Foundation
import GRDB

/// A store holds either a real hall's tickets or a training run's (`serve --now`, the training clock), never both:
/// training numbers and waits must not reach a real report, and real tickets must not be served on a made-up clock.
/// The use is fixed the first time the store is served; a store from before this rule that already holds tickets
/// is a real one.
public struct StoreUseMismatch: Error, Sendable, Equatable {
    /// Which of the two refusals it is.
    public enum Code: String, Sendable {
        /// `--now` on a store that holds real tickets.
        case realStore = "real_store"
        /// No `--now` on a store first served for training.
        case trainingStore = "training_store"
    }

    public let code: Code

    public init(code: Code) { self.code = code }

    public var message: String {
        switch code {
        case .realStore:
            "Thư mục dữ liệu này chứa phiếu thật; không chạy đồng hồ đào tạo (--now) trên đó. Hãy dùng một --data khác cho đào tạo."
        case .trainingStore:
            "Thư mục dữ liệu này là dữ liệu đào tạo (đã chạy với --now); hãy chạy lại với --now, hoặc dùng một --data khác cho sảnh thật."
        }
    }

    public var messageEn: String {
        switch code {
        case .realStore:
            "This data directory holds real tickets; the training clock (--now) does not run on it. Use another --data for training."
        case .trainingStore:
            "This data directory holds training data (first served with --now); serve it with --now again, or use another --data for the real hall."
        }
    }
}

extension AppDatabase {
    /// True when the store was first served with the training clock.
    public func isTrainingStore() async throws -> Bool {
        try await writer.read { db in try Self.storedUse(db) ?? false }
    }

    /// The use fixed at the first serve: true for training, false for real, nil when never served since the rule.
    static func storedUse(_ db: Database) throws -> Bool? {
        try Bool.fetchOne(db, sql: "SELECT training FROM storeUse WHERE id = 1")
    }

    /// Fixes the store's use at its first serve, and refuses a serve of the other kind afterwards.
    public func claimUse(training: Bool, at now: Date) async throws {
        try await writer.write { db in
            if let stored = try Self.storedUse(db) {
                guard stored == training else { throw StoreUseMismatch(code: stored ? .trainingStore : .realStore) }
                return
            }
            if training, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ticket)") == true {
                throw StoreUseMismatch(code: .realStore)
            }
            try db.execute(
                sql: "INSERT INTO storeUse (id, training, since) VALUES (1, ?, ?)", arguments: [training, Millis.of(now)])
        }
    }
}
