public import Foundation
public import Hall
import Hummingbird
import QueueStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `GET /api/v1/health` looks besides the store and the devices: the data directory (free disk space,
/// `backups/`) and the nightly backup's last outcome. Nil directory: an in-memory store (tests), no such parts.
public struct HealthSources: Sendable {
    public var dataDirectory: URL?
    /// false: `--backup-at off`, so the backup part says none is taken here.
    public var nightlyBackup: Bool
    public var lastBackup: @Sendable () -> NightlyBackup.Outcome?
    /// Free space under which the disk part is `degraded`, then `failing`.
    public var diskDegradedBytes: Int64 = 1_000_000_000
    public var diskFailingBytes: Int64 = 100_000_000

    public init(
        dataDirectory: URL? = nil, nightlyBackup: Bool = true, lastBackup: @escaping @Sendable () -> NightlyBackup.Outcome? = { nil }
    ) {
        self.dataDirectory = dataDirectory
        self.nightlyBackup = nightlyBackup
        self.lastBackup = lastBackup
    }
}

/// `GET /api/v1/health`: always `200` while the server serves (it is the start-up probe); the body says how each
/// part is — the database, the disk, each device, the last backup — and the worst of them as `status`.
struct HealthRoutes {
    let database: AppDatabase
    let devices: any DeviceDirectory
    let sources: HealthSources
    /// The spoken calls' clips; nil when the server runs without voice (tests), then no such part.
    var voice: VoiceLibrary?

    /// How one part is; `ok` < `degraded` < `failing`.
    enum Level: String, Encodable, Comparable {
        case ok, degraded, failing
        static func < (lhs: Level, rhs: Level) -> Bool { lhs.order < rhs.order }
        private var order: Int { [.ok: 0, .degraded: 1, .failing: 2][self] ?? 0 }
    }

    struct Part: Encodable {
        let part: String
        var id: String?
        let status: Level
        let message: String
        let messageEn: String
        /// Work under way at start (the voice clips): how much is done.
        var progress: Progress?
    }

    struct Progress: Encodable {
        let done: Int
        let total: Int
    }

    struct Report: Encodable {
        let status: Level
        let parts: [Part]
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/health") { _, _ in JSON(await report()) }
    }

    func report() async -> Report {
        var parts = [await databasePart()]
        if let directory = sources.dataDirectory {
            parts.append(diskPart(directory))
            parts.append(backupPart(directory.appendingPathComponent("backups")))
        }
        if let voice { parts.append(Self.voicePart(await voice.readiness)) }
        parts += await devices.devices().map(devicePart)
        return Report(status: parts.map(\.status).max() ?? .ok, parts: parts)
    }

    func databasePart() async -> Part {
        do {
            try await database.ping()
            return Part(part: "database", status: .ok, message: "Cơ sở dữ liệu hoạt động.", messageEn: "The database answers.")
        } catch {
            let store = StoreError(storage: error)
            return Part(
                part: "database", status: .failing, message: store?.message ?? "Cơ sở dữ liệu lỗi: \(error)",
                messageEn: store?.messageEn ?? "The database fails: \(error)")
        }
    }

    func diskPart(_ directory: URL) -> Part {
        var info = statvfs()
        guard statvfs(directory.path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            return Part(
                part: "disk", status: .failing, message: "Không đọc được dung lượng đĩa của \(directory.path): \(reason)",
                messageEn: "Cannot read the free space of \(directory.path): \(reason)")
        }
        let free = Int64(info.f_bavail) * Int64(info.f_frsize)
        let megabytes = free / 1_000_000
        let level: Level = free < sources.diskFailingBytes ? .failing : free < sources.diskDegradedBytes ? .degraded : .ok
        return Part(
            part: "disk", status: level, message: "Còn trống \(megabytes) MB trên đĩa dữ liệu.",
            messageEn: "\(megabytes) MB free on the data disk.")
    }

    func backupPart(_ directory: URL) -> Part {
        if case .failed(let reason, let at) = sources.lastBackup() {
            return Part(
                part: "backup", status: .degraded, message: "Sao lưu lúc \(Self.time(at)) không thành công: \(reason)",
                messageEn: "The backup at \(Self.time(at)) failed: \(reason)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []  // no directory yet: none
        guard let newest = names.compactMap(BackupSchedule.day(ofFile:)).max() else {
            guard sources.nightlyBackup else {
                return Part(
                    part: "backup", status: .ok, message: "Sao lưu hằng đêm đã tắt (--backup-at off); chưa có bản sao lưu nào.",
                    messageEn: "The nightly backup is off (--backup-at off); no backup yet.")
            }
            return Part(
                part: "backup", status: .ok, message: "Chưa có bản sao lưu nào (sao lưu đêm đầu tiên sau giờ làm việc).",
                messageEn: "No backup yet (the first nightly backup runs after closing).")
        }
        let name = BackupSchedule.fileName(day: newest)
        return Part(
            part: "backup", status: .ok, message: "Bản sao lưu gần nhất: \(name).", messageEn: "Latest backup: \(name).")
    }

    /// Until the clips are made, calls are shown and spoken as far as clips exist: `ok`, with the progress.
    /// espeak-ng missing or failing leaves the display silent (text only): `degraded`, with what to install.
    static func voicePart(_ readiness: VoiceReadiness) -> Part {
        switch readiness {
        case .notStarted:
            Part(
                part: "voice", status: .ok, message: "Đang bắt đầu chuẩn bị giọng đọc số gọi.",
                messageEn: "Starting to prepare the spoken calls.")
        case .warming(let done, let total):
            Part(
                part: "voice", status: .ok, message: "Đang chuẩn bị giọng đọc số gọi: \(done)/\(total) đoạn.",
                messageEn: "Preparing the spoken calls: \(done) of \(total) clips.", progress: Progress(done: done, total: total))
        case .ready(let clips):
            Part(
                part: "voice", status: .ok, message: "Giọng đọc số gọi sẵn sàng (\(clips) đoạn).",
                messageEn: "Spoken calls ready (\(clips) clips).", progress: Progress(done: clips, total: clips))
        case .failed(let error):
            Part(part: "voice", status: .degraded, message: error.message, messageEn: error.englishMessage)
        }
    }

    func devicePart(_ device: DeviceInfo) -> Part {
        Part(
            part: "device", id: device.id, status: device.status == .ok ? .ok : .degraded,
            message: "\(device.name): \(device.statusText)", messageEn: "\(device.name): \(device.statusTextEn)")
    }

    static func time(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
    }
}
