public import Foundation

/// Lists the USB-serial ttys a counter display can be on: `ttyUSB*` (PL2303, CH340, FT232, CP210x) and
/// `ttyACM*` (CDC-ACM displays). The directory is injectable so tests can use a temporary folder.
/// ttyUSB numbers follow plug-in order and can change across reboots (devices.md 3.3); bind displays by the
/// stable links in `/dev/serial/by-id` when they exist (`byIDLinks`).
public struct SerialPortScanner: Sendable {
    public static let prefixes = ["ttyUSB", "ttyACM"]

    public let directory: URL

    public init(directory: URL = URL(fileURLWithPath: "/dev")) {
        self.directory = directory
    }

    /// Full paths, ttyUSB before ttyACM and by number (ttyUSB2 before ttyUSB10).
    public func ports() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let matches: [(prefix: Int, number: Int, name: String)] = names.compactMap { name in
            guard let prefix = Self.prefixes.firstIndex(where: { name.hasPrefix($0) }),
                let number = Int(name.dropFirst(Self.prefixes[prefix].count))
            else { return nil }
            return (prefix, number, name)
        }
        return matches.sorted { ($0.prefix, $0.number) < ($1.prefix, $1.number) }
            .map { directory.appendingPathComponent($0.name).path }
    }

    /// `serial/by-id` link name → the tty it points to (full path), e.g.
    /// "usb-1a86_USB_Serial-if00-port0" → "/dev/ttyUSB0"; empty when the folder does not exist.
    public func byIDLinks() -> [String: String] {
        let folder = directory.appendingPathComponent("serial/by-id")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var links: [String: String] = [:]
        for name in names {
            let link = folder.appendingPathComponent(name)
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) else { continue }
            links[name] = URL(fileURLWithPath: target, relativeTo: folder).standardizedFileURL.path
        }
        return links
    }
}
