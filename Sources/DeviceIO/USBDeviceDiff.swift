/// What changed between two enumerations. Pure, so the hot-plug bookkeeping is testable without a bus.
struct USBDeviceDiff: Equatable {
    var left: [USBDeviceInfo] = []
    var arrived: [USBDeviceInfo] = []

    var isEmpty: Bool { left.isEmpty && arrived.isEmpty }

    /// A device counts as the same one when its address, port and ids are unchanged; anything else (a replug
    /// gets a new address) is a departure plus an arrival. Strings are ignored: they are read after the diff.
    static func between(_ old: [USBDeviceID: USBDeviceInfo], _ new: [USBDeviceInfo]) -> USBDeviceDiff {
        var diff = USBDeviceDiff()
        var seen = Set<USBDeviceID>()
        for device in new.sorted(by: { $0.id < $1.id }) {
            seen.insert(device.id)
            if let previous = old[device.id] {
                if sameDevice(previous, device) { continue }
                diff.left.append(previous)
            }
            diff.arrived.append(device)
        }
        let gone = old.filter { !seen.contains($0.key) }.values.sorted { $0.id < $1.id }
        diff.left.insert(contentsOf: gone, at: 0)
        return diff
    }

    static func sameDevice(_ a: USBDeviceInfo, _ b: USBDeviceInfo) -> Bool {
        a.id == b.id && a.vendorID == b.vendorID && a.productID == b.productID && a.portPath == b.portPath
    }
}
