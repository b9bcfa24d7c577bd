import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// The kiosk's own settings screen, behind an optional PIN the admin sets: which printer, the default
/// language, the idle reset and which fields are shown, plus a test print. Settings belong to the kiosk's
/// client address (like `--kiosk-printer`). Reading them is public (the kiosk needs them to start);
/// changing them needs a key from `unlock`, which takes the PIN and is throttled like a sign-in.
struct KioskSettingsRoutes {
    let database: AppDatabase
    let clock: any WallClock
    let hasher: PasswordHasher
    let ticketOutput: any TicketOutput
    let devices: any DeviceDirectory
    let unlocks = KioskUnlocks()
    let throttle = LoginThrottle(limits: .init(perPair: 5, perAddress: 10))

    struct PublicSettings: Encodable, Sendable {
        let language: String
        let idleSeconds: Int
        let fields: [String]?
        let printer: String?
        let pinSet: Bool
    }

    struct PinBody: Decodable { let pin: String }
    struct TokenBody: Decodable { let token: String }
    struct SettingsBody: Decodable {
        let token: String
        let language: String
        let idleSeconds: Int
        let fields: [String]?
        let printer: String?
    }

    struct Printer: Encodable, Sendable {
        let id: String
        let name: String
    }

    struct FieldChoice: Encodable, Sendable {
        let code: String
        let name: String
        let nameEn: String
    }

    struct Unlocked: Encodable, Sendable {
        let token: String
        let expiresInSeconds: Int
        let settings: PublicSettings
        let printers: [Printer]
        let fields: [FieldChoice]
    }

    struct TestPrint: Encodable, Sendable {
        let printer: String
        let status: String
        let message: String
        let messageEn: String
    }

    struct PinState: Encodable, Sendable { let pinSet: Bool }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/kiosk/settings") { _, context in JSON(try await current(for: context.clientAddress)) }
        routes.add(.post, "/api/v1/kiosk/unlock") { request, context in
            let body = try await request.decode(as: PinBody.self, context: context)
            return JSON(try await unlock(pin: body.pin, address: context.clientAddress))
        }
        routes.add(.put, "/api/v1/kiosk/settings") { request, context in
            let body = try await request.decode(as: SettingsBody.self, context: context)
            try requireKey(body.token, context)
            return JSON(try await save(body, context: context))
        }
        routes.add(.post, "/api/v1/kiosk/test-print") { request, context in
            let body = try await request.decode(as: TokenBody.self, context: context)
            try requireKey(body.token, context)
            return JSON(try await testPrint(address: context.clientAddress))
        }
        registerAdmin(on: routes)
    }

    /// The admin sets (4–8 digits) or removes the PIN; without one the kiosk's settings screen stays shut.
    func registerAdmin(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/kiosk-pin") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(PinState(pinSet: try await database.hallSetting(.kioskPin, as: String.self) != nil))
        }
        routes.add(.put, "/api/v1/admin/kiosk-pin") { request, context in
            _ = try context.requireRole(.admin)
            let body = try await request.decode(as: PinBody.self, context: context)
            guard (4...8).contains(body.pin.count), body.pin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw QueueError.invalid("Mã PIN phải gồm 4 đến 8 chữ số.", "The PIN must be 4 to 8 digits.")
            }
            let hash = try await hasher.hashOffPool(body.pin)
            try await database.saveHallSetting(
                .kioskPin, hash, auditValue: "(ẩn / hidden)", by: context.auditStamp, at: clock.now())
            return JSON(PinState(pinSet: true))
        }
        routes.add(.delete, "/api/v1/admin/kiosk-pin") { _, context in
            _ = try context.requireRole(.admin)
            try await database.saveHallSetting(.kioskPin, String?.none, by: context.auditStamp, at: clock.now())
            return JSON(PinState(pinSet: false))
        }
    }

    func current(for address: String) async throws -> PublicSettings {
        let settings = try await database.hallSetting(.kiosk(address), as: KioskSettings.self) ?? KioskSettings()
        let pinSet = try await database.hallSetting(.kioskPin, as: String.self) != nil
        return PublicSettings(
            language: settings.language, idleSeconds: settings.idleSeconds, fields: settings.fields,
            printer: settings.printer, pinSet: pinSet)
    }

    func unlock(pin: String, address: String) async throws -> Unlocked {
        try TextInput.check(pin, "pin")
        guard let hash = try await database.hallSetting(.kioskPin, as: String.self) else {
            throw APIError(
                .conflict, .kioskPinUnset, "Quản trị chưa đặt mã PIN cho ki-ốt (trang Quản trị › Thiết bị).",
                "The admin has not set a kiosk PIN (Admin › Devices).")
        }
        let attempt: LoginThrottle.Attempt
        switch throttle.begin(username: "\u{1F}kiosk", address: address, now: clock.now()) {
        case .success(let allowed): attempt = allowed
        case .failure(let refusal):
            var error = APIError(
                .tooManyRequests, .rateLimited, "Nhập sai mã PIN quá nhiều lần; thử lại sau \(refusal.retryAfterSeconds) giây.",
                "Too many wrong PINs; try again in \(refusal.retryAfterSeconds) s.")
            error.retryAfterSeconds = refusal.retryAfterSeconds
            throw error
        }
        guard try await hasher.verifyOffPool(pin, hash: hash) else {
            _ = throttle.failed(attempt)
            let stamp = AuditStamp(actor: nil, client: address)
            try await database.recordAudit(.kioskPinFailed, target: address, by: stamp, at: clock.now())
            throw APIError(.unauthorized, .wrongPin, "Sai mã PIN.", "Wrong PIN.")
        }
        throttle.succeeded(attempt)
        let catalog = try await database.catalog()
        return Unlocked(
            token: unlocks.issue(for: address, now: clock.now()), expiresInSeconds: Int(KioskUnlocks.lifetime),
            settings: try await current(for: address),
            printers: await devices.devices().filter { $0.kind == .printer }.map { Printer(id: $0.id, name: $0.name) },
            fields: catalog.fields.map { FieldChoice(code: $0.code, name: $0.name, nameEn: $0.nameEn) })
    }

    func requireKey(_ token: String, _ context: AppRequestContext) throws {
        guard unlocks.opens(token, for: context.clientAddress, now: clock.now()) else {
            throw APIError(
                .unauthorized, .kioskLocked, "Phiên cài đặt ki-ốt đã hết hạn; nhập lại mã PIN.",
                "The kiosk settings session has expired; enter the PIN again.")
        }
    }

    func save(_ body: SettingsBody, context: AppRequestContext) async throws -> PublicSettings {
        let address = context.clientAddress
        let settings = KioskSettings(language: body.language, idleSeconds: body.idleSeconds, fields: body.fields, printer: body.printer)
        let printers = await devices.devices().filter { $0.kind == .printer }.map(\.id)
        try settings.validate(fieldCodes: Set(try await database.catalog().fields.map(\.code)), printerIDs: Set(printers))
        try await database.saveHallSetting(
            .kiosk(address), settings, by: AuditStamp(actor: "kiosk", client: address), at: clock.now())
        ticketOutput.assignPrinter(settings.printer, toKiosk: address)
        return try await current(for: address)
    }

    func testPrint(address: String) async throws -> TestPrint {
        guard let printer = ticketOutput.printerID(forKiosk: address) else {
            throw APIError(
                .serviceUnavailable, .noPrinter, "Không có máy in nào cắm cho ki-ốt này.", "No printer is attached for this kiosk.")
        }
        let result = try await devices.test(printer)
        return TestPrint(printer: printer, status: "printed", message: result.message, messageEn: result.messageEn)
    }
}
