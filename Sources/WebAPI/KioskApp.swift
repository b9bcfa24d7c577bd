public import DeviceProtocols
public import Foundation
public import Hall
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
public import QueueCore
public import QueueStore

/// Everything the HTTP side needs, decided by the `serve` command (or a test).
public struct ServerSettings: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Tickets per minute per client address; 0 = unlimited.
    public var issueRateLimit: Int = 30
    /// Count `X-Forwarded-For` as the client address (only behind a proxy you run): the rightmost hop that
    /// is not one of `trustedProxies`, and only when the request comes from one of them.
    public var trustProxy: Bool = false
    /// The reverse proxies whose `X-Forwarded-For` hops are believed (default: loopback).
    public var trustedProxies: [CIDRBlock] = CIDRBlock.loopback
    /// How phones reach this server (e.g. `http://192.168.1.10:8080`), for the absolute status links in QR
    /// codes; empty = links relative to the page that asked.
    public var publicURL: String = ""
    /// How `publicURL` was chosen and whether phones can open it (the admin page warns when not).
    public var publicLink: PublicLink? = nil
    /// The training clock runs (`serve --now`): every page shows ĐÀO TẠO / TRAINING.
    public var training = false
    public var assetsDirectory: URL
    public var passwordHasher = PasswordHasher()
    /// The service calendar for promise answers; the calendar routes are served only when it is set.
    public var calendar: WorkingCalendar?
    /// Years of `calendar` that came from the admin (stored edits), for the admin calendar page.
    public var editedCalendarYears: Set<Int> = []
    /// The no-wait targets and alert thresholds (`assets/targets.json`).
    public var targets = TargetsBook()
    /// How citizens book (slots, places, walk-in caps); the admin's booking route replaces it live.
    public var booking = BookingRules()
    /// The modem's character set when text messages can be sent (`--sms-modem`, or the simulated modem); nil: no SMS.
    public var smsCharset: ModemProfile.Charset?
    /// Province replication's status when the centre replicates (`serve --province`); nil otherwise.
    public var replication: (@Sendable () -> ReplicationReport)?
    /// The centre's name, footer and logo that tickets print; the admin's identity routes reload it.
    public var look = HallLook(centreName: "")
    /// How ratings find their ticket and how repeats are counted once.
    public var ratingPolicy = RatingPolicy()
    /// Spoken calls for the hall display (`nil`: the voice route answers 503 and displays show text only).
    public var voice: VoiceLibrary?
    /// Ratings per minute per client address on the public rating page; 0 = unlimited.
    public var ratingRateLimit: Int = 20
    /// Timeouts and connection caps (`--header-timeout`, `--idle-timeout`, `--max-connections-per-client`,
    /// `--max-connections`).
    public var connections = ConnectionLimits()
    /// The data directory and backup outcome `GET /api/v1/health` reports on.
    public var health = HealthSources()
    /// Prometheus metrics (`GET /metrics`); `serve` makes them with the catalog's fields and counters.
    public var metrics = HallMetrics(fields: [], counters: [])
    /// Besides loopback, who may read `/metrics` (`--metrics-allow`).
    public var metricsAllowed: [CIDRBlock] = []
    /// How far back a reconnecting live stream is replayed before it gets a snapshot instead.
    public var eventReplay = EventReplayWindow()
    /// HTTPS (`--tls-cert`, `--tls-key`, `--tls-port`); nil = plain HTTP only.
    public var tls: HTTPSListener?

    public init(assetsDirectory: URL) {
        self.assetsDirectory = assetsDirectory
    }
}

/// Builds the Hummingbird application: routes, middleware, and the event broadcaster it depends on.
public struct KioskApp {
    public let router: Router<AppRequestContext>
    public let routeTable: RouteTable
    public let events: HallEventHub
    public let broadcaster: EventBroadcaster
    public let alerts: AlertMonitor

