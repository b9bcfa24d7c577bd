public import Logging
public import ServiceLifecycle

/// Creates or updates the province schema once the pool runs, so the app answers before any centre has connected.
public struct ProvinceMigration: Service {
    let database: ProvinceDatabase
    let logger: Logger

    public init(database: ProvinceDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled {
            do {
                try await database.migrate()
                return
            } catch {
                logger.warning("Province schema not ready yet; retrying", metadata: ["error": "\(error)"])
                try await Task.sleep(for: .seconds(2))
            }
        }
    }
}
