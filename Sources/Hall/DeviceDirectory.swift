public import Foundation

/// A device of the hall as the admin sees it.
public struct DeviceInfo: Codable, Sendable, Equatable {
    /// What kind of device this is.
    public enum Kind: String, Codable, Sendable {
        case printer, display
        case ratingKeypad = "rating-keypad"
        case callerKeypad = "caller-keypad"
    }

    /// Whether the device works now.
    public enum Status: String, Codable, Sendable {
        case ok, offline, error, unplugged
    }

    public var id: String
    public var kind: Kind
    public var profile: String
    public var name: String
    /// `simulated`, a tty path, or `usb BUS-PORT`.
    public var port: String
    public var counter: Int?
    public var status: Status
    public var statusText: String
    public var statusTextEn: String
    public var lastSeen: Date?
    public var simulated: Bool
    /// What a display shows now, one string per row (LED boards: one row).
    public var screen: [String]?

    public init(
        id: String, kind: Kind, profile: String, name: String, port: String, counter: Int?, status: Status,
        statusText: String, statusTextEn: String, lastSeen: Date?, simulated: Bool, screen: [String]? = nil
    ) {
        self.id = id
        self.kind = kind
        self.profile = profile
        self.name = name
        self.port = port
        self.counter = counter
        self.status = status
        self.statusText = statusText
        self.statusTextEn = statusTextEn
        self.lastSeen = lastSeen
        self.simulated = simulated
        self.screen = screen
    }
}

/// The seam between the admin API and the device loops (printers, displays, keypads).
public protocol DeviceDirectory: Sendable {
    func devices() async -> [DeviceInfo]
    /// Binds a device to a counter (`nil` unbinds); throws for an unknown device or counter.
    func bind(_ id: String, counter: Int?) async throws -> DeviceInfo
    /// Sends the device's test pattern (a display lights every cell; a printer prints a test slip).
    func test(_ id: String) async throws -> DeviceTestResult
    /// Types keys on a simulated keypad ("1", "12\n"); answers what the keypad did.
    func type(_ id: String, keys: String) async throws -> [String]
}

/// What a device test did, in Vietnamese and English, for the admin page.
public struct DeviceTestResult: Codable, Sendable, Equatable {
    public var message: String
    public var messageEn: String

    public init(message: String, messageEn: String) {
        self.message = message
        self.messageEn = messageEn
    }
}

/// No devices (`--devices none`, tests that do not need any).
public struct NoDevices: DeviceDirectory {
    public init() {}
    public func devices() async -> [DeviceInfo] { [] }
    public func bind(_ id: String, counter: Int?) async throws -> DeviceInfo { throw DeviceDirectoryError.unknownDevice(id) }
    public func test(_ id: String) async throws -> DeviceTestResult { throw DeviceDirectoryError.unknownDevice(id) }
    public func type(_ id: String, keys: String) async throws -> [String] { throw DeviceDirectoryError.unknownDevice(id) }
}

/// Why the device directory refused: the API answers 404, 503 and 409 for these codes.
public struct DeviceDirectoryError: Error, Sendable, Equatable {
    /// Which refusal this is; also the API error code.
    public enum Code: String, Sendable {
        /// No device has this id.
        case unknownDevice = "not_found"
        /// The device did not take the command (unplugged, offline).
        case failed = "device_failed"
        /// A real device was asked to do what only a simulated one can (typed keys).
        case notSimulated = "device_is_real"
    }

    public let code: Code
    public let message: String
    public let messageEn: String

    public static func unknownDevice(_ id: String) -> Self {
        Self(code: .unknownDevice, message: "Không có thiết bị “\(id)”.", messageEn: "No device '\(id)'.")
    }

    public static func failed(_ message: String, _ messageEn: String) -> Self {
        Self(code: .failed, message: message, messageEn: messageEn)
    }

    public static func notSimulated(_ id: String) -> Self {
        Self(
            code: .notSimulated,
            message: "Thiết bị “\(id)” là thiết bị thật; chỉ bàn phím mô phỏng nhận phím từ trang quản trị.",
            messageEn: "Device '\(id)' is real; only simulated keypads take keys from the admin page.")
    }
}
