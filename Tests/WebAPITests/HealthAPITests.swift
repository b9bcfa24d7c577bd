import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueStore
import Testing
import WebAPI

/// `GET /api/v1/health` stays 200 while the server serves and says how each part is.
@Suite("Health")
struct HealthAPITests {
    /// Two printers as the device loops report them: one printing, one out of paper.
    struct TwoPrinters: DeviceDirectory {
        func devices() async -> [DeviceInfo] {
            [
                DeviceInfo(
                    id: "kiosk-1", kind: .printer, profile: "xprinter-80mm", name: "Máy in kiosk 1", port: "usb:1-1", counter: nil,
                    status: .ok, statusText: "sẵn sàng", statusTextEn: "ready", lastSeen: nil, simulated: false),
                DeviceInfo(
                    id: "kiosk-2", kind: .printer, profile: "xprinter-80mm", name: "Máy in kiosk 2", port: "usb:1-2", counter: nil,
                    status: .error, statusText: "hết giấy", statusTextEn: "out of paper", lastSeen: nil, simulated: false),
            ]
        }
        func bind(_ id: String, counter: Int?) async throws -> DeviceInfo { throw HarnessError("not bindable") }
        func test(_ id: String) async throws -> DeviceTestResult { throw HarnessError("not testable") }
        func type(_ id: String, keys: String) async throws -> [String] { [] }
    }

    static func parts(_ body: [String: Any]) -> [String: [String: Any]] {
        let parts = body["parts"] as? [[String: Any]] ?? []
        return Dictionary(parts.map { (($0["id"] as? String) ?? ($0["part"] as? String ?? "?"), $0) }) { first, _ in first }
    }

    @Test func aNewDataDirectoryIsOkWithNoBackupYet() async throws {
        let hall = try await TestHall()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-health-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var settings = hall.settings
        settings.health = HealthSources(dataDirectory: directory)
        let kiosk = KioskApp(database: hall.database, settings: settings, clock: hall.clock)
        try await withAPI(hall, kiosk: kiosk) { client in
            let response = try await client.json("/api/v1/health")
            #expect(response.status == .ok)
            let body = try response.object()
            #expect(body["status"] as? String == "ok")
            let parts = Self.parts(body)
            #expect(Set(parts.keys) == ["database", "disk", "backup"])
            #expect(parts["backup"]?["messageEn"] as? String == "No backup yet (the first nightly backup runs after closing).")
            #expect((parts["disk"]?["messageEn"] as? String)?.hasSuffix("MB free on the data disk.") == true)
        }
    }

    /// The spoken calls' clips are made in the background at start: the part shows how far, and says what to
    /// install when espeak-ng is missing (the display then shows text only: `degraded`).
    @Test func theVoicePartShowsTheWarmUpAndAMissingSynthesiser() async throws {
        let hall = try await TestHall()
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let synthesiser = CountingSynthesiser()
        var settings = hall.settings
        let library = VoiceLibrary(directory: directory, synthesiser: synthesiser)
        settings.voice = library
        try await withAPI(hall, kiosk: KioskApp(database: hall.database, settings: settings, clock: hall.clock)) { client in
            var voice = Self.parts(try await client.json("/api/v1/health").object())["voice"]
            #expect(voice?["status"] as? String == "ok")
            #expect(voice?["messageEn"] as? String == "Starting to prepare the spoken calls.")
            #expect(voice?["progress"] == nil)
            let clips = try await library.warmUp()
            #expect(clips == synthesiser.count && clips > 100)
            let body = try await client.json("/api/v1/health").object()
            voice = Self.parts(body)["voice"]
            #expect(body["status"] as? String == "ok")
            #expect(voice?["message"] as? String == "Giọng đọc số gọi sẵn sàng (\(clips) đoạn).")
            #expect(voice?["progress"] as? [String: Int] == ["done": clips, "total": clips])
        }
        let silent = VoiceLibrary(directory: directory, synthesiser: EspeakSynthesiser(executable: nil))
        settings.voice = silent
        try await withAPI(hall, kiosk: KioskApp(database: hall.database, settings: settings, clock: hall.clock)) { client in
            await #expect(throws: VoiceError.synthesiserMissing) { try await silent.warmUp() }
            let body = try await client.json("/api/v1/health").object()
            let voice = Self.parts(body)["voice"]
            #expect(body["status"] as? String == "degraded")
            #expect(voice?["status"] as? String == "degraded")
            #expect((voice?["message"] as? String)?.contains("sudo apt-get install espeak-ng") == true)
        }
    }

    @Test func withTheNightlyBackupOffTheBackupPartSaysSo() async throws {
        let hall = try await TestHall()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-health-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var settings = hall.settings
        settings.health = HealthSources(dataDirectory: directory, nightlyBackup: false)
        try await withAPI(hall, kiosk: KioskApp(database: hall.database, settings: settings, clock: hall.clock)) { client in
            let parts = Self.parts(try await client.json("/api/v1/health").object())
            #expect(parts["backup"]?["status"] as? String == "ok")
            #expect(parts["backup"]?["messageEn"] as? String == "The nightly backup is off (--backup-at off); no backup yet.")
        }
    }

    @Test func aPrinterOutOfPaperAndAFailedBackupDegradeTheHall() async throws {
        let hall = try await TestHall()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-health-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("backups"), withIntermediateDirectories: true)
        try Data().write(to: directory.appendingPathComponent("backups/khongcho-2026-03-01.sqlite"))
        var settings = hall.settings
        settings.health = HealthSources(dataDirectory: directory)
        try await withAPI(hall, kiosk: KioskApp(database: hall.database, settings: settings, clock: hall.clock, devices: TwoPrinters())) {
            client in
            let body = try await client.json("/api/v1/health").object()
            let parts = Self.parts(body)
            #expect(body["status"] as? String == "degraded")
            #expect(parts["backup"]?["messageEn"] as? String == "Latest backup: khongcho-2026-03-01.sqlite.")
            #expect(parts["kiosk-1"]?["status"] as? String == "ok")
            #expect(parts["kiosk-2"]?["status"] as? String == "degraded")
            #expect(parts["kiosk-2"]?["messageEn"] as? String == "Máy in kiosk 2: out of paper")
        }
        settings.health = HealthSources(
            dataDirectory: directory, lastBackup: { .failed("disk full", at: Date(timeIntervalSince1970: 1_772_400_000)) })
        try await withAPI(hall, kiosk: KioskApp(database: hall.database, settings: settings, clock: hall.clock)) { client in
            let parts = Self.parts(try await client.json("/api/v1/health").object())
            #expect(parts["backup"]?["status"] as? String == "degraded")
            #expect((parts["backup"]?["messageEn"] as? String)?.hasSuffix("failed: disk full") == true)
        }
    }

    @Test func aClosedStoreIsFailingButTheProbeStillAnswers200() async throws {
        let hall = try await TestHall()
        try hall.database.close()
        try await withAPI(hall) { client in
            let response = try await client.json("/api/v1/health")
            #expect(response.status == .ok)
            let body = try response.object()
            #expect(body["status"] as? String == "failing")
            #expect(Self.parts(body)["database"]?["status"] as? String == "failing")
        }
    }
}
