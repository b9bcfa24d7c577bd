import ArgumentParser
import DeviceIO
import DeviceProtocols
import Foundation
import Hall
import Hummingbird
import Logging
import QueueCore
import QueueStore
import ServiceLifecycle
import Simulators
import UnixSignals
import WebAPI

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chạy máy chủ / Run the controller.")

    enum DeviceMode: String, ExpressibleByArgument, CaseIterable {
        case auto, simulated, none
    }

    enum HIDKeypads: String, ExpressibleByArgument, CaseIterable {
        /// Only keypads whose VID:PID a profile in devices/keypads lists.
        case listed
        /// Also any USB boot keyboard (claims it: only on a box without a real keyboard).
        case all
        case off
    }

    @Option(help: "Tệp cấu hình YAML/JSON / settings file (default /etc/khongcho/khongcho.yaml when present); flags win.")
    var config: String?
    @Option(help: "Thư mục dữ liệu / data directory (SQLite, printed tickets).") var data = InstallPaths.data
    @Option(help: "Địa chỉ lắng nghe / listen address.") var host = "127.0.0.1"
    @Option(help: "Cổng / port.") var port = 8080
    @Option(help: "Thư mục assets (catalog, web pages).") var assets = InstallPaths.assets
    @Option(help: "auto: real USB devices when present, simulated otherwise; simulated; none.") var devices = DeviceMode.auto
    @Option(help: "Tickets per minute per client address; 0 turns limiting off.") var issueRateLimit = 30
    @Flag(help: "Trust X-Forwarded-For (only behind your own reverse proxy).") var trustProxy = false
    @Option(
        help: "A reverse proxy whose X-Forwarded-For is believed, as CIDR (repeatable; default 127.0.0.0/8 and ::1).")
    var trustedProxy: [String] = []
    @Option(help: "Address phones use to reach this server, e.g. http://192.168.1.10:8080 (for ticket QR links).")
    var publicUrl = ""
    @Flag(help: "Create demo accounts (admin, giamsat, quay1…quayN; password 'khongcho-demo') when none exist.")
    var demoAccounts = false
    @Option(help: "Thư mục hồ sơ thiết bị / device profiles directory (printers/*.json).") var devicesDirectory = InstallPaths.devices
    @Option(help: "Printer profile id for the simulated printer.") var simulatedPrinter = "xprinter-80mm"
    @Option(help: "Which printer a kiosk uses: KIOSK_ADDRESS=PRINTER_ID (repeatable).") var kioskPrinter: [String] = []
    @Option(help: "Giây tối đa máy kiosk chờ máy in / seconds the kiosk waits for its print job before answering 'queued'.")
    var printDeadline = 1.5
    @Option(help: "Serial counter display: PATH=PROFILE@COUNTER, e.g. /dev/ttyUSB0=epson-dmd-2x20@3 (repeatable).")
    var display: [String] = []
    @Option(help: "USB keypads to claim: listed (VID:PID in devices/keypads), all (any boot keyboard), off.")
    var hidKeypads = HIDKeypads.listed
    @Option(help: "Priority tickets a counter may call in a row before a waiting normal ticket must be called.")
    var maxConsecutivePriority = 2
    @Option(help: "Giây chờ phần đầu yêu cầu / seconds for a request head to arrive (and the longest pause in a body).")
    var headerTimeout = 10
    @Option(help: "Giây trước khi đóng kết nối nhàn rỗi / seconds before an idle kept-alive connection is closed.")
    var idleTimeout = 30
    @Option(help: "Kết nối mở tối đa từ một địa chỉ / open connections per client address; 0 = no limit.")
    var maxConnectionsPerClient = 64
    @Option(help: "Kết nối mở tối đa / open connections in all (also kept under the file limit); 0 = only that bound.")
    var maxConnections = 1024
    @Option(help: "Ngoài máy này, ai được đọc /metrics / who besides loopback may read /metrics, as CIDR (repeatable).")
    var metricsAllow: [String] = []
    @Option(
        help:
            "Giờ sao lưu hằng đêm (giờ Việt Nam), off = tắt / nightly backup time, HH:MM Vietnam time, into DATA/backups; off = none.")
    var backupAt = "21:00"
    @Option(help: "Chứng chỉ HTTPS (PEM, từ khongcho tls init) / HTTPS certificate chain, PEM (see khongcho tls init).")
    var tlsCert: String?
    @Option(help: "Khoá riêng của chứng chỉ / the certificate's PEM private key.") var tlsKey: String?
    @Option(help: "Cổng HTTPS; khi bật, trang cán bộ và đăng nhập chỉ qua HTTPS / HTTPS port; staff pages and sign-in then HTTPS only.")
    var tlsPort = 8443
    @Option(
        help: """
            Đồng hồ đào tạo: sảnh bắt đầu ở thời điểm này rồi chạy tiếp / training clock: the hall starts at this instant             (ISO 8601, e.g. 2026-12-07T08:00:00+07:00) and runs on; pages and prints say ĐÀO TẠO / TRAINING.
            """)
    var now: String?
    @Option(help: "Cổng AT của modem GSM để nhắn SMS / the GSM modem's AT port for text messages, e.g. /dev/ttyUSB0.")
    var smsModem: String?
    @Option(help: "Hồ sơ modem trong devices/modems / modem profile id (sim800-gsm: no diacritics; sim800-ucs2: Vietnamese).")
    var smsProfile = "sim800-gsm"
    @Option(
        help: "PostgreSQL của tỉnh để đồng bộ / the province's PostgreSQL, postgres://user@host:5432/db (sslmode=require off loopback).")
    var province: String?
    @Option(help: "Mã đơn vị của trung tâm này / this centre's unit code for the province, e.g. XA-PHU-QUOC (with --province).")
    var centre: String?
    @Option(help: "Số bản sao lưu hằng ngày giữ lại / daily backups kept.") var backupKeepDaily = 14
    @Option(help: "Số bản sao lưu hằng tháng giữ lại / monthly backups kept (the first of each month).") var backupKeepMonthly = 12

    func validate() throws {
        guard printDeadline > 0, printDeadline <= 30 else {
            throw ValidationError("--print-deadline phải trong (0, 30] giây / must be in (0, 30] seconds.")
        }
        guard headerTimeout > 0, idleTimeout > 0 else {
            throw ValidationError("--header-timeout và --idle-timeout phải > 0 / must be > 0 seconds.")
        }
        guard maxConnectionsPerClient >= 0, maxConnections >= 0 else {
            throw ValidationError("--max-connections(-per-client) phải ≥ 0 / must be ≥ 0 (0 = no limit).")
        }
        _ = try trustedProxies()
        _ = try backupSchedule()
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert và --tls-key phải đi cùng nhau / give both --tls-cert and --tls-key, or neither.")
        }
        guard tlsCert == nil || (tlsPort > 0 && tlsPort < 65536 && tlsPort != port) else {
            throw ValidationError("--tls-port phải là cổng khác --port / --tls-port must be a port other than --port.")
        }
        _ = try metricsAllowed()
        _ = try trainingStart()
        try validateProvince()
    }

    /// `--now` as an instant; nil without it.
    func trainingStart() throws -> Date? {
        guard let now else { return nil }
        guard let date = try? Date(now, strategy: .iso8601) else {
            throw ValidationError(
                "--now \(now): cần thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-07T08:00:00+07:00 / expected an ISO 8601 instant with its offset, e.g. 2026-12-07T08:00:00+07:00."
            )
        }
        return date
    }

    /// The hall's clock: the training clock with `--now`, the system's otherwise.
    func hallClock() throws -> any WallClock {
        try trainingStart().map { TrainingClock(start: $0) } ?? SystemWallClock()
    }

    /// Fixes the store's use (real or training) at its first serve, and refuses the other kind afterwards (exit 78).
    func claimUse(_ database: AppDatabase, clock: any WallClock, data: URL) async throws {
        do {
            try await database.claimUse(training: now != nil, at: clock.now())
        } catch let mismatch as StoreUseMismatch {
            throw StartupRefusal(
                code: .configuration,
                message:
                    "KhôngChờ không khởi động: \(mismatch.message) (\(data.path))\nKhôngChờ did not start: \(mismatch.messageEn) (\(data.path))"
            ).exit()
        }
    }

    /// `--tls-cert`/`--tls-key` read and checked before anything else starts; a file that cannot serve stops `serve`
    /// with exit 78 (configuration) naming it, which the service unit does not restart in a loop.
    func httpsListener() throws -> HTTPSListener? {
        guard let tlsCert, let tlsKey else { return nil }
        do {
            return try HTTPSListener(port: tlsPort, certificateFile: URL(fileURLWithPath: tlsCert), keyFile: URL(fileURLWithPath: tlsKey))
        } catch let error as TLSSetupError {
            throw StartupRefusal(
                code: .configuration,
                message: "KhôngChờ không khởi động: \(error.message)\nKhôngChờ did not start: \(error.messageEn)"
            ).exit()
        }
    }

    /// `--metrics-allow` as CIDR blocks.
    func metricsAllowed() throws -> [CIDRBlock] {
        try metricsAllow.map { text in
            guard let block = CIDRBlock(text) else {
                throw ValidationError(
                    "--metrics-allow \(text): cần một khối CIDR như 192.168.1.0/24 / expected a CIDR block such as 192.168.1.0/24.")
            }
            return block
        }
    }

    /// `--backup-at` and the two `--backup-keep-…` as the nightly schedule; nil for `off` (a centre that backs up the
    /// data directory its own way, and the end-to-end tests, whose outcome must not depend on the hour they run at).
    func backupSchedule() throws -> BackupSchedule? {
        guard backupKeepDaily >= 1, backupKeepMonthly >= 0 else {
            throw ValidationError("--backup-keep-daily phải ≥ 1 và --backup-keep-monthly ≥ 0 / must be ≥ 1 and ≥ 0.")
        }
        guard backupAt != "off" else { return nil }
        guard let schedule = BackupSchedule(time: backupAt, keepDaily: backupKeepDaily, keepMonthly: backupKeepMonthly) else {
            throw ValidationError("--backup-at \(backupAt): cần giờ dạng HH:MM, ví dụ 21:00 / expected HH:MM, e.g. 21:00, or off.")
        }
        return schedule
    }

    /// The link printed in QR codes and given by the API: `--public-url`, else this box's LAN address.
    var publicLink: PublicLink { PublicLink.resolve(configured: publicUrl, host: host, port: port) }

    /// `--trusted-proxy` as CIDR blocks (loopback when none is given).
    func trustedProxies() throws -> [CIDRBlock] {
        guard !trustedProxy.isEmpty else { return CIDRBlock.loopback }
        return try trustedProxy.map { text in
            guard let block = CIDRBlock(text) else {
                throw ValidationError(
                    """
                    --trusted-proxy \(text): cần một khối CIDR như 10.0.0.0/8 hoặc fd00::/8, không có bit máy sau tiền tố.                     Expected a CIDR block such as 10.0.0.0/8 or fd00::/8, with no host bits after the prefix.
                    """)
            }
            return block
        }
    }

    func run() async throws {
        var logger = Logger(label: "khongcho")
        logger.logLevel = .info
        let fileLimit = FileDescriptorLimit.raiseToHard()
        logger.info(
            "Open-file limit",
            metadata: [
                "soft": "\(fileLimit.map { "\($0.before) → \($0.after)" } ?? "unknown")",
                "hard": "\(fileLimit.map { "\($0.hard)" } ?? "unknown")",
            ])
        let assetsURL = URL(fileURLWithPath: assets)
        let dataURL = URL(fileURLWithPath: data)
        let https = try httpsListener()
        let clock = try hallClock()
        let (lock, database) = try openData(dataURL)
        defer { lock.release() }
        try await claimUse(database, clock: clock, data: dataURL)
        let caughtUp = try await database.reconcileDayCounters(from: VietnamTime.serviceDay(of: clock.now()))
        if caughtUp > 0 {
            logger.warning(
                "Day counters caught up with tickets already stored (a restore or an import)", metadata: ["counters": "\(caughtUp)"])
        }
        let catalog = try CatalogFile.load(assetsURL.appendingPathComponent("catalog.json"))
        if try database.seedCatalogIfEmpty(catalog) {
            logger.info("Loaded demo catalog", metadata: ["fields": "\(catalog.fields.count)", "counters": "\(catalog.counters.count)"])
        }
        if demoAccounts { try await DemoAccounts.create(in: database, logger: logger) }
        var settings = ServerSettings(assetsDirectory: assetsURL)
        settings.host = host
        settings.port = port
        settings.issueRateLimit = issueRateLimit
        settings.trustProxy = trustProxy
        settings.trustedProxies = try trustedProxies()
        let link = publicLink
        settings.publicURL = link.url
        settings.publicLink = link
        if let warning = link.warningEn { logger.warning("\(warning)") }
        settings.training = now != nil
        settings.connections = connectionLimits(softFileLimit: fileLimit?.after, logger: logger)
        let editedYears = try await database.editedCalendarYears()
        settings.calendar = try CalendarFiles.load(
            directory: assetsURL.appendingPathComponent("calendar"), sessions: try await database.catalog().sessions,
            overrides: editedYears, hours: try await database.hallSetting(.hours, as: HallHoursSettings.self))
        settings.editedCalendarYears = Set(editedYears.map(\.year))
        settings.targets = try await TargetsBook.load(file: assetsURL.appendingPathComponent("targets.json"), database: database)
        settings.voice = voice(data: dataURL, logger: logger)
        settings.look = try await HallLook.load(from: database)
        settings.booking = try await BookingRules.load(from: database)
        let sms = try smsSender(logger: logger)
        settings.smsCharset = sms?.profile.charset
        let events = HallEventHub(database: database)
        let alerts = AlertMonitor(database: database, targets: settings.targets, clock: clock, events: events)
        let backup = try backupSchedule().map { schedule in
            NightlyBackup(
                database: database, directory: dataURL.appendingPathComponent("backups"), schedule: schedule, alerts: alerts,
                clock: clock, logger: logger)
        }
        settings.health = HealthSources(dataDirectory: dataURL, nightlyBackup: backup != nil, lastBackup: { backup?.last })
        let catalogNow = try await database.catalog()
        let metrics = HallMetrics(fields: catalogNow.fields.map(\.code), counters: catalogNow.counters.map(\.number))
        metrics.observe(events: events, database: database)
        settings.metrics = metrics
        settings.metricsAllowed = try metricsAllowed()
        let replicator = try provinceReplicator(database: database, clock: clock, alerts: alerts, metrics: metrics, logger: logger)
        settings.replication = replicationReport(replicator)
        settings.tls = https
        let broadcaster = EventBroadcaster(events: events)
        let usb = usbMonitor(logger: logger)
        let printing = try await printing(
            database: database, data: dataURL, assets: assetsURL, look: settings.look, alerts: alerts, usb: usb, clock: clock,
            logger: logger)
        var testPage: (@Sendable (PrinterProfile) throws -> [UInt8])?
        if let output = printing.output as? PrintingTicketOutput {
            testPage = { profile in try output.testPage(for: profile) }
        }
        let counterDevices = try await CounterDevices(
            database: database, events: events, alerts: alerts, clock: clock, logger: logger,
            devicesDirectory: URL(fileURLWithPath: devicesDirectory)
        ).build(
            mode: devices, serialDisplays: display, hidKeypads: hidKeypads, printers: printing.registry, usb: usb,
            testPage: testPage)
        let kiosk = KioskApp(
            database: database, settings: settings, clock: clock, ticketOutput: printing.output, slipOutput: printing.slips,
            events: events, broadcaster: broadcaster, alerts: alerts, devices: counterDevices.directory)
        let apps = try kiosk.applications(settings: settings, logger: logger)
        let warmer = ReportWarmer(database: database, targets: settings.targets, clock: clock, logger: logger)
        let watch = StoreFileWatch(database: database, alerts: alerts, logger: logger)
        let services: [any Service] =
            apps + printing.services + counterDevices.services
            + [
                warmer, alerts, broadcaster, watch, StoreCheckpointService(database: database, logger: logger),
                BookingReleaser(database: database, rules: settings.booking, clock: clock, logger: logger),
            ]
            + (backup.map { [$0] } ?? [])
            + (sms.map { [SMSDispatcher(database: database, sender: $0, alerts: alerts, clock: clock, logger: logger)] } ?? [])
            + (replicator.map { [$0] } ?? [])
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("KhôngChờ serving on http://\(host):\(port) — /kiosk /display /staff /supervisor /admin/devices")
        if let https {
            logger.info(
                "HTTPS on https://\(host):\(https.port): staff, supervisor and admin pages and sign-in answer only there",
                metadata: ["certificateExpires": "\(https.notValidAfter.formatted(.iso8601))"])
        }
        try await group.run()
        // Requests in flight are finished and live streams were sent `event: shutdown`. Every print job is already
        // stored: the job at hand finishes and is recorded before the store closes, the ones behind it stay
        // `queued` and the next start lists them for reprint. No backup runs here.
        if let registry = printing.registry {
            let left = await registry.stopPrinting(within: .seconds(2))
            if left > 0 { logger.warning("Print jobs left queued at shutdown for the next start", metadata: ["jobs": "\(left)"]) }
        }
        try database.close()
        logger.info("KhôngChờ stopped: the database is checkpointed into one file")
    }

    /// Takes the data directory's lock (one server per directory, for the whole run), then opens the store after
    /// `PRAGMA quick_check`. A refusal prints why (and how to restore) on stderr and ends with its own exit code.
    func openData(_ dataURL: URL) throws -> (DataDirectoryLock, AppDatabase) {
        let lock: DataDirectoryLock
        do {
            try FileManager.default.createDirectory(at: dataURL, withIntermediateDirectories: true)
            lock = try DataDirectoryLock(directory: dataURL)
        } catch let held as DataDirectoryLock.Held {
            throw StartupRefusal.directoryInUse(held, data: dataURL).exit()
        } catch {
            throw StartupRefusal.unwritable(dataURL, error).exit()
        }
        do {
            let rule = PriorityRule(maxConsecutivePriority: maxConsecutivePriority)
            return (lock, try AppDatabase.open(directory: dataURL, priorityRule: rule, checkIntegrity: true))
        } catch let error as StoreError {
            guard let refusal = StartupRefusal.store(error, data: dataURL) else { throw error }
            throw refusal.exit()
        }
    }

    /// The connection caps and timeouts from the flags; the global cap kept under the open-file limit, and the
    /// per-client cap left to the proxy behind `--trust-proxy` (every connection then comes from the proxy).
    func connectionLimits(softFileLimit: UInt64?, logger: Logger) -> ConnectionLimits {
        var limits = ConnectionLimits(
            headerTimeout: .seconds(headerTimeout), idleTimeout: .seconds(idleTimeout), maxPerClient: maxConnectionsPerClient,
            maxConnections: maxConnections)
        if let softFileLimit {
            limits.maxConnections = FileDescriptorLimit.connectionCap(requested: maxConnections, softLimit: softFileLimit)
        }
        if trustProxy, limits.maxPerClient > 0 {
            logger.info("--trust-proxy: every connection comes from the proxy, so the per-client connection cap is off")
            limits.maxPerClient = 0
        }
        if maxConnections > 0, limits.maxConnections < maxConnections {
            logger.warning("Connection cap lowered to stay under the open-file limit", metadata: ["cap": "\(limits.maxConnections)"])
        }
        logger.info(
            "Connection limits",
            metadata: [
                "headerTimeout": "\(headerTimeout) s", "idleTimeout": "\(idleTimeout) s", "perClient": "\(limits.maxPerClient)",
                "total": "\(limits.maxConnections)",
            ])
        return limits
    }

    /// Printing: `none` prints nothing; `simulated` uses the virtual printer (PNG per ticket under
    /// `DATA/printed/`); `auto` drives USB printers when present and the virtual printer until one appears.
    func printing(
        database: AppDatabase, data: URL, assets: URL, look: HallLook, alerts: AlertMonitor, usb: USBDeviceMonitor?,
        clock: any WallClock, logger: Logger
    ) async throws -> (output: any TicketOutput, slips: any SlipOutput, registry: PrinterRegistry?, services: [any Service]) {
        guard devices != .none else { return (NoTicketOutput(), NoSlipOutput(), nil, []) }
        // Drawing and the simulated mechanism yield to the HTTP side under a rush (see PrintLane).
        PrintLane.niceness = 10
        PrintLane.yieldsToIssuing = true
        PasswordHasher.niceness = 10
        let registry = PrinterRegistry(kioskPrinters: try KioskPrinterOption.parse(kioskPrinter))
        // Each kiosk's own choice from its settings screen wins over --kiosk-printer.
        for (kiosk, settings) in try await database.hallSettings(prefix: HallSettingKey.kioskPrefix, as: KioskSettings.self) {
            registry.assign(settings.printer, toKiosk: kiosk)
        }
        let renderer = try TicketRenderer(templateURL: assets.appendingPathComponent("ticket/template.json"))
        let profiles = try PrinterProfiles.load(directory: URL(fileURLWithPath: devicesDirectory).appendingPathComponent("printers"))
        let alert: @Sendable (PrinterAlert) -> Void = { alert in
            alerts.raise(
                HallAlert(
                    id: "device:\(alert.printer)", kind: .device, message: alert.message, messageEn: alert.messageEn, at: alert.at))
        }
        try await failInterruptedJobs(database: database, clock: clock, logger: logger, alert: alert)
        let deadlines = PrintDeadlines(answer: .milliseconds(Int(printDeadline * 1000)))
        let makePrinter: @Sendable (any PrinterPort) -> TicketPrinter = { port in
            TicketPrinter(port: port, database: database, clock: clock, deadlines: deadlines, logger: logger, alert: alert)
        }
        guard let profile = profiles.first(where: { $0.id == simulatedPrinter }) else {
            throw ValidationFailure(
                "Không có hồ sơ máy in “\(simulatedPrinter)” / no printer profile '\(simulatedPrinter)' in \(devicesDirectory)/printers")
        }
        let directory = data.appendingPathComponent("printed")
        let virtual = VirtualPrinterPort(id: "virtual-\(profile.id)", profile: profile, directory: directory)
        registry.attach(makePrinter(virtual))
        logger.info("Simulated printer (\(profile.name)): printed tickets are saved as PNG in \(directory.path)")
        var services: [any Service] = []
        if let usb {
            services.append(
                USBPrinterAttacher(
                    monitor: usb, matcher: PrinterMatcher(profiles: profiles), registry: registry,
                    makePrinter: makePrinter, simulatedID: virtual.id, logger: logger))
        }
        var output = PrintingTicketOutput(
            renderer: renderer, registry: registry, look: look, publicURL: publicLink.url, clock: clock, database: database,
            alert: alert)
        output.training = now != nil
        let slips = PrintingSlipOutput(
            renderer: try TicketRenderer(templateURL: assets.appendingPathComponent("ticket/promise-slip.json")), registry: registry,
            database: database, look: look, virtualPrinterID: virtual.id, publicURL: publicLink.url)
        return (output, slips, registry, services)
    }

    /// Jobs a crash left `queued` are marked failed before any printer runs, and the supervisor is told which
    /// tickets to reprint.
    func failInterruptedJobs(
        database: AppDatabase, clock: any WallClock, logger: Logger, alert: @Sendable (PrinterAlert) -> Void
    ) async throws {
        let labels = try await database.failInterruptedPrintJobs(at: clock.now())
        guard !labels.isEmpty else { return }
        let list = labels.joined(separator: ", ")
        logger.warning("Print jobs left unfinished by the last run marked failed", metadata: ["tickets": "\(list)"])
        alert(
            PrinterAlert(
                printer: "-", number: nil, message: "Phiếu chưa in xong khi máy khởi động lại: \(list). Vui lòng in lại.",
                messageEn: "Tickets not printed when the controller restarted: \(list). Please reprint.", at: clock.now()))
    }

    /// One watcher of the USB bus for printers and keypads (`auto` only); nil without USB.
    func usbMonitor(logger: Logger) -> USBDeviceMonitor? {
        guard devices == .auto else { return nil }
        do {
            return USBDeviceMonitor(context: try USBContext(), logger: logger)
        } catch {
            logger.warning("USB unavailable, keeping simulated devices: \(error)")
            return nil
        }
    }

    /// Spoken calls: clips synthesised by espeak-ng into `DATA/voice/` (made in the background at start).
    func voice(data: URL, logger: Logger) -> VoiceLibrary {
        let voice = VoiceLibrary(directory: data.appendingPathComponent("voice"))
        Task {
            do {
                let clips = try await voice.warmUp()
                logger.info("Voice clips ready", metadata: ["clips": "\(clips)"])
            } catch {
                logger.warning("Voice calls off (display shows text only): \(error)")
            }
        }
        return voice
    }
}
