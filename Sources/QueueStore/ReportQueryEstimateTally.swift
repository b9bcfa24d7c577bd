import QueueCore

/// Sums of estimate errors, one slot per field, filled while the report query reads tickets.
struct ReportEstimateTally {
    var codes: [String] = []
    private var index: [String: Int] = [:]
    var counts: [Int] = []
    var absoluteSums: [Double] = []
    var signedSums: [Double] = []
    private var lastCode = ""
    private var lastSlot = -1

    mutating func add(field: String, errorSeconds: Double) {
        let slot = self.slot(field)
        counts[slot] += 1
        absoluteSums[slot] += abs(errorSeconds)
        signedSums[slot] += errorSeconds
    }

    /// Adds another slice's sums.
    mutating func merge(_ other: ReportEstimateTally) {
        for (slot, code) in other.codes.enumerated() {
            let mine = self.slot(code)
            counts[mine] += other.counts[slot]
            absoluteSums[mine] += other.absoluteSums[slot]
            signedSums[mine] += other.signedSums[slot]
        }
    }

    func finish(fieldOrder: [String]) -> ReportEstimateAccuracy {
        let count = counts.reduce(0, +)
        let total = Self.row("total", count, absoluteSums.reduce(0, +), signedSums.reduce(0, +))
        let rank = Dictionary(fieldOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let order = codes.indices.sorted { a, b in
            switch (rank[codes[a]], rank[codes[b]]) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): codes[a] < codes[b]
            }
        }
        return ReportEstimateAccuracy(
            total: total, byField: order.map { Self.row(codes[$0], counts[$0], absoluteSums[$0], signedSums[$0]) })
    }

    private static func row(_ key: String, _ count: Int, _ absolute: Double, _ signed: Double) -> ReportEstimateAccuracy.Row {
        ReportEstimateAccuracy.Row(
            key: key, tickets: count, meanAbsoluteErrorSeconds: count == 0 ? nil : absolute / Double(count),
            biasSeconds: count == 0 ? nil : signed / Double(count))
    }

    mutating func slot(_ code: String) -> Int {
        if lastSlot >= 0, code == lastCode { return lastSlot }
        let slot: Int
        if let known = index[code] {
            slot = known
        } else {
            slot = codes.count
            index[code] = slot
            codes.append(code)
            counts.append(0)
            absoluteSums.append(0)
            signedSums.append(0)
        }
        lastCode = code
        lastSlot = slot
        return slot
    }
}

extension ReportEstimateTally {
    func encode(into writer: inout ReportBytesWriter) {
        writer.int(Int64(codes.count))
        for (slot, code) in codes.enumerated() {
            writer.string(code)
            writer.int(Int64(counts[slot]))
            writer.double(absoluteSums[slot])
            writer.double(signedSums[slot])
        }
    }

    mutating func mergeEncoded(from reader: inout ReportBytesReader) throws {
        for _ in 0..<(try reader.count()) {
            let slot = self.slot(try reader.string())
            counts[slot] += Int(try reader.int())
            absoluteSums[slot] += try reader.double()
            signedSums[slot] += try reader.double()
        }
    }
}
