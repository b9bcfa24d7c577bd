/// A compact little-endian encoding of a day's ticket tallies, so a closed day is counted once and a year
/// report merges 245 stored days instead of re-reading a million tickets (see `AppDatabase.report`).
public struct ReportBytesWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func double(_ value: Double) { int(Int64(bitPattern: value.bitPattern)) }

    public mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(Int64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    public mutating func raw(_ more: [UInt8]) {
        int(Int64(more.count))
        bytes.append(contentsOf: more)
    }

    public mutating func int32s(_ values: [Int32]) {
        int(Int64(values.count))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads back the bytes `ReportRollupCodec` wrote, failing on truncation.
public struct ReportBytesReader {
    let bytes: [UInt8]
    var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var atEnd: Bool { offset == bytes.count }

    public mutating func int() throws(QueueError) -> Int64 {
        guard offset + 8 <= bytes.count else { throw Self.corrupt }
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[offset..<offset + 8]) }
        offset += 8
        return Int64(littleEndian: value)
    }

    public mutating func double() throws(QueueError) -> Double { Double(bitPattern: UInt64(bitPattern: try int())) }

    public mutating func count() throws(QueueError) -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count else { throw Self.corrupt }
        return Int(value)
    }

    public mutating func string() throws(QueueError) -> String {
        let length = try count()
        guard offset + length <= bytes.count else { throw Self.corrupt }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    public mutating func raw() throws(QueueError) -> [UInt8] {
        let length = try count()
        guard offset + length <= bytes.count else { throw Self.corrupt }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    public mutating func int32s() throws(QueueError) -> [Int32] {
        let length = try count()
        guard offset + length * 4 <= bytes.count else { throw Self.corrupt }
        var values = [Int32](repeating: 0, count: length)
        values.withUnsafeMutableBytes { $0.copyBytes(from: bytes[offset..<offset + length * 4]) }
        offset += length * 4
        return values.map { Int32(littleEndian: $0) }
    }

    static let corrupt = QueueError.invalid("Bản tổng hợp ngày bị hỏng.", "A stored day summary is corrupt.")
}

extension ReportTally {
    func encode(into writer: inout ReportBytesWriter) {
        for value in [
            issued, served, noShows, transferred, withinTarget, serviceTimed, sameDayPromises, sameDayResolved,
            promisesDue, promisesOnTime, level1, level2, level3, level4, touched ? 1 : 0,
        ] {
            writer.int(Int64(value))
        }
        writer.int(waitSum)
        writer.double(serviceSum)
        writer.int32s(waits)
    }

    static func decode(from reader: inout ReportBytesReader) throws(QueueError) -> ReportTally {
        var tally = ReportTally()
        var ints: [Int] = []
        for _ in 0..<15 { ints.append(Int(try reader.int())) }
        (tally.issued, tally.served, tally.noShows, tally.transferred, tally.withinTarget) = (ints[0], ints[1], ints[2], ints[3], ints[4])
        (tally.serviceTimed, tally.sameDayPromises, tally.sameDayResolved, tally.promisesDue) = (ints[5], ints[6], ints[7], ints[8])
        (tally.promisesOnTime, tally.level1, tally.level2, tally.level3, tally.level4) = (ints[9], ints[10], ints[11], ints[12], ints[13])
        tally.touched = ints[14] != 0
        tally.waitSum = try reader.int()
        tally.serviceSum = try reader.double()
        tally.waits = try reader.int32s()
        return tally
    }
}

extension ReportAccumulator {
    /// Everything counted so far (total, fields, counters, staff, hours, weekdays), encoded.
    public func encodedTallies() -> [UInt8] {
        var writer = ReportBytesWriter()
        total.encode(into: &writer)
        writer.int(Int64(fields.count))
        for (slot, code) in fieldCodes.enumerated() {
            writer.string(code)
            fields[slot].encode(into: &writer)
        }
        writer.int(Int64(counters.count))
        for (slot, number) in counterNumbers.enumerated() {
            writer.int(Int64(number))
            counters[slot].encode(into: &writer)
        }
        writer.int(Int64(staff.count))
        for (slot, name) in staffNames.enumerated() {
            writer.string(name)
            staff[slot].encode(into: &writer)
        }
        for tally in hours + weekdays { tally.encode(into: &writer) }
        return writer.bytes
    }

    /// Adds tallies encoded by `encodedTallies()` (of the same wait targets) into this accumulator.
    public mutating func mergeEncoded(_ bytes: [UInt8]) throws(QueueError) {
        var reader = ReportBytesReader(bytes)
        var other = ReportAccumulator(period: period, targets: targets, asOf: asOf)
        other.total = try ReportTally.decode(from: &reader)
        for _ in 0..<(try reader.count()) {
            let slot = other.fieldSlot(try reader.string())
            other.fields[slot] = try ReportTally.decode(from: &reader)
        }
        for _ in 0..<(try reader.count()) {
            let slot = other.counterSlot(Int(try reader.int()))
            other.counters[slot] = try ReportTally.decode(from: &reader)
        }
        for _ in 0..<(try reader.count()) {
            let slot = other.staffSlot(try reader.string())
            other.staff[slot] = try ReportTally.decode(from: &reader)
        }
        for hour in 0..<24 { other.hours[hour] = try ReportTally.decode(from: &reader) }
        for day in 0..<7 { other.weekdays[day] = try ReportTally.decode(from: &reader) }
        guard reader.atEnd else { throw ReportBytesReader.corrupt }
        merge(other)
    }
}