    public init(
        database: AppDatabase, settings: ServerSettings, clock: any WallClock = SystemWallClock(),
        ticketOutput: any TicketOutput = NoTicketOutput(), slipOutput: any SlipOutput = NoSlipOutput(),
        events: HallEventHub? = nil, broadcaster: EventBroadcaster? = nil, alerts: AlertMonitor? = nil,
        devices: any DeviceDirectory = NoDevices()
    ) {
        let router = Router(context: AppRequestContext.self)
        let routes = RouteTable(router: router)
        router.add(middleware: RequestLogMiddleware(metrics: settings.metrics))
        router.add(middleware: ErrorMiddleware(routes: routes))
        router.add(middleware: URITextGuard())
        if let tls = settings.tls { router.add(middleware: HTTPSRequirement(tlsPort: tls.port)) }
        let clientAddress = ClientAddress(trustProxy: settings.trustProxy, trustedProxies: settings.trustedProxies)
        router.add(middleware: clientAddress)
        router.add(middleware: AuthenticationMiddleware(database: database, clock: clock))
        let events = events ?? HallEventHub(database: database)
        self.events = events
        let broadcaster = broadcaster ?? EventBroadcaster(events: events)
        self.broadcaster = broadcaster
        let alerts = alerts ?? AlertMonitor(database: database, targets: settings.targets, clock: clock, events: events)
        self.alerts = alerts
        let web = settings.assetsDirectory.appendingPathComponent("web")
        let book = settings.calendar.map { CalendarBook($0, editedYears: settings.editedCalendarYears) }
        PublicRoutes(
            database: database, clock: clock, rateLimiter: RateLimiter(perMinute: settings.issueRateLimit),
            clientAddress: clientAddress, ticketOutput: ticketOutput, publicURL: settings.publicURL, calendar: book,
            bookingRules: settings.booking, smsCharset: settings.smsCharset
        ).register(on: routes)
        BookingAdminRoutes(database: database, rules: settings.booking, clock: clock).register(on: routes)
        HealthRoutes(database: database, devices: devices, sources: settings.health, voice: settings.voice).register(on: routes)
        MetricsRoutes(metrics: settings.metrics, allowed: settings.metricsAllowed, devices: devices, broadcaster: broadcaster)
            .register(on: routes)
        EventStreamRoutes(database: database, broadcaster: broadcaster, clock: clock, window: settings.eventReplay, calendar: book)
            .register(on: routes)
        AuthRoutes(database: database, hasher: settings.passwordHasher, clock: clock, throttle: LoginThrottle(), metrics: settings.metrics)
            .register(on: routes)
        StaffRoutes(database: database, clock: clock, events: events).register(on: routes)
        AdminRoutes(database: database, hasher: settings.passwordHasher, clock: clock).register(on: routes)
        HallIdentityRoutes(database: database, look: settings.look, clock: clock, events: events).register(on: routes)
        TargetsAdminRoutes(database: database, book: settings.targets, clock: clock).register(on: routes)
        AdminSettingsRoutes(
            link: settings.publicLink ?? PublicLink.resolve(configured: settings.publicURL, host: settings.host, port: settings.port)
        ).register(on: routes)
        AuditRoutes(database: database).register(on: routes)
        PrintRoutes(database: database, ticketOutput: ticketOutput).register(on: routes)
        if let book {
            CalendarRoutes(database: database, book: book, clock: clock).register(on: routes)
            CalendarAdminRoutes(database: database, book: book, clock: clock).register(on: routes)
            HoursAdminRoutes(database: database, book: book, clock: clock).register(on: routes)
            DossierRoutes(database: database, book: book, clock: clock, slips: slipOutput).register(on: routes)
            DossierDeskRoutes(database: database, book: book, clock: clock).register(on: routes)
        }
        RatingRoutes(
            database: database, clock: clock, policy: settings.ratingPolicy, rateLimiter: RateLimiter(perMinute: settings.ratingRateLimit),
            events: events
        ).register(on: routes)
        SupervisorRoutes(database: database, clock: clock, targetsBook: settings.targets, alerts: alerts).register(on: routes)
        ReplicationRoutes(report: settings.replication).register(on: routes)
        FeedbackRoutes(
            database: database, clock: clock, calendar: book, targets: settings.targets,
            rateLimiter: RateLimiter(perMinute: settings.issueRateLimit)
        ).register(on: routes)
        VoiceRoutes(library: settings.voice).register(on: routes)
        ReportRoutes(database: database, clock: clock, targetsBook: settings.targets).register(on: routes)
        AdminDeviceRoutes(directory: devices, database: database, clock: clock).register(on: routes)
        KioskSettingsRoutes(
            database: database, clock: clock, hasher: settings.passwordHasher, ticketOutput: ticketOutput, devices: devices
        ).register(on: routes)
        PageRoutes(
            webDirectory: web, openAPIFile: settings.assetsDirectory.appendingPathComponent("openapi.json"), training: settings.training
        )
        .register(on: routes)
        router.add(middleware: FileMiddleware(web.path, searchForIndexHtml: false))
        self.router = router
        self.routeTable = routes
    }

    /// The HTTP application, and with `settings.tls` the HTTPS one on its own port (same routes; the plain one then
    /// serves the citizen side only, see `HTTPSRequirement`). Run them in a ServiceGroup *before* `broadcaster`:
    /// services stop in reverse order, so open live streams are ended first and the servers' graceful shutdown does not
    /// wait on them. Every connection goes through `ConnectionGuard` (per-client cap, timeouts); at `maxConnections`
    /// open connections (per listener) new ones wait in the listen queue.
    public func applications(settings: ServerSettings, logger: Logger) throws -> [any ApplicationProtocol] {
        let plain = application(
            host: settings.host, port: settings.port, server: GuardedHTTP1Channel.builder(limits: settings.connections),
            limits: settings.connections, logger: logger)
        guard let tls = settings.tls else { return [plain] }
        let secure = application(
            host: settings.host, port: tls.port,
            server: try .tls(GuardedHTTP1Channel.builder(limits: settings.connections), tlsConfiguration: tls.configuration),
            limits: settings.connections, logger: logger)
        return [plain, secure]
    }

    /// The plain HTTP application alone (tests).
    public func application(settings: ServerSettings, logger: Logger) -> some ApplicationProtocol {
        application(
            host: settings.host, port: settings.port, server: GuardedHTTP1Channel.builder(limits: settings.connections),
            limits: settings.connections, logger: logger)
    }

    func application(host: String, port: Int, server: HTTPServerBuilder, limits: ConnectionLimits, logger: Logger)
        -> some ApplicationProtocol
    {
        var configuration = ApplicationConfiguration(address: .hostname(host, port: port), serverName: "KhongCho", backlog: 1024)
        if limits.maxConnections > 0 {
            configuration.availableConnectionsDelegate = MaximumAvailableConnections(limits.maxConnections, logger: logger)
        }
        return Application(router: router, server: server, configuration: configuration, logger: logger)
    }
}
